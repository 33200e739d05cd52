/**
 * What the demo's summary and report show of the history: the `file` ledger read through
 * `shiprail history --json` (the product's own state words and rollback choice, no copy of its
 * rules), and the releases driver's history.jsonl.
 */
import { readFile } from 'node:fs/promises'
import { runStep } from './run-step.mjs'

/**
 * The environment's deployments, oldest first, as the CLI bundle's `history` step gives them:
 * `{ id, version, operation, rollbackOf, createdAt, outcome, verdicts, state, rollbackTarget }`.
 */
export async function readHistory(cli, inputs, { env, cwd, children }) {
  const result = await runStep(cli, 'history', inputs, { env, cwd, children, emit: () => {} })
  if (result.code !== 0 || !result.data) {
    throw new Error(`shiprail history failed: ${result.errors.join('; ') || `exit ${result.code}`}`)
  }
  return [...result.data.deployments].reverse()
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
