import { mkdtempSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { parseCommandFile, prepareRunner } from '../__tests__/support/action-runner.js'

/** The token the bench's runner hands every step (the GitHub stand-in accepts it). */
export const BENCH_TOKEN = 'test-token'
const SHA = 'a'.repeat(40)

/**
 * The inputs the runner passes a step: every input's default from the step's action.yml
 * (`${{ github.token }}` and `${{ github.sha }}` evaluated), overridden by the `with:` values.
 * `action` is the folder of the action.yml: a step name, or '.' for the root action.
 */
export function actionInputs(
  root: string,
  action: string,
  given: Record<string, string>
): Record<string, string> {
  const doc = parse(readFileSync(join(root, action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>
  }
  const inputs: Record<string, string> = {}
  for (const [name, def] of Object.entries(doc.inputs ?? {})) {
    if (def?.default === undefined) continue
    inputs[name] = String(def.default)
      .replace(/\$\{\{\s*github\.token\s*\}\}/g, BENCH_TOKEN)
      .replace(/\$\{\{\s*github\.sha\s*\}\}/g, SHA)
  }
  return { ...inputs, ...given }
}

/**
 * The environment the Actions runner gives a step (prepareRunner, shared with the tests); here
 * the bench spawns the process itself, to time it and read its peak memory.
 * https://docs.github.com/en/actions/reference/variables-reference
 */
export interface RunnerEnv {
  env: NodeJS.ProcessEnv
  dir: string
  outputs(): Record<string, string>
  state(): Record<string, string>
}

export function runnerEnv(
  parent: string,
  inputs: Record<string, string>,
  extra: Record<string, string> = {}
): RunnerEnv {
  const dir = mkdtempSync(join(parent, 'runner-'))
  const { env, files } = prepareRunner(dir, { inputs, env: extra })
  return {
    env,
    dir,
    outputs: () => parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: () => parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8'))
  }
}
