import type { Logger } from '../context.js'
import { deploymentState } from './deployment-state.js'
import { shiprailInactive, type Ledger } from './ledger.js'

/** A supersede walk looks at no more deployments than this. */
export const SUPERSEDE_SCAN_LIMIT = 100

/**
 * After a deployment succeeds, every earlier deployment of the environment that still counts as
 * live is marked inactive (GitHub never does this for production environments). The walk stops
 * at the first deployment already inactive: whoever made it inactive handled everything older,
 * so the usual cost is two status reads and one write, however long the history.
 */
export async function supersedeEarlier(
  ledger: Ledger,
  environment: string,
  currentId: string,
  logger: Logger
): Promise<number> {
  let scanned = 0
  let marked = 0
  // History is newest first: anything before the current deployment is newer (a concurrent
  // deploy that started later) and is not ours to supersede.
  let older = false
  for await (const record of ledger.history(environment)) {
    if (!older) {
      older = record.id === currentId
      continue
    }
    const state = deploymentState(record)
    if (state.inactive) break
    if (state.deployed) {
      await ledger.addStatus(record.id, shiprailInactive(`superseded by deployment ${currentId}`))
      marked++
    }
    if (++scanned >= SUPERSEDE_SCAN_LIMIT) {
      logger.warning(
        `Stopped marking earlier deployments inactive after ${scanned}; older ones are left as they are.`
      )
      break
    }
  }
  return marked
}
