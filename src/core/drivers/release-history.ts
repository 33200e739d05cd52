/**
 * `<path>/.shiprail/history.jsonl` on each host: one JSON line per deploy or rollback, appended
 * with a single O_APPEND write, so a reader sees whole lines (a line cut by a crash or by
 * reading only the file's tail is skipped). The functions here are pure: they decide from the
 * history and the release directories that exist, and never touch a host.
 */

export type HistoryOutcome = 'success' | 'failure' | 'rolled-back'

export interface HistoryEntry {
  /** Release directory name under `<path>/releases/`. */
  release: string
  version: string
  /** Full commit SHA, or ''. */
  ref: string
  operation: 'deploy' | 'rollback'
  /** ISO 8601 UTC. */
  time: string
  /**
   * `success`: this release went live. `failure`: the operation failed (for a deploy, the
   * release never went live, or its after-switch failed). `rolled-back`: a rollback switched
   * away from this release; it is bad and never chosen as a target again.
   */
  outcome: HistoryOutcome
  /** Ledger deployment id, or ''. */
  deploymentId: string
  /** For a rollback's success line: the release it switched away from. */
  rollbackOf?: string
  /** Marks the release bad, whatever the outcome says. */
  bad?: boolean
  /** containers driver: the image ID the release's container runs. */
  image?: string
  /** containers driver: the `docker run` arguments before the image, to re-create a removed container. */
  runArgs?: string[]
}

/** `20261122T053012Z-1.4.2`: sortable UTC second, then the version (already a safe label). */
export const RELEASE_NAME_PATTERN = /^\d{8}T\d{6}Z-[A-Za-z0-9][A-Za-z0-9._+-]{0,140}$/

export function isReleaseName(name: string): boolean {
  return RELEASE_NAME_PATTERN.test(name)
}

/** The release name for a deploy at `now`, unique among `taken` (a second deploy in the same second gets `-2`). */
export function releaseName(now: Date, version: string, taken: Iterable<string> = []): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')
  const safe = version.replace(/[^A-Za-z0-9._+-]/g, '_').slice(0, 128) || 'release'
  const base = `${stamp}-${safe}`
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}

export function formatHistoryLine(entry: HistoryEntry): string {
  return JSON.stringify(entry)
}

/** Parses history.jsonl; lines that are not whole entries (cut, hand-edited) are skipped. */
export function parseHistory(text: string): HistoryEntry[] {
  const entries: HistoryEntry[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      const value = JSON.parse(line) as Partial<HistoryEntry>
      if (typeof value.release !== 'string' || typeof value.version !== 'string') continue
      if (!['success', 'failure', 'rolled-back'].includes(String(value.outcome))) continue
      entries.push({
        release: value.release,
        version: value.version,
        ref: typeof value.ref === 'string' ? value.ref : '',
        operation: value.operation === 'rollback' ? 'rollback' : 'deploy',
        time: typeof value.time === 'string' ? value.time : '',
        outcome: value.outcome as HistoryOutcome,
        deploymentId: typeof value.deploymentId === 'string' ? value.deploymentId : '',
        ...(typeof value.rollbackOf === 'string' ? { rollbackOf: value.rollbackOf } : {}),
        ...(value.bad === true ? { bad: true } : {}),
        ...(typeof value.image === 'string' ? { image: value.image } : {}),
        ...(Array.isArray(value.runArgs) && value.runArgs.every(a => typeof a === 'string')
          ? { runArgs: value.runArgs }
          : {})
      })
    } catch {
      // A line cut by a crash, or the first line of a tail read: not an entry.
    }
  }
  return entries
}

interface ReleaseFacts {
  version: string
  /** Went live at least once. */
  succeeded: boolean
  /** Rolled back from, failed, or marked bad. */
  bad: boolean
}

function factsByRelease(history: readonly HistoryEntry[]): Map<string, ReleaseFacts> {
  const facts = new Map<string, ReleaseFacts>()
  for (const e of history) {
    const f = facts.get(e.release) ?? { version: e.version, succeeded: false, bad: false }
    if (e.outcome === 'success') f.succeeded = true
    if (e.outcome === 'rolled-back' || e.bad) f.bad = true
    // A deploy that failed before its switch never went live; one that failed after it
    // (after-switch) did, and is not a known-good target either.
    if (e.outcome === 'failure' && e.operation === 'deploy') f.bad = true
    facts.set(e.release, f)
  }
  return facts
}

/** Releases that deployed successfully and were never marked bad, oldest first (by name = time). */
export function goodReleases(
  history: readonly HistoryEntry[],
  existing: Iterable<string>
): string[] {
  const facts = factsByRelease(history)
  return [...new Set(existing)]
    .filter(name => isReleaseName(name))
    .filter(name => {
      const f = facts.get(name)
      return f !== undefined && f.succeeded && !f.bad
    })
    .sort()
}

export type RollbackPick =
  { ok: true; release: string } | { ok: false; reason: string; keptVersions: string[] }

/**
 * The release a rollback to `version` switches to: the newest release of that version that
 * deployed successfully, is not marked bad, and still exists (when `existing` is given).
 */
export function pickRollbackRelease(
  history: readonly HistoryEntry[],
  version: string,
  existing?: Iterable<string>
): RollbackPick {
  const present = existing ? new Set(existing) : undefined
  const facts = factsByRelease(history)
  const candidates = [...facts.entries()]
    .filter(([name, f]) => f.version === version && f.succeeded && !f.bad && isReleaseName(name))
    .map(([name]) => name)
    .sort()
  const kept = candidates.filter(name => !present || present.has(name))
  if (kept.length > 0) return { ok: true, release: kept[kept.length - 1] }

  const keptVersions = present
    ? [...new Set(goodReleases(history, present).map(name => facts.get(name)!.version))]
    : []
  const keptText = present
    ? keptVersions.length
      ? `releases still kept: ${keptVersions.join(', ')}`
      : 'no known-good release is kept'
    : ''
  let reason: string
  if (candidates.length > 0) {
    reason = `the release of version ${version} was pruned (${candidates.join(', ')}); ${keptText}`
  } else if ([...facts.values()].some(f => f.version === version)) {
    reason = `version ${version} has no release that deployed successfully and was not rolled back from; ${keptText}`
  } else {
    reason = `version ${version} was never deployed here; ${keptText}`
  }
  return { ok: false, reason: reason.replace(/; $/, ''), keptVersions }
}

/**
 * Release directories to remove after a successful switch. Kept: the live release, the newest
 * good release older than it and the newest good release of another version (the rollback
 * targets), and the newest `keep` good releases counting the live one. Everything else that
 * has a release name goes: older good releases, and releases that never went live or were
 * marked bad (a failed deploy, an upload cut by a killed deploy, a release rolled back from);
 * those do not count towards `keep`. Directories without a release name are not ours and stay.
 */
export function releasesToPrune(
  history: readonly HistoryEntry[],
  existingDirs: Iterable<string>,
  live: string | undefined,
  keep: number
): string[] {
  const dirs = [...new Set(existingDirs)].filter(isReleaseName).sort()
  const good = goodReleases(history, dirs)
  const facts = factsByRelease(history)
  const protect = new Set<string>()
  if (live) protect.add(live)
  const liveVersion = live ? facts.get(live)?.version : undefined
  const older = good.filter(name => live === undefined || name < live)
  if (older.length) protect.add(older[older.length - 1])
  const otherVersion = good.filter(
    name => name !== live && facts.get(name)?.version !== liveVersion
  )
  if (otherVersion.length) protect.add(otherVersion[otherVersion.length - 1])
  const slots = Math.max(0, keep - (live ? 1 : 0))
  const newest = new Set(slots > 0 ? good.filter(name => name !== live).slice(-slots) : [])
  return dirs.filter(name => !protect.has(name) && !newest.has(name))
}
