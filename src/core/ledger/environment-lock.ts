import type { Context } from '../context.js'
import { CheckFailedError } from '../errors.js'
import type { DeploymentRecord } from './ledger.js'

/** Who holds an environment: what a refusal names (SPEC §3). */
export interface LockHolder {
  deploymentId: string
  version: string
  runUrl: string | null
  /** ISO 8601 UTC. */
  since: string
  /** Where the holding process runs, when the ledger knows (file ledger: pid@host). */
  process?: string
}

export type LockAttempt =
  { acquired: true; release(): Promise<void> } | { acquired: false; holder: LockHolder }

/**
 * A ledger that can hold an environment for one deploy or rollback at a time. The claim is the
 * caller's own deployment record, already created as in progress: the github ledger needs it
 * (the oldest running in-progress deployment is the holder), and a refused claim is then ended
 * with `error`, so the ledger never shows two live deployments.
 */
export interface EnvironmentLocking {
  /** Tries once; never waits. Stale holders are cleared (and said so) on the way. */
  tryLock(own: DeploymentRecord, ctx: Context): Promise<LockAttempt>
}

export function describeHolder(h: LockHolder): string {
  const where = h.process ? `, ${h.process}` : ''
  return `deployment ${h.deploymentId} of ${h.version} (run ${h.runUrl ?? 'none recorded'}${where}), since ${h.since}`
}

/** First wait when the environment is held; doubles up to MAX_WAIT_MS, with jitter. */
const FIRST_WAIT_MS = 1000
const MAX_WAIT_MS = 15_000

/**
 * Takes the environment for `own`, waiting up to `timeoutSeconds` with back-off. 0 refuses at
 * once. A refusal throws CheckFailedError naming the holder; the caller ends its own record.
 */
export async function lockEnvironment(
  locking: EnvironmentLocking,
  own: DeploymentRecord,
  timeoutSeconds: number,
  ctx: Context
): Promise<() => Promise<void>> {
  const deadline = ctx.clock.now().getTime() + timeoutSeconds * 1000
  let wait = FIRST_WAIT_MS
  let said = false
  for (;;) {
    const attempt = await locking.tryLock(own, ctx)
    if (attempt.acquired) return attempt.release
    const holder = describeHolder(attempt.holder)
    const left = deadline - ctx.clock.now().getTime()
    if (left <= 0) {
      const waited = timeoutSeconds > 0 ? ` after waiting ${timeoutSeconds} s` : ''
      throw new CheckFailedError(
        `${own.environment} is locked by another deploy${waited}: ${holder}. One deploy per environment at a time; set lock-timeout to wait for it.`
      )
    }
    if (!said) {
      ctx.logger.info(`Waiting up to ${timeoutSeconds} s for ${own.environment}, held by ${holder}`)
      said = true
    }
    await ctx.clock.sleep(Math.min(left, wait * (0.75 + Math.random() / 2)), ctx.signal)
    wait = Math.min(MAX_WAIT_MS, wait * 2)
  }
}
