import type { DeploymentRecord, DeploymentStatus } from './ledger.js'

const TERMINAL = new Set(['success', 'failure', 'error'])

/** What a deployment's status list means, read the same way for every ledger. */
export interface DeploymentState {
  /** The deploy (or rollback) itself completed: its first terminal status is success. */
  deployed: boolean
  /** The deploy has not finished yet (no terminal status). */
  running: boolean
  /** Superseded: its newest status is inactive. */
  inactive: boolean
  /** Checks ran after it deployed and every verdict was success. */
  verified: boolean
  /** A check or a rollback marked it bad after it deployed. */
  bad: boolean
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
    running: !outcome && newest?.state !== 'inactive',
    inactive: newest?.state === 'inactive',
    verified: deployed && verdicts.length > 0 && !bad,
    bad,
    verdicts
  }
}

/** The live deployment: the newest that deployed and was not superseded. */
export function isLive(record: DeploymentRecord): boolean {
  const state = deploymentState(record)
  return state.deployed && !state.inactive
}
