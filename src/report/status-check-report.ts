import { summarizeLatency } from '../core/checks/latency-stats.js'
import { describeBounds, showNumber } from '../core/checks/prometheus-query.js'
import { describeLive, type StatusCheckResult } from '../core/steps/status-check-result.js'
import { percent, plural, roundedMs, spokenDuration } from '../core/wording.js'
import type { SummaryDoc, SummaryTable } from './summary.js'

/** Most points on the latency chart; longer windows are bucketed (each point the bucket's max). */
const CHART_POINTS = 60
/** Outputs over this size lose their per-round arrays: GitHub caps one output at 1 MB. */
const MAX_OUTPUT_CHARS = 900_000

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
  facts.push(['Duration', spokenDuration(result.durationMs)])
  if (result.verdictDeploymentId)
    facts.push(['Verdict recorded on', `deployment ${result.verdictDeploymentId}`])
  if (result.verdictNotRecorded) facts.push(['Verdict not recorded', result.verdictNotRecorded])

  const rows: string[][] = []
  const detail = (passed: boolean, reason: string) => (passed ? '' : reason)
  for (const p of result.probes) {
    rows.push([
      `probe ${p.name}`,
      'success rate',
      p.total ? `${percent(p.successRate)} (${p.passes}/${p.total})` : '—',
      `≥ ${percent(p.minSuccessRate)}, ≤ ${p.maxConsecutiveFailures} failed in a row`,
      mark(p.total ? p.successRatePassed : null, result.dryRun),
      p.successRatePassed ? '' : p.reason
    ])
    rows.push([
      `probe ${p.name}`,
      'latency p95',
      p.p95 === null
        ? '—'
        : `${roundedMs(p.p95)} (p50 ${roundedMs(p.p50)}, max ${roundedMs(p.max)})`,
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
      o.probes ? `${percent(o.successRate)} (${o.probes - o.failed}/${o.probes})` : '—',
      '— (judged per probe)',
      '—',
      ''
    ])
    rows.push([
      'all probes',
      'latency p95',
      o.p95Ms === null
        ? '—'
        : `${roundedMs(o.p95Ms)} (p50 ${roundedMs(o.p50Ms)}, max ${roundedMs(o.maxMs)})`,
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

/** One line saying why the step failed, or undefined when healthy. */
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
