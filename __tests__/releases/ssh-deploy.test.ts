import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createReleasesDriver } from '../../src/core/drivers/releases-driver.js'
import { CheckFailedError } from '../../src/core/errors.js'
import { parseHosts, type ReleasesDriverSettings } from '../../src/core/settings/deploy-settings.js'
import { testContext } from '../support/context.js'
import { deadPort, generateClientKey, startSshd, type SshdServer } from '../support/sshd.js'
import {
  history,
  liveRelease,
  prelinkDone,
  releaseDirs,
  releasesSettings,
  request,
  servedVersion,
  tempDir,
  writeRelease
} from './fixtures.js'

/*
 * Four real sshd "hosts" on 127.0.0.1. Each runs in its own mount namespace with its own
 * directory mounted on `mnt`, so one deploy path names a different tree on every host, as on
 * real machines. The test reads each host's tree at hostRoot(i).
 */
let base: string
let servers: SshdServer[] = []
let privateKey: string
let testPath: string
let counter = 0

const mnt = () => join(base, 'mnt')
const hostRoot = (i: number) => join(base, `host-${i}`, testPath.slice(mnt().length + 1))

beforeAll(async () => {
  base = await tempDir('ssh')
  await mkdir(mnt())
  const key = await generateClientKey()
  privateKey = key.privateKey
  servers = await Promise.all(
    [0, 1, 2, 3].map(async i => {
      await mkdir(join(base, `host-${i}`))
      return startSshd({ clientKey: key, root: { at: mnt(), from: join(base, `host-${i}`) } })
    })
  )
})

afterAll(async () => {
  await Promise.all(servers.map(s => s.stop()))
  await rm(base, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

beforeEach(() => {
  testPath = join(mnt(), `t${++counter}`)
})

function sshSettings(
  hostCount: number,
  overrides: Partial<ReleasesDriverSettings> = {}
): ReleasesDriverSettings {
  const chosen = servers.slice(0, hostCount)
  return releasesSettings({
    hosts: parseHosts(chosen.map(s => s.label).join('\n')),
    path: testPath,
    sshKey: privateKey,
    knownHosts: chosen.map(s => s.knownHostsLine).join('\n'),
    ...overrides
  })
}

/** Waits for the background prelink a deploy to the first host started (see PRELINK_PERL). */
const prelinked = (release: string) => prelinkDone(hostRoot(0), release)

function sshTempDirs(): string[] {
  return readdirSync(tmpdir()).filter(n => n.startsWith('shiprail-ssh-'))
}

/**
 * Key folders that still hold this test file's private key. Other jest workers (and killed
 * deploys) leave their own folders in the shared tmp; only ours must be gone.
 */
function foldersHoldingOurKey(): string[] {
  return sshTempDirs().filter(dir => {
    try {
      return readdirSync(join(tmpdir(), dir)).some(
        f => readFileSync(join(tmpdir(), dir, f), 'utf8') === privateKey
      )
    } catch {
      return false
    }
  })
}

describe('releases driver over SSH (real sshd)', () => {
  test('deploys and rolls back over one connection per host; the key never shows and is removed', async () => {
    const src = join(base, 'src-single')
    await writeRelease(src, '1.0.0')
    const ctx = testContext()
    const driver = createReleasesDriver(
      sshSettings(1, { source: src, afterSwitch: 'echo "after $SHIPRAIL_VERSION"' })
    )
    const first = await driver.apply(request('1.0.0'), ctx)
    expect(servedVersion(hostRoot(0))).toBe('1.0.0')
    expect(liveRelease(hostRoot(0))).toBe(first.release)
    expect(ctx.logger.text()).toContain(`[${servers[0].label}] after 1.0.0`)

    await writeRelease(src, '1.0.1')
    await driver.apply(request('1.0.1'), testContext())
    expect(servedVersion(hostRoot(0))).toBe('1.0.1')

    const rollbackCtx = testContext()
    const back = await createReleasesDriver(sshSettings(1)).apply(
      request('1.0.0', 'rollback'),
      rollbackCtx
    )
    expect(back.release).toBe(first.release)
    expect(servedVersion(hostRoot(0))).toBe('1.0.0')
    expect(history(hostRoot(0)).at(-2)).toMatchObject({
      version: '1.0.1',
      outcome: 'rolled-back'
    })

    for (const c of [ctx, rollbackCtx]) {
      expect(c.logger.text()).not.toContain('PRIVATE KEY')
      expect(c.logger.text()).not.toContain(privateKey.split('\n')[1])
    }
    expect(foldersHoldingOurKey()).toEqual([])
  })

  test('connections warm started are taken over by apply, or closed by dispose when apply never runs', async () => {
    const src = join(base, 'src-warm')
    await writeRelease(src, '1.0.0')
    const ours = () => {
      const [dir] = foldersHoldingOurKey()
      return dir
    }
    const sshProcessesIn = (dir: string) =>
      execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .filter(line => line.startsWith('ssh ') && line.includes(dir))

    // Warm, then the deploy: the connections made beside preflight carry it.
    const ctx = testContext()
    const driver = createReleasesDriver(sshSettings(2, { source: src }))
    driver.warm!(ctx)
    await driver.preflight(ctx)
    const dir = ours()
    expect(dir).toBeDefined()
    const outcome = await driver.apply(request('1.0.0'), ctx)
    expect(outcome.hosts!.every(h => h.phases.connect !== undefined)).toBe(true)
    expect(servedVersion(hostRoot(1))).toBe('1.0.0')
    await driver.dispose!()
    expect(foldersHoldingOurKey()).toEqual([])
    expect(sshProcessesIn(dir)).toEqual([])

    // Warm, then the step ends before apply (a refused input, a failed ledger): nothing stays.
    const idle = createReleasesDriver(sshSettings(2, { source: src }))
    idle.warm!(testContext())
    for (let i = 0; i < 100 && !ours(); i++) await new Promise(r => setTimeout(r, 20))
    const idleDir = ours()
    expect(idleDir).toBeDefined()
    await idle.dispose!()
    expect(foldersHoldingOurKey()).toEqual([])
    expect(sshProcessesIn(idleDir)).toEqual([])
  })

  test('three hosts: every host switches to the same release', async () => {
    const src = join(base, 'src-multi')
    await writeRelease(src, '2.0.0')
    const outcome = await createReleasesDriver(sshSettings(3, { source: src, parallel: 2 })).apply(
      request('2.0.0'),
      testContext()
    )
    expect(outcome.hosts!.map(h => h.host)).toEqual(servers.slice(0, 3).map(s => s.label))
    for (const i of [0, 1, 2]) {
      expect(liveRelease(hostRoot(i))).toBe(outcome.release)
      expect(servedVersion(hostRoot(i))).toBe('2.0.0')
    }
    for (const h of outcome.hosts!) {
      expect(h.bytesSent).toBeGreaterThan(0)
      expect(Object.keys(h.phases)).toEqual(
        expect.arrayContaining(['connect', 'lock', 'upload', 'switch'])
      )
    }
  })

  test('one of four hosts unreachable: no host switches and the error names the host', async () => {
    const src = join(base, 'src-unreachable')
    await writeRelease(src, '1')
    await createReleasesDriver(sshSettings(3, { source: src })).apply(request('1'), testContext())
    const port = await deadPort()
    const settings = sshSettings(3, { source: src })
    settings.hosts = [...settings.hosts, ...parseHosts(`127.0.0.1:${port}`)]
    settings.knownHosts += `\n[127.0.0.1]:${port} ${servers[0].knownHostsLine.split(' ').slice(1).join(' ')}`
    await writeRelease(src, '2')
    const err = await createReleasesDriver(settings)
      .apply(request('2'), testContext())
      .catch(e => e)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect(err.message).toContain(`127.0.0.1:${port}`)
    expect(err.message).toMatch(/could not connect/)
    for (const i of [0, 1, 2]) {
      expect(servedVersion(hostRoot(i))).toBe('1')
      expect(releaseDirs(hostRoot(i))).toHaveLength(1)
      expect(existsSync(join(hostRoot(i), '.shiprail', 'lock'))).toBe(false)
    }
  })

  test('before-switch failing on one of three hosts: no host switches, the partial release is removed', async () => {
    const src = join(base, 'src-hook')
    await writeRelease(src, '1')
    await createReleasesDriver(sshSettings(3, { source: src })).apply(request('1'), testContext())
    await writeFile(join(hostRoot(1), 'shared', 'break'), '')
    await writeRelease(src, '2')
    const driver = createReleasesDriver(
      sshSettings(3, {
        source: src,
        beforeSwitch: 'if [ -e "$SHIPRAIL_PATH/shared/break" ]; then echo broken >&2; exit 3; fi'
      })
    )
    const err = await driver.apply(request('2'), testContext()).catch(e => e)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect(err.message).toContain(`before-switch failed on 1 of 3 host(s): ${servers[1].label}`)
    for (const i of [0, 1, 2]) {
      expect(servedVersion(hostRoot(i))).toBe('1')
      expect(releaseDirs(hostRoot(i))).toHaveLength(1)
      expect(history(hostRoot(i)).map(e => e.outcome)).toEqual(['success', 'failure'])
    }
  })

  // Issue 17, trap 4: the missing .env used to become an empty directory on that host.
  test('a shared file missing on one of two hosts fails the deploy naming it and the host', async () => {
    const src = join(base, 'src-shared')
    await writeRelease(src, '1')
    await createReleasesDriver(sshSettings(2, { source: src })).apply(request('1'), testContext())
    await writeFile(join(hostRoot(0), 'shared', '.env'), 'SECRET=0\n')
    await writeRelease(src, '2')
    const settings = sshSettings(2, {
      source: src,
      shared: [
        { path: '.env', kind: 'file' },
        { path: 'storage', kind: 'dir' }
      ]
    })
    const err = await createReleasesDriver(settings)
      .apply(request('2'), testContext())
      .catch(e => e)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect(err.message).toBe(
      `Upload failed on 1 of 2 host(s): ${servers[1].label}: shared file .env is missing: neither the build nor ${testPath}/shared/ has it; create it there (a directory belongs in shared-dirs, which creates it empty). No host was switched; every host still serves its old release.`
    )
    for (const i of [0, 1]) {
      expect(servedVersion(hostRoot(i))).toBe('1')
      expect(releaseDirs(hostRoot(i))).toHaveLength(1)
    }
    expect(existsSync(join(hostRoot(1), 'shared', '.env'))).toBe(false)

    await writeFile(join(hostRoot(1), 'shared', '.env'), 'SECRET=1\n')
    await createReleasesDriver(settings).apply(request('2'), testContext())
    for (const i of [0, 1]) {
      expect(servedVersion(hostRoot(i))).toBe('2')
      // The link names the host's own path, which only the host's namespace resolves.
      expect(readlinkSync(join(hostRoot(i), 'current', '.env'))).toBe(`${testPath}/shared/.env`)
      expect(readFileSync(join(hostRoot(i), 'shared', '.env'), 'utf8')).toBe(`SECRET=${i}\n`)
    }
  })

  // Issue 17, trap 5: migrations ran on every host at once.
  test('before-switch-once runs exactly once, on the first host, before the others run before-switch', async () => {
    const src = join(base, 'src-once')
    const log = join(base, 'once.log')
    await writeRelease(src, '1')
    await createReleasesDriver(sshSettings(2, { source: src })).apply(request('1'), testContext())
    for (const i of [0, 1]) await writeFile(join(hostRoot(i), 'shared', 'name'), `host-${i}`)
    const who = `"$(cat "$SHIPRAIL_PATH/shared/name")"`
    const settings = (once: string) =>
      sshSettings(2, {
        source: src,
        beforeSwitch: `echo ${who} before-switch >> '${log}'`,
        beforeSwitchOnce: `sleep 0.3; echo ${who} once "$PWD" "$SHIPRAIL_RELEASE_PATH" >> '${log}'; ${once}`
      })
    await writeRelease(src, '2')
    const ctx = testContext()
    const outcome = await createReleasesDriver(settings('true')).apply(request('2'), ctx)
    const releasePath = `${testPath}/releases/${outcome.release}`
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'host-0 before-switch',
      `host-0 once ${releasePath} ${releasePath}`,
      'host-1 before-switch'
    ])
    for (const i of [0, 1]) expect(servedVersion(hostRoot(i))).toBe('2')
    expect(ctx.logger.text()).toContain(`before-switch-once on ${servers[0].label}`)

    // A failed migration switches no host, and the others never start their before-switch.
    await rm(log)
    await writeRelease(src, '3')
    const err = await createReleasesDriver(settings('exit 3'))
      .apply(request('3'), testContext())
      .catch(e => e)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect(err.message).toBe(
      `before-switch-once failed on 1 of 1 host(s): ${servers[0].label}: before-switch-once exited with status 3. No host was switched; every host still serves its old release.`
    )
    expect(readFileSync(log, 'utf8')).not.toContain('host-1')
    for (const i of [0, 1]) {
      expect(servedVersion(hostRoot(i))).toBe('2')
      expect(releaseDirs(hostRoot(i))).toHaveLength(2)
    }
  })

  test('two deploys to three hosts started together: exactly one proceeds, no lock is left', async () => {
    const src = join(base, 'src-race')
    await writeRelease(src, '1')
    const settings = sshSettings(3, { source: src, beforeSwitch: 'sleep 0.3' })
    const run = (actor: string) =>
      createReleasesDriver(settings).apply(
        request(actor),
        testContext({ run: { workspace: base, actor, runUrl: `https://ci/${actor}`, env: {} } })
      )
    const results = await Promise.allSettled([run('alice'), run('bob')])
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1)
    expect(failed).toHaveLength(1)
    expect(failed[0].reason.message).toMatch(/locked by another deploy: (alice|bob) /)
    for (const i of [0, 1, 2]) {
      expect(releaseDirs(hostRoot(i))).toHaveLength(1)
      expect(existsSync(join(hostRoot(i), '.shiprail', 'lock'))).toBe(false)
    }
  })

  test('a host key that does not match known-hosts is refused; turning checking off warns', async () => {
    const src = join(base, 'src-hostkey')
    await writeRelease(src, '1')
    const wrong = sshSettings(1, {
      source: src,
      knownHosts: servers[1].knownHostsLine.replace(`:${servers[1].port}]`, `:${servers[0].port}]`)
    })
    const err = await createReleasesDriver(wrong)
      .apply(request('1'), testContext())
      .catch(e => e)
    expect(err.message).toMatch(
      /could not connect: .*(Host key verification failed|REMOTE HOST IDENTIFICATION)/
    )
    // The fix is about the known-hosts input, never OpenSSH's advice to edit our temp file.
    expect(err.message).toMatch(
      /replace its line in known-hosts|put the line in the known-hosts input/
    )
    expect(err.message).not.toMatch(/shiprail-ssh-|ssh-keygen -f|known_hosts:\d/)
    expect(existsSync(hostRoot(0))).toBe(false)

    const ctx = testContext()
    const unverified = createReleasesDriver(
      sshSettings(1, { source: src, knownHosts: '', strictHostKeyChecking: false })
    )
    await unverified.preflight(ctx)
    await unverified.apply(request('1'), ctx)
    // Said once per step, however many times the step connects.
    expect(ctx.logger.text().match(/warning: ssh-strict-host-key-checking is false/g)).toHaveLength(
      1
    )
    expect(servedVersion(hostRoot(0))).toBe('1')
  })

  test('a redeploy onto the prelinked tree: the changes go with the link command, no rsync, and the next deploy trusts its snapshot', async () => {
    const src = join(base, 'src-prelink')
    await mkdir(join(src, 'lib'), { recursive: true })
    for (let i = 0; i < 30; i++) await writeFile(join(src, 'lib', `m${i}.js`), `module ${i}\n`)
    const driver = createReleasesDriver(sshSettings(1, { source: src }))
    const first = await driver.apply(request('p.1'), testContext())
    await prelinked(first.release!)
    await writeFile(join(src, 'lib', 'm3.js'), 'changed\n')
    await mkdir(join(src, 'new dir'))
    await writeFile(join(src, 'new dir', "it's new"), 'new\n')
    const ctx = testContext()
    const second = await driver.apply(request('p.2'), ctx)
    expect(ctx.logger.text()).toMatch(
      /29 unchanged files found by the live release's manifest, renamed from the tree prelinked after the last deploy; the changes went with that command, without rsync/
    )
    const at = (release: string, path: string) => join(hostRoot(0), 'releases', release, path)
    expect(readFileSync(at(second.release!, 'lib/m3.js'), 'utf8')).toBe('changed\n')
    expect(readFileSync(at(second.release!, "new dir/it's new"), 'utf8')).toBe('new\n')
    expect(readFileSync(at(first.release!, 'lib/m3.js'), 'utf8')).toBe('module 3\n')
    expect(statSync(at(first.release!, 'lib/m4.js')).ino).toBe(
      statSync(at(second.release!, 'lib/m4.js')).ino
    )
    await prelinked(second.release!)
    const third = await driver.apply(request('p.3'), testContext())
    expect(third.hosts![0]).toMatchObject({ unchangedBy: 'manifest', filesLinked: 31 })
  })

  test('one host without hooks: a prelinked redeploy uploads and switches in one command; with a before-switch hook the switch waits for it', async () => {
    const src = join(base, 'src-fold')
    await mkdir(src, { recursive: true })
    for (let i = 0; i < 10; i++) await writeFile(join(src, `f${i}.txt`), `file ${i}\n`)
    // Counts the commands sent to the host: an ssh that logs its last argument, then runs.
    const bin = join(base, 'counting-ssh')
    const log = join(base, 'ssh-commands.log')
    const realSsh = execFileSync('sh', ['-c', 'command -v ssh'], { encoding: 'utf8' }).trim()
    await mkdir(bin, { recursive: true })
    await writeFile(
      join(bin, 'ssh'),
      `#!/bin/bash\nprintf '%s\\n' "\${@: -1}" >> '${log}'\nexec '${realSsh}' "$@"\n`,
      { mode: 0o755 }
    )
    const counted = () => {
      const env = { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME }
      return testContext({ run: { ...testContext().run, env } })
    }
    const commands = async (settings: ReleasesDriverSettings, version: string) => {
      await rm(log, { force: true })
      const outcome = await createReleasesDriver(settings).apply(request(version), counted())
      const sent = readFileSync(log, 'utf8').split('\n')
      return { outcome, scripts: sent.filter(c => c === 'bash --noprofile --norc -s').length }
    }
    const plain = sshSettings(1, { source: src })
    const first = await createReleasesDriver(plain).apply(request('f.1'), testContext())
    await prelinked(first.release!)
    await writeFile(join(src, 'f3.txt'), 'changed\n')
    const second = await commands(plain, 'f.2')
    // Lock + PREPARE, then LINK with the switch, history and unlock.
    expect(second.scripts).toBe(2)
    expect(readlinkSync(join(hostRoot(0), 'current'))).toBe(`releases/${second.outcome.release}`)
    expect(existsSync(join(hostRoot(0), '.shiprail', 'lock'))).toBe(false)
    expect(readFileSync(join(hostRoot(0), 'current', 'f3.txt'), 'utf8')).toBe('changed\n')
    const lines = readFileSync(join(hostRoot(0), '.shiprail', 'history.jsonl'), 'utf8')
    expect(
      lines
        .trim()
        .split('\n')
        .map(l => JSON.parse(l).outcome)
    ).toEqual(['success', 'success'])

    await prelinked(second.outcome.release!)
    await writeFile(join(src, 'f4.txt'), 'changed too\n')
    const hooked = sshSettings(1, { source: src, beforeSwitch: 'test -f f4.txt' })
    const third = await commands(hooked, 'f.3')
    // The hook runs between the upload and the switch: three commands and the switch.
    expect(third.scripts).toBe(4)
    expect(readlinkSync(join(hostRoot(0), 'current'))).toBe(`releases/${third.outcome.release}`)
  })

  test('incremental: redeploying 10,000 files with one changed sends a tiny fraction of the bytes', async () => {
    const src = join(base, 'src-10k')
    for (let d = 0; d < 100; d++) {
      await mkdir(join(src, `dir${d}`), { recursive: true })
      await Promise.all(
        Array.from({ length: 100 }, (_, f) =>
          writeFile(join(src, `dir${d}`, `file${f}.bin`), randomBytes(4096))
        )
      )
    }
    const driver = createReleasesDriver(sshSettings(1, { source: src }))
    const first = await driver.apply(request('10k.1'), testContext())
    await writeFile(join(src, 'dir42', 'file7.bin'), randomBytes(4096))
    const second = await driver.apply(request('10k.2'), testContext())
    const a = first.hosts![0]
    const b = second.hosts![0]
    // Reported for the benchmark notes.
    console.log(
      `10,000 files: first deploy ${a.bytesSent} bytes, one file changed ${b.bytesSent} bytes, ${b.filesLinked} files hard-linked`
    )
    expect(a.bytesSent).toBeGreaterThan(40_960_000)
    expect(b.bytesSent!).toBeLessThan(a.bytesSent! * 0.05)
    expect(b.filesLinked).toBe(9999)
  }, 120_000)
})
