import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { parseCommandFile } from '../__tests__/support/action-runner.js'

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
 * The environment the Actions runner gives a step: inputs as INPUT_<NAME> (upper-cased, dashes
 * kept), file commands in files, the default variables. Same recipe as
 * __tests__/support/action-runner.ts; here the bench spawns the process itself, to time it and
 * read its peak memory.
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
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'octo-org/octo-app',
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    // Nothing listens on port 9: a step that calls GitHub by mistake fails instead of leaving.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...files,
    ...extra
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return {
    env,
    dir,
    outputs: () => parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: () => parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8'))
  }
}
