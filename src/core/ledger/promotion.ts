import { deploymentState, describeRecord, stateNames } from './deployment-state.js'
import type { DeploymentRecord } from './ledger.js'

export type PromotionVerdict =
  { allowed: true; from: DeploymentRecord } | { allowed: false; reason: string }

/**
 * promote-from: the version must have deployed in the source environment and passed every check
 * run against it there. Records are newest first; only the newest record of the version counts,
 * so a later failed redeploy of the same version blocks promotion.
 */
export function checkPromotion(
  records: DeploymentRecord[],
  version: string,
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
  if (!deploymentState(latest).verified) {
    const others = records
      .slice(0, 3)
      .map((r, i) => (i === index ? '' : describeRecord(r, states[i])))
      .filter(Boolean)
    const also = others.length ? ` (${sourceEnvironment} also has: ${others.join(', ')})` : ''
    return {
      allowed: false,
      reason: `version ${version} is not verified in ${sourceEnvironment}: ${describeRecord(latest, states[index])}${also}.`
    }
  }
  return { allowed: true, from: latest }
}
