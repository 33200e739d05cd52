/**
 * Reads the `file` ledger and the releases driver's history for the demo's summary and report.
 * The rules are those of src/core/ledger/deployment-state.ts (the first terminal status is the
 * deploy's outcome, later ones are verdicts, inactive means superseded), restated here because
 * the demo uses only what a user has: the files and the CLI bundle. The demo's test checks the
 * same ledger with the TypeScript rules themselves.
 */
import { readFile } from 'node:fs/promises'

const TERMINAL = new Set(['success', 'failure', 'error'])

export function deploymentState(record) {
  const statuses = record.statuses
  const outcomeIndex = statuses.findIndex(s => TERMINAL.has(s.state))
  const outcome = outcomeIndex >= 0 ? statuses[outcomeIndex] : undefined
  const verdicts = outcome
    ? statuses.slice(outcomeIndex + 1).filter(s => TERMINAL.has(s.state))
    : []
  const deployed = outcome?.state === 'success'
  const bad = deployed && verdicts.some(v => v.state !== 'success')
  const newest = statuses[statuses.length - 1]
  const inactive = newest?.state === 'inactive'
  return {
    deployed,
    running: !outcome && !inactive,
    inactive,
    verified: deployed && verdicts.length > 0 && !bad,
    bad,
    live: deployed && !inactive,
    verdicts
  }
}

/** One word for a deployment: live, bad, verified (and superseded), superseded, failed, running. */
export function stateLabel(state) {
  if (state.running) return 'running'
  if (!state.deployed) return 'failed'
  if (state.bad) return 'bad'
  if (state.live) return state.verified ? 'live, verified' : 'live'
  return state.verified ? 'verified, superseded' : 'superseded'
}

export async function readLedger(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch (err) {
    if (err.code === 'ENOENT') return { schema: 1, deployments: [] }
    throw err
  }
}

/** The environment's deployments, oldest first, each with its state. */
export function historyOf(ledger, environment) {
  return ledger.deployments
    .filter(d => d.environment === environment)
    .map(record => {
      const state = deploymentState(record)
      return { record, state, label: stateLabel(state) }
    })
}

/** `<path>/.shiprail/history.jsonl` of the releases driver: one entry per deploy or rollback. */
export async function readReleaseHistory(file) {
  let text
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if (err.code === 'ENOENT') return []
    throw err
  }
  return text.split('\n').flatMap(line => {
    try {
      return line.trim() ? [JSON.parse(line)] : []
    } catch {
      return []
    }
  })
}
