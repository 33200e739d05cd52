import { deploymentState, type DeploymentStateName } from './deployment-state.js'
import type { DeploymentRecord } from './ledger.js'

/** One figure: its value (null when the records cannot give it), and how it was computed. */
export interface MetricFigure {
  value: number | null
  unit: 'deploys per day' | 'seconds' | 'share'
  /** How the value was computed from which records, or why it is unknown. */
  computed: string
}

export interface DeliveryMetrics {
  windowStart: string
  windowEnd: string
  /** Successful deploys in the window (rollbacks are not counted: they ship no new change). */
  deploys: number
  deploymentFrequency: MetricFigure
  /** Median of (went live − commit time) over deploys whose commit time is known. */
  leadTime: MetricFigure & { samples: number; unknown: number }
  /** Share of deploys later marked bad by a check or rolled back. */
  changeFailureRate: MetricFigure & { failed: number }
  /** Median of (a good version live again − the failed deploy live). */
  timeToRestore: MetricFigure & { samples: number; unrestored: number }
}

export interface MetricsInput {
  /** The window's deployments, newest first, with their state words (from stateNames). */
  records: DeploymentRecord[]
  states: DeploymentStateName[]
  /** Commit time per ref; a missing entry or undefined means unknown. */
  commitTimes: Map<string, Date | undefined>
  /** Where commit times came from, said in the lead time's description. */
  commitSource: string
  windowStart: Date
  windowEnd: Date
}

const DAY_MS = 86_400_000

export function median(values: number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** When a deployment went live: its own success status. */
function liveAt(record: DeploymentRecord): number {
  return Date.parse(deploymentState(record).outcome?.createdAt ?? record.createdAt)
}

/**
 * The four delivery figures engineering leads track (DORA's), from one environment's records.
 * Nothing is estimated: a figure whose inputs are missing is null and says why.
 */
export function deliveryMetrics(input: MetricsInput): DeliveryMetrics {
  const { records, states } = input
  // Oldest first from here on, so "later" means a higher index.
  const order = records.map((record, i) => ({ record, state: states[i] })).reverse()
  const failedStates = new Set<DeploymentStateName>(['bad', 'rolled-back'])
  const isFailure = (entry: (typeof order)[number]) =>
    failedStates.has(entry.state) || deploymentState(entry.record).bad
  const deploys = order.filter(
    e => e.record.payload.operation === 'deploy' && deploymentState(e.record).deployed
  )
  const windowDays = (input.windowEnd.getTime() - input.windowStart.getTime()) / DAY_MS
  const span = `between ${day(input.windowStart)} and ${day(input.windowEnd)} (${windowDays.toFixed(1)} days)`

  // A rate over less than a day says more about when the first deploy happened than about
  // how often the team deploys.
  const deploymentFrequency: MetricFigure =
    windowDays >= 1
      ? {
          value: deploys.length / windowDays,
          unit: 'deploys per day',
          computed: `${plural(deploys.length, 'successful deploy')} ${span}, divided by the days; rollbacks and failed deploys are not counted`
        }
      : {
          value: null,
          unit: 'deploys per day',
          computed: `unknown: the window is shorter than a day (${span}); the history starts too recently`
        }

  const leads: number[] = []
  for (const { record } of deploys) {
    const committed = input.commitTimes.get(record.ref)
    const lead = committed ? liveAt(record) - committed.getTime() : NaN
    if (lead >= 0) leads.push(lead / 1000)
  }
  const unknown = deploys.length - leads.length
  const leadMedian = median(leads)
  const leadTime = {
    value: leadMedian,
    unit: 'seconds' as const,
    samples: leads.length,
    unknown,
    computed:
      leadMedian === null
        ? `unknown: ${deploys.length ? `no commit time known for the ${plural(deploys.length, 'successful deploy')} (${input.commitSource})` : 'no successful deploys in the window'}`
        : `median over ${plural(leads.length, 'deploy')} of (its success status − its commit's committer date, from ${input.commitSource})${unknown ? `; ${unknown} without a known commit time left out` : ''}`
  }

  const failed = deploys.filter(isFailure)
  const changeFailureRate = {
    value: deploys.length ? failed.length / deploys.length : null,
    unit: 'share' as const,
    failed: failed.length,
    computed: deploys.length
      ? `${failed.length} of ${plural(deploys.length, 'successful deploy')} later marked bad by a check or rolled back`
      : 'unknown: no successful deploys in the window'
  }

  const restores: number[] = []
  let unrestored = 0
  for (const bad of failed) {
    const at = order.indexOf(bad)
    const good = order
      .slice(at + 1)
      .find(e => deploymentState(e.record).deployed && !isFailure(e) && e.state !== 'in-progress')
    if (good) restores.push((liveAt(good.record) - liveAt(bad.record)) / 1000)
    else unrestored++
  }
  const restoreMedian = median(restores)
  const timeToRestore = {
    value: restoreMedian,
    unit: 'seconds' as const,
    samples: restores.length,
    unrestored,
    computed:
      restoreMedian === null
        ? `unknown: ${failed.length ? `none of the ${plural(failed.length, 'failed deploy')} has been followed by a good deployment yet` : 'no deploy in the window was marked bad or rolled back'}`
        : `median over ${plural(restores.length, 'failed deploy')} of (the next deployment or rollback that went live and was not marked bad − the failed deploy's success status)${unrestored ? `; ${unrestored} not restored yet left out` : ''}`
  }

  return {
    windowStart: input.windowStart.toISOString(),
    windowEnd: input.windowEnd.toISOString(),
    deploys: deploys.length,
    deploymentFrequency,
    leadTime,
    changeFailureRate,
    timeToRestore
  }
}
