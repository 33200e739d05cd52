import { describeExpectations, type CheckSpec } from '../checks/check-spec.js'
import { maskCheckSecrets, maskUrl } from '../checks/credential-masking.js'
import { mapPool, probeOnce } from '../checks/check-runner.js'
import { runLogScan, type LogScanReport } from '../checks/log-scan.js'
import { describeBounds, queryPrometheus, showNumber } from '../checks/prometheus-query.js'
import type { Context } from '../context.js'
import { CheckFailedError, errorMessage } from '../errors.js'
import { environmentUrlOf, type DeploymentRecord } from '../ledger/ledger.js'
import { findLive, recordVerdict } from '../ledger/verdict.js'
import type { StatusCheckSettings } from '../settings/status-check-settings.js'
import { percent, plural, roundedMs, spokenDuration } from '../wording.js'
import {
  addMetricValue,
  judgeProbe,
  metricReport,
  overallOf,
  probeReports,
  roundsFor,
  sampleOf,
  type MetricState
} from './status-check-judging.js'
import {
  describeLive,
  type LiveDeployment,
  type ProbeSample,
  type StatusCheckResult
} from './status-check-result.js'

/**
 * The status-check step, modelled on Argo Rollouts' analysis: a fixed number of
 * rounds (`duration / interval + 1`: one at the start, one at the end of the window), each
 * sending every probe and running every Prometheus query; a verdict from thresholds; and an
 * early end as soon as a threshold can no longer be met.
 *
 * When a threshold "can no longer be met" (Argo's failure limit, decided per kind):
 * - Probe success rate: planned = rounds × 1 per check. After `failed` failures the best
 *   reachable rate is (planned - failed) / planned (every probe still to come passes); once
 *   that is under min-success-rate, no future can rescue it. With the default 1.0 the first
 *   failed probe ends the window, like Argo's default failureLimit of 0.
 * - Probe p95: with nearest-rank percentiles, p95 <= max holds exactly when at most
 *   n - ceil(0.95 n) latencies are above max; once more than that many are above it for the
 *   most latencies the window can still produce, p95 must end over max.
 * - A metric is a bound every measurement must respect (Argo's successCondition with
 *   failureLimit 0): one value out of bounds, or no single value with `on-no-data: fail`,
 *   ends the window at once. A query Prometheus rejects as malformed does too (asking again
 *   cannot help). Other query errors (Prometheus down, timeouts) are inconclusive, as in Argo:
 *   they end the window only after CONSECUTIVE_ERROR_LIMIT in a row, and fail the query at the
 *   end only when it never gave an answer.
 * - Logs are read once, at the end of the window (or right after an early end).
 * Thresholds are judged per check: a dead endpoint is not hidden by healthy ones. The overall
 * figures (outputs `success-rate`, `p95-ms`) are reported, not judged.
 */

function liveOf(record: DeploymentRecord | undefined): LiveDeployment | undefined {
  if (!record) return undefined
  const live: LiveDeployment = {
    version: record.payload.version,
    since: record.statuses.find(s => s.state === 'success')?.createdAt ?? record.createdAt,
    deploymentId: record.id,
    ref: record.ref,
    operation: record.payload.operation
  }
  if (record.creator) live.creator = record.creator
  const url = environmentUrlOf(record)
  if (url) live.environmentUrl = url
  return live
}

function planLines(settings: StatusCheckSettings, rounds: number): string[] {
  const lines = [
    `window ${spokenDuration(settings.durationMs)}: ${rounds} rounds, one every ${spokenDuration(settings.intervalMs)}; ` +
      `request timeout ${spokenDuration(settings.requestTimeoutMs)}, ${settings.concurrency} at once`
  ]
  if (settings.checks.length) {
    const p95 =
      settings.maxP95LatencyMs === undefined
        ? ''
        : `, p95 latency at most ${settings.maxP95LatencyMs} ms`
    lines.push(
      `probes: each check must pass at least ${percent(settings.minSuccessRate)} of its probes, with at most ${plural(settings.maxConsecutiveFailures, 'failure')} in a row${p95}`
    )
  }
  for (const check of settings.checks) {
    lines.push(`  ${check.name}: ${check.method} ${check.shownUrl}`)
    lines.push(`    expects ${describeExpectations(check).join(', ')}`)
  }
  if (settings.prometheusQueries.length) {
    lines.push(`metrics from ${maskUrl(settings.prometheusUrl)} (no data: ${settings.onNoData}):`)
    for (const q of settings.prometheusQueries)
      lines.push(`  ${q.name}: ${q.query} must be ${describeBounds(q)}`)
  }
  if (settings.logCommand) {
    lines.push(
      `logs: log-command at the end of the window; lines matching ${String(settings.logErrorPattern)}, at most ${settings.maxLogErrors} allowed`
    )
  }
  return lines
}

function verdictDetail(result: StatusCheckResult): string {
  if (!result.healthy) {
    const more = result.reasons.length > 1 ? ` (+${result.reasons.length - 1} more)` : ''
    return `${result.reasons[0] ?? 'unhealthy'}${more}`
  }
  const parts = [`healthy for ${spokenDuration(result.durationMs)}`]
  if (result.overall.probes)
    parts.push(
      `${percent(result.overall.successRate)} of ${result.overall.probes} probes, p95 ${roundedMs(result.overall.p95Ms)}`
    )
  if (result.metrics.length) parts.push(`${plural(result.metrics.length, 'metric')} in bounds`)
  if (result.logs) parts.push(plural(result.logs.errorCount, 'error line'))
  return parts.join(', ')
}

/**
 * The status-check step: watches an environment for the window and returns the verdict. An
 * unhealthy environment is a result with healthy: false, not an exception; the edge fails
 * the step. Cancellation throws CheckFailedError and records nothing.
 */
export async function statusCheck(
  settings: StatusCheckSettings,
  ctx: Context
): Promise<StatusCheckResult> {
  // Before anything is logged: credential headers, URL passwords and tokens.
  maskCheckSecrets(settings.checks, ctx.secrets)
  if (settings.prometheusUrl) {
    try {
      const parsed = new URL(settings.prometheusUrl)
      if (parsed.password) ctx.secrets.add(decodeURIComponent(parsed.password))
    } catch {
      // Validated when the settings were parsed.
    }
  }
  const redact = (text: string) => ctx.secrets.redact(text)
  const environment = settings.environment
  const plannedRounds = roundsFor(settings)
  const now = () => ctx.clock.now().getTime()
  const started = now()
  const startedAt = new Date(started).toISOString()

  if (settings.dryRun) {
    await ctx.logger.group('Status check plan (dry run: nothing is sent)', async () => {
      ctx.logger.info(`environment ${environment}: the ledger is not read or written in a dry run`)
      for (const line of planLines(settings, plannedRounds)) ctx.logger.info(redact(line))
    })
    const states = settings.prometheusQueries.map(spec => ({
      spec,
      values: [],
      consecutiveErrors: 0
    }))
    return {
      step: 'status-check',
      healthy: true,
      dryRun: true,
      environment,
      startedAt,
      durationMs: 0,
      plannedDurationMs: settings.durationMs,
      intervalMs: settings.intervalMs,
      rounds: 0,
      plannedRounds,
      endedEarly: false,
      reasons: [],
      probes: probeReports(
        settings,
        settings.checks.map(() => []),
        plannedRounds,
        redact
      ).map(p => ({ ...p, reason: 'dry run: not sent' })),
      overall: overallOf([]),
      metrics: states.map(s => ({
        ...metricReport(s, false),
        query: redact(s.spec.query),
        reason: 'dry run: not queried'
      }))
    }
  }

  let live: LiveDeployment | undefined
  if (ctx.ledger.kind !== 'none') {
    try {
      live = liveOf(await findLive(ctx, environment))
      if (live) ctx.logger.info(redact(`Live in ${environment}: ${describeLive(live)}`))
      else ctx.logger.warning(`The ledger has no live deployment of ${environment}.`)
    } catch (err) {
      ctx.logger.warning(
        redact(`Could not read what is live in ${environment}: ${errorMessage(err)}`)
      )
    }
  }
  if (settings.prometheusUrl && settings.prometheusQueries.length === 0)
    ctx.logger.warning('prometheus-url is set but prometheus-queries is empty: nothing is queried.')
  if (settings.maxP95LatencyMs !== undefined && settings.checks.length === 0)
    ctx.logger.warning('max-p95-latency-ms is set but there are no probes (url/checks) to time.')

  const samples: ProbeSample[][] = settings.checks.map(() => [])
  const metrics: MetricState[] = settings.prometheusQueries.map(spec => ({
    spec,
    values: [],
    consecutiveErrors: 0
  }))
  let rounds = 0
  let endedEarly = false
  const cancelled = () =>
    new CheckFailedError(
      `The status check was cancelled after ${spokenDuration(now() - started)}; no verdict was recorded.`
    )

  await ctx.logger.group(
    redact(
      `Status check of ${environment}: ${spokenDuration(settings.durationMs)}, every ${spokenDuration(settings.intervalMs)}`
    ),
    async () => {
      for (const line of planLines(settings, plannedRounds)) ctx.logger.debug(redact(line))
      for (let round = 0; round < plannedRounds; round++) {
        // Rounds keep to the schedule; a round that overran its slot delays the next one only.
        const wait = started + round * settings.intervalMs - now()
        if (wait > 0) {
          try {
            await ctx.clock.sleep(wait, ctx.signal)
          } catch {
            throw cancelled()
          }
        }
        if (ctx.signal.aborted) throw cancelled()
        const atMs = now() - started
        const [attempts, outcomes] = await Promise.all([
          mapPool(settings.checks, settings.concurrency, (check: CheckSpec) =>
            probeOnce(check, { requestTimeoutMs: settings.requestTimeoutMs, signal: ctx.signal })
          ),
          mapPool(metrics, settings.concurrency, m =>
            queryPrometheus(settings.prometheusUrl, m.spec.query, {
              timeoutMs: settings.requestTimeoutMs,
              signal: ctx.signal
            })
          )
        ])
        if (ctx.signal.aborted) throw cancelled()
        rounds = round + 1
        attempts.forEach((a, i) => samples[i].push(sampleOf(round, atMs, a, redact)))
        outcomes.forEach((o, i) =>
          addMetricValue(metrics[i], o, round, atMs, settings.onNoData, redact)
        )
        ctx.logger.info(redact(roundLine(rounds, plannedRounds, atMs, settings, samples, metrics)))

        const remaining = plannedRounds - rounds
        if (remaining === 0) break
        const decided = [
          ...samples.flatMap((s, i) => {
            const j = judgeProbe(s, remaining, settings)
            return j.decided ? [`probe ${settings.checks[i].name}`] : []
          }),
          ...metrics.flatMap(m => (m.failure ? [`metric ${m.spec.name}`] : []))
        ]
        if (decided.length) {
          endedEarly = true
          // Names only: the failure line at the end gives each reason, once.
          ctx.logger.info(
            redact(
              `Ending the window early after ${plural(rounds, 'round')} of ${plannedRounds}: ${decided.join(', ')} can no longer meet the thresholds.`
            )
          )
          break
        }
      }
    }
  )

  let logs: LogScanReport | undefined
  if (settings.logCommand) {
    logs = await ctx.logger.group('Status check: scanning logs', async () => {
      const windowStart = new Date(started)
      const env: Record<string, string> = {
        SHIPRAIL_ENVIRONMENT: environment,
        SHIPRAIL_WINDOW_START: windowStart.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        SHIPRAIL_WINDOW_START_EPOCH: String(Math.floor(started / 1000)),
        SHIPRAIL_WINDOW_SECONDS: String(Math.max(1, Math.ceil((now() - started) / 1000)))
      }
      if (live) env.SHIPRAIL_VERSION = live.version
      const report = await runLogScan(
        {
          command: settings.logCommand,
          pattern: settings.logErrorPattern,
          maxErrors: settings.maxLogErrors,
          env
        },
        ctx
      )
      if (ctx.signal.aborted) throw cancelled()
      if (report.passed) ctx.logger.info(`✅ logs: ${report.reason}`)
      else ctx.logger.info('❌ logs: over the limit of error lines')
      for (const line of report.firstMatches) ctx.logger.info(`   ${line}`)
      return report
    })
  }

  const finished = !endedEarly
  const remaining = finished ? 0 : plannedRounds - rounds
  const probes = probeReports(settings, samples, remaining, redact)
  const metricReports = metrics.map(m => ({
    ...metricReport(m, finished),
    query: redact(m.spec.query)
  }))
  const reasons = [
    ...probes.filter(p => !p.passed).map(p => `probe ${p.name}: ${p.reason}`),
    ...metricReports.filter(m => !m.passed).map(m => redact(`metric ${m.name}: ${m.reason}`)),
    ...(logs && !logs.passed ? [`logs: ${logs.reason}`] : [])
  ]
  const result: StatusCheckResult = {
    step: 'status-check',
    healthy: reasons.length === 0,
    dryRun: false,
    environment,
    startedAt,
    durationMs: now() - started,
    plannedDurationMs: settings.durationMs,
    intervalMs: settings.intervalMs,
    rounds,
    plannedRounds,
    endedEarly,
    reasons,
    probes,
    overall: overallOf(probes),
    metrics: metricReports
  }
  if (live) result.live = live
  if (logs) result.logs = logs

  // A failure is named here and explained once, by the step's failure line.
  for (const p of probes) {
    if (p.passed) ctx.logger.info(`✅ probe ${p.name}: ${p.reason}`)
    else ctx.logger.info(`❌ probe ${p.name}: missed its threshold`)
  }
  for (const m of metricReports) {
    if (m.passed) ctx.logger.info(redact(`✅ metric ${m.name}: ${m.reason}`))
    else ctx.logger.info(redact(`❌ metric ${m.name}: missed its threshold`))
  }

  try {
    const written = await recordVerdict(
      ctx,
      environment,
      'status-check',
      result.healthy,
      redact(verdictDetail(result)),
      settings.recordVerdict
    )
    if (written.notRecorded) result.verdictNotRecorded = written.notRecorded
    const recorded = written.deployment
    if (recorded) {
      result.verdictDeploymentId = recorded.id
      ctx.logger.info(
        `Recorded the verdict (${result.healthy ? 'healthy' : 'unhealthy'}) on deployment ${recorded.id} of ${environment}.`
      )
    }
  } catch (err) {
    // The window's verdict stands on its own; a ledger outage must not turn it around.
    ctx.logger.warning(
      redact(`Could not record the status-check verdict in the ledger: ${errorMessage(err)}`)
    )
  }
  return result
}

/** "round 3/7 at 20 s: probes 2/2 ok (slowest 41 ms); error-rate 0.002" for the log. */
function roundLine(
  round: number,
  planned: number,
  atMs: number,
  settings: StatusCheckSettings,
  samples: ProbeSample[][],
  metrics: MetricState[]
): string {
  const parts: string[] = []
  if (samples.length) {
    const latest = samples.map(s => s[s.length - 1])
    const ok = latest.filter(s => s.ok).length
    const slowest = Math.max(...latest.map(s => s.latencyMs ?? 0))
    const failed = latest
      .map((s, i) => (s.ok ? '' : `${settings.checks[i].name}: ${s.reason}`))
      .filter(Boolean)
    parts.push(
      `probes ${ok}/${latest.length} ok (slowest ${slowest} ms)${failed.length ? ` — ${failed.join('; ')}` : ''}`
    )
  }
  for (const m of metrics) {
    const v = m.values[m.values.length - 1]
    const shown =
      v.value !== null ? showNumber(v.value) : v.noData ? `${v.noData}` : `error: ${v.error}`
    parts.push(`${m.spec.name} ${shown}`)
  }
  const what = parts.length ? parts.join('; ') : 'waiting for the end of the window'
  return `round ${round}/${planned} at ${(atMs / 1000).toFixed(1)} s: ${what}`
}
