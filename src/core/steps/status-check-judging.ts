import type { Attempt } from '../checks/check-runner.js'
import {
  bestSuccessRate,
  meetsSuccessRate,
  percentileReachable,
  slowAllowance,
  successRate,
  successRateReachable,
  summarizeLatency
} from '../checks/latency-stats.js'
import {
  describeBounds,
  judgeValue,
  showNumber,
  type QueryOutcome
} from '../checks/prometheus-query.js'
import type { PrometheusQuerySpec, StatusCheckSettings } from '../settings/status-check-settings.js'
import { percent, plural, roundedMs } from '../wording.js'
import type {
  MetricReport,
  MetricValue,
  ProbeReport,
  ProbeSample,
  StatusCheckResult
} from './status-check-result.js'

/**
 * How a status-check window is judged: per check, per query, and whether a failure is already
 * decided (no round still to come can undo it). The rules are explained where statusCheck is.
 */

/** Query errors in a row that end the window (Argo Rollouts' default consecutiveErrorLimit). */
export const CONSECUTIVE_ERROR_LIMIT = 4

/** Mutable state of one query over the window. */
export interface MetricState {
  spec: PrometheusQuerySpec
  values: MetricValue[]
  consecutiveErrors: number
  /** Set once a failure is decided. */
  failure?: string
}

export interface Judgement {
  passed: boolean
  /** The failure can no longer be undone by the rounds left. */
  decided: boolean
  reason: string
}

export function roundsFor(settings: StatusCheckSettings): number {
  return Math.floor(settings.durationMs / settings.intervalMs) + 1
}

/** The latency a sample counts with: a reply's, or a timeout's; none for refused/reset/DNS. */
export function sampleOf(
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
  thresholds: Pick<
    StatusCheckSettings,
    'minSuccessRate' | 'maxConsecutiveFailures' | 'maxP95LatencyMs'
  >
): Judgement & { successRatePassed: boolean; p95Passed: boolean | null } {
  const { minSuccessRate, maxConsecutiveFailures, maxP95LatencyMs } = thresholds
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
  // A run of failures is decided at once: rounds to come cannot make it shorter.
  const run = longestFailureRun(samples)
  if (run > maxConsecutiveFailures) {
    successRatePassed = false
    decided = true
    failures.push(
      `${run} probes in a row failed; max-consecutive-failures allows ${maxConsecutiveFailures} (more is an outage, not a blip)`
    )
  }
  if (remainingRounds > 0) {
    if (successRatePassed && !successRateReachable(failed, planned, minSuccessRate)) {
      successRatePassed = false
      decided = true
      failures.push(
        `${failed} of ${total} probes failed; even if all ${remainingRounds} still to come pass, ` +
          `the success rate is at most ${percent(bestSuccessRate(failed, planned))}, under min ${percent(minSuccessRate)}`
      )
    }
  } else if (successRatePassed && rate !== null && !meetsSuccessRate(rate, minSuccessRate)) {
    successRatePassed = false
    decided = true
    failures.push(
      `success rate ${percent(rate)} (${passes}/${total}) is under min ${percent(minSuccessRate)}`
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
          `${slow} of ${latencies.length} probes took over ${maxP95LatencyMs} ms (p95 so far ${roundedMs(stats.p95)}); ` +
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
      failures.push(`p95 latency ${roundedMs(stats.p95)} is over max ${maxP95LatencyMs} ms`)
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
    total === 0
      ? 'no probe sent'
      : `${passes}/${total} passed (${percent(rate)}), p95 ${roundedMs(stats.p95)}`
  return {
    passed: true,
    decided: false,
    reason: remainingRounds > 0 ? `${figures} before the window ended` : figures,
    successRatePassed,
    p95Passed
  }
}

/** The most failed probes in a row. */
export function longestFailureRun(samples: readonly ProbeSample[]): number {
  let longest = 0
  let current = 0
  for (const s of samples) {
    current = s.ok ? 0 : current + 1
    longest = Math.max(longest, current)
  }
  return longest
}

/** Each check's figures and verdict; `remaining` rounds still to come (0 when finished). */
export function probeReports(
  settings: StatusCheckSettings,
  samples: ProbeSample[][],
  remaining: number,
  redact: (t: string) => string
): ProbeReport[] {
  return settings.checks.map((check, i) => {
    const judged = judgeProbe(samples[i], remaining, settings)
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
      maxConsecutiveFailures: settings.maxConsecutiveFailures,
      successRatePassed: judged.successRatePassed,
      p95Passed: judged.p95Passed,
      passed: judged.passed,
      reason: redact(judged.reason)
    }
    if (settings.maxP95LatencyMs !== undefined) report.maxP95LatencyMs = settings.maxP95LatencyMs
    return report
  })
}

/** Records one query answer and decides whether the query has failed for good. */
export function addMetricValue(
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

export function metricReport(state: MetricState, finished: boolean): MetricReport {
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

export function overallOf(probes: readonly ProbeReport[]): StatusCheckResult['overall'] {
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
