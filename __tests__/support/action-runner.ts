import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(
  import.meta.dirname ?? new URL('.', import.meta.url).pathname,
  '..',
  '..'
)

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  state: Record<string, string>
  /** stdout without the ::add-mask:: lines the runner consumes (they carry the secret by design). */
  visibleStdout: string
}

export interface RunActionOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** STATE_* values, for the post run. */
  state?: Record<string, string>
  cwd?: string
  /** Sends this signal after the given ms. */
  killAfterMs?: { ms: number; signal: NodeJS.Signals }
  /** Resolves when stdout contains this text, then sends killAfterMs' signal. */
  killWhenStdout?: { text: string; signal: NodeJS.Signals }
  timeoutMs?: number
}

/** Parses GITHUB_OUTPUT / GITHUB_STATE files (`name<<delimiter` blocks, as @actions/core writes them). */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i])
      out[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return out
}

export interface PreparedRunner {
  env: Record<string, string>
  /** GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH. */
  files: Record<
    'GITHUB_OUTPUT' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_ENV' | 'GITHUB_PATH',
    string
  >
}

/**
 * The environment the Actions runner gives a step, with its file commands in `dir`: inputs as
 * INPUT_<NAME> (dashes kept, upper-cased), state as STATE_<name>, the default variables.
 * GITHUB_API_URL points at a closed port unless given: a step that calls GitHub by mistake
 * fails instead of leaving the machine.
 * https://docs.github.com/en/actions/reference/variables-reference
 */
export function prepareRunner(
  dir: string,
  options: Pick<RunActionOptions, 'inputs' | 'env' | 'state' | 'cwd'> = {}
): PreparedRunner {
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'octo-org/octo-app',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKSPACE: options.cwd ?? dir,
    RUNNER_TEMP: dir,
    ...files,
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  return { env, files }
}

/** Runs a committed bundle the way the Actions runner does (see prepareRunner). */
export function runAction(bundle: string, options: RunActionOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'shiprail-runner-'))
  const { env, files } = prepareRunner(dir, options)

  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(ROOT, bundle)], { cwd: options.cwd ?? dir, env })
    let stdout = ''
    let stderr = ''
    let killed = false
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    if (options.killAfterMs) {
      setTimeout(() => child.kill(options.killAfterMs?.signal), options.killAfterMs.ms)
    }
    child.stdout.on('data', d => {
      stdout += d
      if (options.killWhenStdout && !killed && stdout.includes(options.killWhenStdout.text)) {
        killed = true
        child.kill(options.killWhenStdout.signal)
      }
    })
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolvePromise({
        code,
        stdout,
        stderr,
        visibleStdout: stdout
          .split('\n')
          .filter(l => !l.startsWith('::add-mask::'))
          .join('\n'),
        outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
        state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8'))
      })
    })
  })
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the CLI as a user types it: `node dist/cli/index.js <args>` (what `npx shiprail` runs). */
export function runCliBundle(
  args: string[],
  options: { cwd: string; env?: Record<string, string> }
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'dist/cli/index.js'), ...args], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? options.cwd,
        ...options.env
      }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => resolvePromise({ code, stdout, stderr }))
  })
}
