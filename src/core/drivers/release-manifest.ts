import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'
import type { SourceEntry } from './release-source.js'

/**
 * The manifest of a release: one line per regular file (path, permission bits, size, SHA-256),
 * written on each host beside the release as `<path>/.shiprail/manifests/<release>`, with a
 * stat snapshot (`<release>.stat`: inode, size, mtime, mode of every file) the host compares
 * with its disk before the manifest is trusted. A redeploy hashes the source on the runner and
 * compares with the live release's manifest: files whose content and mode are unchanged are
 * hard-linked on the host without being read on either end, and only the rest is sent.
 *
 * Format (version 2): the header line, then
 * `<JSON path>\t<mode, octal>\t<size>\t<hash>\t<mtime>\t<identity>`, mtime being the source
 * file's modification time on the runner in ms and identity its device, inode and change time
 * (SourceEntry.identity). The path is JSON so that any file name (tabs and newlines included)
 * stays on one line and the host can merge manifests with awk by the first field. Lines without
 * an identity, or without an mtime (version 1), are still read: their files are hashed again.
 */
export const MANIFEST_HEADER = 'shiprail-manifest 2'
const READABLE_HEADERS = new Set([MANIFEST_HEADER, 'shiprail-manifest 1'])

export interface FileFacts {
  mode: number
  size: number
  /** SHA-256 of the content, base64url. */
  hash: string
  /** The source file's modification time (ms) when it was hashed; absent in version 1. */
  mtime?: number
  /** The source file's SourceEntry.identity when it was hashed; absent in older manifests. */
  identity?: string
}

/** The live release's manifest, by path. */
export type LiveManifest = Map<string, FileFacts>

const READ_CHUNK = 1 << 20
/** Hashing yields to the event loop this often, so SSH work started meanwhile keeps moving. */
const SLICE_MS = 10

/**
 * Hashes every regular file of the source, streaming each in 1 MiB reads. Synchronous reads in
 * short slices beat the thread pool several times over for a checkout's many small files, and
 * the slices let SSH work started meanwhile move on.
 *
 * Quick check, stricter than rsync's: a file whose size, modification time and identity (the
 * same file on the same device, not changed since: SourceEntry.identity) equal those `known`
 * (the live release's manifest) recorded is taken to have the recorded content and is not read.
 * rsync's size-and-time check misses a rewrite that keeps both (a build with fixed timestamps, a
 * restored mtime, two trees written in the same clock tick); a rewrite always moves the change
 * time. A fresh checkout gives every file a new identity, so then every file is hashed.
 */
export async function hashSource(
  dir: string,
  entries: SourceEntry[],
  signal?: AbortSignal,
  known?: LiveManifest
): Promise<Map<string, FileFacts>> {
  const facts = new Map<string, FileFacts>()
  const buffer = Buffer.allocUnsafe(READ_CHUNK)
  let sliceStart = Date.now()
  for (const entry of entries) {
    if (entry.kind !== 'file') continue
    const old = known?.get(entry.path)
    if (old?.identity === entry.identity && old.mtime === entry.mtime && old.size === entry.size) {
      facts.set(entry.path, old.mode === entry.mode ? old : { ...old, mode: entry.mode })
      continue
    }
    const hash = createHash('sha256')
    const fd = openSync(join(dir, entry.path), 'r')
    let size = 0
    try {
      for (let n; (n = readSync(fd, buffer, 0, READ_CHUNK, null)) > 0;) {
        hash.update(buffer.subarray(0, n))
        size += n
      }
    } finally {
      closeSync(fd)
    }
    const digest = hash.digest('base64url')
    facts.set(entry.path, {
      mode: entry.mode,
      size,
      hash: digest,
      mtime: entry.mtime,
      identity: entry.identity
    })
    if (Date.now() - sliceStart >= SLICE_MS) {
      signal?.throwIfAborted()
      await new Promise(resolve => setImmediate(resolve))
      sliceStart = Date.now()
    }
  }
  return facts
}

export function manifestLine(path: string, f: FileFacts): string {
  const line = `${JSON.stringify(path)}\t${f.mode.toString(8)}\t${f.size}\t${f.hash}`
  if (f.mtime === undefined) return line
  return f.identity === undefined ? `${line}\t${f.mtime}` : `${line}\t${f.mtime}\t${f.identity}`
}

/**
 * Parses a manifest; undefined when it is not a whole manifest of a version read here. A line
 * may lack the mtime (kept from a version-1 manifest when the host merged them).
 */
export function parseManifest(text: string): LiveManifest | undefined {
  const lines = text.split('\n')
  if (!READABLE_HEADERS.has(lines[0])) return undefined
  const manifest: LiveManifest = new Map()
  for (const line of lines.slice(1)) {
    if (line === '') continue
    const m =
      /^("(?:[^"\\]|\\.)*")\t([0-7]{1,5})\t(\d+)\t([A-Za-z0-9_-]{43})(?:\t(-?\d+(?:\.\d+)?)(?:\t(\d+:\d+:\d+(?:\.\d+)?))?)?$/.exec(
        line
      )
    if (!m) return undefined
    let path: unknown = m[1].slice(1, -1)
    // Without a backslash or control character the JSON string is the path itself; anything
    // else goes to the parser, which also refuses raw control characters.
    if (needsJsonParse(m[1])) {
      try {
        path = JSON.parse(m[1])
      } catch {
        return undefined
      }
    }
    if (typeof path !== 'string') return undefined
    manifest.set(path, {
      mode: parseInt(m[2], 8),
      size: Number(m[3]),
      hash: m[4],
      ...(m[5] === undefined ? {} : { mtime: Number(m[5]) }),
      ...(m[6] === undefined ? {} : { identity: m[6] })
    })
  }
  return manifest
}

/** A backslash or a control character: text JSON.parse must read (or refuse). */
function needsJsonParse(quoted: string): boolean {
  for (let i = 0; i < quoted.length; i++) {
    const c = quoted.charCodeAt(i)
    if (c < 0x20 || c === 0x5c) return true
  }
  return false
}

/** Shared paths are links to `<path>/shared/` in every release: never in a manifest. */
function underShared(path: string, sharedPaths: string[]): boolean {
  return sharedPaths.some(p => path === p || path.startsWith(`${p}/`))
}

/** The whole manifest of a release, for a host without a usable one. */
export function fullManifest(facts: Map<string, FileFacts>, sharedPaths: string[]): string {
  const lines = [MANIFEST_HEADER]
  for (const [path, f] of facts)
    if (!underShared(path, sharedPaths)) lines.push(manifestLine(path, f))
  return lines.join('\n') + '\n'
}

export interface UploadPlan {
  /** Files hard-linked from the live release on the host. */
  keep: number
  /** Files of the live manifest not kept: the host links neither them nor what is below them. */
  dropPaths: string[]
  /** Their manifest keys (JSON paths), which the host removes when it merges manifests. */
  dropKeys: string[]
  /** The header and the lines of the files that are sent, put before the kept lines on the host. */
  newLines: string
  /** What rsync sends (`--files-from`): every directory and symlink, and the changed files. */
  send: string[]
  /** The files of `send` that stay in the release (not under a shared path): in its snapshot. */
  sentFiles: string[]
  /** The entries of `send`, and the bytes of its files: small sets go without rsync (LINK). */
  sendEntries: SourceEntry[]
  sendBytes: number
}

/**
 * Decides a redeploy from the source and the live release's manifest. A file is kept (linked,
 * not sent) only when path, content, size and mode all match: a mode change gets a new inode
 * rather than changing the live release's file through the shared one.
 */
export function planUpload(
  entries: SourceEntry[],
  facts: Map<string, FileFacts>,
  live: LiveManifest,
  sharedPaths: string[]
): UploadPlan {
  const kept = new Set<string>()
  const sentFiles: string[] = []
  // Never `.`: with --files-from, rsync copies the files directly in a listed `.` (as -d does),
  // which would send every top-level file again, racing LINK for the same paths.
  const sendEntries: SourceEntry[] = []
  let sendBytes = 0
  const lines = [MANIFEST_HEADER + '\n']
  for (const entry of entries) {
    if (entry.kind !== 'file') {
      sendEntries.push(entry)
      if (entry.kind === 'symlink') sendBytes += entry.size
      continue
    }
    const f = facts.get(entry.path)!
    const old = live.get(entry.path)
    const shared = underShared(entry.path, sharedPaths)
    if (!shared && old && old.hash === f.hash && old.size === f.size && old.mode === f.mode) {
      kept.add(entry.path)
      continue
    }
    sendEntries.push(entry)
    sendBytes += entry.size
    if (shared) continue
    sentFiles.push(entry.path)
    lines.push(manifestLine(entry.path, f) + '\n')
  }
  const dropPaths = [...live.keys()].filter(p => !kept.has(p))
  return {
    keep: kept.size,
    dropPaths,
    dropKeys: dropPaths.map(p => JSON.stringify(p)),
    newLines: lines.join(''),
    send: sendEntries.map(e => e.path),
    sentFiles,
    sendEntries,
    sendBytes
  }
}
