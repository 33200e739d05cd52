import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createReleasesDriver } from '../../src/core/drivers/releases-driver.js'
import { bytesNeeded, parseFreeSpace, spaceProblem } from '../../src/core/drivers/release-space.js'
import type { SourceEntry } from '../../src/core/drivers/release-source.js'
import { CheckFailedError } from '../../src/core/errors.js'
import { parseHosts } from '../../src/core/settings/deploy-settings.js'
import { testContext } from '../support/context.js'
import { generateClientKey, startSshd, type SshdServer } from '../support/sshd.js'
import { liveRelease, releaseDirs, releasesSettings, request, tempDir } from './fixtures.js'

/*
 * A full disk, for real: tmpfs filesystems of 2 MiB (mounting needs root, as the containers
 * tests' dockerd does). Host 0 deploys onto the runner's disk, host 1 onto its own small tmpfs,
 * and hosts 2 and 3 onto two directories of one shared small tmpfs: each sees the whole free
 * space before the upload, and together they fill it.
 */
const MiB = 1024 * 1024
let base: string
let servers: SshdServer[] = []
let privateKey: string
const mounts: string[] = []

function mountTmpfs(at: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', at])
  mounts.push(at)
}

const mnt = () => join(base, 'mnt')
const from = (i: number) =>
  [join(base, 'disk'), join(base, 'small'), ...['a', 'b'].map(d => join(base, 'shared', d))][i]
const hostRoot = (i: number) => join(from(i), 'app')

beforeAll(async () => {
  base = await tempDir('disk')
  for (const dir of ['mnt', 'disk', 'small', 'shared']) await mkdir(join(base, dir))
  mountTmpfs(join(base, 'small'))
  mountTmpfs(join(base, 'shared'))
  await Promise.all(['a', 'b'].map(d => mkdir(join(base, 'shared', d))))
  const key = await generateClientKey()
  privateKey = key.privateKey
  servers = await Promise.all(
    [0, 1, 2, 3].map(i => startSshd({ clientKey: key, root: { at: mnt(), from: from(i) } }))
  )
})

afterAll(async () => {
  await Promise.all(servers.map(s => s.stop()))
  for (const at of mounts) execFileSync('umount', ['-l', at])
  await rm(base, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

function sshSettings(which: number[], source: string) {
  const chosen = which.map(i => servers[i])
  return releasesSettings({
    hosts: parseHosts(chosen.map(s => s.label).join('\n')),
    path: join(mnt(), 'app'),
    sshKey: privateKey,
    knownHosts: chosen.map(s => s.knownHostsLine).join('\n'),
    source
  })
}

async function releaseOf(bytes: number, name: string): Promise<string> {
  const dir = join(base, `src-${name}`)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'index.html'), `release ${name}\n`)
  // Random bytes: nothing on the way (rsync -z, a filesystem) makes them smaller.
  await writeFile(join(dir, 'blob.bin'), randomBytes(bytes))
  return dir
}

describe('disk space on the hosts (real tmpfs of 2 MiB)', () => {
  test('a release larger than a host has free is refused before any upload, naming the host, the free space and the size', async () => {
    const src = await releaseOf(3 * MiB, 'big')
    const err = await createReleasesDriver(sshSettings([0, 1], src))
      .apply(request('1.0.0'), testContext())
      .catch(e => e)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect(err.message).toMatch(
      new RegExp(
        `^Disk space check failed on 1 of 2 host\\(s\\): ${servers[1].label.replace(/[.]/g, '\\.')}: disk full: 2\\.0 MiB free on \\S+, the release needs 3\\.0 MiB\\. Nothing was uploaded; no host was switched`
      )
    )
    expect(err.message).not.toContain(servers[0].label)
    expect(err.message).not.toContain('\n')
    for (const i of [0, 1]) {
      expect(releaseDirs(hostRoot(i))).toEqual([])
      expect(liveRelease(hostRoot(i))).toBeUndefined()
      expect(existsSync(join(hostRoot(i), '.shiprail', 'lock'))).toBe(false)
    }
  })

  test('a release that fits deploys onto the small disk', async () => {
    const src = await releaseOf(MiB, 'fits')
    const outcome = await createReleasesDriver(sshSettings([1], src)).apply(
      request('1.1.0'),
      testContext()
    )
    expect(liveRelease(hostRoot(1))).toBe(outcome.release)
  })

  test('an upload that still fills the disk says so, with what is free, instead of "Broken pipe"', async () => {
    const src = await releaseOf(1.2 * MiB, 'shared')
    const err = await createReleasesDriver(sshSettings([2, 3], src))
      .apply(request('2.0.0'), testContext())
      .catch(e => e)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect(err.message).toMatch(
      /^Upload failed on [12] of 2 host\(s\): .*disk full: \d+(\.\d)? [KM]i?B free on \S+, the release needs 1\.2 MiB \(rsync exited with status \d+: /
    )
    expect(err.message).toContain('No host was switched')
    for (const i of [2, 3]) {
      expect(liveRelease(hostRoot(i))).toBeUndefined()
      expect(releaseDirs(hostRoot(i))).toEqual([])
    }
  })

  test('on this machine (hosts: local) too', async () => {
    const src = await releaseOf(3 * MiB, 'local')
    const root = join(base, 'small', 'local-app')
    const err = await createReleasesDriver(releasesSettings({ path: root, source: src }))
      .apply(request('3.0.0'), testContext())
      .catch(e => e)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect(err.message).toMatch(/^Disk space check failed on 1 of 1 host\(s\): local: disk full: /)
    expect(releaseDirs(root)).toEqual([])
  })
})

describe('what a release needs (pure)', () => {
  const file = (path: string, size: number, mode = 0o644): SourceEntry => ({
    path,
    kind: 'file',
    mode,
    size,
    mtime: 0,
    identity: `1:${path.length}:0`
  })
  const entries = [
    { path: 'assets', kind: 'dir', mode: 0o755, size: 0 } as SourceEntry,
    file('index.html', 10),
    file('assets/app.js', 5000)
  ]
  const fact = (size: number, mode = 0o644) => ({ size, mode, hash: 'h' })

  it.each<
    [
      string,
      string | undefined,
      Map<string, ReturnType<typeof fact>> | undefined,
      number | undefined
    ]
  >([
    [
      'first deploy: every file, in whole 4 KiB blocks, and each directory',
      undefined,
      undefined,
      4096 + 4096 + 8192
    ],
    [
      'a trusted manifest: files of the same size and mode are hard-linked',
      'r1',
      new Map([['index.html', fact(10)]]),
      4096 + 8192
    ],
    [
      'a changed mode is a new file',
      'r1',
      new Map([['index.html', fact(10, 0o600)]]),
      4096 + 4096 + 8192
    ],
    ['a live release without a usable manifest: unknown', 'r1', undefined, undefined]
  ])('%s', (_name, live, manifest, bytes) => {
    expect(bytesNeeded(entries, live, manifest)).toBe(bytes)
  })

  it('reads df -P output, whose mount point may hold spaces', () => {
    expect(parseFreeSpace('releases\t/x\nfree\t2048\t/srv/my app\nlive\tr1\n')).toEqual({
      bytes: 2 * MiB,
      mount: '/srv/my app'
    })
    expect(parseFreeSpace('releases\t/x\n')).toBeUndefined()
  })

  it.each([
    [2 * MiB, 3 * MiB, 'disk full: 2.0 MiB free on /srv, the release needs 3.0 MiB'],
    [3 * MiB, 3 * MiB, undefined],
    [undefined, 3 * MiB, undefined],
    [MiB, undefined, undefined]
  ])('free %p, need %p: %p', (free, need, problem) => {
    const space = free === undefined ? undefined : { bytes: free, mount: '/srv' }
    expect(spaceProblem(space, need)).toBe(problem)
  })
})
