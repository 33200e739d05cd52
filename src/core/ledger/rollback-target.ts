import { deploymentState, describeRecord, isLive, stateNames } from './deployment-state.js'
import type { DeploymentRecord } from './ledger.js'

export type TargetChoice =
  | { ok: true; target: DeploymentRecord; verified: boolean; note?: string }
  | { ok: false; reason: string }

/** What a history holds, in the state words, for "no target" messages. */
export function describeHistory(records: DeploymentRecord[], limit = 5): string {
  if (!records.length) return 'no deployments'
  const states = stateNames(records)
  const words = records.slice(0, limit).map((r, i) => describeRecord(r, states[i]))
  return words.join(', ') + (records.length > limit ? `, and ${records.length - limit} older` : '')
}

/**
 * Versions whose newest completed deployment is bad (a check failed on it, or it was rolled back
 * from). A version redeployed and verified later is known-good again.
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

/** A rollback reads no further back than this many deployments. */
export const ROLLBACK_SCAN_LIMIT = 100

/**
 * Reads an environment's history (newest first) only as far as the choice needs: once a
 * verified target (or the requested version's deployment) is in hand, older records cannot
 * change it. Used by rollback and by history, so both name the same target.
 */
export async function readRollbackTarget(
  history: AsyncIterable<DeploymentRecord>,
  environment: string,
  options: { toVersion?: string; force?: boolean } = {}
): Promise<{ choice: TargetChoice; records: DeploymentRecord[] }> {
  const records: DeploymentRecord[] = []
  for await (const record of history) {
    records.push(record)
    if (records.length >= ROLLBACK_SCAN_LIMIT) break
    if (!records.some(isLive)) continue
    if (options.toVersion) {
      if (record.payload.version === options.toVersion && deploymentState(record).deployed) break
      continue
    }
    const choice = chooseRollbackTarget(records, environment, options)
    if (choice.ok && choice.verified) return { choice, records }
  }
  return { choice: chooseRollbackTarget(records, environment, options), records }
}
