import type { Context } from '../context.js'
import { isLive } from './deployment-state.js'
import type { DeploymentRecord } from './ledger.js'
import { clampDescription } from './ledger.js'
import { sameRun } from './same-run.js'

/** Input `record-verdict`: `auto` records only a verdict on this same run's deployment. */
export const RECORD_VERDICT_MODES = ['auto', 'true', 'false'] as const
export type RecordVerdictMode = (typeof RECORD_VERDICT_MODES)[number]

export interface VerdictWrite {
  /** The deployment the verdict went on. */
  deployment?: DeploymentRecord
  /** Why nothing was written, in one line for the log and the summary. */
  notRecorded?: string
}

/**
 * Records a check's verdict on the live deployment of an environment, so rollback and
 * promote-from know which versions were verified. With `auto`, only when that deployment was
 * created by this same run: a check run by hand (a mistyped port) must never mark a good
 * version bad, or the next rollback would skip it.
 */
export async function recordVerdict(
  ctx: Context,
  environment: string,
  step: string,
  passed: boolean,
  detail: string,
  mode: RecordVerdictMode
): Promise<VerdictWrite> {
  if (!environment || ctx.ledger.kind === 'none') return {}
  if (mode === 'false') return skipped(ctx, step, 'record-verdict is false')
  const live = await findLive(ctx, environment)
  if (!live) {
    return skipped(ctx, step, `no live deployment of ${environment} in the ledger`)
  }
  if (mode === 'auto' && !sameRun(live.payload.run_url, ctx.run.runUrl)) {
    const by = live.payload.run_url ? `run ${live.payload.run_url}` : 'a run without a URL'
    return skipped(
      ctx,
      step,
      `live deployment ${live.id} (${live.payload.version}) was created by ${by}, not this one; set record-verdict: true to record a hand-run check`
    )
  }
  await ctx.ledger.addStatus(live.id, {
    state: passed ? 'success' : 'failure',
    description: clampDescription(`${step} ${passed ? 'passed' : 'failed'}: ${detail}`),
    logUrl: ctx.run.runUrl
  })
  return { deployment: live }
}

function skipped(ctx: Context, step: string, why: string): VerdictWrite {
  ctx.logger.warning(`The ${step} verdict is not recorded: ${why}.`)
  return { notRecorded: why }
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
