import type { Context } from '../context.js'
import { isLive } from './deployment-state.js'
import type { DeploymentRecord } from './ledger.js'
import { clampDescription } from './ledger.js'

/**
 * Records a check's verdict on the live deployment of an environment, so rollback and
 * promote-from know which versions were verified. Returns the deployment it went on, if any.
 */
export async function recordVerdict(
  ctx: Context,
  environment: string,
  step: string,
  passed: boolean,
  detail: string
): Promise<DeploymentRecord | undefined> {
  if (!environment || ctx.ledger.kind === 'none') return undefined
  const live = await findLive(ctx, environment)
  if (!live) {
    ctx.logger.warning(
      `No live deployment of ${environment} in the ledger; the ${step} verdict is not recorded.`
    )
    return undefined
  }
  await ctx.ledger.addStatus(live.id, {
    state: passed ? 'success' : 'failure',
    description: clampDescription(`${step} ${passed ? 'passed' : 'failed'}: ${detail}`),
    logUrl: ctx.run.runUrl
  })
  return live
}

/** How far back a scan for the live deployment goes before giving up. */
export const LIVE_SCAN_LIMIT = 50

export async function findLive(
  ctx: Context,
  environment: string
): Promise<DeploymentRecord | undefined> {
  let scanned = 0
  for await (const record of ctx.ledger.history(environment)) {
    if (isLive(record)) return record
    if (++scanned >= LIVE_SCAN_LIMIT) break
  }
  return undefined
}
