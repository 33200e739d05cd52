import type { Context } from '../context.js'
import type { Driver, DriverRequest, HostReport } from '../drivers/driver.js'
import { CheckFailedError, errorMessage } from '../errors.js'
import { lockEnvironment } from '../ledger/environment-lock.js'
import type { DeploymentPayload, DeploymentRecord, NewDeployment } from '../ledger/ledger.js'
import { clampDescription } from '../ledger/ledger.js'
import { timed, type PhaseTiming } from './phases.js'

export interface AppliedDeployment {
  outcome: 'success' | 'failure'
  /** The ledger's id of the new deployment ('' with ledger: none). */
  deploymentId: string
  release: string | null
  hosts: HostReport[]
  /** How long the driver's phase took (putting the version live). */
  driverMs: number
  /** Why it failed, in one line, secrets blanked out. */
  error?: string
  /** The phase that failed (the driver's), when it failed. */
  failedPhase?: string
  /** The failed script's last lines, secrets blanked out; empty when it printed none. */
  lastLines?: string[]
}

export interface ApplyPlan {
  /** The deployment recorded as in progress before the driver runs. */
  record: NewDeployment
  /** What the driver is asked to do; its deploymentId is filled in once the record exists. */
  request: DriverRequest
  /** The success status's description. */
  successDescription: string
  /** The failure status's description, given the error line. */
  failureDescription(error: string): string
  environmentUrl?: string
  /** Seconds to wait for another deploy holding the environment; 0 refuses at once. */
  lockTimeoutSeconds: number
  /** Ledger work after a success status (supersede, mark what was rolled back from). */
  afterSuccess(deploymentId: string): Promise<void>
  /**
   * Checked once the environment is held, before the driver runs: throws when what the plan
   * was built on changed while it waited (another deploy went live meanwhile).
   */
  confirm?(): Promise<void>
}

/**
 * The sequence deploy and rollback share: for a deploy, let the driver resolve what the record
 * must carry (containers: the image ID on every host); record the deployment as in progress,
 * let the driver put the version live, then record its outcome. A driver failure (resolving
 * included) becomes outcome `failure` (the ledger says so too); only ledger errors throw. The
 * post step is told about the record as soon as it exists, so a cancelled job still ends it
 * with a terminal status.
 */
export async function applyDeployment(
  ctx: Context,
  driver: Driver,
  phases: PhaseTiming[],
  plan: ApplyPlan
): Promise<AppliedDeployment> {
  const resolved = await resolveFirst(ctx, driver, phases, plan.request)
  const record = await timed(ctx, phases, 'record start', () =>
    ctx.ledger.create({ ...plan.record, payload: { ...plan.record.payload, ...resolved?.payload } })
  )
  const request: DriverRequest = {
    ...plan.request,
    deploymentId: record.id,
    ...(resolved ? { images: resolved.payload } : {})
  }
  if (record.id) ctx.onDeploymentStarted?.(record.id)
  const release = await holdEnvironment(ctx, phases, record, plan)
  try {
    return await applyHeld(ctx, driver, phases, plan, record, request, resolved?.error)
  } finally {
    await release()
  }
}

/**
 * driver.resolve's payload fields for a deploy, or the error that fails the deploy once it is
 * recorded (a deploy that could not get its image is in the ledger as failed, like any other).
 */
async function resolveFirst(
  ctx: Context,
  driver: Driver,
  phases: PhaseTiming[],
  request: DriverRequest
): Promise<{ payload: Partial<DeploymentPayload>; error?: unknown } | undefined> {
  if (!driver.resolve || request.operation !== 'deploy') return undefined
  try {
    return {
      payload: await timed(ctx, phases, `${driver.name} resolve`, () =>
        driver.resolve!(request, ctx)
      )
    }
  } catch (error) {
    return { payload: {}, error }
  }
}

/**
 * One deploy per environment at a time, whatever the driver: the ledger holds the environment
 * from the record's creation until its outcome is recorded. A refused record (locked, or the
 * plan no longer holds once the lock is taken) is ended with `error`, so it never counts as
 * live, and the lock is let go.
 */
async function holdEnvironment(
  ctx: Context,
  phases: PhaseTiming[],
  record: DeploymentRecord,
  plan: ApplyPlan
): Promise<() => Promise<void>> {
  const locking = ctx.ledger.locking
  if (!locking || !record.id) return async () => undefined
  let release: (() => Promise<void>) | undefined
  try {
    release = await timed(ctx, phases, 'lock environment', () =>
      lockEnvironment(locking, record, plan.lockTimeoutSeconds, ctx)
    )
    await plan.confirm?.()
    return release
  } catch (err) {
    await release?.()
    const why = ctx.secrets.redact(errorMessage(err))
    await ctx.ledger.addStatus(record.id, {
      state: 'error',
      description: clampDescription(`Not run: ${why}`),
      logUrl: ctx.run.runUrl
    })
    ctx.onDeploymentFinished?.(record.id)
    throw err
  }
}

async function applyHeld(
  ctx: Context,
  driver: Driver,
  phases: PhaseTiming[],
  plan: ApplyPlan,
  record: DeploymentRecord,
  request: DriverRequest,
  resolveError: unknown
): Promise<AppliedDeployment> {
  const applied: AppliedDeployment = {
    outcome: 'failure',
    deploymentId: record.id,
    release: null,
    hosts: [],
    driverMs: 0
  }
  const driverPhase = `${plan.record.payload.driver} driver`
  try {
    const outcome = await timed(ctx, phases, driverPhase, () =>
      resolveError === undefined ? driver.apply(request, ctx) : Promise.reject(resolveError)
    )
    applied.release = outcome.release ?? null
    applied.hosts = outcome.hosts ?? []
    applied.outcome = 'success'
  } catch (err) {
    applied.error = ctx.secrets.redact(errorMessage(err))
    applied.failedPhase = driverPhase
    if (err instanceof CheckFailedError && err.lastLines.length)
      applied.lastLines = err.lastLines.map(line => ctx.secrets.redact(line))
  }
  applied.driverMs = phases[phases.length - 1].ms

  await timed(ctx, phases, 'record outcome', async () => {
    if (!record.id) return
    const ok = applied.outcome === 'success'
    await ctx.ledger.addStatus(record.id, {
      state: ok ? 'success' : 'failure',
      description: clampDescription(
        ok ? plan.successDescription : plan.failureDescription(applied.error ?? '')
      ),
      logUrl: ctx.run.runUrl,
      environmentUrl: ok ? plan.environmentUrl : undefined
    })
    ctx.onDeploymentFinished?.(record.id)
    if (ok) await plan.afterSuccess(record.id)
  })
  return applied
}
