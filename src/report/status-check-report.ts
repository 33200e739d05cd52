import { summarizeLatency } from '../core/checks/latency-stats.js'
import { describeBounds, showNumber } from '../core/checks/prometheus-query.js'
import { describeLive, type StatusCheckResult } from '../core/steps/status-check-result.js'
import { percent, plural, roundedMs, spokenDuration } from '../core/wording.js'
import type { SummaryDoc, SummaryTable } from './summary.js'

/** Most points on the latency chart; longer windows are bucketed (each point the bucket's max). */
const CHART_POINTS = 60
/** Outputs over this size lose their per-round arrays: GitHub caps one output at 1 MB. */
const MAX_OUTPUT_CHARS = 900_000

/** Mantissas an axis may end on: close steps, so 220 ms ends the axis at 250, not 500. */
const AXIS_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]

/** The smallest readable number (a step above × 10^n) at or above value. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const step = AXIS_STEPS.find(s => s * power >= value) ?? 10
  return Math.round(step * power * 1000) / 1000
}

/**
 * Line colours that read on GitHub's light (#ffffff) and dark (#0d1117) backgrounds: mermaid's
 * default palette starts with #ECECFF, nearly invisible on white. Latency blue, limit red.
 */
export const CHART_PALETTE = ['#2f81f7', '#e5534b']

/** A chart point: seconds since the window started and the round's p95, or null with no reply. */
interface ChartPoint {
  atMs: number
  value: number | null
}

/** Rounds bucketed to at most CHART_POINTS points; a bucket's value is its slowest reply. */
function bucketed(points: ChartPoint[]): ChartPoint[] {
  const size = Math.ceil(points.length / CHART_POINTS)
  const buckets: ChartPoint[] = []
  for (let i = 0; i < points.length; i += size) {
    const bucket = points.slice(i, i + size)
    const values = bucket.flatMap(b => (b.value === null ? [] : [b.value]))
    buckets.push({ atMs: bucket[0].atMs, value: values.length ? Math.max(...values) : null })
  }
  return buckets
}

/**
 * A mermaid xychart-beta of probe latency over the window: per round, the p95 of that round's
 * probes (the one latency for a single check); a flat line marks max-p95-latency-ms. Lines in
 * xychart-beta carry no legend, so the title says which is which. A line cannot have gaps, so a
 * round without a single reply is left off the chart (plotting it as 0 ms would read as the
 * service getting faster while it was down) and named below it. Under two plotted rounds there
 * is no line to draw, so no chart. https://mermaid.js.org/syntax/xyChart.html
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
  const buckets = bucketed(
    rounds.map(r => ({ atMs: r.atMs, value: summarizeLatency(r.latencies).p95 }))
  )
  const plotted = buckets.filter((b): b is { atMs: number; value: number } => b.value !== null)
  if (plotted.length < 2) return undefined
  const silent = buckets.filter(b => b.value === null).map(b => seconds(b.atMs))
  const limit = result.probes[0]?.maxP95LatencyMs
  const top = niceCeiling(Math.max(...plotted.map(b => b.value), limit ?? 0) * 1.1)
  const title =
    limit === undefined
      ? 'Probe latency per round, p95 (ms)'
      : `Probe latency per round, p95 (ms); red line = max ${limit} ms`
  const config = {
    themeVariables: { xyChart: { plotColorPalette: CHART_PALETTE.join(', ') } }
  }
  const lines = [
    '```mermaid',
    '---',
    `config: ${JSON.stringify(config)}`,
    '---',
    'xychart-beta',
    `    title "${title}"`,
    `    x-axis "seconds since start" [${plotted.map(b => `"${seconds(b.atMs)}"`).join(', ')}]`,
    `    y-axis "latency (ms)" 0 --> ${top}`,
    `    line [${plotted.map(b => Math.round(b.value)).join(', ')}]`
  ]
  if (limit !== undefined) lines.push(`    line [${plotted.map(() => limit).join(', ')}]`)
  lines.push('```')
  if (silent.length) {
    lines.push(
      '',
      `No reply at all in ${plural(silent.length, 'round')} (at ${silent.map(s => `${s} s`).join(', ')}): left off the chart, not drawn as 0 ms.`
    )
  }
  return lines.join('\n')
}

function seconds(ms: number): number {
  return Math.round(ms / 1000)
}

function mark(passed: boolean | null, dryRun: boolean): string {
  if (dryRun || passed === null) return '—'
  return passed ? '✅' : '❌'
}

/** Job summary: the verdict first, then every figure beside its threshold, then the chart. */
/** The figures that missed their thresholds, by name: "probe GET / success rate". */
function failedFigures(result: StatusCheckResult): string[] {
  return [
    ...result.probes.flatMap(p => [
      ...(p.successRatePassed ? [] : [`probe ${p.name} success rate`]),
      ...(p.p95Passed === false ? [`probe ${p.name} latency p95`] : [])
    ]),
    ...result.metrics.filter(m => !m.passed).map(m => `metric ${m.name}`),
    ...(result.logs && !result.logs.passed ? ['logs'] : [])
  ]
}

/** Why probes failed although the success rate held: the last failure, so a pass is explained. */
function toleratedFailures(p: StatusCheckResult['probes'][number]): string {
  const failed = p.samples.filter(s => !s.ok)
  if (!failed.length) return ''
  const last = failed[failed.length - 1].reason
  return `${failed.length} of ${p.total} failed, within the threshold${last ? `; last: ${last}` : ''}`
}

/**
 * Job summary: a one-line verdict first (what failed, never why: the Detail column says that
 * once), then every figure beside its threshold, then the chart.
 */
export function statusCheckSummary(result: StatusCheckResult, runUrl?: string): SummaryDoc {
  const window = spokenDuration(result.plannedDurationMs)
  let verdict: string
  if (result.dryRun) {
    verdict = `📝 dry run: would watch ${result.environment} for ${window} (${result.plannedRounds} rounds); nothing sent`
  } else if (result.healthy) {
    const tolerated = result.probes.reduce((n, p) => n + p.total - p.passes, 0)
    const note = tolerated
      ? `; ${plural(tolerated, 'probe')} failed, within the thresholds (see Detail)`
      : ''
    verdict = `✅ **healthy**: ${result.environment} held every threshold for ${spokenDuration(result.durationMs)} (${plural(result.rounds, 'round')})${note}`
  } else {
    const failed = failedFigures(result)
    const what = failed.length ? failed.join(', ') : 'a threshold'
    verdict = `❌ **unhealthy**: ${what} missed ${failed.length > 1 ? 'their thresholds' : 'its threshold'} (see Detail)`
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
      p.successRatePassed ? toleratedFailures(p) : p.reason
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
  const links: [string, string][] = []
  if (result.live?.environmentUrl) links.push(['Open environment', result.live.environmentUrl])
  if (runUrl) links.push(['Run log', runUrl])
  return {
    title: 'Shiprail status check',
    verdict,
    facts,
    tables,
    ...(chart ? { markdownBlocks: [chart] } : {}),
    links
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
