import { describeExpectations, type CheckSpec } from '../checks/check-spec.js'
import { maskCheckSecrets, shownHeaders } from '../checks/credential-masking.js'
import { runChecks, type AttemptEvent, type CheckOutcome } from '../checks/check-runner.js'
import type { Context } from '../context.js'
import { CheckFailedError, errorMessage } from '../errors.js'
import { recordVerdict } from '../ledger/verdict.js'
import type { SmokeTestSettings } from '../settings/smoke-test-settings.js'
import { spokenDuration } from '../wording.js'

/** One check's line in the report (output `report`, the summary table, `--json`). */
export interface CheckReport {
  name: string
  method: string
  /** Credentials in it shown as `***`. */
  url: string
  passed: boolean
  /** Requests sent (0 in a dry run). */
  attempts: number
  /** Status of the last reply; null when the last attempt got none. */
  status: number | null
  /** Latency of the last attempt in ms (time to the full body); null when none was sent. */
  latencyMs: number | null
  /** From the check's first request to its verdict, in ms. */
  durationMs: number
  /** Plain words: why it failed, or how it passed. */
  reason: string
}

export interface SmokeTestResult {
  step: 'smoke-test'
  /** True when every check passed (and in a dry run, where nothing is sent). */
  passed: boolean
  dryRun: boolean
  environment?: string
  durationMs: number
  checks: CheckReport[]
  /** Ledger id of the deployment the verdict was recorded on, if it was. */
  verdictDeploymentId?: string
  /** Why the verdict was not recorded, when an environment was given. */
  verdictNotRecorded?: string
}

/** Plain-word line for one attempt, for the debug log. */
function describeAttempt(e: AttemptEvent): string {
  const got = e.result.type === 'response' ? `${e.result.status}` : e.result.message
  const verdict = e.evaluation.ok ? 'ok' : e.evaluation.reasons.join('; ')
  const next = e.nextWaitMs === undefined ? '' : `; next attempt in ${spokenDuration(e.nextWaitMs)}`
  return `${e.check.name}: attempt ${e.attempt}: ${got} in ${Math.round(e.result.latencyMs)} ms: ${verdict}${next}`
}

function planLines(settings: SmokeTestSettings): string[] {
  const lines = [
    `${settings.checks.length} check(s), ${settings.concurrency} at once; deadline ${spokenDuration(settings.timeoutMs)}, ` +
      `request timeout ${spokenDuration(settings.requestTimeoutMs)}, first retry after ${spokenDuration(settings.retryIntervalMs)}, ` +
      `${settings.consecutiveSuccesses} pass(es) in a row needed`
  ]
  for (const check of settings.checks) {
    lines.push(
      `${check.name}: ${check.method} ${check.shownUrl}${check.followRedirects ? '' : ' (redirects not followed)'}`
    )
    lines.push(`  expects ${describeExpectations(check).join(', ')}`)
    if (Object.keys(check.headers).length)
      lines.push(`  headers ${shownHeaders(check.headers).join(', ')}`)
    if (check.body !== undefined) lines.push(`  body of ${Buffer.byteLength(check.body)} bytes`)
  }
  return lines
}

function reportOf(outcome: CheckOutcome, redact: (text: string) => string): CheckReport {
  return {
    name: redact(outcome.check.name),
    method: outcome.check.method,
    url: redact(outcome.check.shownUrl),
    passed: outcome.passed,
    attempts: outcome.attempts,
    status: outcome.status ?? null,
    latencyMs: outcome.latencyMs === undefined ? null : Math.round(outcome.latencyMs),
    durationMs: Math.round(outcome.durationMs),
    reason: redact(outcome.reason)
  }
}

function dryRunReport(check: CheckSpec, redact: (text: string) => string): CheckReport {
  return {
    name: redact(check.name),
    method: check.method,
    url: redact(check.shownUrl),
    passed: true,
    attempts: 0,
    status: null,
    latencyMs: null,
    durationMs: 0,
    reason: 'dry run: not sent'
  }
}

function verdictDetail(checks: CheckReport[]): string {
  const failed = checks.filter(c => !c.passed)
  if (failed.length === 0) return `${checks.length}/${checks.length} checks passed`
  return `${failed.length} of ${checks.length} checks failed; ${failed[0].name}: ${failed[0].reason}`
}

/** The start of the last body, to see what answered instead (debug log). */
function lastBody(outcome: CheckOutcome): string | undefined {
  const result = outcome.last?.result
  if (result?.type !== 'response' || result.body === '') return undefined
  const oneLine = result.body.replace(/\s+/g, ' ').trim()
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine
}

/**
 * The smoke-test step: runs every check until ready or the deadline, records the verdict on the
 * live deployment when `environment` is set, and returns the result. A failed check is a result
 * with passed: false, not an exception; the edge (action or CLI) fails the step.
 */
export async function smokeTest(
  settings: SmokeTestSettings,
  ctx: Context
): Promise<SmokeTestResult> {
  // Before anything is logged: credential headers, URL passwords and tokens.
  maskCheckSecrets(settings.checks, ctx.secrets)
  const redact = (text: string) => ctx.secrets.redact(text)
  const started = ctx.clock.now().getTime()
  const environment = settings.environment || undefined

  if (settings.dryRun) {
    await ctx.logger.group('Smoke test plan (dry run: nothing is sent)', async () => {
      for (const line of planLines(settings)) ctx.logger.info(redact(line))
    })
    return {
      step: 'smoke-test',
      passed: true,
      dryRun: true,
      environment,
      durationMs: 0,
      checks: settings.checks.map(c => dryRunReport(c, redact))
    }
  }

  const announced = new Set<CheckSpec>()
  const outcomes = await ctx.logger.group(
    `Smoke test: ${settings.checks.length} check(s)`,
    async () => {
      for (const line of planLines(settings)) ctx.logger.debug(redact(line))
      const outcomes = await runChecks(settings.checks, {
        timeoutMs: settings.timeoutMs,
        requestTimeoutMs: settings.requestTimeoutMs,
        retryIntervalMs: settings.retryIntervalMs,
        consecutiveSuccesses: settings.consecutiveSuccesses,
        concurrency: settings.concurrency,
        clock: ctx.clock,
        signal: ctx.signal,
        onAttempt: event => {
          ctx.logger.debug(redact(describeAttempt(event)))
          // Say once per check that it is being waited for, so a long readiness wait is not silent.
          if (
            !event.evaluation.ok &&
            event.nextWaitMs !== undefined &&
            !announced.has(event.check)
          ) {
            announced.add(event.check)
            ctx.logger.info(
              redact(
                `${event.check.name}: not ready yet (${event.evaluation.reasons.join('; ')}); retrying until the deadline`
              )
            )
          }
        }
      })
      for (const o of outcomes) {
        const status =
          o.status === undefined ? '' : `${o.status} in ${Math.round(o.latencyMs ?? 0)} ms, `
        if (o.passed) ctx.logger.info(redact(`✅ ${o.check.name}: ${status}${o.reason}`))
        else ctx.logger.error(redact(`❌ ${o.check.name}: ${o.reason}`))
        const body = o.passed ? undefined : lastBody(o)
        if (body) ctx.logger.info(redact(`   last body: ${body}`))
      }
      return outcomes
    }
  )

  const durationMs = ctx.clock.now().getTime() - started
  if (ctx.signal.aborted || outcomes.some(o => o.cancelled)) {
    throw new CheckFailedError(
      `The smoke test was cancelled after ${spokenDuration(durationMs)}; no verdict was recorded.`
    )
  }

  const checks = outcomes.map(o => reportOf(o, redact))
  const passed = checks.every(c => c.passed)
  const result: SmokeTestResult = {
    step: 'smoke-test',
    passed,
    dryRun: false,
    environment,
    durationMs,
    checks
  }

  if (environment) {
    try {
      const written = await recordVerdict(
        ctx,
        environment,
        'smoke-test',
        passed,
        verdictDetail(checks),
        settings.recordVerdict
      )
      if (written.notRecorded) result.verdictNotRecorded = written.notRecorded
      const live = written.deployment
      if (live) {
        result.verdictDeploymentId = live.id
        ctx.logger.info(
          `Recorded the verdict (${passed ? 'passed' : 'failed'}) on deployment ${live.id} of ${environment}.`
        )
      }
    } catch (err) {
      // The checks' verdict stands on its own; a ledger outage must not turn it around.
      ctx.logger.warning(
        redact(`Could not record the smoke-test verdict in the ledger: ${errorMessage(err)}`)
      )
    }
  }
  return result
}
