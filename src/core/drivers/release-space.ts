import { formatBytes } from '../doctor/host-checks.js'
import { errorMessage } from '../errors.js'
import { HostError } from './host-transport.js'
import { failIfAny, type HostState, type Settled } from './release-phases.js'
import { freeSpace } from './release-scripts.js'
import type { LiveManifest } from './release-manifest.js'
import type { SourceEntry } from './release-source.js'

/**
 * Disk space on the hosts of a releases deploy. A full disk used to surface as rsync's
 * "[sender] write error: Broken pipe": the free space under the deploy root is read in the
 * command that takes the lock (freeSpace in PREPARE, no extra round trip), compared with what
 * the new release writes before anything is uploaded, and read again when an upload fails, so
 * the error says the disk is full and how much is free.
 */

const DIAGNOSE_TIMEOUT_MS = 30_000
const DIAGNOSE = `
root=$1
${freeSpace('root')}`

export interface FreeSpace {
  bytes: number
  mount: string
}

/** The `free` line of freeSpace's output, if there is one. Pure. */
export function parseFreeSpace(stdout: string): FreeSpace | undefined {
  const m = /^free\t(\d+)\t(.*)$/m.exec(stdout)
  return m ? { bytes: Number(m[1]) * 1024, mount: m[2] } : undefined
}

/** Filesystems allocate whole blocks: a 10-byte file takes 4 KiB, as does a directory. */
const BLOCK = 4096
const blocks = (bytes: number) => Math.ceil(bytes / BLOCK) * BLOCK

/** bytesNeeded's answers by source and manifest: hosts of one release share one count. */
const counted = new WeakMap<SourceEntry[], Map<LiveManifest | undefined, number>>()

/**
 * Bytes the new release writes on a host: every file and directory, rounded up to whole
 * blocks, less the files the live release's manifest lists with the same size and mode (they
 * are hard-linked). Undefined when a release is live but its manifest cannot be trusted: rsync
 * then hard-links what it finds identical, which only the upload knows. Pure (remembered by
 * source and manifest, which nobody changes once made).
 */
export function bytesNeeded(
  entries: SourceEntry[],
  live: string | undefined,
  manifest: LiveManifest | undefined
): number | undefined {
  if (live && !manifest) return undefined
  let byManifest = counted.get(entries)
  if (!byManifest) counted.set(entries, (byManifest = new Map()))
  let total = byManifest.get(manifest)
  if (total !== undefined) return total
  total = 0
  for (const e of entries) {
    if (e.kind === 'dir') total += BLOCK
    if (e.kind !== 'file') continue
    const old = manifest?.get(e.path)
    if (old && old.size === e.size && old.mode === e.mode) continue
    total += blocks(e.size)
  }
  byManifest.set(manifest, total)
  return total
}

function fullDisk(free: FreeSpace, need: number): string {
  return `disk full: ${formatBytes(free.bytes)} free on ${free.mount}, the release needs ${formatBytes(need)}`
}

/** Whether there is room, and if not, the one-line problem. Pure. */
export function spaceProblem(
  free: FreeSpace | undefined,
  need: number | undefined
): string | undefined {
  if (!free || need === undefined || free.bytes >= need) return undefined
  return fullDisk(free, need)
}

/**
 * Refuses the deploy before anything is uploaded when a host has less free space than the new
 * release writes there, naming each such host, what is free and what is needed.
 */
export function requireSpace(hosts: HostState[], entries: SourceEntry[]): void {
  const results = hosts.map((host): Settled => {
    const problem = spaceProblem(host.free, bytesNeeded(entries, host.live, host.liveManifest))
    return problem
      ? { ok: false, error: new HostError(host.transport.label, problem) }
      : { ok: true }
  })
  failIfAny(
    hosts,
    results,
    'Disk space check',
    'Nothing was uploaded; no host was switched; every host still serves its old release.'
  )
}

/**
 * After a failed upload: reads the free space again, and when it is less than the release
 * needs (or rsync said ENOSPC), throws the error rewritten to say the disk is full, with what
 * rsync said after it; any other failure is thrown unchanged. A round trip only on this path.
 */
export async function explainUploadFailure(
  host: HostState,
  root: string,
  entries: SourceEntry[],
  signal: AbortSignal,
  error: unknown
): Promise<never> {
  if (signal.aborted) throw error
  const { transport } = host
  const need =
    bytesNeeded(entries, host.live, host.liveManifest) ??
    bytesNeeded(entries, undefined, undefined)!
  const answer = await transport
    .run(DIAGNOSE, [root], { timeoutMs: DIAGNOSE_TIMEOUT_MS })
    .catch(() => undefined)
  const free = answer?.exitCode === 0 ? parseFreeSpace(answer.stdout) : undefined
  const said = errorMessage(error).replace(`${transport.label}: `, '')
  const enospc = /No space left on device|Disk quota exceeded/i.test(said)
  if (!free || (free.bytes >= need && !enospc)) throw error
  throw new HostError(transport.label, `${fullDisk(free, need)} (${said})`)
}
