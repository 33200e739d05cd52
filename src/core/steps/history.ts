import type { Context } from '../context.js'
import { deliveryMetrics, type DeliveryMetrics } from '../ledger/delivery-metrics.js'
import {
  deploymentState,
  isLive,
  stateNames,
  type DeploymentStateName
} from '../ledger/deployment-state.js'
import type { DeploymentRecord, LedgerKind, Operation } from '../ledger/ledger.js'
import { readRollbackTarget } from '../ledger/rollback-target.js'
import { windowStart, type HistorySettings } from '../settings/history-settings.js'

/** One deployment as `history` shows it (newest first). */
export interface HistoryEntry {
  id: string
  version: string
  ref: string
  createdAt: string
  /** Who created it (GitHub login), when the ledger knows. */
  creator: string | null
  runUrl: string | null
  operation: Operation
  /** For a rollback: the deployment it rolled back from. */
  rollbackOf: string | null
  /** The deploy's own outcome; `in_progress` until it has one. */
  outcome: 'success' | 'failure' | 'error' | 'in_progress'
  outcomeAt: string | null
  /** Verdicts recorded after it deployed (smoke-test, status-check, rollback), oldest first. */
  verdicts: { state: string; description: string; createdAt: string }[]
  state: DeploymentStateName
  /** The deployment a rollback would pick now. */
  rollbackTarget: boolean
}

export interface HistoryResult {
  step: 'history'
  environment: string
  ledger: LedgerKind
  /** The `since` input as given, and the window start it meant. */
  since: string | null
  windowStart: string | null
  generatedAt: string
  live: { version: string; deploymentId: string } | null
  /** What `rollback` would do now: its target, or why it would refuse. */
  rollback:
    | { version: string; deploymentId: string; verified: boolean; note?: string }
    | { version: null; reason: string }
  deployments: HistoryEntry[]
  metrics?: DeliveryMetrics
}

/**
 * Replays one walk of a ledger's history to several readers, so the rollback choice and the
 * listing share the reads (each page and status list is fetched once).
 */
class SharedHistory {
  readonly read: DeploymentRecord[] = []
  private readonly source: AsyncIterator<DeploymentRecord>
  private done = false

  constructor(history: AsyncIterable<DeploymentRecord>) {
    this.source = history[Symbol.asyncIterator]()
  }

  async *records(): AsyncGenerator<DeploymentRecord> {
    for (let i = 0; ; i++) {
      if (i >= this.read.length) {
        if (this.done) return
        const next = await this.source.next()
        if (next.done) {
          this.done = true
          return
        }
        this.read.push(next.value)
      }
      yield this.read[i]
    }
  }
}

function toEntry(
  record: DeploymentRecord,
  state: DeploymentStateName,
  targetId: string | undefined
): HistoryEntry {
  const s = deploymentState(record)
  return {
    id: record.id,
    version: record.payload.version,
    ref: record.ref,
    createdAt: record.createdAt,
    creator: record.creator ?? null,
    runUrl: record.payload.run_url ?? null,
    operation: record.payload.operation,
    rollbackOf: record.payload.rollback_of ?? null,
    outcome: s.outcome ? (s.outcome.state as 'success' | 'failure' | 'error') : 'in_progress',
    outcomeAt: s.outcome?.createdAt ?? null,
    verdicts: s.verdicts.map(v => ({
      state: v.state,
      description: v.description,
      createdAt: v.createdAt
    })),
    state,
    rollbackTarget: record.id === targetId
  }
}

/**
 * The history step: an environment's deployments newest first, each with its state word, the
 * one a rollback would pick marked (chosen by rollback's own code), and on request the four
 * delivery metrics. It only reads.
 */
export async function history(settings: HistorySettings, ctx: Context): Promise<HistoryResult> {
  const now = ctx.clock.now()
  const start = settings.since ? windowStart(settings.since, now) : undefined
  const shared = new SharedHistory(ctx.ledger.history(settings.environment))

  const { choice } = await readRollbackTarget(shared.records(), settings.environment)
  // The listing reads on until the window starts (or the history ends).
  for await (const record of shared.records()) {
    if (start && Date.parse(record.createdAt) < start.getTime()) break
  }
  const states = stateNames(shared.read)
  const inWindow = shared.read
    .map((record, i) => ({ record, state: states[i] }))
    .filter(e => !start || Date.parse(e.record.createdAt) >= start.getTime())
  const targetId = choice.ok ? choice.target.id : undefined
  const live = shared.read.find(isLive)

  const result: HistoryResult = {
    step: 'history',
    environment: settings.environment,
    ledger: ctx.ledger.kind,
    since: settings.since?.text ?? null,
    windowStart: start?.toISOString() ?? null,
    generatedAt: now.toISOString(),
    live: live ? { version: live.payload.version, deploymentId: live.id } : null,
    rollback: choice.ok
      ? {
          version: choice.target.payload.version,
          deploymentId: choice.target.id,
          verified: choice.verified,
          ...(choice.note ? { note: choice.note } : {})
        }
      : { version: null, reason: choice.reason },
    deployments: inWindow.map(e => toEntry(e.record, e.state, targetId))
  }
  if (settings.metrics) {
    result.metrics = await metricsFor(
      inWindow.map(e => e.record),
      inWindow.map(e => e.state),
      start,
      now,
      ctx
    )
  }
  return result
}

async function metricsFor(
  records: DeploymentRecord[],
  states: DeploymentStateName[],
  start: Date | undefined,
  now: Date,
  ctx: Context
): Promise<DeliveryMetrics> {
  const commitTimes = new Map<string, Date | undefined>()
  const refs = new Set(
    records
      .filter(r => r.payload.operation === 'deploy' && deploymentState(r).deployed)
      .map(r => r.ref)
  )
  if (ctx.ledger.commitTime) {
    for (const ref of refs) commitTimes.set(ref, await ctx.ledger.commitTime(ref))
  }
  const oldest = records[records.length - 1]
  return deliveryMetrics({
    records,
    states,
    commitTimes,
    commitSource: ctx.ledger.commitSource ?? 'nowhere: this ledger knows no commits',
    // Without `since`, the window is the whole recorded history up to now.
    windowStart: start ?? (oldest ? new Date(oldest.createdAt) : now),
    windowEnd: now
  })
}
