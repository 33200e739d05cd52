import { CheckFailedError, UserError, errorMessage } from '../errors.js'
import { describeExit, type RunResult } from '../process-runner.js'
import type { HostReport } from './driver.js'
import { HostError, lastLines, type HostTransport } from './host-transport.js'
import type { HistoryEntry } from './release-history.js'
import type { LiveManifest } from './release-manifest.js'

/**
 * The phase runner of the releases driver: what it knows about each host during one
 * operation, and how a phase is run on every host and its failures turned into one error.
 */

export interface HostState {
  transport: HostTransport
  report: HostReport
  /** Release live before this operation. */
  live?: string
  /** Real path of <path>/releases on the host. */
  releasesDir: string
  /** Release directories present before this operation. */
  dirs: string[]
  history: HistoryEntry[]
  /** The live release's manifest, when the host vouched that it still matches the disk. */
  liveManifest?: LiveManifest
  /** Why the live release's manifest cannot be used (see parsePrepared). */
  manifestProblem?: string
  /** The new release directory may exist (partially) and must go if the deploy fails. */
  uploadStarted: boolean
  /** A switch was attempted: on failure this host is switched back. */
  switchTried: boolean
  /** Rollback: the release switched to. */
  target?: string
}

export type Settled = { ok: true } | { ok: false; error: unknown }

/** Runs fn for each host, at most `limit` at once, and waits for all of them. */
export async function forEachHost(
  hosts: HostState[],
  limit: number,
  fn: (host: HostState) => Promise<void>
): Promise<Settled[]> {
  const results: Settled[] = new Array(hosts.length)
  let next = 0
  const worker = async () => {
    while (next < hosts.length) {
      const i = next++
      try {
        await fn(hosts[i])
        results[i] = { ok: true }
      } catch (error) {
        results[i] = { ok: false, error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, hosts.length) }, worker))
  return results
}

export function hostMessage(host: HostState, error: unknown): string {
  const message = errorMessage(error)
  return message.startsWith(`${host.transport.label}: `)
    ? message
    : `${host.transport.label}: ${message}`
}

/** Throws one CheckFailedError naming every host where `phase` failed. */
export function failIfAny(
  hosts: HostState[],
  results: Settled[],
  phase: string,
  consequence: string
): void {
  const failed = results
    .map((r, i) => (r.ok ? undefined : hostMessage(hosts[i], r.error)))
    .filter((m): m is string => m !== undefined)
  if (failed.length === 0) return
  const user = results.find(r => !r.ok && r.error instanceof UserError)
  const text = `${phase} failed on ${failed.length} of ${hosts.length} host(s): ${failed.join('; ')}. ${consequence}`
  if (user) throw new UserError(text)
  throw new CheckFailedError(text)
}

/** Adds the time fn takes to the host's `phase` (several calls add up). */
export async function timed(
  host: HostState,
  phase: string,
  fn: () => Promise<void>
): Promise<void> {
  const started = Date.now()
  try {
    await fn()
  } finally {
    host.report.phases[phase] = (host.report.phases[phase] ?? 0) + Date.now() - started
  }
}

export function requireOk(
  host: HostState,
  what: string,
  result: RunResult,
  timeoutMs: number
): void {
  if (result.exitCode === 0) return
  const detail = lastLines(result.stderr || result.stdout)
  throw new HostError(host.transport.label, `${what} ${describeExit(result, timeoutMs)}: ${detail}`)
}
