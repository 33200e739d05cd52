import { lstatSync, readdirSync, readlinkSync, realpathSync } from 'node:fs'
import { access, constants, mkdtemp, realpath, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { UserError } from '../errors.js'
import { describeExit, runProcess } from '../process-runner.js'
import { lastLines } from './host-transport.js'

/** Preparing what a deploy uploads: the source as a checked tree on the runner. */

const EXTRACT_TIMEOUT_MS = 600_000

/** One entry of a release tree; `path` is relative, with `/` between names. */
export interface SourceEntry {
  path: string
  kind: 'file' | 'dir' | 'symlink'
  /** Permission bits (what rsync -p keeps). */
  mode: number
  size: number
  /** Modification time in ms (fractional), for the quick check (see hashSource). */
  mtime: number
  /**
   * `<device>:<inode>:<change time in ms>`: which file this is and when it last changed in any
   * way. Nobody can set a change time, so a rewrite that restores size and mtime still shows.
   */
  identity: string
}

export interface PreparedSource {
  /** Directory whose contents become the release. */
  dir: string
  /** Every entry below `dir`, parents before their children. */
  entries: SourceEntry[]
  files: number
  /** `dir` is the user's own directory (nothing extracted): a scan of it can be reused. */
  inPlace: boolean
  cleanup(): Promise<void>
}

/**
 * Reads a release tree and checks it before anything changes. Symlinks are copied as links
 * (never followed), and are accepted only when they stay inside the release: a link to /etc
 * or to ../../ would let a web server serve files outside it. Shared data belongs in
 * shared-files or shared-dirs. Only files, directories and symlinks are accepted. Synchronous
 * calls: a checkout's many small directories are read several times faster than through the
 * thread pool.
 */
export function scanReleaseTree(dir: string): SourceEntry[] {
  const root = realpathSync(dir)
  const entries: SourceEntry[] = []
  const problems: string[] = []
  const pending = ['']
  // Plain concatenation: path.join's normalising was half of a 10,000-file scan.
  const base = root.endsWith(sep) ? root : root + sep
  while (pending.length > 0 && problems.length < 5) {
    const current = pending.pop()!
    for (const entry of readdirSync(base + current, { withFileTypes: true })) {
      const rel = current ? `${current}/${entry.name}` : entry.name
      const full = base + rel
      const shown = () => JSON.stringify(rel)
      if (entry.isDirectory() || entry.isFile() || entry.isSymbolicLink()) {
        const info = lstatSync(full)
        const kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'symlink'
        entries.push({
          path: rel,
          kind,
          mode: info.mode & 0o7777,
          size: info.size,
          mtime: info.mtimeMs,
          identity: `${info.dev}:${info.ino}:${info.ctimeMs}`
        })
        if (kind === 'dir') pending.push(rel)
        if (kind === 'symlink') {
          const target = readlinkSync(full)
          let real: string | undefined
          try {
            real = realpathSync(full)
          } catch {
            real = undefined
          }
          if (!symlinkStaysInside(root, full, target, real)) {
            problems.push(
              `${shown()} is a symlink to ${JSON.stringify(target)}, outside the release`
            )
          }
        }
      } else problems.push(`${shown()} is not a file, directory or symlink`)
      if (problems.length >= 5) break
    }
  }
  if (problems.length > 0) {
    throw new UserError(
      `Input 'source' has entries a release cannot hold: ${problems.join('; ')}; expected files, directories and symlinks that point inside the release (use shared-files or shared-dirs for data outside it).`
    )
  }
  return entries
}

/** Checks a release tree (see scanReleaseTree) and counts its files. */
export async function checkReleaseTree(dir: string): Promise<number> {
  return scanReleaseTree(dir).filter(e => e.kind === 'file').length
}

/** Pure part of the symlink rule: `real` is the link's resolved target, undefined when dangling. */
export function symlinkStaysInside(
  root: string,
  link: string,
  target: string,
  real: string | undefined
): boolean {
  if (isAbsolute(target)) return false
  const inside = (p: string) => p === root || p.startsWith(root + sep)
  if (!inside(resolve(dirname(link), target))) return false
  // A dangling link cannot be resolved here; `..` through a linked directory could escape on
  // the host, so only plain downward targets are accepted.
  if (real === undefined) return !target.split(/[/\\]/).includes('..')
  return inside(real)
}

function prepared(dir: string, inPlace: boolean, cleanup: () => Promise<void>): PreparedSource {
  const entries = scanReleaseTree(dir)
  return { dir, entries, files: entries.filter(e => e.kind === 'file').length, inPlace, cleanup }
}

export async function prepareSource(
  source: string,
  signal: AbortSignal,
  env: Record<string, string | undefined>
): Promise<PreparedSource> {
  let info
  try {
    info = await stat(source)
  } catch {
    throw new UserError(
      `Input 'source' is ${JSON.stringify(source)}, which does not exist; expected a directory or a .tar.gz/.tgz file.`
    )
  }
  if (info.isDirectory()) return prepared(await realpath(source), true, async () => {})
  if (!info.isFile() || !/\.(tar\.gz|tgz)$/.test(source)) {
    throw new UserError(
      `Input 'source' is ${JSON.stringify(source)}; expected a directory or a .tar.gz/.tgz file.`
    )
  }
  const dir = await mkdtemp(join(tmpdir(), 'shiprail-source-'))
  const cleanup = () => rm(dir, { recursive: true, force: true })
  try {
    // GNU and BSD tar both refuse members with `..` or absolute names by default.
    const result = await runProcess('tar', {
      args: ['-xzf', resolve(source), '-C', dir, '--no-same-owner'],
      env,
      timeoutMs: EXTRACT_TIMEOUT_MS,
      signal,
      capture: true
    })
    if (result.exitCode !== 0) {
      throw new UserError(
        `Input 'source' (${JSON.stringify(source)}) could not be extracted: tar ${describeExit(result, EXTRACT_TIMEOUT_MS)}: ${lastLines(result.stderr)}.`
      )
    }
    return prepared(dir, false, cleanup)
  } catch (err) {
    await cleanup()
    throw err
  }
}

/** An executable `tool` in one of PATH's directories: found without starting a process. */
async function onPath(tool: string, path: string | undefined): Promise<boolean> {
  for (const dir of (path ?? '').split(':').filter(Boolean)) {
    try {
      await access(join(dir, tool), constants.X_OK)
      return true
    } catch {
      // Not in this directory.
    }
  }
  return false
}

export async function requireTool(
  tool: string,
  why: string,
  env: Record<string, string | undefined>
): Promise<void> {
  if (await onPath(tool, env.PATH)) return
  try {
    await runProcess(tool, { args: ['--version'], env, timeoutMs: 10_000, capture: true })
  } catch {
    throw new UserError(
      `Shiprail needs \`${tool}\` on the runner (${why}); install it or use driver: command.`
    )
  }
}
