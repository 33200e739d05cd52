import type { Context } from '../context.js'
import { createDriver } from '../drivers/create-driver.js'
import type { DriverRequest, HostReport } from '../drivers/driver.js'
import type { RunInfo } from '../context.js'
import { CheckFailedError, InputError } from '../errors.js'
import { isLive } from '../ledger/deployment-state.js'
import type { DeploymentRecord, LedgerKind } from '../ledger/ledger.js'
import { clampDescription, environmentUrlOf, shiprailInactive } from '../ledger/ledger.js'
import { readRollbackTarget } from '../ledger/rollback-target.js'
import { sameRun } from '../ledger/same-run.js'
import { supersedeEarlier } from '../ledger/supersede.js'
import { notify } from '../notify.js'
import type { RollbackSettings } from '../settings/rollback-settings.js'
import { applyDeployment } from './apply-deployment.js'
import { timed, type PhaseTiming } from './phases.js'

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
  /** The live deployment was created by this same run: the deploy undoing itself. */
  automatic: boolean
  driver: string
  ledger: LedgerKind
  /** environment-url, else the URL the rolled-back deployment recorded. */
  environmentUrl: string | null
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
    readRollbackTarget(ctx.ledger.history(settings.environment), settings.environment, {
      toVersion: settings.toVersion || undefined,
      force: settings.force
    })
  )
  const live = records.find(isLive)
  // A rollback of a deployment this same run created is the deploy undoing itself: automatic,
  // whatever started the run (push, workflow_dispatch, a CLI job in another CI).
  const automatic = live !== undefined && sameRun(live.payload.run_url, ctx.run.runUrl)
  // A person rolling production back by hand says why: bad input comes first, before anything
  // else is reported or changed.
  if (!automatic && ctx.run.manual && settings.productionEnvironment && !settings.reason) {
    throw new InputError(
      'reason',
      `is required for a manual rollback of ${settings.environment}${live ? ` (${live.payload.version} was not deployed by this run)` : ''}`,
      'a short sentence saying why'
    )
  }
  if (!choice.ok || !live)
    throw new CheckFailedError(
      `Cannot roll back ${settings.environment}: ${choice.ok ? 'nothing is live' : choice.reason}`
    )
  const target = choice.target
  // At most one automatic rollback per run: a run that already rolled this environment back
  // does not roll back again (a rollback loop would hide the real failure).
  if (automatic && live.payload.operation === 'rollback') {
    throw new CheckFailedError(
      `This run already rolled ${settings.environment} back to ${live.payload.version}; not rolling back twice in one run.`
    )
  }
  const reason = settings.reason || defaultReason(automatic, ctx.run)
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
    automatic,
    driver: settings.driver.kind,
    ledger: ctx.ledger.kind,
    environmentUrl: settings.environmentUrl ?? environmentUrlOf(live) ?? null,
    deploymentId: '',
    release: null,
    hosts: [],
    phases,
    driverMs: 0,
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    note: choice.note
  }
  // containers: the image the target recorded, by ID, so a re-pointed tag cannot change it.
  const images =
    settings.driver.kind === 'containers'
      ? {
          image: target.payload.image ?? null,
          image_id: target.payload.image_id ?? null,
          ...(target.payload.image_ids ? { image_ids: target.payload.image_ids } : {})
        }
      : undefined
  const request: DriverRequest = {
    operation: 'rollback',
    environment: settings.environment,
    version: target.payload.version,
    previousVersion: live.payload.version,
    ref: target.ref,
    deploymentId: '',
    ...(images ? { images } : {})
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

  const applied = await applyDeployment(ctx, driver, phases, {
    record: {
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
        release: target.payload.release ?? null,
        ...images
      }
    },
    request,
    successDescription: `Rolled back to ${target.payload.version}: ${reason}`,
    failureDescription: error => `Rollback to ${target.payload.version} failed: ${error}`,
    // The URL stays the environment's after a rollback: carry it over when none was given.
    environmentUrl: result.environmentUrl ?? undefined,
    lockTimeoutSeconds: settings.driver.lockTimeoutSeconds,
    // The target was chosen before the lock: a deploy that went live while this rollback
    // waited would otherwise be left live in fact while the ledger names the target.
    async confirm() {
      const now = await readLive(ctx, settings.environment)
      if (now?.id !== live.id)
        throw new CheckFailedError(
          `${settings.environment} changed while this rollback waited for it: ${now ? `${now.payload.version} (deployment ${now.id})` : 'nothing'} is live now, not ${live.payload.version}; nothing was rolled back, run the rollback again`
        )
    },
    async afterSuccess(id) {
      // The version rolled back from is bad from now on: a failure verdict, then inactive.
      await ctx.ledger.addStatus(live.id, {
        state: 'failure',
        description: clampDescription(
          `rollback: rolled back to ${target.payload.version}: ${reason}`
        ),
        logUrl: ctx.run.runUrl
      })
      await ctx.ledger.addStatus(live.id, shiprailInactive(`rolled back by deployment ${id}`))
      await supersedeEarlier(ctx.ledger, settings.environment, id, ctx.logger)
    }
  })
  result.deploymentId = applied.deploymentId
  result.release = applied.release
  result.hosts = applied.hosts
  result.outcome = applied.outcome
  result.driverMs = applied.driverMs
  if (applied.error !== undefined) result.error = applied.error
  result.durationMs = ctx.clock.now().getTime() - startedAt.getTime()
  const icon = result.outcome === 'success' ? ':rewind:' : ':x:'
  await notify(
    ctx,
    settings.notifyUrl,
    `${icon} Shiprail ${result.outcome === 'success' ? 'rolled back' : 'failed to roll back'} ${settings.environment} from ${result.fromVersion} to ${result.version}: ${result.error ?? reason}`
  )
  return result
}

async function readLive(ctx: Context, environment: string): Promise<DeploymentRecord | undefined> {
  for await (const record of ctx.ledger.history(environment)) if (isLive(record)) return record
  return undefined
}

/** The recorded reason when none was given: never "automatic" for a rollback a person started. */
export function defaultReason(automatic: boolean, run: RunInfo): string {
  if (automatic) return `automatic rollback by ${run.runUrl}`
  if (run.manual) return `manual rollback${run.actor ? ` by ${run.actor}` : ''}; no reason given`
  return `rollback by ${run.runUrl ?? 'a CI job'}; no reason given`
}
