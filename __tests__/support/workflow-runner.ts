import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { truthy } from '@actions/expressions/result'
import { parse } from 'yaml'
import { ROOT, parseCommandFile, runAction } from './action-runner.js'

/**
 * Runs a caller workflow and Shiprail's reusable workflows the way GitHub runs them, as far as
 * Shiprail's own files need: jobs in `needs` order with their `if:`, reusable calls with typed
 * inputs, defaults and secrets, steps with their `if:`, `env:` and `with:` evaluated by GitHub's
 * own expression library (@actions/expressions), `run:` scripts in bash as the runner starts
 * them, Shiprail's steps as their committed dist bundles (main, then post), and the artifact
 * actions as a copy into and out of a store. Checkout is the prepared workspace; other
 * third-party actions are refused, so a new one cannot slip past unrun.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- workflow YAML is untyped by nature */
type Yaml = any

export interface WorkflowRunOptions {
  /** The caller's repository as checked out: where checks files and build commands live. */
  workspace: string
  /** The `github` context: run_id, sha, token, server_url, repository, ref_type, ref_name. */
  github: Record<string, string>
  vars?: Record<string, string>
  secrets?: Record<string, string>
  /** Variables every step gets from the runner (GITHUB_API_URL of the API stand-in). */
  env?: Record<string, string>
  /** Where the artifact actions keep what one job uploads for another. */
  artifacts: string
}

export interface JobResult {
  result: 'success' | 'failure' | 'skipped'
  outputs: Record<string, string>
}

export interface WorkflowRun {
  result: 'success' | 'failure'
  jobs: Record<string, JobResult>
  outputs: Record<string, string>
  /** One line per job and step with its outcome, and the output of each step that failed. */
  log: string[]
}

type StepOutcome = 'success' | 'failure' | 'skipped'
interface Contexts {
  [name: string]: unknown
}

const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'] as const
const STATUS_CALL = /\b(success|failure|always|cancelled)\s*\(/

/** One `${{ }}`-free expression, with the status functions as `failed` says they answer. */
function evaluate(expression: string, contexts: Contexts, failed: boolean): data.ExpressionData {
  const answers = { success: !failed, failure: failed, always: true, cancelled: false }
  const functions = STATUS_FUNCTIONS.map(name => ({ name, minArgs: 0, maxArgs: 0 }))
  const tree = new Parser(new Lexer(expression).lex().tokens, Object.keys(contexts), functions)
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary
  const calls = new Map(
    functions.map(f => [f.name, { ...f, call: () => new data.BooleanData(answers[f.name]) }])
  )
  return new Evaluator(tree.parse(), context, calls).evaluate()
}

/** A value as GitHub evaluates it: one whole `${{ }}` keeps its type, text around one is a string. */
function template(value: unknown, contexts: Contexts): unknown {
  if (typeof value !== 'string' || !value.includes('${{')) return value
  const whole = /^\$\{\{([\s\S]*?)\}\}$/.exec(value.trim())
  if (whole && !whole[1].includes('}}')) return toJs(evaluate(whole[1], contexts, false))
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) =>
    evaluate(e, contexts, false).coerceString()
  )
}

function toJs(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer))
}

const asString = (value: unknown) =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value)

/** An `if:` (with or without `${{ }}`); without a status function it means `success() && (...)`. */
function condition(text: unknown, contexts: Contexts, failed: boolean): boolean {
  if (text === undefined) return !failed
  let expression = String(text).trim()
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(expression)
  if (wrapped) expression = wrapped[1]
  if (!STATUS_CALL.test(expression)) expression = `success() && (${expression})`
  return truthy(evaluate(expression, contexts, failed))
}

function evaluateMap(map: Yaml, contexts: Contexts): Record<string, string> {
  return Object.fromEntries(
    Object.entries<unknown>(map ?? {}).map(([k, v]) => [k, asString(template(v, contexts))])
  )
}

const loadYaml = (path: string): Yaml => parse(readFileSync(join(ROOT, path), 'utf8'))

/**
 * Inputs of a called workflow: given values converted to the declared type, else the default.
 * An input it does not declare, or a required one missing, fails as GitHub fails the run.
 */
function typedInputs(declared: Yaml, given: Record<string, unknown>): Record<string, unknown> {
  for (const name of Object.keys(given)) {
    if (!declared?.[name]) throw new Error(`the called workflow has no input ${name}`)
  }
  for (const [name, def] of Object.entries<Yaml>(declared ?? {})) {
    if (def.required === true && !(name in given)) throw new Error(`input ${name} is required`)
  }
  return Object.fromEntries(
    Object.entries<Yaml>(declared ?? {}).map(([name, def]) => {
      const value = name in given ? given[name] : def.default
      if (def.type === 'number') return [name, Number(value ?? 0)]
      if (def.type === 'boolean') return [name, value === true || value === 'true']
      return [name, asString(value)]
    })
  )
}

/**
 * Runs `path` (a caller in `workspace`, or one of Shiprail's under .github/workflows/, called
 * with `given` inputs as a caller's `with:` would give them).
 */
export async function runWorkflow(
  path: string,
  options: WorkflowRunOptions,
  given: Record<string, unknown> = {},
  secrets: Record<string, string> = options.secrets ?? {}
): Promise<WorkflowRun> {
  const wf = parse(readFileSync(isAbsolute(path) ? path : join(ROOT, path), 'utf8'))
  const inputs = typedInputs(wf.on?.workflow_call?.inputs, given)
  const base = { github: options.github, vars: options.vars ?? {}, inputs, secrets }
  const jobs: Record<string, JobResult> = {}
  const log: string[] = []
  const pending = Object.keys(wf.jobs)
  while (pending.length) {
    const name = pending.find(j => [wf.jobs[j].needs ?? []].flat().every((n: string) => jobs[n]))
    if (!name) throw new Error(`${path}: jobs ${pending.join(', ')} wait on each other`)
    pending.splice(pending.indexOf(name), 1)
    const def = wf.jobs[name]
    const needs = Object.fromEntries([def.needs ?? []].flat().map((n: string) => [n, jobs[n]]))
    const contexts = { ...base, needs }
    const failed = Object.values(needs).some(n => n.result !== 'success')
    if (!condition(def.if, contexts, failed)) {
      jobs[name] = { result: 'skipped', outputs: {} }
      log.push(`${path} ${name}: skipped`)
      continue
    }
    jobs[name] = def.uses
      ? await callWorkflow(def, contexts, options, log)
      : await runJob(def, contexts, options, log)
    log.push(`${path} ${name}: ${jobs[name].result}`)
  }
  const result = Object.values(jobs).some(j => j.result === 'failure') ? 'failure' : 'success'
  const outputs = evaluateMap(
    Object.fromEntries(
      Object.entries<Yaml>(wf.on?.workflow_call?.outputs ?? {}).map(([k, v]) => [k, v.value])
    ),
    { ...base, jobs }
  )
  return { result, jobs, outputs, log }
}

async function callWorkflow(
  def: Yaml,
  contexts: Contexts,
  options: WorkflowRunOptions,
  log: string[]
): Promise<JobResult> {
  const m = /^shiprail\/shiprail\/(\.github\/workflows\/[^@]+)@/.exec(def.uses)
  if (!m) throw new Error(`${def.uses} is not one of Shiprail's reusable workflows`)
  const given = Object.fromEntries(
    Object.entries<unknown>(def.with ?? {}).map(([k, v]) => [k, template(v, contexts)])
  )
  const run = await runWorkflow(m[1], options, given, evaluateMap(def.secrets, contexts))
  log.push(...run.log)
  return { result: run.result, outputs: run.outputs }
}

async function runJob(
  def: Yaml,
  jobContexts: Contexts,
  options: WorkflowRunOptions,
  log: string[]
): Promise<JobResult> {
  const temp = mkdtempSync(join(tmpdir(), 'shiprail-job-'))
  const steps: Record<string, { outcome: StepOutcome; outputs: Record<string, string> }> = {}
  const contexts = () => ({ ...jobContexts, steps, runner: { temp }, env: {}, job: {} })
  const posts: (() => Promise<void>)[] = []
  let failed = false
  const runnerEnv = {
    ...options.env,
    GITHUB_REPOSITORY: options.github.repository,
    GITHUB_RUN_ID: options.github.run_id,
    GITHUB_SHA: options.github.sha,
    GITHUB_SERVER_URL: options.github.server_url,
    GITHUB_REF_TYPE: options.github.ref_type ?? 'branch',
    GITHUB_REF_NAME: options.github.ref_name ?? 'main',
    RUNNER_TEMP: temp
  }
  try {
    for (const [index, step] of (def.steps as Yaml[]).entries()) {
      const id = step.id ?? `__${index}`
      const name = asString(
        template(step.name ?? step.id ?? step.uses ?? String(step.run).split('\n')[0], contexts())
      )
      if (!condition(step.if, contexts(), failed)) {
        steps[id] = { outcome: 'skipped', outputs: {} }
        continue
      }
      const env = { ...runnerEnv, ...evaluateMap(step.env, contexts()) }
      const run = step.run
        ? await runScript(step, def, contexts(), env, options.workspace)
        : await useAction(step, contexts(), env, options, posts)
      steps[id] = { outcome: run.ok ? 'success' : 'failure', outputs: run.outputs }
      log.push(`  ${run.ok ? '✓' : '✗'} ${name}`)
      if (!run.ok) {
        failed = true
        log.push(run.output.replace(/^::add-mask::.*$/gm, '').trim())
      }
    }
    for (const post of posts.reverse()) await post()
  } finally {
    rmSync(temp, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  }
  return {
    result: failed ? 'failure' : 'success',
    outputs: evaluateMap(def.outputs, contexts())
  }
}

interface StepRun {
  ok: boolean
  outputs: Record<string, string>
  output: string
}

/** A `run:` step as the runner starts it: `bash --noprofile --norc -eo pipefail <file>`. */
async function runScript(
  step: Yaml,
  job: Yaml,
  contexts: Contexts,
  env: Record<string, string>,
  workspace: string
): Promise<StepRun> {
  // Shiprail's workflows never put an expression into a script (security.test.ts): one here
  // would run unevaluated, so it is refused rather than run wrong.
  if (String(step.run).includes('${{')) throw new Error(`an expression in run: ${step.run}`)
  const dir = mkdtempSync(join(env.RUNNER_TEMP, 'step-'))
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  writeFileSync(join(dir, 'script.sh'), String(step.run))
  const workingDirectory = asString(
    template(step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? '.', contexts)
  )
  const child = spawn(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', join(dir, 'script.sh')],
    {
      cwd: join(workspace, workingDirectory),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        ...files,
        ...env
      }
    }
  )
  let output = ''
  child.stdout.on('data', d => (output += d))
  child.stderr.on('data', d => (output += d))
  const code = await new Promise<number | null>(r => child.on('close', r))
  return {
    ok: code === 0,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    output
  }
}

async function useAction(
  step: Yaml,
  contexts: Contexts,
  env: Record<string, string>,
  options: WorkflowRunOptions,
  posts: (() => Promise<void>)[]
): Promise<StepRun> {
  const uses = String(step.uses)
  const given = evaluateMap(step.with, contexts)
  const done = { ok: true, outputs: {}, output: '' }
  if (uses.startsWith('actions/checkout@')) return done
  if (uses.startsWith('actions/upload-artifact@')) {
    cpSync(resolve(options.workspace, given.path), join(options.artifacts, given.name), {
      recursive: true
    })
    return done
  }
  if (uses.startsWith('actions/download-artifact@')) {
    mkdirSync(given.path, { recursive: true })
    cpSync(join(options.artifacts, given.name), given.path, { recursive: true })
    return done
  }
  const m = /^shiprail\/shiprail\/([a-z-]+)@/.exec(uses)
  if (!m) throw new Error(`the workflow runner does not run ${uses}`)
  const action = loadYaml(`${m[1]}/action.yml`)
  // The runner fills in an input's default only when `with:` does not name it.
  const defaults = Object.entries<Yaml>(action.inputs ?? {})
    .filter(([name, def]) => !(name in given) && def.default !== undefined)
    .map(([name, def]) => [name, asString(template(String(def.default), contexts))])
  const inputs = { ...Object.fromEntries(defaults), ...given }
  const bundle = (file: string) => join(m[1], file)
  const run = await runAction(bundle(action.runs.main), {
    inputs,
    env,
    cwd: options.workspace,
    timeoutMs: 300_000
  })
  if (action.runs.post) {
    posts.push(async () => {
      const post = await runAction(bundle(action.runs.post), {
        inputs,
        env,
        state: run.state,
        cwd: options.workspace
      })
      if (post.code !== 0) throw new Error(`post ${uses} failed: ${post.stdout}${post.stderr}`)
    })
  }
  return { ok: run.code === 0, outputs: run.outputs, output: run.stdout + run.stderr }
}
