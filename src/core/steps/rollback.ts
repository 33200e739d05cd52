import type { Context } from '../context.js'
import { createDriver } from '../drivers/create-driver.js'
import type { DriverRequest, HostReport } from '../drivers/driver.js'
import { CheckFailedError, errorMessage } from '../errors.js'
import { deploymentState, isLive } from '../ledger/deployment-state.js'
import type { DeploymentRecord, LedgerKind } from '../ledger/ledger.js'
import { clampDescription, shiprailInactive } from '../ledger/ledger.js'
import { chooseRollbackTarget, type TargetChoice } from '../ledger/rollback-target.js'
import { supersedeEarlier } from '../ledger/supersede.js'
import { notify } from '../notify.js'
import type { RollbackSettings } from '../settings/rollback-settings.js'
import { timed, type PhaseTiming } from './phases.js'

/** A rollback reads no further back than this many deployments. */
export const ROLLBACK_SCAN_LIMIT = 100

export interface RollbackResult {
  step: 'rollback'
  outcome: 'success' | 'failure' | 'planned'
  environment: string
  /** The version live after the rollback (the target). */
  version: string
  /** The version rolled back from. */
  fromVersion: string
  fromDeploymentId: string
  /** The deployment of the target that was reused (its commit and, for releases, its release). */
  targetDeploymentId: string
  /** Whether the target had passed its checks. */
  targetVerified: boolean
  reason: string
  driver: string
  ledger: LedgerKind
  deploymentId: string
  release: string | null
  hosts: HostReport[]
  phases: PhaseTiming[]
  /**
   * The whole driver phase in ms: for releases, connect, lock, switch `current` and write
   * history on every host (each host's own switch is in `hosts[].phases.switch`).
   */
  driverMs: number
  startedAt: string
  durationMs: number
  note?: string
  error?: string
  plan?: string[]
}

/**
 * Reads history newest first only as far as needed: once a verified target (or the requested
 * version's deployment) is in hand, older records cannot change the choice.
 */
async function chooseTarget(
  settings: RollbackSettings,
  ctx: Context
): Promise<{ choice: TargetChoice; records: DeploymentRecord[] }> {
  const records: DeploymentRecord[] = []
  const options = { toVersion: settings.toVersion || undefined, force: settings.force }
  for await (const record of ctx.ledger.history(settings.environment)) {
    records.push(record)
    if (records.length >= ROLLBACK_SCAN_LIMIT) break
    if (!records.some(isLive)) continue
    if (options.toVersion) {
      if (record.payload.version === options.toVersion && deploymentState(record).deployed) break
      continue
    }
    const choice = chooseRollbackTarget(records, settings.environment, options)
    if (choice.ok && choice.verified) return { choice, records }
  }
  return { choice: chooseRollbackTarget(records, settings.environment, options), records }
}

/**
 * The rollback step: choose the target (never a guess), record a new deployment of it, let the
 * driver put it live (releases: switch to the kept release, no upload), then mark the deployment
 * rolled back from as failed and inactive, so it is never chosen again.
 */
export async function rollback(settings: RollbackSettings, ctx: Context): Promise<RollbackResult> {
  const startedAt = ctx.clock.now()
  const phases: PhaseTiming[] = []
  const driver = await createDriver(settings.driver, ctx)
  await driver.preflight(ctx)

  const { choice, records } = await timed(ctx, phases, 'choose target', () =>
    chooseTarget(settings, ctx)
  )
  if (!choice.ok)
    throw new CheckFailedError(`Cannot roll back ${settings.environment}: ${choice.reason}`)
  const live = records.find(isLive) as DeploymentRecord
  const target = choice.target

  // At most one automatic rollback per run: a run that already rolled this environment back
  // does not roll back again (a rollback loop would hide the real failure).
  if (
    !ctx.run.manual &&
    live.payload.operation === 'rollback' &&
    ctx.run.runUrl &&
    live.payload.run_url === ctx.run.runUrl
  ) {
    throw new CheckFailedError(
      `This run already rolled ${settings.environment} back to ${live.payload.version}; not rolling back twice in one run.`
    )
  }
  const reason =
    settings.reason || `automatic rollback${ctx.run.runUrl ? ` by ${ctx.run.runUrl}` : ''}`
  if (choice.note) ctx.logger.warning(`Rollback target: ${choice.note}.`)
  ctx.logger.info(
    `Rolling ${settings.environment} back from ${live.payload.version} to ${target.payload.version}: ${reason}`
  )

  const result: RollbackResult = {
    step: 'rollback',
    outcome: 'planned',
    environment: settings.environment,
    version: target.payload.version,
    fromVersion: live.payload.version,
    fromDeploymentId: live.id,
    targetDeploymentId: target.id,
    targetVerified: choice.verified,
    reason,
    driver: settings.driver.kind,
    ledger: ctx.ledger.kind,
    deploymentId: '',
    release: null,
    hosts: [],
    phases,
    driverMs: 0,
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    note: choice.note
  }
  const request: DriverRequest = {
    operation: 'rollback',
    environment: settings.environment,
    version: target.payload.version,
    previousVersion: live.payload.version,
    ref: target.ref,
    deploymentId: ''
  }
  if (settings.dryRun) {
    result.plan = [
      `roll ${settings.environment} back from ${live.payload.version} (deployment ${live.id}) to ${target.payload.version} (deployment ${target.id})`,
      `record a rollback deployment in the ${ctx.ledger.kind} ledger; mark deployment ${live.id} failed and inactive`,
      ...driver.plan(request)
    ]
    for (const line of result.plan) ctx.logger.info(`[dry-run] ${line}`)
    result.durationMs = ctx.clock.now().getTime() - startedAt.getTime()
    return result
  }

  const record = await ctx.ledger.create({
    environment: settings.environment,
    ref: target.ref,
    description: clampDescription(
      `Rolling back to ${target.payload.version} from ${live.payload.version}`
    ),
    productionEnvironment: settings.productionEnvironment,
    logUrl: ctx.run.runUrl,
    payload: {
      version: target.payload.version,
      driver: settings.driver.kind,
      previous_version: live.payload.version,
      operation: 'rollback',
      run_url: ctx.run.runUrl ?? null,
      // The good deployment before the target, so a second rollback can continue the chain.
      previous_deployment_id: target.payload.previous_deployment_id ?? null,
      rollback_of: live.id,
      reason,
      release: target.payload.release ?? null
    }
  })
  result.deploymentId = record.id
  request.deploymentId = record.id
  if (record.id) ctx.onDeploymentStarted?.(record.id)

  try {
    const outcome = await timed(ctx, phases, `${settings.driver.kind} driver`, () =>
      driver.apply(request, ctx)
    )
    result.release = outcome.release ?? null
    result.hosts = outcome.hosts ?? []
    result.outcome = 'success'
  } catch (err) {
    result.outcome = 'failure'
    result.error = ctx.secrets.redact(errorMessage(err))
  }
  result.driverMs = phases[phases.length - 1].ms

  await timed(ctx, phases, 'record outcome', async () => {
    const ok = result.outcome === 'success'
    await ctx.ledger.addStatus(record.id, {
      state: ok ? 'success' : 'failure',
      description: clampDescription(
        ok
          ? `Rolled back to ${target.payload.version}: ${reason}`
          : `Rollback to ${target.payload.version} failed: ${result.error}`
      ),
      logUrl: ctx.run.runUrl,
      environmentUrl: ok ? settings.environmentUrl : undefined
    })
    ctx.onDeploymentFinished?.(record.id)
    if (!ok) return
    // The version rolled back from is bad from now on: a failure verdict, then inactive.
    await ctx.ledger.addStatus(live.id, {
      state: 'failure',
      description: clampDescription(
        `rollback: rolled back to ${target.payload.version}: ${reason}`
      ),
      logUrl: ctx.run.runUrl
    })
    await ctx.ledger.addStatus(live.id, shiprailInactive(`rolled back by deployment ${record.id}`))
    await supersedeEarlier(ctx.ledger, settings.environment, record.id, ctx.logger)
  })
  result.durationMs = ctx.clock.now().getTime() - startedAt.getTime()
  const icon = result.outcome === 'success' ? ':rewind:' : ':x:'
  await notify(
    ctx,
    settings.notifyUrl,
    `${icon} Shiprail ${result.outcome === 'success' ? 'rolled back' : 'failed to roll back'} ${settings.environment} from ${result.fromVersion} to ${result.version}: ${result.error ?? reason}`
  )
  return result
}
