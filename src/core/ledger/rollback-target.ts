import { deploymentState, isLive } from './deployment-state.js'
import type { DeploymentRecord } from './ledger.js'

export type TargetChoice =
  | { ok: true; target: DeploymentRecord; verified: boolean; note?: string }
  | { ok: false; reason: string }

/** What a history holds, in words, for "no target" messages. */
export function describeHistory(records: DeploymentRecord[], limit = 5): string {
  if (!records.length) return 'no deployments'
  const words = records.slice(0, limit).map(r => {
    const s = deploymentState(r)
    const what = s.running
      ? 'in progress'
      : !s.deployed
        ? 'failed to deploy'
        : s.bad
          ? 'bad'
          : s.inactive
            ? s.verified
              ? 'verified, inactive'
              : 'inactive'
            : s.verified
              ? 'live, verified'
              : 'live'
    return `${r.payload.version} (${what})`
  })
  return words.join(', ') + (records.length > limit ? `, and ${records.length - limit} older` : '')
}

/**
 * Versions whose newest completed deployment is bad (a check failed on it, or it was rolled back
 * from). A version redeployed and verified later is good again.
 */
export function badVersions(records: DeploymentRecord[]): Set<string> {
  const seen = new Set<string>()
  const bad = new Set<string>()
  for (const r of records) {
    const s = deploymentState(r)
    if (!s.deployed || seen.has(r.payload.version)) continue
    seen.add(r.payload.version)
    if (s.bad) bad.add(r.payload.version)
  }
  return bad
}

/**
 * Picks the rollback target from an environment's history (newest first). Never the live
 * version, never a bad one, never a guess:
 * - with `toVersion`: that version's newest successful deployment; unless `force`, it must have
 *   deployed here and must not be bad;
 * - otherwise the newest version before the live one whose newest deployment succeeded and is
 *   not bad, preferring one that passed its checks over one that was never checked.
 */
export function chooseRollbackTarget(
  records: DeploymentRecord[],
  environment: string,
  options: { toVersion?: string; force?: boolean } = {}
): TargetChoice {
  const liveIndex = records.findIndex(isLive)
  const history = describeHistory(records)
  if (liveIndex < 0) {
    return {
      ok: false,
      reason: `nothing is live in ${environment} to roll back from (history: ${history}).`
    }
  }
  const live = records[liveIndex]
  const bad = badVersions(records)

  if (options.toVersion) {
    const version = options.toVersion
    if (version === live.payload.version) {
      return { ok: false, reason: `${version} is already live in ${environment}.` }
    }
    const found = records.find(r => r.payload.version === version && deploymentState(r).deployed)
    if (!found) {
      if (options.force) {
        return {
          ok: false,
          reason: `${version} has no successful deployment in ${environment} to take its commit from; deploy it instead (history: ${history}).`
        }
      }
      return {
        ok: false,
        reason: `${version} never deployed successfully in ${environment} (history: ${history}); set force: true to roll back to it anyway.`
      }
    }
    if (bad.has(version) && !options.force) {
      return {
        ok: false,
        reason: `${version} is marked bad in ${environment} (a check failed on it or it was rolled back from); set force: true to roll back to it anyway.`
      }
    }
    return {
      ok: true,
      target: found,
      verified: deploymentState(found).verified,
      note: options.force && bad.has(version) ? `forced: ${version} is marked bad` : undefined
    }
  }

  const seen = new Set<string>([live.payload.version])
  let unchecked: DeploymentRecord | undefined
  for (const r of records.slice(liveIndex + 1)) {
    const s = deploymentState(r)
    if (!s.deployed || seen.has(r.payload.version)) continue
    seen.add(r.payload.version)
    if (bad.has(r.payload.version)) continue
    if (s.verified) return { ok: true, target: r, verified: true }
    unchecked ??= r
  }
  if (unchecked) {
    return {
      ok: true,
      target: unchecked,
      verified: false,
      note: `${unchecked.payload.version} deployed successfully but no check was recorded on it`
    }
  }
  return {
    ok: false,
    reason: `no known-good version to roll back to in ${environment} (history: ${history}).`
  }
}
