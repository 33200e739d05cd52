import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs'
import { chmod, mkdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { createReleasesDriver } from '../../src/core/drivers/releases-driver.js'
import {
  MANIFEST_HEADER,
  fullManifest,
  hashSource,
  manifestLine,
  parseManifest,
  planUpload
} from '../../src/core/drivers/release-manifest.js'
import { scanReleaseTree, type SourceEntry } from '../../src/core/drivers/release-source.js'
import { parsePrepared, watchManifest } from '../../src/core/drivers/release-upload.js'
import type { ReleasesDriverSettings } from '../../src/core/settings/deploy-settings.js'
import { testContext } from '../support/context.js'
import { liveRelease, prelinkDone, releasesSettings, request, tempDir } from './fixtures.js'

/*
 * The manifest path of a redeploy (release-manifest.ts): unchanged files hard-linked on the
 * host without being read or sent, and the --checksum path whenever the live release's
 * manifest cannot be trusted. `hosts: local` runs the same host scripts as SSH.
 */
let work: string
let root: string
let src: string
beforeEach(async () => {
  prelink = true
  work = await tempDir('manifest')
  root = join(work, 'app')
  src = join(work, 'src')
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

async function writeTree(files: Record<string, string>): Promise<void> {
  await rm(src, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  await mkdir(src, { recursive: true })
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(src, name, '..'), { recursive: true })
    await writeFile(join(src, name), content)
  }
}

const BASE: Record<string, string> = Object.fromEntries(
  Array.from({ length: 20 }, (_, i) => [`lib/m${i}.js`, `module ${i}\n`.repeat(200)])
)

/**
 * After a deploy the host links the new release into releases/.prelink-<release> in the
 * background, for the next deploy's LINK to rename (see PRELINK_PERL). The tests wait for it,
 * so that each path is taken on purpose: with `prelink` off they remove the tree, and the next
 * deploy links every file itself beside rsync.
 */
let prelink = true

async function prelinked(release: string): Promise<void> {
  await prelinkDone(root, release)
  if (!prelink) {
    await rm(join(root, 'releases', `.prelink-${release}`), { recursive: true })
    await rm(join(root, 'releases', `.prelink-${release}.done`))
  }
}

async function deploy(
  version: string,
  extra: Partial<ReleasesDriverSettings> = {},
  env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME }
) {
  const ctx = testContext()
  ctx.run.env = env
  const outcome = await createReleasesDriver(
    releasesSettings({ path: root, source: src, ...extra })
  ).apply(request(version), ctx)
  if (
    outcome.release &&
    /\bperl\b/.test(execFileSync('sh', ['-c', 'command -v perl || true'], { env }).toString())
  )
    await prelinked(outcome.release)
  return { report: outcome.hosts![0], release: outcome.release!, log: ctx.logger.text() }
}

const inRelease = (release: string, path: string) => join(root, 'releases', release, path)
const sameInode = (a: string, b: string) => statSync(a).ino === statSync(b).ino

/** Every timestamp new, as in a fresh CI checkout. */
async function touchAll(dir: string, files: string[]): Promise<void> {
  const later = new Date(Date.now() + 3600_000)
  for (const f of files) await utimes(join(dir, f), later, later)
}

describe.each([
  ["onto the prelinked tree, the changes on LINK's stdin", true],
  ['linking every file beside rsync', false]
])('redeploys by the manifest, %s', (_, withPrelink) => {
  beforeEach(() => {
    prelink = withPrelink
  })

  test('fresh timestamps and one changed file: only it is sent, the rest is linked', async () => {
    await writeTree({ ...BASE, 'empty.txt': '' })
    const first = await deploy('1')
    expect(first.report.unchangedBy).toBeUndefined()
    expect(existsSync(join(root, '.shiprail', 'manifests', first.release))).toBe(true)

    await writeTree({ ...BASE, 'empty.txt': '', 'lib/m3.js': 'changed\n' })
    await touchAll(src, [...Object.keys(BASE), 'empty.txt'])
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    expect(second.report.filesLinked).toBe(20)
    expect(second.report.bytesSent).toBeLessThan(3000)
    expect(second.log).toMatch(/20 unchanged files found by the live release's manifest/)
    // Each variant takes its own path: no rsync onto the prelinked tree, rsync without it.
    expect(/without rsync/.test(second.log)).toBe(prelink)
    expect(
      sameInode(inRelease(first.release, 'lib/m4.js'), inRelease(second.release, 'lib/m4.js'))
    ).toBe(true)
    expect(
      sameInode(inRelease(first.release, 'empty.txt'), inRelease(second.release, 'empty.txt'))
    ).toBe(true)
    expect(readFileSync(inRelease(second.release, 'lib/m3.js'), 'utf8')).toBe('changed\n')
    expect(readFileSync(inRelease(first.release, 'lib/m3.js'), 'utf8')).toBe(BASE['lib/m3.js'])
    expect(statSync(inRelease(second.release, 'empty.txt')).size).toBe(0)
  })

  test('a file edited on the host: the --checksum path, said in the report, and the source wins', async () => {
    await writeTree(BASE)
    const first = await deploy('1')
    await writeFile(inRelease(first.release, 'lib/m5.js'), 'edited on the host\n')
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('checksum')
    expect(second.report.fallback).toMatch(/no longer match its manifest \(edited on the host\?\)/)
    expect(second.log).toMatch(
      /unchanged files found by --checksum: files of the live release no longer match/
    )
    expect(readFileSync(inRelease(second.release, 'lib/m5.js'), 'utf8')).toBe(BASE['lib/m5.js'])
    expect(second.report.filesLinked).toBe(19)
    // The release written by the fallback has a manifest again.
    expect((await deploy('3')).report.unchangedBy).toBe('manifest')
  })

  test('a missing or older-format manifest falls back to --checksum', async () => {
    await writeTree(BASE)
    const first = await deploy('1')
    await rm(join(root, '.shiprail', 'manifests', first.release))
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('checksum')
    expect(second.report.fallback).toMatch(/has no manifest/)
    expect(second.report.filesLinked).toBe(20)

    const file = join(root, '.shiprail', 'manifests', second.release)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace(MANIFEST_HEADER, 'shiprail-manifest 0'))
    const third = await deploy('3')
    expect(third.report.fallback).toMatch(/in another format/)
  })

  test('a mode change gets a new file; the live release keeps its mode', async () => {
    await writeTree({ ...BASE, 'bin/run': '#!/bin/sh\necho hi\n' })
    await chmod(join(src, 'bin/run'), 0o644)
    const first = await deploy('1')
    await chmod(join(src, 'bin/run'), 0o755)
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    expect(statSync(inRelease(second.release, 'bin/run')).mode & 0o777).toBe(0o755)
    expect(statSync(inRelease(first.release, 'bin/run')).mode & 0o777).toBe(0o644)
    expect(second.report.filesLinked).toBe(20)
  })

  test("top-level files are linked, not sent again; the release's top directory keeps the source's mode", async () => {
    const top = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`top${i}.txt`, `${i}`]))
    await writeTree({ ...BASE, ...top })
    await chmod(src, 0o750)
    const first = await deploy('1')
    await writeTree({ ...BASE, ...top, 'top7.txt': 'changed' })
    await chmod(src, 0o751)
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    expect(second.report.filesLinked).toBe(20 + 49)
    // The changed file and the new manifest lines: no file-list entry for the 49 unchanged ones.
    expect(second.report.bytesSent).toBeLessThan(1000)
    expect(
      sameInode(inRelease(first.release, 'top8.txt'), inRelease(second.release, 'top8.txt'))
    ).toBe(true)
    expect(statSync(join(root, 'releases', second.release)).mode & 0o7777).toBe(0o751)
  })

  test('symlinks, a file turned into a directory and back, a file that went', async () => {
    await writeTree({ ...BASE, cfg: 'a file', 'old.txt': 'gone next time', 'dir/x': 'x' })
    await symlink('lib/m1.js', join(src, 'link'))
    const first = await deploy('1')
    await writeTree({ ...BASE, 'cfg/inner.txt': 'now a directory', dir: 'now a file' })
    await symlink('lib/m2.js', join(src, 'link'))
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    const rel = (p: string) => inRelease(second.release, p)
    expect(readFileSync(rel('cfg/inner.txt'), 'utf8')).toBe('now a directory')
    expect(readFileSync(rel('dir'), 'utf8')).toBe('now a file')
    expect(existsSync(rel('old.txt'))).toBe(false)
    expect(readlinkSync(rel('link'))).toBe('lib/m2.js')
    expect(lstatSync(inRelease(first.release, 'cfg')).isFile()).toBe(true)
    expect(readlinkSync(inRelease(first.release, 'link'))).toBe('lib/m1.js')
    expect(liveRelease(root)).toBe(second.release)
  })

  /** What FINISH's full walk writes as a release's stat snapshot (sorted, NUL-terminated). */
  function walkSnapshot(dir: string): Buffer {
    const found = execFileSync('find', ['.', '-type', 'f', '-printf', '%i %s %T@ %m %P\\0'], {
      cwd: dir
    })
    const records = found.toString('latin1').split('\0').slice(0, -1)
    return Buffer.from(
      records
        .sort()
        .map(r => `${r}\0`)
        .join(''),
      'latin1'
    )
  }

  /** A PATH holding every tool the host scripts use except perl: LINK's shell fallback. */
  async function pathWithoutPerl(): Promise<string> {
    const bin = join(work, 'no-perl-bin')
    await mkdir(bin, { recursive: true })
    for (const dir of (process.env.PATH ?? '').split(':')) {
      for (const name of existsSync(dir) ? readdirSync(dir) : []) {
        if (name === 'perl' || existsSync(join(bin, name))) continue
        await symlink(join(dir, name), join(bin, name)).catch(() => undefined)
      }
    }
    return bin
  }

  test.each([
    ['perl, two linking processes', false],
    ['the shell tools, without perl', true]
  ])('thousands of files with hostile names are linked exactly, by %s', async (_how, noPerl) => {
    const names = [' lead space', '-dash', 'new\nline', 'tab\there', "quote's", 'a b/c d']
    const tree: Record<string, string> = {}
    for (let i = 0; i < 2100; i++) tree[`d${i % 30}/f${i}`] = `file ${i}`
    for (const n of names) tree[`odd/${n}`] = n
    tree['gone/soon.txt'] = 'removed next time'
    await writeTree(tree)
    const env = {
      PATH: noPerl ? await pathWithoutPerl() : process.env.PATH,
      HOME: process.env.HOME
    }
    const first = await deploy('1', {}, env)
    const next = { ...tree }
    delete next['gone/soon.txt']
    await writeTree({ ...next, 'd7/f7': 'changed', [`odd/${names[2]}`]: 'changed too' })
    const second = await deploy('2', {}, env)
    expect(second.report.unchangedBy).toBe('manifest')
    expect(second.report.filesLinked).toBe(2100 + names.length - 2)
    for (const path of Object.keys(next)) {
      const changed = path === 'd7/f7' || path === `odd/${names[2]}`
      expect([
        path,
        sameInode(inRelease(first.release, path), inRelease(second.release, path))
      ]).toEqual([path, !changed])
    }
    expect(readFileSync(inRelease(second.release, 'd7/f7'), 'utf8')).toBe('changed')
    expect(readFileSync(inRelease(first.release, 'd7/f7'), 'utf8')).toBe('file 7')
    expect(existsSync(inRelease(second.release, 'gone'))).toBe(false)
    // The snapshot FINISH put together (LINK's lines and the sent files) is the disk's.
    expect(readFileSync(join(root, '.shiprail', 'manifests', `${second.release}.stat`))).toEqual(
      walkSnapshot(join(root, 'releases', second.release))
    )
    // The manifest merged on the host (by FINISH's awk, or by LINK's perl) is the source's:
    // path, mode, size and hash (a kept line keeps the runner's mtime from its first deploy).
    const lines = (text: string) =>
      text
        .split('\n')
        .filter(Boolean)
        .map(l => l.split('\t').slice(0, 4).join('\t'))
        .sort()
    const entries = scanReleaseTree(src)
    expect(
      lines(readFileSync(join(root, '.shiprail', 'manifests', second.release), 'utf8'))
    ).toEqual(lines(fullManifest(await hashSource(src, entries), [])))
  })

  test('a manifest larger than 1 MiB is still read whole and used', async () => {
    const tree: Record<string, string> = {}
    const long = 'a-rather-long-directory-name-for-a-big-release'
    for (let i = 0; i < 7000; i++) tree[`${long}/${long}/${i % 40}/module-${i}.js`] = `${i}`
    await writeTree(tree)
    const first = await deploy('1')
    expect(statSync(join(root, '.shiprail', 'manifests', first.release)).size).toBeGreaterThan(
      1024 * 1024
    )
    await writeTree({ ...tree, [`${long}/${long}/0/module-0.js`]: 'changed' })
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    expect(second.report.filesLinked).toBe(6999)
  })

  test('what a before-switch hook adds is not carried into the next release', async () => {
    await writeTree(BASE)
    await deploy('1', { beforeSwitch: 'mkdir -p vendor && echo built > vendor/lib.txt' })
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    expect(existsSync(inRelease(second.release, 'vendor'))).toBe(false)
  })

  test('shared paths stay links and out of the manifest', async () => {
    await writeTree({ ...BASE, '.env': 'from the source' })
    await deploy('1', { shared: [{ path: '.env', kind: 'file' }] })
    await writeFile(join(root, 'shared', '.env'), 'edited in shared')
    const second = await deploy('2', { shared: [{ path: '.env', kind: 'file' }] })
    expect(second.report.unchangedBy).toBe('manifest')
    expect(readFileSync(inRelease(second.release, '.env'), 'utf8')).toBe('edited in shared')
    // Without the shared path the release gets the source's file again.
    const third = await deploy('3')
    expect(lstatSync(inRelease(third.release, '.env')).isFile()).toBe(true)
    expect(readFileSync(inRelease(third.release, '.env'), 'utf8')).toBe('from the source')
  })
})

describe('the tree prelinked after a deploy (PRELINK_PERL)', () => {
  const prelinkDir = (release: string) => join(root, 'releases', `.prelink-${release}`)

  test('holds every file of the release as a link, and the next deploy takes it over', async () => {
    await writeTree(BASE)
    const first = await deploy('1')
    expect(
      sameInode(inRelease(first.release, 'lib/m0.js'), join(prelinkDir(first.release), 'lib/m0.js'))
    ).toBe(true)
    expect(readFileSync(`${prelinkDir(first.release)}.done`, 'utf8')).toBe(`ok\t${first.release}\n`)
    await writeTree({ ...BASE, 'lib/m0.js': 'changed\n' })
    const second = await deploy('2')
    expect(second.log).toMatch(/without rsync/)
    expect(existsSync(prelinkDir(first.release))).toBe(false)
    expect(readFileSync(inRelease(second.release, 'lib/m0.js'), 'utf8')).toBe('changed\n')
    expect(readFileSync(inRelease(first.release, 'lib/m0.js'), 'utf8')).toBe(BASE['lib/m0.js'])
    expect(
      sameInode(inRelease(first.release, 'lib/m1.js'), inRelease(second.release, 'lib/m1.js'))
    ).toBe(true)
  })

  test.each([
    ['file', (at: string) => writeFile(at, 'not from the build')],
    ['symlink', (at: string) => symlink('/etc/passwd', at)]
  ])(
    'a %s added to the prelinked tree is not trusted: the release is linked from the live one',
    async (_, plant) => {
      await writeTree(BASE)
      const first = await deploy('1')
      await plant(join(prelinkDir(first.release), 'planted'))
      await writeTree({ ...BASE, 'lib/m0.js': 'changed\n' })
      const second = await deploy('2')
      expect(second.report.unchangedBy).toBe('manifest')
      expect(second.log).not.toMatch(/without rsync/)
      expect(existsSync(inRelease(second.release, 'planted'))).toBe(false)
      expect(lstatSync(inRelease(second.release, 'lib')).isDirectory()).toBe(true)
      expect(second.report.filesLinked).toBe(19)
    }
  )

  test('a file of the prelinked tree replaced by another is not trusted either', async () => {
    await writeTree(BASE)
    const first = await deploy('1')
    const swapped = join(prelinkDir(first.release), 'lib/m7.js')
    await rm(swapped)
    await writeFile(swapped, BASE['lib/m7.js'])
    await writeTree({ ...BASE, 'lib/m0.js': 'changed\n' })
    const second = await deploy('2')
    expect(second.log).not.toMatch(/without rsync/)
    expect(
      sameInode(inRelease(first.release, 'lib/m7.js'), inRelease(second.release, 'lib/m7.js'))
    ).toBe(true)
  })

  test('an unfinished or stale prelinked tree is removed, never used', async () => {
    await writeTree(BASE)
    const first = await deploy('1')
    await rm(`${prelinkDir(first.release)}.done`)
    await mkdir(join(root, 'releases', '.prelink-20200101T000000Z-0'))
    await writeTree({ ...BASE, 'lib/m0.js': 'changed\n' })
    const second = await deploy('2')
    expect(second.log).not.toMatch(/without rsync/)
    expect(second.report.filesLinked).toBe(19)
    const left = readdirSync(join(root, 'releases')).filter(n => n.startsWith('.prelink-'))
    expect(left.sort()).toEqual([`.prelink-${second.release}`, `.prelink-${second.release}.done`])
  })

  test('a read-only directory still gets its new file; modes of files and directories are kept', async () => {
    await writeTree({ ...BASE, 'ro/a.txt': 'a' })
    await chmod(join(src, 'ro'), 0o755)
    const first = await deploy('1')
    await writeTree({ ...BASE, 'ro/a.txt': 'a', 'ro/b.txt': 'new', 'tool.sh': '#!/bin/sh\n' })
    await chmod(join(src, 'tool.sh'), 0o750)
    await chmod(join(src, 'ro'), 0o555)
    const second = await deploy('2')
    expect(second.log).toMatch(/without rsync/)
    expect(readFileSync(inRelease(second.release, 'ro/b.txt'), 'utf8')).toBe('new')
    expect(statSync(inRelease(second.release, 'ro')).mode & 0o777).toBe(0o555)
    expect(statSync(inRelease(second.release, 'tool.sh')).mode & 0o777).toBe(0o750)
    expect(statSync(inRelease(first.release, 'ro')).mode & 0o777).toBe(0o755)
    await chmod(inRelease(second.release, 'ro'), 0o755)
  })

  test('when most files change, the prelinked tree goes and only the kept files are linked', async () => {
    await writeTree(BASE)
    const first = await deploy('1')
    const most = Object.fromEntries(
      Object.keys(BASE).map((k, i) => [k, i < 15 ? `new ${i}\n` : BASE[k]])
    )
    await writeTree(most)
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    expect(second.report.filesLinked).toBe(5)
    expect(readFileSync(inRelease(second.release, 'lib/m3.js'), 'utf8')).toBe('new 3\n')
    expect(readFileSync(inRelease(first.release, 'lib/m3.js'), 'utf8')).toBe(BASE['lib/m3.js'])
    expect(
      sameInode(inRelease(first.release, 'lib/m18.js'), inRelease(second.release, 'lib/m18.js'))
    ).toBe(true)
  })

  test('changes over 4 MiB go by rsync, onto the prelinked tree', async () => {
    await writeTree(BASE)
    await deploy('1')
    await writeTree({ ...BASE, 'big.bin': 'x'.repeat(5 << 20) })
    const second = await deploy('2')
    expect(second.log).not.toMatch(/without rsync/)
    expect(second.report.filesLinked).toBe(20)
    expect(statSync(inRelease(second.release, 'big.bin')).size).toBe(5 << 20)
  })
})

describe('the quick check: size and modification time, as rsync', () => {
  const manifestOf = (release: string) =>
    parseManifest(readFileSync(join(root, '.shiprail', 'manifests', release), 'utf8'))!

  test("the manifest records each file's mtime and identity; a file with the same size, time and identity is not read", async () => {
    await writeTree(BASE)
    const first = await deploy('1')
    const live = manifestOf(first.release)
    const entries = scanReleaseTree(src)
    const m0 = entries.find(e => e.path === 'lib/m0.js')!
    expect(live.get('lib/m0.js')?.mtime).toBe(m0.mtime)
    expect(live.get('lib/m0.js')?.identity).toBe(m0.identity)
    // A recorded hash that no read could give: taken as it is, so the file was not read.
    const known = new Map(live)
    known.set('lib/m0.js', { ...live.get('lib/m0.js')!, hash: 'Q'.repeat(43) })
    known.set('lib/m1.js', { ...live.get('lib/m1.js')!, hash: 'Q'.repeat(43), mtime: 1 })
    known.set('lib/m2.js', { ...live.get('lib/m2.js')!, hash: 'Q'.repeat(43), identity: '1:2:3' })
    known.set('lib/m3.js', { ...live.get('lib/m3.js')!, hash: 'Q'.repeat(43), size: 1 })
    const facts = await hashSource(src, entries, undefined, known)
    expect(facts.get('lib/m0.js')?.hash).toBe('Q'.repeat(43))
    for (const read of ['lib/m1.js', 'lib/m2.js', 'lib/m3.js'])
      expect([read, facts.get(read)?.hash]).toEqual([read, live.get(read)?.hash])
  })

  test('a rewrite that keeps size and mtime IS noticed (rsync would not): its change time moved', async () => {
    await writeTree(BASE)
    const file = join(src, 'lib/m7.js')
    // Whole seconds, so that setting the time again gives exactly the same mtime.
    const time = Math.floor(Date.now() / 1000) - 60
    await utimes(file, time, time)
    const first = await deploy('1')
    const edited = BASE['lib/m7.js'].replace('module', 'MODULE')
    await writeFile(file, edited)
    await utimes(file, time, time)
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    expect(readFileSync(inRelease(second.release, 'lib/m7.js'), 'utf8')).toBe(edited)
    expect(
      sameInode(inRelease(first.release, 'lib/m7.js'), inRelease(second.release, 'lib/m7.js'))
    ).toBe(false)
    expect(second.report.filesLinked).toBe(19)
  })

  test('another source tree whose files have the same sizes and times as the live ones is read', async () => {
    // Two builds written in the same clock tick, or by a build that fixes every mtime.
    const time = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)
    const one = join(work, 'one')
    const two = join(work, 'two')
    for (const [dir, text] of [
      [one, 'version 1'],
      [two, 'version 2']
    ]) {
      await mkdir(dir, { recursive: true })
      await writeFile(join(dir, 'index.html'), text)
      await utimes(join(dir, 'index.html'), time, time)
    }
    await deploy('1', { source: one })
    const second = await deploy('2', { source: two })
    expect(second.report.unchangedBy).toBe('manifest')
    expect(readFileSync(inRelease(second.release, 'index.html'), 'utf8')).toBe('version 2')
  })

  test('a fresh checkout is hashed in full: a same-size change is found, the rest is linked', async () => {
    await writeTree(BASE)
    const first = await deploy('1')
    await writeTree({ ...BASE, 'lib/m2.js': BASE['lib/m2.js'].replace('module', 'MODULE') })
    await touchAll(src, Object.keys(BASE))
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    expect(second.report.filesLinked).toBe(19)
    expect(readFileSync(inRelease(second.release, 'lib/m2.js'), 'utf8')).toMatch(/^MODULE/)
    expect(readFileSync(inRelease(first.release, 'lib/m2.js'), 'utf8')).toMatch(/^module/)
    expect(manifestOf(second.release).get('lib/m2.js')?.mtime).toBe(
      statSync(join(src, 'lib/m2.js')).mtimeMs
    )
  })

  test('a version-1 manifest (no mtimes) is still used, and the next one is version 2', async () => {
    await writeTree(BASE)
    const first = await deploy('1')
    const file = join(root, '.shiprail', 'manifests', first.release)
    const v1 = (await readFile(file, 'utf8'))
      .replace(MANIFEST_HEADER, 'shiprail-manifest 1')
      .replace(/\t[-\d.]+$/gm, '')
    await writeFile(file, v1)
    await writeFile(join(src, 'lib/m9.js'), 'changed\n')
    const second = await deploy('2')
    expect(second.report.unchangedBy).toBe('manifest')
    expect(second.report.filesLinked).toBe(19)
    const text = await readFile(join(root, '.shiprail', 'manifests', second.release), 'utf8')
    expect(text.split('\n')[0]).toBe(MANIFEST_HEADER)
    expect(manifestOf(second.release).size).toBe(20)
    expect(manifestOf(second.release).get('lib/m9.js')?.mtime).toBeDefined()
    expect((await deploy('3')).report.unchangedBy).toBe('manifest')
  })
})

describe('manifest rules', () => {
  const f = (path: string, mode = 0o644): SourceEntry => ({
    path,
    kind: 'file',
    mode,
    size: 1,
    mtime: 0,
    identity: '1:1:0'
  })
  const facts = (hash: string, mode = 0o644) => ({ mode, size: 1, hash: hash.repeat(43) })

  test('planUpload keeps only files with the same content, size and mode', () => {
    const live = new Map([
      ['same', facts('a')],
      ['edited', facts('b')],
      ['chmod', facts('c')],
      ['gone', facts('d')],
      ['shared/x', facts('e')]
    ])
    const entries: SourceEntry[] = [
      f('same'),
      f('edited'),
      f('chmod', 0o755),
      { path: 'd', kind: 'dir', mode: 0o755, size: 0, mtime: 0, identity: '1:2:0' },
      { path: 'l', kind: 'symlink', mode: 0o777, size: 1, mtime: 0, identity: '1:3:0' },
      f('new'),
      f('shared/x')
    ]
    const plan = planUpload(
      entries,
      new Map([
        ['same', facts('a')],
        ['edited', facts('B')],
        ['chmod', facts('c', 0o755)],
        ['new', facts('n')],
        ['shared/x', facts('e')]
      ]),
      live,
      ['shared']
    )
    expect(plan.keep).toBe(1)
    expect(plan.send).toEqual(['edited', 'chmod', 'd', 'l', 'new', 'shared/x'])
    expect(plan.dropPaths.sort()).toEqual(['chmod', 'edited', 'gone', 'shared/x'])
    expect(plan.dropKeys).toContain('"gone"')
    expect(
      plan.newLines
        .split('\n')
        .filter(Boolean)
        .map(l => l.split('\t')[0])
    ).toEqual([MANIFEST_HEADER, '"edited"', '"chmod"', '"new"'])
  })

  test.each([
    ['a whole manifest', `${MANIFEST_HEADER}\n${manifestLine('a\tb\nc', facts('x'))}\n`, 1],
    ['another version', `shiprail-manifest 3\n`, undefined],
    ['version 1 (no mtime)', `shiprail-manifest 1\n"a"\t644\t1\t${'x'.repeat(43)}\n`, 1],
    ['a cut line', `${MANIFEST_HEADER}\n"a"\t644\t1\n`, undefined],
    [
      'a path that is not a string',
      `${MANIFEST_HEADER}\n${'1\t644\t1\t' + 'x'.repeat(43)}\n`,
      undefined
    ]
  ])('parseManifest: %s', (_, text, size) => {
    expect(parseManifest(text)?.size).toBe(size)
  })

  test('parsePrepared reads the state of the live manifest', () => {
    const block = `--manifest--\n${MANIFEST_HEADER}\n${manifestLine('a', { mode: 0o644, size: 1, hash: 'h'.repeat(43) })}\n--manifest-end--\n`
    const ok = parsePrepared(
      `releases\t/r\nlive\tR1\ndir\tR1\n${block}prelink\tready\nmanifest\tok\n--history--\n{"x":1}\n`
    )
    expect(ok).toMatchObject({
      live: 'R1',
      dirs: ['R1'],
      prelinked: true,
      historyText: '{"x":1}\n'
    })
    expect(ok?.manifestProblem).toBeUndefined()
    expect([...(ok?.manifest?.keys() ?? [])]).toEqual(['a'])
    // The manifest comes before the host's check: without 'manifest ok' it is not used.
    const unvouched = parsePrepared(`live\tR1\n${block}--history--\n`)
    expect(unvouched?.manifest).toBeUndefined()
    expect(unvouched?.prelinked).toBe(false)
    const edited = parsePrepared(
      `live\tR1\n${block}prelink\tready\nmanifest\tchanged\t2\n--history--\n`
    )
    expect(edited?.manifest).toBeUndefined()
    expect(edited?.prelinked).toBe(false)
    // Read as it arrives, in pieces: parsed once, before the host's verdict.
    const parsed = new Map<string, ReturnType<typeof parseManifest>>()
    const seen: number[] = []
    const watch = watchManifest(parsed, m => seen.push(m.size))
    const text = `acquired\nlive\tR1\n${block}`
    for (let i = 0; i < text.length; i += 7) watch(text.slice(i, i + 7))
    expect(seen).toEqual([1])
    expect(parsePrepared(`live\tR1\n${block}manifest\tok\n--history--\n`, parsed)?.manifest).toBe(
      [...parsed.values()][0]
    )
    const changed = parsePrepared('live\tR1\nmanifest\tchanged\t3\n--history--\n')
    expect(changed?.manifestProblem).toMatch(/no longer match its manifest .*\(3 file\(s\)\)/)
    expect(parsePrepared('no marker')).toBeUndefined()
  })
})
