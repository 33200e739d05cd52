import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createReleasesDriver } from '../../src/core/drivers/releases-driver.js'
import { CheckFailedError, UserError } from '../../src/core/errors.js'
import { testContext } from '../support/context.js'
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

let work: string
beforeEach(async () => {
  work = await tempDir('local')
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

async function deploy(
  root: string,
  source: string,
  version: string,
  extra: Partial<Parameters<typeof releasesSettings>[0]> = {}
) {
  const ctx = testContext()
  const driver = createReleasesDriver(releasesSettings({ path: root, source, ...extra }))
  const outcome = await driver.apply(request(version), ctx)
  return { outcome, ctx }
}

describe('releases driver, hosts: local', () => {
  test('deploys, hard-links unchanged files on the next deploy, and records history', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1.0.0', { 'big.bin': 'x'.repeat(100_000) })
    const first = await deploy(root, src, '1.0.0')
    expect(first.outcome.release).toMatch(/^\d{8}T\d{6}Z-1\.0\.0$/)
    expect(liveRelease(root)).toBe(first.outcome.release)
    expect(servedVersion(root)).toBe('1.0.0')
    const report = first.outcome.hosts![0]
    expect(report.host).toBe('local')
    expect(report.bytesSent).toBeGreaterThan(100_000)
    expect(Object.keys(report.phases)).toEqual(expect.arrayContaining(['lock', 'upload', 'switch']))

    await writeRelease(src, '1.0.1', { 'big.bin': 'x'.repeat(100_000) })
    const second = await deploy(root, src, '1.0.1')
    expect(servedVersion(root)).toBe('1.0.1')
    expect(second.outcome.hosts![0].bytesSent).toBeLessThan(100_000)
    expect(second.outcome.hosts![0].filesLinked).toBe(1)
    const bigNew = statSync(join(root, 'releases', second.outcome.release!, 'big.bin'))
    const bigOld = statSync(join(root, 'releases', first.outcome.release!, 'big.bin'))
    expect(bigNew.ino).toBe(bigOld.ino)
    expect(history(root).map(e => [e.version, e.outcome])).toEqual([
      ['1.0.0', 'success'],
      ['1.0.1', 'success']
    ])
    expect(existsSync(join(root, '.shiprail', 'lock'))).toBe(false)
  })

  test('two deploys of one version in the same second get distinct releases', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1.0.0')
    const clock = { now: () => new Date('2026-11-22T05:30:12.000Z'), sleep: async () => {} }
    const driver = createReleasesDriver(releasesSettings({ path: root, source: src }))
    const a = await driver.apply(request('1.0.0'), testContext({ clock }))
    const b = await driver.apply(request('1.0.0'), testContext({ clock }))
    expect(a.release).toBe('20261122T053012Z-1.0.0')
    expect(b.release).toBe('20261122T053012Z-1.0.0-2')
    expect(liveRelease(root)).toBe(b.release)
  })

  test('a failing before-switch keeps the old release live and removes the partial one', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1')
    await deploy(root, src, '1')
    const before = releaseDirs(root)
    await writeRelease(src, '2')
    const ctx = testContext()
    const driver = createReleasesDriver(
      releasesSettings({
        path: root,
        source: src,
        beforeSwitch: 'echo "in $PWD v=$SHIPRAIL_VERSION"; exit 7'
      })
    )
    await expect(driver.apply(request('2'), ctx)).rejects.toThrow(CheckFailedError)
    expect(ctx.logger.text()).toMatch(/\[local\] in .*releases\/\d{8}T\d{6}Z-2 v=2/)
    expect(servedVersion(root)).toBe('1')
    expect(releaseDirs(root)).toEqual(before)
    expect(history(root).map(e => e.outcome)).toEqual(['success', 'failure'])
    expect(existsSync(join(root, '.shiprail', 'lock'))).toBe(false)
  })

  test('shared paths are linked into every release; hooks run in the release', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1', { 'storage/seed.txt': 'seed' })
    await mkdir(join(root, 'shared'), { recursive: true })
    await writeFile(join(root, 'shared', '.env'), 'SECRET=1\n')
    const shared = [
      { path: 'storage', kind: 'dir' as const },
      { path: '.env', kind: 'file' as const }
    ]
    const first = await deploy(root, src, '1', {
      shared,
      beforeSwitch: 'test -L storage && echo built > built.txt',
      afterSwitch: 'echo "$SHIPRAIL_RELEASE" > "$SHIPRAIL_PATH/shared/after.txt"'
    })
    expect(readFileSync(join(root, 'current', 'storage', 'seed.txt'), 'utf8')).toBe('seed')
    expect(readFileSync(join(root, 'current', 'built.txt'), 'utf8')).toBe('built\n')
    expect(readFileSync(join(root, 'shared', 'after.txt'), 'utf8')).toBe(
      `${first.outcome.release}\n`
    )
    await writeFile(join(root, 'shared', 'storage', 'upload.txt'), 'user data')
    await writeRelease(src, '2')
    await deploy(root, src, '2', { shared })
    expect(readFileSync(join(root, 'current', 'storage', 'upload.txt'), 'utf8')).toBe('user data')
    expect(readFileSync(join(root, 'current', '.env'), 'utf8')).toBe('SECRET=1\n')
  })

  // Issue 17, trap 4: `.env` used to become an empty directory here.
  test('a shared file neither the build nor shared/ has fails the deploy before the switch', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1')
    await deploy(root, src, '1')
    const before = releaseDirs(root)
    await writeRelease(src, '2')
    const ctx = testContext()
    const driver = createReleasesDriver(
      releasesSettings({
        path: root,
        source: src,
        shared: [
          { path: '.env', kind: 'file' },
          { path: 'storage', kind: 'dir' }
        ]
      })
    )
    const error = await driver.apply(request('2'), ctx).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CheckFailedError)
    expect((error as Error).message).toBe(
      `Upload failed on 1 of 1 host(s): local: shared file .env is missing: neither the build nor ${root}/shared/ has it; create it there (a directory belongs in shared-dirs, which creates it empty). No host was switched; every host still serves its old release.`
    )
    expect(servedVersion(root)).toBe('1')
    expect(releaseDirs(root)).toEqual(before)
    expect(existsSync(join(root, 'shared', '.env'))).toBe(false)
    expect(existsSync(join(root, 'shared', 'storage'))).toBe(false)
    expect(existsSync(join(root, '.shiprail', 'lock'))).toBe(false)

    // A shared file the build has seeds shared/ on the first deploy; a directory starts empty.
    await writeRelease(src, '3', { '.env': 'FROM_BUILD=1\n' })
    await driver.apply(request('3'), testContext())
    expect(servedVersion(root)).toBe('3')
    expect(readFileSync(join(root, 'shared', '.env'), 'utf8')).toBe('FROM_BUILD=1\n')
    expect(statSync(join(root, 'shared', 'storage')).isDirectory()).toBe(true)
  })

  test('the deprecated shared-paths input still works, with a one-line warning', async () => {
    const ctx = testContext()
    await createReleasesDriver(releasesSettings({ sharedPathsInput: true })).preflight(ctx)
    expect(ctx.logger.text()).toContain(
      'warning: shared-paths is deprecated: list files in shared-files and directories in shared-dirs'
    )
    const quiet = testContext()
    await createReleasesDriver(releasesSettings({})).preflight(quiet)
    expect(quiet.logger.text()).not.toContain('deprecated')
  })

  test('keep-releases prunes old and failed releases, never the live one or the rollback target', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    const releases: string[] = []
    for (const v of ['1', '2', '3']) {
      await writeRelease(src, v)
      releases.push((await deploy(root, src, v, { keepReleases: 1 })).outcome.release!)
    }
    // keep 1 = the live one, plus the rollback target
    expect(releaseDirs(root)).toEqual([releases[1], releases[2]])
    // A leftover of a killed upload is removed by the next deploy.
    await mkdir(join(root, 'releases', '20200101T000000Z-partial'))
    await writeRelease(src, '4')
    releases.push((await deploy(root, src, '4', { keepReleases: 3 })).outcome.release!)
    expect(releaseDirs(root)).toEqual([releases[1], releases[2], releases[3]])
  })

  test('a pruned release leaves releases/ at once, whole, and is removed in the background', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    const trash = join(root, 'releases', '.trash')
    const releases: string[] = []
    for (const v of ['1', '2', '3']) {
      await writeRelease(src, v, { 'big.bin': v.repeat(100_000) })
      releases.push((await deploy(root, src, v, { keepReleases: 1 })).outcome.release!)
    }
    expect(releaseDirs(root)).toEqual([releases[1], releases[2]])
    // The first release went into the trash in one rename; the background removal empties it.
    const emptied = async () => {
      for (let i = 0; i < 100 && existsSync(trash) && readdirSync(trash).length; i++)
        await new Promise(r => setTimeout(r, 50))
      return readdirSync(trash)
    }
    expect(await emptied()).toEqual([])
    // A removal a reboot interrupted: the next deploy starts it again.
    await mkdir(join(trash, 'left-over', 'deep'), { recursive: true })
    await writeFile(join(trash, 'left-over', 'deep', 'file'), 'x')
    await writeRelease(src, '4')
    await deploy(root, src, '4', { keepReleases: 3 })
    expect(await emptied()).toEqual([])
  })

  test('rollback: v1, v2, v3 -> v2 (v3 bad) -> v1 (v2 bad) -> deploy v4 -> rollback to v1', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    const rel: Record<string, string> = {}
    for (const v of ['v1', 'v2', 'v3']) {
      await writeRelease(src, v, { 'big.bin': v.repeat(50_000) })
      rel[v] = (await deploy(root, src, v)).outcome.release!
    }
    const driver = createReleasesDriver(
      releasesSettings({ path: root, source: '', afterSwitch: 'echo reloaded' })
    )
    const ctx = testContext()
    const back = await driver.apply(request('v2', 'rollback'), ctx)
    expect(back.release).toBe(rel.v2)
    expect(back.hosts![0].bytesSent).toBeUndefined()
    expect(servedVersion(root)).toBe('v2')
    expect(ctx.logger.text()).toContain('[local] reloaded')
    const h = history(root)
    expect(h.at(-2)).toMatchObject({ release: rel.v3, outcome: 'rolled-back', bad: true })
    expect(h.at(-1)).toMatchObject({
      release: rel.v2,
      operation: 'rollback',
      outcome: 'success',
      rollbackOf: rel.v3
    })

    await driver.apply(request('v1', 'rollback'), testContext())
    expect(servedVersion(root)).toBe('v1')
    // v3 was rolled back from: never a target again.
    await expect(driver.apply(request('v3', 'rollback'), testContext())).rejects.toThrow(
      /no release that deployed successfully and was not rolled back from/
    )
    await writeRelease(src, 'v4')
    await deploy(root, src, 'v4')
    await expect(driver.apply(request('v2', 'rollback'), testContext())).rejects.toThrow(
      CheckFailedError
    )
    await driver.apply(request('v1', 'rollback'), testContext())
    expect(servedVersion(root)).toBe('v1')
  })

  test('a pruned rollback target fails naming the versions still kept', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    for (const v of ['1', '2', '3', '4']) {
      await writeRelease(src, v)
      await deploy(root, src, v, { keepReleases: 1 })
    }
    const driver = createReleasesDriver(releasesSettings({ path: root }))
    await expect(driver.apply(request('1', 'rollback'), testContext())).rejects.toThrow(
      /release of version 1 was pruned .*releases still kept: 3, 4/
    )
    expect(servedVersion(root)).toBe('4')
  })

  test('two deploys at once: exactly one proceeds, the other names the holder', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1')
    const driver = createReleasesDriver(
      releasesSettings({ path: root, source: src, beforeSwitch: 'sleep 0.5' })
    )
    const run = (actor: string) =>
      driver.apply(
        request('1'),
        testContext({ run: { workspace: work, actor, runUrl: `https://ci/${actor}`, env: {} } })
      )
    const results = await Promise.allSettled([run('alice'), run('bob')])
    const ok = results.filter(r => r.status === 'fulfilled')
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(ok).toHaveLength(1)
    expect(failed).toHaveLength(1)
    expect(failed[0].reason).toBeInstanceOf(CheckFailedError)
    expect(failed[0].reason.message).toMatch(
      /locked by another deploy: (alice|bob) \(https:\/\/ci\/(alice|bob)\) since \d{4}-/
    )
    expect(releaseDirs(root)).toHaveLength(1)
  })

  test('with lock-timeout the second deploy waits and then proceeds', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1')
    const slow = createReleasesDriver(
      releasesSettings({ path: root, source: src, beforeSwitch: 'sleep 1' })
    )
    const patient = createReleasesDriver(
      releasesSettings({ path: root, source: src, lockTimeoutSeconds: 20 })
    )
    const first = slow.apply(request('1'), testContext())
    // The second starts once the first holds the lock, however slow this machine is today.
    for (let i = 0; i < 200 && !existsSync(join(root, '.shiprail', 'lock')); i++)
      await new Promise(r => setTimeout(r, 25))
    const ctx = testContext()
    const second = patient.apply(request('2'), ctx)
    await Promise.all([first, second])
    expect(ctx.logger.text()).toMatch(/waiting up to 20 s for the lock/)
    expect(history(root).map(e => e.version)).toEqual(['1', '2'])
  })

  test('a stale lock (holder process gone) is taken over with a warning', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1')
    await deploy(root, src, '1')
    const { currentMachine } = await import('../../src/core/drivers/release-lock.js')
    const me = currentMachine()
    const dead = 2 ** 22 + 12345 // above the default pid_max of most systems
    await writeFile(
      join(root, '.shiprail', 'lock'),
      JSON.stringify({
        holder: 'carol',
        runUrl: 'https://ci/carol',
        pid: dead,
        host: me.host,
        bootId: me.bootId,
        since: new Date().toISOString(),
        token: 't'
      })
    )
    await writeRelease(src, '2')
    const { ctx } = await deploy(root, src, '2')
    expect(ctx.logger.text()).toMatch(
      /warning: local: taking over the stale lock of carol .* is gone/
    )
    expect(servedVersion(root)).toBe('2')
  })

  test('the switch command unlocks only a lock that is still ours, after the history line', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1')
    const { ctx } = await deploy(root, src, '1')
    expect(existsSync(join(root, '.shiprail', 'lock'))).toBe(false)
    expect(ctx.logger.text()).not.toMatch(/could not remove the lock/)
    expect(history(root).map(e => e.outcome)).toEqual(['success'])
    // Another deploy's lock in its place (as after a take-over) survives the deploy's end.
    const foreign = '{"holder":"erin","pid":1,"since":"2026-01-01T00:00:00Z","token":"theirs"}'
    await writeRelease(src, '2')
    await deploy(root, src, '2', {
      beforeSwitch: `printf '%s\\n' '${foreign}' > "$SHIPRAIL_PATH/.shiprail/lock"`
    })
    expect(servedVersion(root)).toBe('2')
    expect(readFileSync(join(root, '.shiprail', 'lock'), 'utf8').trim()).toBe(foreign)
  })

  test('a live lock from another machine is not taken over', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1')
    await mkdir(join(root, '.shiprail'), { recursive: true })
    await writeFile(
      join(root, '.shiprail', 'lock'),
      JSON.stringify({
        holder: 'dave',
        runUrl: 'https://ci/dave',
        pid: 1,
        host: 'elsewhere',
        bootId: 'x',
        since: new Date().toISOString(),
        token: 't'
      })
    )
    await expect(deploy(root, src, '1')).rejects.toThrow(
      /locked by another deploy: dave \(https:\/\/ci\/dave\)/
    )
    expect(releaseDirs(root)).toEqual([])
  })

  test('hostile input: file names and a deploy root with spaces, quotes, $(...) and newlines stay data', async () => {
    const root = join(work, `app $(touch pwned) 'q' "dq"`)
    const src = join(work, 'src')
    const names = [
      'with space.txt',
      `quote'single.txt`,
      'dq"uote.txt',
      'dollar$(touch pwned2).txt',
      'new\nline.txt',
      '-rf'
    ]
    await writeRelease(src, '1', Object.fromEntries(names.map(n => [`odd/${n}`, n])))
    await symlink('index.html', join(src, 'link-inside'))
    await deploy(root, src, '1', {
      beforeSwitch: 'ls odd | wc -l > count.txt',
      shared: [{ path: 'sp ace', kind: 'dir' }]
    })
    for (const n of names) expect(readFileSync(join(root, 'current', 'odd', n), 'utf8')).toBe(n)
    expect(readFileSync(join(root, 'current', 'link-inside'), 'utf8')).toContain('release 1')
    expect(existsSync(join(work, 'pwned'))).toBe(false)
    expect(existsSync('pwned2')).toBe(false)
    expect(existsSync(join(root, 'current', 'sp ace'))).toBe(true)
  })

  test.each([
    ['absolute', '/etc/passwd'],
    ['upward', '../../../etc/passwd'],
    ['through a dir', 'assets/../../outside']
  ])(
    'hostile input: a symlink pointing outside the release (%s) is rejected before anything changes',
    async (_name, target) => {
      const root = join(work, 'app')
      const src = join(work, 'src')
      await writeRelease(src, '1')
      await symlink(target, join(src, 'assets', 'evil'))
      await expect(deploy(root, src, '1')).rejects.toThrow(UserError)
      await expect(deploy(root, src, '1')).rejects.toThrow(
        /"assets\/evil" is a symlink to .*outside the release/
      )
      expect(existsSync(root)).toBe(false)
    }
  )

  test('a .tar.gz source is extracted and deployed', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '7')
    const tar = join(work, 'release.tgz')
    const { spawnSync } = await import('node:child_process')
    expect(spawnSync('tar', ['-czf', tar, '-C', src, '.']).status).toBe(0)
    await deploy(root, tar, '7')
    expect(servedVersion(root)).toBe('7')
  })

  test('preflight rejects a missing source; plan describes the work', async () => {
    const driver = createReleasesDriver(
      releasesSettings({ path: join(work, 'app'), source: join(work, 'nope') })
    )
    await expect(driver.preflight(testContext())).rejects.toThrow(
      /Input 'source' .* does not exist/
    )
    expect(driver.plan(request('1')).join('\n')).toMatch(/switch .*current to the new release/)
    expect(driver.plan(request('1', 'rollback')).join('\n')).toMatch(/no upload/)
  })

  test('an upload that fails in the command that would also switch leaves current on the old release', async () => {
    const root = join(work, 'app')
    const src = join(work, 'src')
    await writeRelease(src, '1.0.0', { 'a.txt': 'a\n' })
    const first = await deploy(root, src, '1.0.0')
    await prelinkDone(root, first.outcome.release!)
    // A perl that does LINK's whole work (the one run with 14 arguments), then fails: the worst
    // moment, with the release complete on disk and its manifest written.
    const bin = join(work, 'failing-perl')
    await mkdir(bin)
    await writeFile(
      join(bin, 'perl'),
      '#!/bin/bash\n/usr/bin/perl "$@"; status=$?\nif [ $# -eq 14 ]; then exit 9; fi\nexit $status\n',
      { mode: 0o755 }
    )
    await writeRelease(src, '1.0.1', { 'a.txt': 'b\n' })
    const ctx = testContext()
    const env = { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME }
    const driver = createReleasesDriver(releasesSettings({ path: root, source: src }))
    await expect(
      driver.apply(request('1.0.1'), { ...ctx, run: { ...ctx.run, env } })
    ).rejects.toThrow(/exited with status 9/)
    expect(ctx.logger.text()).not.toMatch(/current -> /)
    expect(liveRelease(root)).toBe(first.outcome.release)
    expect(servedVersion(root)).toBe('1.0.0')
    expect(releaseDirs(root)).toEqual([first.outcome.release])
    expect(history(root).map(e => [e.version, e.outcome])).toEqual([
      ['1.0.0', 'success'],
      ['1.0.1', 'failure']
    ])
    expect(existsSync(join(root, '.shiprail', 'lock'))).toBe(false)
  })
})
