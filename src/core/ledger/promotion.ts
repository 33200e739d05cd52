import { deploymentState, describeRecord, stateNames } from './deployment-state.js'
import type { DeploymentRecord } from './ledger.js'

export type PromotionVerdict =
  { allowed: true; from: DeploymentRecord } | { allowed: false; reason: string }

/** A commit as people quote it: the first 12 hex digits. */
function short(ref: string): string {
  return ref ? ref.slice(0, 12) : '(no commit recorded)'
}

/**
 * promote-from: the version must have deployed in the source environment, from the same commit,
 * and passed every check run against it there. A version label can be reused for another build,
 * so the label alone proves nothing: the commit SHA (`ref`) must match too. Records are newest
 * first; only the newest record of the version counts, so a later failed redeploy of the same
 * version blocks promotion.
 */
export function checkPromotion(
  records: DeploymentRecord[],
  version: string,
  ref: string,
  sourceEnvironment: string
): PromotionVerdict {
  const states = stateNames(records)
  const context = records.length
    ? `${sourceEnvironment} has: ${records
        .slice(0, 3)
        .map((r, i) => describeRecord(r, states[i]))
        .join(', ')}`
    : `${sourceEnvironment} has no deployments`
  const index = records.findIndex(r => r.payload.version === version)
  if (index < 0) {
    return {
      allowed: false,
      reason: `version ${version} was never deployed to ${sourceEnvironment} (${context}).`
    }
  }
  const latest = records[index]
  if (latest.ref.toLowerCase() !== ref.toLowerCase()) {
    const verified = records.find(r => r.payload.version === version && deploymentState(r).verified)
    const there =
      verified === latest
        ? `verified commit ${short(latest.ref)}`
        : `is commit ${short(latest.ref)} (${describeRecord(latest, states[index])})${verified ? `; it verified commit ${short(verified.ref)} before that` : ''}`
    return {
      allowed: false,
      reason: `version ${version} in ${sourceEnvironment} ${there}, not ${short(ref)}: the same label was built from another commit (${context}).`
    }
  }
  if (!deploymentState(latest).verified) {
    const others = records
      .slice(0, 3)
      .map((r, i) => (i === index ? '' : describeRecord(r, states[i])))
      .filter(Boolean)
    const also = others.length ? ` (${sourceEnvironment} also has: ${others.join(', ')})` : ''
    // Deployed with no verdict yet: say so, or "2 (live)" reads as if being live were the fault.
    const unchecked =
      deploymentState(latest).deployed && deploymentState(latest).verdicts.length === 0
        ? ', no check has recorded a verdict on it'
        : ''
    return {
      allowed: false,
      reason: `version ${version} is not verified in ${sourceEnvironment}: ${describeRecord(latest, states[index])}${unchecked}${also}.`
    }
  }
  return { allowed: true, from: latest }
}
