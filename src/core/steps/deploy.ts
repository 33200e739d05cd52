import type { Context } from '../context.js'
import { createDriver } from '../drivers/create-driver.js'
import type { Driver, DriverRequest, HostReport } from '../drivers/driver.js'
import { CheckFailedError } from '../errors.js'
import type { DeploymentRecord, LedgerKind } from '../ledger/ledger.js'
import { clampDescription } from '../ledger/ledger.js'
import { checkPromotion } from '../ledger/promotion.js'
import { supersedeEarlier } from '../ledger/supersede.js'
import { findLive, LIVE_SCAN_LIMIT } from '../ledger/verdict.js'
import { notify } from '../notify.js'
import type { DeploySettings } from '../settings/deploy-settings.js'
import { applyDeployment } from './apply-deployment.js'
import { doctorSettingsForDeploy } from '../settings/doctor-settings.js'
import { doctor, type DoctorHost } from './doctor.js'
import { timed, type PhaseTiming } from './phases.js'

export interface DeployResult {
  step: 'deploy'
  /** `planned` for a dry run. */
  outcome: 'success' | 'failure' | 'planned'
  environment: string
  version: string
  previousVersion: string | null
  ref: string
  driver: string
  ledger: LedgerKind
  deploymentId: string
  environmentUrl: string | null
  productionEnvironment: boolean
  release: string | null
  hosts: HostReport[]
  phases: PhaseTiming[]
  startedAt: string
  durationMs: number
  /** Why it failed, in one line. */
  error?: string
  /** The phase that failed. */
  failedPhase?: string
  /** A failed script's last lines, secrets masked. */
  lastLines?: string[]
  /** What a dry run would do. */
  plan?: string[]
  /** A dry run of the releases driver: doctor's read-only checks of every host. */
  preflight?: DoctorHost[]
}

async function checkPromoteFrom(settings: DeploySettings, ctx: Context): Promise<void> {
  if (!settings.promoteFrom) return
  const records: DeploymentRecord[] = []
  for await (const record of ctx.ledger.history(settings.promoteFrom)) {
    records.push(record)
    if (record.payload.version === settings.version || records.length >= LIVE_SCAN_LIMIT) break
  }
  const verdict = checkPromotion(records, settings.version, settings.ref, settings.promoteFrom)
  if (!verdict.allowed) {
    throw new CheckFailedError(`Refusing to deploy to ${settings.environment}: ${verdict.reason}`)
  }
  ctx.logger.info(
    `promote-from: ${settings.version} is verified in ${settings.promoteFrom} at commit ${settings.ref} (deployment ${verdict.from.id}).`
  )
}

/**
 * The deploy step: read what is live, check promotion, record the deployment as in progress,
 * let the driver put the version live, then record success (superseding earlier deployments)
 * or failure. A failed deploy returns outcome `failure`; bad input throws before anything changes.
 */
export async function deploy(settings: DeploySettings, ctx: Context): Promise<DeployResult> {
  const startedAt = ctx.clock.now()
  const driver = await createDriver(settings.driver, ctx)
  // A dry run changes nothing and connects only through doctor.
  if (!settings.dryRun) driver.warm?.(ctx)
  try {
    return await deployWith(driver, settings, startedAt, ctx)
  } finally {
    await driver.dispose?.()
  }
}

async function deployWith(
  driver: Driver,
  settings: DeploySettings,
  startedAt: Date,
  ctx: Context
): Promise<DeployResult> {
  const phases: PhaseTiming[] = []
  await driver.preflight(ctx)

  const live = await timed(ctx, phases, 'plan', async () => {
    const found = await findLive(ctx, settings.environment)
    await checkPromoteFrom(settings, ctx)
    return found
  })
  const previousVersion = live?.payload.version || null
  const result: DeployResult = {
    step: 'deploy',
    outcome: 'planned',
    environment: settings.environment,
    version: settings.version,
    previousVersion,
    ref: settings.ref,
    driver: settings.driver.kind,
    ledger: ctx.ledger.kind,
    deploymentId: '',
    environmentUrl: settings.environmentUrl ?? null,
    productionEnvironment: settings.productionEnvironment,
    release: null,
    hosts: [],
    phases,
    startedAt: startedAt.toISOString(),
    durationMs: 0
  }
  const request: DriverRequest = {
    operation: 'deploy',
    environment: settings.environment,
    version: settings.version,
    previousVersion: previousVersion ?? undefined,
    ref: settings.ref,
    deploymentId: ''
  }

  if (settings.dryRun) {
    result.plan = [
      `deploy ${settings.version} to ${settings.environment} (live now: ${previousVersion ?? 'nothing'})`,
      ctx.ledger.kind === 'none'
        ? 'record nothing (ledger: none)'
        : `record a deployment in the ${ctx.ledger.kind} ledger, then mark earlier ones inactive`,
      ...driver.plan(request)
    ]
    for (const line of result.plan) ctx.logger.info(`[dry-run] ${line}`)
    if (settings.driver.kind === 'releases') {
      const driverSettings = settings.driver
      const checked = await timed(ctx, phases, 'doctor', () =>
        doctor(doctorSettingsForDeploy(driverSettings), ctx)
      )
      result.preflight = checked.hosts
      const problems = checked.hosts.flatMap(h =>
        h.checks.filter(c => !c.ok).map(c => `${h.host} ${c.name}: ${c.detail}`)
      )
      if (problems.length) {
        result.outcome = 'failure'
        result.failedPhase = 'doctor'
        result.error = `dry run: the hosts are not ready (${problems.join('; ')}); shiprail doctor gives the fix for each`
      }
    }
    result.durationMs = ctx.clock.now().getTime() - startedAt.getTime()
    return result
  }

  const applied = await applyDeployment(ctx, driver, phases, {
    record: {
      environment: settings.environment,
      ref: settings.ref,
      description: clampDescription(`Deploying ${settings.version} with Shiprail`),
      productionEnvironment: settings.productionEnvironment,
      logUrl: ctx.run.runUrl,
      payload: {
        version: settings.version,
        driver: settings.driver.kind,
        previous_version: previousVersion,
        operation: 'deploy',
        run_url: ctx.run.runUrl ?? null,
        previous_deployment_id: live?.id ?? null,
        ...(settings.driver.kind === 'containers' ? { image: settings.driver.image } : {})
      }
    },
    request,
    successDescription: `Deployed ${settings.version}`,
    failureDescription: error => `Deploy of ${settings.version} failed: ${error}`,
    environmentUrl: settings.environmentUrl,
    lockTimeoutSeconds: settings.driver.lockTimeoutSeconds,
    async afterSuccess(id) {
      const marked = await supersedeEarlier(ctx.ledger, settings.environment, id, ctx.logger)
      if (marked)
        ctx.logger.info(
          `Marked ${marked} earlier deployment(s) of ${settings.environment} inactive.`
        )
    }
  })
  result.deploymentId = applied.deploymentId
  result.release = applied.release
  result.hosts = applied.hosts
  result.outcome = applied.outcome
  if (applied.error !== undefined) result.error = applied.error
  if (applied.failedPhase !== undefined) result.failedPhase = applied.failedPhase
  if (applied.lastLines !== undefined) result.lastLines = applied.lastLines

  result.durationMs = ctx.clock.now().getTime() - startedAt.getTime()
  await notify(ctx, settings.notifyUrl, deployMessage(result))
  return result
}

function deployMessage(result: DeployResult): string {
  const icon = result.outcome === 'success' ? ':white_check_mark:' : ':x:'
  const verb = result.outcome === 'success' ? 'deployed' : 'failed to deploy'
  const from = result.previousVersion ? ` (was ${result.previousVersion})` : ''
  const why = result.error ? `: ${result.error}` : ''
  return `${icon} Shiprail ${verb} ${result.version} to ${result.environment}${from}${why}`
}
