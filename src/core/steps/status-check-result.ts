import type { LogScanReport } from '../checks/log-scan.js'
import type { NoDataKind } from '../checks/prometheus-query.js'

/** What a status-check window produced: the result every edge presents (log, summary, JSON). */

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
  /** Failed probes in a row allowed. */
  maxConsecutiveFailures: number
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
  /** The environment URL its deploy recorded. */
  environmentUrl?: string
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

/** "1.4.2 since 2026-… (deployment 7, by rollback, deployed by alice)". */
export function describeLive(live: LiveDeployment): string {
  const how = live.operation === 'rollback' ? ', by rollback' : ''
  const who = live.creator ? `, deployed by ${live.creator}` : ''
  return `${live.version} since ${live.since} (deployment ${live.deploymentId}${how}${who})`
}
