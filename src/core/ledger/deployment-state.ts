import type { DeploymentRecord, DeploymentStatus } from './ledger.js'

const TERMINAL = new Set(['success', 'failure', 'error'])

/** What a deployment's status list means, read the same way for every ledger. */
export interface DeploymentState {
  /** The deploy (or rollback) itself completed: its first terminal status is success. */
  deployed: boolean
  /** The deploy has not finished yet (no terminal status, not superseded). */
  inProgress: boolean
  /** Superseded: its newest status is inactive. */
  inactive: boolean
  /** Checks ran after it deployed and every verdict was success. */
  verified: boolean
  /** A check or a rollback marked it bad after it deployed. */
  bad: boolean
  /** The deploy's own terminal status (success, failure or error), if it has one. */
  outcome?: DeploymentStatus
  /** The verdict statuses (after the deploy outcome), oldest first. */
  verdicts: DeploymentStatus[]
}

/**
 * The first terminal status is the deploy's outcome; any later success/failure is a verdict
 * posted by smoke-test, status-check or rollback; inactive means something newer took over.
 */
export function deploymentState(record: DeploymentRecord): DeploymentState {
  // Ledgers give statuses oldest first (timestamps alone cannot order them: GitHub's have
  // whole-second resolution).
  const statuses = record.statuses
  const outcomeIndex = statuses.findIndex(s => TERMINAL.has(s.state))
  const outcome = outcomeIndex >= 0 ? statuses[outcomeIndex] : undefined
  const verdicts = outcome
    ? statuses.slice(outcomeIndex + 1).filter(s => TERMINAL.has(s.state))
    : []
  const deployed = outcome?.state === 'success'
  const bad = deployed && verdicts.some(v => v.state !== 'success')
  const newest = statuses[statuses.length - 1]
  return {
    deployed,
    inProgress: !outcome && newest?.state !== 'inactive',
    inactive: newest?.state === 'inactive',
    verified: deployed && verdicts.length > 0 && !bad,
    bad,
    outcome,
    verdicts
  }
}

/** The live deployment: the newest that deployed and was not superseded. */
export function isLive(record: DeploymentRecord): boolean {
  const state = deploymentState(record)
  return state.deployed && !state.inactive
}

/**
 * The one vocabulary for a deployment's state, used by every message, the history table, its
 * JSON and the demo. Each word says what a rollback may do with the deployment.
 */
export const STATE_MEANINGS = {
  'in-progress': 'the deploy has not recorded an outcome yet',
  live: 'deployed and serving now (the newest deployment that succeeded and was not superseded)',
  verified: 'deployed, superseded, and every check recorded on it passed: a rollback candidate',
  unverified:
    'deployed and superseded, no check recorded: a rollback candidate after verified ones',
  bad: 'deployed, then a check failed on it: never a rollback target without force',
  failed: 'the deploy itself failed (or was cancelled)',
  'rolled-back': 'deployed, then a rollback replaced it: never a rollback target without force',
  inactive:
    'superseded without counting: it never finished, or a newer deployment of the same version speaks for it'
} as const

export type DeploymentStateName = keyof typeof STATE_MEANINGS

export const DEPLOYMENT_STATE_NAMES = Object.keys(STATE_MEANINGS) as DeploymentStateName[]

/**
 * The state word of each record of an environment's history (newest first, as ledgers give
 * it). A word depends on the newer records too: which one is live, which rollback left a
 * deployment, and whether its version was deployed again later.
 */
export function stateNames(records: DeploymentRecord[]): DeploymentStateName[] {
  const states = records.map(deploymentState)
  const liveIndex = records.findIndex(isLive)
  const rolledBack = new Set(
    records
      .filter((r, i) => r.payload.operation === 'rollback' && states[i].deployed)
      .map(r => r.payload.rollback_of)
  )
  const seen = new Set<string>()
  return records.map((record, i) => {
    const s = states[i]
    const newerOfVersion = seen.has(record.payload.version)
    if (s.deployed) seen.add(record.payload.version)
    if (s.inProgress) return 'in-progress'
    if (!s.outcome) return 'inactive'
    if (!s.deployed) return 'failed'
    if (i === liveIndex) return 'live'
    if (rolledBack.has(record.id)) return 'rolled-back'
    if (s.bad) return 'bad'
    if (newerOfVersion) return 'inactive'
    return s.verified ? 'verified' : 'unverified'
  })
}

/**
 * "1.4.2 (verified)" for messages. A deployment a check failed on also names that check, so a
 * live one that failed its checks says so.
 */
export function describeRecord(record: DeploymentRecord, state: DeploymentStateName): string {
  const failed = deploymentState(record).verdicts.find(v => v.state !== 'success')
  if (!failed || state === 'rolled-back') return `${record.payload.version} (${state})`
  return `${record.payload.version} (${state}: ${failed.description || 'a check failed'})`
}
