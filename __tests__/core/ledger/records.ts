import type { DeploymentRecord, StatusState } from '../../../src/core/ledger/ledger.js'

let nextId = 1

/**
 * A deployment record as a ledger returns it. `states` is its status list, oldest first, in the
 * ledger's words: ['in_progress', 'success'] deployed; a later 'success' or 'failure' is a
 * check's verdict; 'inactive' superseded.
 */
export function rec(
  version: string,
  states: StatusState[],
  over: Partial<DeploymentRecord> & { description?: string[] } = {}
): DeploymentRecord {
  const id = over.id ?? String(nextId++)
  return {
    id,
    environment: over.environment ?? 'production',
    ref: over.ref ?? 'a'.repeat(40),
    createdAt: over.createdAt ?? '2026-11-30T12:00:00.000Z',
    payload: {
      version,
      driver: 'command',
      previous_version: null,
      operation: 'deploy',
      run_url: null,
      ...over.payload
    },
    statuses: states.map((state, i) => ({
      state,
      description: over.description?.[i] ?? `${state} ${i}`,
      createdAt: `2026-11-30T12:00:0${Math.min(i, 9)}.000Z`
    }))
  }
}

/** Deployed and its checks passed. */
export const VERIFIED: StatusState[] = ['in_progress', 'success', 'success']
/** Deployed, no check recorded. */
export const DEPLOYED: StatusState[] = ['in_progress', 'success']
/** Deployed, then a check failed on it. */
export const BAD: StatusState[] = ['in_progress', 'success', 'failure']
/** The deploy itself failed. */
export const FAILED: StatusState[] = ['in_progress', 'failure']
/** Still deploying. */
export const RUNNING: StatusState[] = ['in_progress']
/** A verified deployment something newer superseded. */
export const SUPERSEDED: StatusState[] = ['in_progress', 'success', 'success', 'inactive']
