import {
  maskCheckSecrets,
  describeExpectations,
  maskUrl,
  type CheckSpec
} from '../checks/check-spec.js'
import { mapPool, probeOnce, spokenDuration, type Attempt } from '../checks/check-runner.js'
import {
  bestSuccessRate,
  meetsSuccessRate,
  percentileReachable,
  slowAllowance,
  successRate,
  successRateReachable,
  summarizeLatency
} from '../checks/latency-stats.js'
import { runLogScan, type LogScanReport } from '../checks/log-scan.js'
import {
  describeBounds,
  judgeValue,
  queryPrometheus,
  showNumber,
  type NoDataKind,
  type QueryOutcome
} from '../checks/prometheus-query.js'
import type { Context } from '../context.js'
import { CheckFailedError, errorMessage } from '../errors.js'
import type { DeploymentRecord } from '../ledger/ledger.js'
import { findLive, recordVerdict } from '../ledger/verdict.js'
import type { PrometheusQuerySpec, StatusCheckSettings } from '../settings/status-check-settings.js'
import { formatMs, type SummaryDoc, type SummaryTable } from '../../report/summary.js'

/**
 * The status-check step (SPEC §5), modelled on Argo Rollouts' analysis: a fixed number of
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

/** Query errors in a row that end the window (Argo Rollouts' default consecutiveErrorLimit). */
export const CONSECUTIVE_ERROR_LIMIT = 4
/** Most points on the latency chart; longer windows are bucketed (each point the bucket's max). */
const CHART_POINTS = 60
/** Outputs over this size lose their per-round arrays: GitHub caps one output at 1 MB. */
const MAX_OUTPUT_CHARS = 900_000

/** One probe of one check. */
export interface ProbeSample {
  /** 0-based round. */
  round: number
  /** When it was sent, in ms since the window started. */
  atMs: number
  ok: boolean
  /** To the full body, in ms; a timed-out probe counts at its timeout; null when no reply came. */
  latencyMs: number | null
  /** HTTP status; null when no reply came. */
  status: number | null
  /** Why it failed; absent when ok. */
  reason?: string
}

/** One check's figures over the window. */
export interface ProbeReport {
  name: string
  method: string
  /** Credentials in it shown as `***`. */
  url: string
  samples: ProbeSample[]
  /** Probes sent and probes that passed. */
  total: number
  passes: number
  /** passes / total, 0 to 1; null when none was sent. */
  successRate: number | null
  /** Latency percentiles in ms over the probes that got a reply (or timed out). */
  p50: number | null
  p95: number | null
  max: number | null
  minSuccessRate: number
  maxP95LatencyMs?: number
  successRatePassed: boolean
  /** null when there is no max-p95-latency-ms. */
  p95Passed: boolean | null
  passed: boolean
  reason: string
}

/** One query's answer in one round. */
export interface MetricValue {
  round: number
  atMs: number
  /** The number; null when there was none (no data, or an error). */
  value: number | null
  noData?: NoDataKind
  /** What exactly: "the query returned no series", "... 2 series ...", an error text. */
  detail?: string
  error?: string
}

export interface MetricReport {
  name: string
  query: string
  /** Bounds (inclusive). */
  min?: number
  max?: number
  values: MetricValue[]
  /** The most recent number, and the range seen; null when no round gave one. */
  last: number | null
  lowest: number | null
  highest: number | null
  /** Set when a round gave no single number: which it was (the most recent such round). */
  noData?: NoDataKind
  noDataRounds: number
  errors: number
  passed: boolean
  reason: string
}

/** What the ledger says is live in the environment. */
export interface LiveDeployment {
  version: string
  /** When it finished deploying (ISO 8601). */
  since: string
  deploymentId: string
  creator?: string
  ref: string
  operation: string
}

export interface StatusCheckResult {
  step: 'status-check'
  healthy: boolean
  dryRun: boolean
  environment: string
  live?: LiveDeployment
  /** ISO 8601 start of the window. */
  startedAt: string
  durationMs: number
  plannedDurationMs: number
  intervalMs: number
  /** Rounds run and rounds planned. */
  rounds: number
  plannedRounds: number
  /** True when a threshold could no longer be met and the window was cut short. */
  endedEarly: boolean
  /** Why it is unhealthy, one line per failed probe, metric or log scan; empty when healthy. */
  reasons: string[]
  probes: ProbeReport[]
  /** Every probe of every check together; reported, not judged (thresholds are per check). */
  overall: {
    successRate: number | null
    p50Ms: number | null
    p95Ms: number | null
    maxMs: number | null
    probes: number
    failed: number
  }
  metrics: MetricReport[]
  logs?: LogScanReport
  /** Ledger id of the deployment the verdict was recorded on, if it was. */
  verdictDeploymentId?: string
  /** Why the verdict was not recorded, when the ledger was there to take it. */
  verdictNotRecorded?: string
}

/** Mutable state of one query over the window. */
interface MetricState {
  spec: PrometheusQuerySpec
  values: MetricValue[]
  consecutiveErrors: number
  /** Set once a failure is decided. */
  failure?: string
}

interface Judgement {
  passed: boolean
  /** The failure can no longer be undone by the rounds left. */
  decided: boolean
  reason: string
}

function pct(rate: number | null): string {
  if (rate === null) return '—'
  const p = rate * 100
  return `${Number.isInteger(p) ? p : Number(p.toFixed(1))}%`
}

function ms(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} ms`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function roundsFor(settings: StatusCheckSettings): number {
  return Math.floor(settings.durationMs / settings.intervalMs) + 1
}

/** The latency a sample counts with: a reply's, or a timeout's; none for refused/reset/DNS. */
function sampleOf(
  round: number,
  atMs: number,
  attempt: Attempt,
  redact: (t: string) => string
): ProbeSample {
  const r = attempt.result
  const latencyMs = r.type === 'response' || r.kind === 'timeout' ? Math.round(r.latencyMs) : null
  const sample: ProbeSample = {
    round,
    atMs,
    ok: attempt.evaluation.ok,
    latencyMs,
    status: r.type === 'response' ? r.status : null
  }
  if (!attempt.evaluation.ok) sample.reason = redact(attempt.evaluation.reasons.join('; '))
  return sample
}

/**
 * Judges one check. With rounds still to come, only failures no future can undo count
 * (decided); with none left, the figures are final.
 */
export function judgeProbe(
  samples: readonly ProbeSample[],
  remainingRounds: number,
  minSuccessRate: number,
  maxP95LatencyMs: number | undefined
): Judgement & { successRatePassed: boolean; p95Passed: boolean | null } {
  const total = samples.length
  const failed = samples.filter(s => !s.ok).length
  const passes = total - failed
  const rate = successRate(passes, total)
  const latencies = samples.flatMap(s => (s.latencyMs === null ? [] : [s.latencyMs]))
  const stats = summarizeLatency(latencies)
  const lastFailure = [...samples].reverse().find(s => !s.ok)?.reason
  const failures: string[] = []
  let decided = false

  const planned = total + remainingRounds
  let successRatePassed = true
  if (remainingRounds > 0) {
    if (!successRateReachable(failed, planned, minSuccessRate)) {
      successRatePassed = false
      decided = true
      failures.push(
        `${failed} of ${total} probes failed; even if all ${remainingRounds} still to come pass, ` +
          `the success rate is at most ${pct(bestSuccessRate(failed, planned))}, under min ${pct(minSuccessRate)}`
      )
    }
  } else if (rate !== null && !meetsSuccessRate(rate, minSuccessRate)) {
    successRatePassed = false
    decided = true
    failures.push(
      `success rate ${pct(rate)} (${passes}/${total}) is under min ${pct(minSuccessRate)}`
    )
  }

  let p95Passed: boolean | null = null
  if (maxP95LatencyMs !== undefined) {
    p95Passed = true
    const slow = latencies.filter(l => l > maxP95LatencyMs).length
    if (remainingRounds > 0) {
      // The most latencies this check can still end with: one per round to come.
      const most = latencies.length + remainingRounds
      if (!percentileReachable(slow, most)) {
        p95Passed = false
        decided = true
        failures.push(
          `${slow} of ${latencies.length} probes took over ${maxP95LatencyMs} ms (p95 so far ${ms(stats.p95)}); ` +
            `at most ${slowAllowance(most)} of ${most} may for p95 to stay within max`
        )
      }
    } else if (stats.p95 === null) {
      if (total > 0) {
        p95Passed = false
        decided = true
        failures.push('no probe got a reply, so p95 latency cannot be measured')
      }
    } else if (stats.p95 > maxP95LatencyMs) {
      p95Passed = false
      decided = true
      failures.push(`p95 latency ${ms(stats.p95)} is over max ${maxP95LatencyMs} ms`)
    }
  }

  if (failures.length) {
    const last = lastFailure && successRatePassed === false ? `; last failure: ${lastFailure}` : ''
    return {
      passed: false,
      decided,
      reason: `${failures.join('; ')}${last}`,
      successRatePassed,
      p95Passed
    }
  }
  const figures =
    total === 0 ? 'no probe sent' : `${passes}/${total} passed (${pct(rate)}), p95 ${ms(stats.p95)}`
  return {
    passed: true,
    decided: false,
    reason: remainingRounds > 0 ? `${figures} before the window ended` : figures,
    successRatePassed,
    p95Passed
  }
}

/** Records one query answer and decides whether the query has failed for good. */
function addMetricValue(
  state: MetricState,
  outcome: QueryOutcome,
  round: number,
  atMs: number,
  onNoData: 'fail' | 'pass',
  redact: (t: string) => string
): void {
  const seconds = `at ${Math.round(atMs / 1000)} s`
  if (outcome.type === 'value') {
    state.consecutiveErrors = 0
    state.values.push({ round, atMs, value: outcome.value })
    const judged = judgeValue(outcome.value, state.spec)
    if (!judged.ok && !state.failure) state.failure = `${judged.reason} ${seconds}`
    return
  }
  if (outcome.type === 'no-data') {
    state.consecutiveErrors = 0
    const detail = redact(outcome.detail)
    state.values.push({ round, atMs, value: null, noData: outcome.kind, detail })
    if (onNoData === 'fail' && !state.failure)
      state.failure = `${outcome.kind} ${seconds}: ${detail} (on-no-data: fail)`
    return
  }
  const error = redact(outcome.message)
  state.consecutiveErrors++
  state.values.push({ round, atMs, value: null, error })
  if (state.failure) return
  if (outcome.final) state.failure = `the query failed ${seconds}: ${error}`
  else if (state.consecutiveErrors >= CONSECUTIVE_ERROR_LIMIT)
    state.failure = `${state.consecutiveErrors} queries in a row failed; last: ${error}`
}

function metricReport(state: MetricState, finished: boolean): MetricReport {
  const numbers = state.values.flatMap(v => (v.value === null ? [] : [v.value]))
  const noData = state.values.filter(v => v.noData)
  const errors = state.values.filter(v => v.error)
  const report: MetricReport = {
    name: state.spec.name,
    query: state.spec.query,
    ...(state.spec.min !== undefined ? { min: state.spec.min } : {}),
    ...(state.spec.max !== undefined ? { max: state.spec.max } : {}),
    values: state.values,
    last: numbers.length ? numbers[numbers.length - 1] : null,
    lowest: numbers.length ? Math.min(...numbers) : null,
    highest: numbers.length ? Math.max(...numbers) : null,
    noDataRounds: noData.length,
    errors: errors.length,
    passed: true,
    reason: ''
  }
  if (noData.length) report.noData = noData[noData.length - 1].noData
  if (state.failure) return { ...report, passed: false, reason: state.failure }
  if (finished && state.values.length > 0 && errors.length === state.values.length) {
    return {
      ...report,
      passed: false,
      reason: `every query failed; last: ${errors[errors.length - 1].error}`
    }
  }
  const parts: string[] = []
  if (numbers.length) {
    const range =
      numbers.length > 1
        ? ` (${showNumber(report.lowest as number)} to ${showNumber(report.highest as number)} over ${plural(numbers.length, 'round')})`
        : ''
    parts.push(
      `last ${showNumber(report.last as number)}${range}, within ${describeBounds(state.spec)}`
    )
  }
  if (noData.length) {
    const last = noData[noData.length - 1]
    parts.push(
      `${last.noData} in ${noData.length} of ${plural(state.values.length, 'round')} (${last.detail}); on-no-data: pass`
    )
  }
  if (errors.length) parts.push(`${plural(errors.length, 'query error')} ignored`)
  if (!finished) parts.push('before the window ended')
  return { ...report, reason: parts.join('; ') || 'not queried' }
}

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
  return live
}

function describeLive(live: LiveDeployment): string {
  const how = live.operation === 'rollback' ? ', by rollback' : ''
  const who = live.creator ? `, deployed by ${live.creator}` : ''
  return `${live.version} since ${live.since} (deployment ${live.deploymentId}${how}${who})`
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
      `probes: each check must pass at least ${pct(settings.minSuccessRate)} of its probes${p95}`
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

function overallOf(probes: readonly ProbeReport[]): StatusCheckResult['overall'] {
  const samples = probes.flatMap(p => p.samples)
  const failed = samples.filter(s => !s.ok).length
  const stats = summarizeLatency(samples.flatMap(s => (s.latencyMs === null ? [] : [s.latencyMs])))
  return {
    successRate: successRate(samples.length - failed, samples.length),
    p50Ms: stats.p50,
    p95Ms: stats.p95,
    maxMs: stats.max,
    probes: samples.length,
    failed
  }
}

function verdictDetail(result: StatusCheckResult): string {
  if (!result.healthy) {
    const more = result.reasons.length > 1 ? ` (+${result.reasons.length - 1} more)` : ''
    return `${result.reasons[0] ?? 'unhealthy'}${more}`
  }
  const parts = [`healthy for ${spokenDuration(result.durationMs)}`]
  if (result.overall.probes)
    parts.push(
      `${pct(result.overall.successRate)} of ${result.overall.probes} probes, p95 ${ms(result.overall.p95Ms)}`
    )
  if (result.metrics.length) parts.push(`${plural(result.metrics.length, 'metric')} in bounds`)
  if (result.logs) parts.push(plural(result.logs.errorCount, 'error line'))
  return parts.join(', ')
}

/**
 * The status-check step: watches an environment for the window and returns the verdict. An
 * unhealthy environment is a result with healthy: false, not an exception; the adapter fails
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

  const probeReports = (samples: ProbeSample[][], remaining: number): ProbeReport[] =>
    settings.checks.map((check, i) => {
      const judged = judgeProbe(
        samples[i],
        remaining,
        settings.minSuccessRate,
        settings.maxP95LatencyMs
      )
      const passes = samples[i].filter(s => s.ok).length
      const stats = summarizeLatency(
        samples[i].flatMap(s => (s.latencyMs === null ? [] : [s.latencyMs]))
      )
      const report: ProbeReport = {
        name: redact(check.name),
        method: check.method,
        url: redact(check.shownUrl),
        samples: samples[i],
        total: samples[i].length,
        passes,
        successRate: successRate(passes, samples[i].length),
        p50: stats.p50,
        p95: stats.p95,
        max: stats.max,
        minSuccessRate: settings.minSuccessRate,
        successRatePassed: judged.successRatePassed,
        p95Passed: judged.p95Passed,
        passed: judged.passed,
        reason: redact(judged.reason)
      }
      if (settings.maxP95LatencyMs !== undefined) report.maxP95LatencyMs = settings.maxP95LatencyMs
      return report
    })

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
        settings.checks.map(() => []),
        plannedRounds
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
            const j = judgeProbe(s, remaining, settings.minSuccessRate, settings.maxP95LatencyMs)
            return j.decided ? [`${settings.checks[i].name}: ${j.reason}`] : []
          }),
          ...metrics.flatMap(m => (m.failure ? [`${m.spec.name}: ${m.failure}`] : []))
        ]
        if (decided.length) {
          endedEarly = true
          ctx.logger.error(
            redact(
              `Ending the window early after ${plural(rounds, 'round')} of ${plannedRounds}: ${decided.join('; ')}`
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
      else ctx.logger.error(`❌ logs: ${report.reason}`)
      for (const line of report.firstMatches) ctx.logger.info(`   ${line}`)
      return report
    })
  }

  const finished = !endedEarly
  const remaining = finished ? 0 : plannedRounds - rounds
  const probes = probeReports(samples, remaining)
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

  for (const p of probes) {
    if (p.passed) ctx.logger.info(`✅ probe ${p.name}: ${p.reason}`)
    else ctx.logger.error(`❌ probe ${p.name}: ${p.reason}`)
  }
  for (const m of metricReports) {
    if (m.passed) ctx.logger.info(redact(`✅ metric ${m.name}: ${m.reason}`))
    else ctx.logger.error(redact(`❌ metric ${m.name}: ${m.reason}`))
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

/** Round values up to 1, 2 or 5 × 10^n, so the chart's axis ends on a readable number. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power
  return 10 * power
}

/**
 * A mermaid xychart-beta of probe latency over the window: per round, the p95 of that round's
 * probes (the one latency for a single check); a flat line marks max-p95-latency-ms. Lines in
 * xychart-beta carry no legend, so the title says which is which. Long windows are bucketed to
 * CHART_POINTS points (the slowest round of each bucket), keeping the chart readable.
 * https://mermaid.js.org/syntax/xyChart.html
 */
export function latencyChart(result: StatusCheckResult): string | undefined {
  const byRound = new Map<number, { atMs: number; latencies: number[] }>()
  for (const p of result.probes) {
    for (const s of p.samples) {
      const entry = byRound.get(s.round) ?? { atMs: s.atMs, latencies: [] }
      if (s.latencyMs !== null) entry.latencies.push(s.latencyMs)
      byRound.set(s.round, entry)
    }
  }
  const rounds = [...byRound.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v)
  if (!rounds.some(r => r.latencies.length)) return undefined
  const points = rounds.map(r => ({
    atMs: r.atMs,
    value: summarizeLatency(r.latencies).p95 ?? 0
  }))
  const size = Math.ceil(points.length / CHART_POINTS)
  const buckets: { atMs: number; value: number }[] = []
  for (let i = 0; i < points.length; i += size) {
    const bucket = points.slice(i, i + size)
    buckets.push({ atMs: bucket[0].atMs, value: Math.max(...bucket.map(b => b.value)) })
  }
  const limit = result.probes[0]?.maxP95LatencyMs
  const top = niceCeiling(Math.max(...buckets.map(b => b.value), limit ?? 0) * 1.1)
  const title =
    limit === undefined
      ? 'Probe latency per round, p95 (ms)'
      : `Probe latency per round, p95 (ms); flat line = max ${limit} ms`
  const lines = [
    '```mermaid',
    'xychart-beta',
    `    title "${title}"`,
    `    x-axis "seconds since start" [${buckets.map(b => `"${Math.round(b.atMs / 1000)}"`).join(', ')}]`,
    `    y-axis "latency (ms)" 0 --> ${top}`,
    `    line [${buckets.map(b => Math.round(b.value)).join(', ')}]`
  ]
  if (limit !== undefined) lines.push(`    line [${buckets.map(() => limit).join(', ')}]`)
  lines.push('```')
  return lines.join('\n')
}

function mark(passed: boolean | null, dryRun: boolean): string {
  if (dryRun || passed === null) return '—'
  return passed ? '✅' : '❌'
}

/** Job summary: the verdict first, then every figure beside its threshold, then the chart. */
export function statusCheckSummary(result: StatusCheckResult): SummaryDoc {
  const window = spokenDuration(result.plannedDurationMs)
  let verdict: string
  if (result.dryRun) {
    verdict = `📝 dry run: would watch ${result.environment} for ${window} (${result.plannedRounds} rounds); nothing sent`
  } else if (result.healthy) {
    verdict = `✅ **healthy**: ${result.environment} held every threshold for ${spokenDuration(result.durationMs)} (${plural(result.rounds, 'round')})`
  } else {
    const more = result.reasons.length > 1 ? ` (and ${result.reasons.length - 1} more)` : ''
    const early = result.endedEarly
      ? ` after ${spokenDuration(result.durationMs)} of ${window} (ended early: a threshold could no longer be met)`
      : ''
    verdict = `❌ **unhealthy**${early}: ${result.reasons[0]}${more}`
  }

  const facts: [string, string][] = [['Environment', result.environment]]
  if (result.live) facts.push(['Live', describeLive(result.live)])
  facts.push([
    'Window',
    `${result.rounds} of ${result.plannedRounds} rounds, every ${spokenDuration(result.intervalMs)}` +
      (result.endedEarly ? ' (ended early)' : '')
  ])
  facts.push(['Duration', formatMs(result.durationMs)])
  if (result.verdictDeploymentId)
    facts.push(['Verdict recorded on', `deployment ${result.verdictDeploymentId}`])
  if (result.verdictNotRecorded) facts.push(['Verdict not recorded', result.verdictNotRecorded])

  const rows: string[][] = []
  const detail = (passed: boolean, reason: string) => (passed ? '' : reason)
  for (const p of result.probes) {
    rows.push([
      `probe ${p.name}`,
      'success rate',
      p.total ? `${pct(p.successRate)} (${p.passes}/${p.total})` : '—',
      `≥ ${pct(p.minSuccessRate)}`,
      mark(p.total ? p.successRatePassed : null, result.dryRun),
      p.successRatePassed ? '' : p.reason
    ])
    rows.push([
      `probe ${p.name}`,
      'latency p95',
      p.p95 === null ? '—' : `${ms(p.p95)} (p50 ${ms(p.p50)}, max ${ms(p.max)})`,
      p.maxP95LatencyMs === undefined ? '—' : `≤ ${p.maxP95LatencyMs} ms`,
      mark(p.total ? p.p95Passed : null, result.dryRun),
      // The reason names both figures; show it once.
      p.p95Passed === false && p.successRatePassed ? p.reason : ''
    ])
  }
  if (result.probes.length > 1) {
    const o = result.overall
    rows.push([
      'all probes',
      'success rate',
      o.probes ? `${pct(o.successRate)} (${o.probes - o.failed}/${o.probes})` : '—',
      '— (judged per probe)',
      '—',
      ''
    ])
    rows.push([
      'all probes',
      'latency p95',
      o.p95Ms === null ? '—' : `${ms(o.p95Ms)} (p50 ${ms(o.p50Ms)}, max ${ms(o.maxMs)})`,
      '— (judged per probe)',
      '—',
      ''
    ])
  }
  for (const m of result.metrics) {
    let value: string
    if (m.last !== null) {
      const range =
        m.lowest !== m.highest
          ? ` (${showNumber(m.lowest as number)} to ${showNumber(m.highest as number)})`
          : ''
      value = `${showNumber(m.last)}${range}`
      if (m.noData) value += `; ${m.noData} in ${m.noDataRounds} round(s)`
    } else if (m.noData) {
      value = m.noData
    } else {
      value = '—'
    }
    rows.push([
      `metric ${m.name}`,
      `\`${m.query}\``,
      value,
      describeBounds(m),
      mark(m.values.length ? m.passed : null, result.dryRun),
      detail(m.passed, m.reason)
    ])
  }
  if (result.logs) {
    const l = result.logs
    rows.push([
      'logs',
      'error lines',
      l.exitCode === 0
        ? `${l.errorCount} in ${l.linesScanned} lines`
        : `${l.errorCount} (command failed)`,
      `≤ ${l.maxErrors}`,
      mark(l.passed, result.dryRun),
      detail(l.passed, l.reason)
    ])
  }

  const tables: SummaryTable[] = [
    { header: ['Watched', 'Figure', 'Value', 'Threshold', 'Result', 'Detail'], rows }
  ]
  if (result.logs?.firstMatches.length) {
    tables.push({
      caption: `First error lines in the logs (${result.logs.firstMatches.length} of ${result.logs.errorCount})`,
      header: ['#', 'Line'],
      rows: result.logs.firstMatches.map((line, i) => [String(i + 1), line])
    })
  }
  const chart = latencyChart(result)
  return {
    title: 'Status check',
    verdict,
    facts,
    tables,
    ...(chart ? { markdownBlocks: [chart] } : {})
  }
}

/** One line for the adapter's failure message, or undefined when healthy. */
export function statusCheckFailure(result: StatusCheckResult): string | undefined {
  if (result.healthy) return undefined
  const early = result.endedEarly
    ? ` after ${spokenDuration(result.durationMs)} of ${spokenDuration(result.plannedDurationMs)} (ended early)`
    : ''
  return `Status check of ${result.environment} unhealthy${early}: ${result.reasons.join('; ')}`
}

/** The result without its per-round arrays: what `report` carries. */
function compact(result: StatusCheckResult) {
  return {
    healthy: result.healthy,
    environment: result.environment,
    live: result.live,
    endedEarly: result.endedEarly,
    durationMs: result.durationMs,
    rounds: result.rounds,
    plannedRounds: result.plannedRounds,
    reasons: result.reasons,
    overall: result.overall,
    probes: result.probes.map(({ samples: _samples, ...p }) => p),
    metrics: result.metrics.map(({ values: _values, ...m }) => m),
    logs: result.logs
  }
}

/** The step's outputs: `healthy`, `report` (JSON), `success-rate`, `p95-ms`, `result`. */
export function statusCheckOutputs(result: StatusCheckResult): {
  healthy: string
  report: string
  'success-rate': string
  'p95-ms': string
  result: string
} {
  let whole = JSON.stringify(result)
  if (whole.length > MAX_OUTPUT_CHARS) {
    whole = JSON.stringify({
      ...compact(result),
      step: result.step,
      truncated: 'per-round samples and values left out: over the 1 MB limit of one output'
    })
  }
  const rate = result.overall.successRate
  return {
    healthy: String(result.healthy),
    report: JSON.stringify(compact(result)),
    'success-rate': rate === null ? '' : String(Number(rate.toFixed(4))),
    'p95-ms': result.overall.p95Ms === null ? '' : String(Math.round(result.overall.p95Ms)),
    result: whole
  }
}
