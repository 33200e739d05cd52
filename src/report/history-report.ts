import type { MetricFigure } from '../core/ledger/delivery-metrics.js'
import type { HistoryResult } from '../core/steps/history.js'
import type { SummaryDoc, SummaryTable } from './summary.js'

/** Seconds as the largest two units people read at a glance: "2 d 3 h", "14 min 5 s". */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds)
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1]
  ]
  const parts: string[] = []
  let rest = s
  for (const [name, size] of units) {
    const n = Math.floor(rest / size)
    rest -= n * size
    if (n && parts.length < 2) parts.push(`${n} ${name}`)
    else if (parts.length) break
  }
  return parts.join(' ') || '0 s'
}

export function formatFigure(figure: MetricFigure): string {
  if (figure.value === null) return 'unknown'
  if (figure.unit === 'seconds') return formatSeconds(figure.value)
  if (figure.unit === 'share') return `${(figure.value * 100).toFixed(1)} %`
  return `${figure.value.toFixed(2)} per day`
}

function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ')
}

export function historySummary(result: HistoryResult): SummaryDoc {
  const target = result.rollback
  const facts: [string, string][] = [
    ['Environment', result.environment],
    [
      'Live',
      result.live ? `${result.live.version} (deployment ${result.live.deploymentId})` : 'nothing'
    ],
    [
      'Rollback would pick',
      target.version === null
        ? `nothing: ${target.reason}`
        : `${target.version} (deployment ${target.deploymentId}${target.verified ? ', verified' : ', no check recorded'})`
    ],
    ['Ledger', result.ledger],
    ['Window', result.since ? `since ${result.since} (${result.windowStart})` : 'all history']
  ]
  const tables: SummaryTable[] = [
    {
      caption: 'Deployments, newest first (⏪ = what a rollback would pick now)',
      header: ['id', 'version', 'state', '', 'commit', 'created', 'by', 'verdicts'],
      rows: result.deployments.map(d => [
        d.id,
        d.version,
        d.state,
        d.rollbackTarget ? '⏪' : '',
        d.ref.slice(0, 7) || '—',
        shortTime(d.createdAt),
        [d.operation === 'rollback' ? `rollback of ${d.rollbackOf}` : '', d.creator, d.runUrl]
          .filter(Boolean)
          .join(' ') || '—',
        d.verdicts.map(v => v.description).join('; ') || '—'
      ])
    }
  ]
  const m = result.metrics
  if (m) {
    tables.push({
      caption: `Delivery metrics, ${m.windowStart.slice(0, 10)} to ${m.windowEnd.slice(0, 10)}`,
      header: ['metric', 'value', 'how it was computed'],
      rows: [
        [
          'deployment frequency',
          formatFigure(m.deploymentFrequency),
          m.deploymentFrequency.computed
        ],
        ['lead time (commit → live)', formatFigure(m.leadTime), m.leadTime.computed],
        ['change failure rate', formatFigure(m.changeFailureRate), m.changeFailureRate.computed],
        ['time to restore', formatFigure(m.timeToRestore), m.timeToRestore.computed]
      ]
    })
  }
  return {
    title: 'Shiprail history',
    verdict: `📜 ${result.deployments.length} deployment${result.deployments.length === 1 ? '' : 's'} of **${result.environment}**`,
    facts,
    tables
  }
}

export function historyOutputs(result: HistoryResult): Record<string, string> {
  return {
    'live-version': result.live?.version ?? '',
    'rollback-version': result.rollback.version ?? '',
    metrics: result.metrics ? JSON.stringify(result.metrics) : '',
    result: JSON.stringify(result)
  }
}
