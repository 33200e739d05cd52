/**
 * Writes every action.yml from the input table in src/core/inputs.ts, then the README's
 * input/output tables from those action.yml files, docs/behaviour.md's hook-variables table from
 * src/core/drivers/driver.ts, and docs/checks.md's field table from
 * src/core/checks/check-fields.ts, so code, metadata and docs cannot drift.
 * Run: npm run generate. A test (__tests__/generated.test.ts) fails when the files are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { parse, stringify } from 'yaml'
import {
  INPUTS,
  inputsFor,
  STEP_INPUT,
  STEPS,
  type InputDef,
  type StepName
} from '../src/core/inputs.js'
import { outputsFor } from '../src/core/outputs.js'
import { HOOK_VARIABLES, type HookScope } from '../src/core/drivers/driver.js'
import { CHECK_FIELD_TABLE } from '../src/core/checks/check-fields.js'

const HEADER = '# Generated from src/core/inputs.ts by `npm run generate`: edit there, not here.\n'

const STEP_TEXT: Record<StepName, { title: string; description: string; post: boolean }> = {
  deploy: {
    title: 'Shiprail deploy',
    description: 'Deploy a versioned build to an environment and record it as a GitHub Deployment.',
    post: true
  },
  'smoke-test': {
    title: 'Shiprail smoke-test',
    description:
      'HTTP checks, with retries and deadlines, that prove the new version is the one answering.',
    post: false
  },
  'status-check': {
    title: 'Shiprail status-check',
    description:
      'Watch a live environment over a bake window (probes, Prometheus, logs) and give a verdict.',
    post: false
  },
  rollback: {
    title: 'Shiprail rollback',
    description: 'Roll an environment back to its last known-good version (a verified one first).',
    post: true
  },
  history: {
    title: 'Shiprail history',
    description:
      "An environment's deployments newest first, each with its state and what a rollback would pick; optionally delivery metrics.",
    post: false
  }
}

function inputEntry(input: InputDef, required: boolean): Record<string, unknown> {
  const entry: Record<string, unknown> = { description: input.description, required }
  const def = input.actionDefault ?? input.default
  if (def !== undefined) entry.default = def
  return entry
}

export function actionYml(step: StepName | 'root'): string {
  const isRoot = step === 'root'
  const inputs: Record<string, unknown> = {}
  if (isRoot) {
    inputs[STEP_INPUT] = {
      description: `Which step to run: ${STEPS.map(s => `\`${s}\``).join(', ')}.`,
      required: true
    }
  }
  const defs = isRoot ? INPUTS : inputsFor(step)
  for (const input of defs) {
    inputs[input.name] = inputEntry(input, !isRoot && input.requiredFor?.includes(step) === true)
  }
  const outputs: Record<string, unknown> = {}
  const outputDefs = isRoot
    ? [...new Map(STEPS.flatMap(s => outputsFor(s)).map(o => [o.name, o])).values()]
    : outputsFor(step)
  for (const output of outputDefs) outputs[output.name] = { description: output.description }
  const dist = isRoot ? 'dist/action/index.js' : `../dist/${step}/index.js`
  const text = isRoot
    ? {
        title: 'Shiprail',
        description:
          'Deploy, smoke-test, status-check and roll back, recorded as GitHub Deployments.',
        post: true
      }
    : STEP_TEXT[step]
  const runs: Record<string, unknown> = { using: 'node24', main: dist }
  if (text.post) {
    // The post run finishes a deployment the main run could not (cancelled or killed job).
    runs.post = dist
    runs['post-if'] = 'always()'
  }
  const doc = {
    name: text.title,
    description: text.description,
    author: 'Shiprail',
    branding: { icon: 'upload-cloud', color: 'blue' },
    inputs,
    outputs,
    runs
  }
  return HEADER + stringify(doc, { lineWidth: 0 })
}

export function actionYmlPath(step: StepName | 'root'): string {
  return step === 'root' ? 'action.yml' : `${step}/action.yml`
}

function cell(text: string): string {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** The README tables for one step, read back from its action.yml. */
export function readmeTables(actionYmlText: string): string {
  const doc = parse(actionYmlText) as {
    inputs: Record<string, { description: string; required?: boolean; default?: string }>
    outputs: Record<string, { description: string }>
  }
  const lines = ['| input | required | default | description |', '| --- | --- | --- | --- |']
  for (const [name, i] of Object.entries(doc.inputs)) {
    const def = i.default === undefined ? '' : `\`${cell(i.default)}\``
    lines.push(`| \`${name}\` | ${i.required ? 'yes' : ''} | ${def} | ${cell(i.description)} |`)
  }
  lines.push('', '| output | description |', '| --- | --- |')
  for (const [name, o] of Object.entries(doc.outputs))
    lines.push(`| \`${name}\` | ${cell(o.description)} |`)
  return lines.join('\n')
}

const HOOK_SCOPES: Record<HookScope, string> = {
  every: 'every hook and `command`-driver script',
  releases: 'releases driver hooks',
  containers: 'containers driver hooks'
}

/** docs/behaviour.md's table of the SHIPRAIL_* variables hooks and scripts receive. */
export function hookVariablesTable(): string {
  const lines = ['| variable | who gets it | value |', '| --- | --- | --- |']
  for (const v of HOOK_VARIABLES)
    lines.push(`| \`${v.name}\` | ${HOOK_SCOPES[v.scope]} | ${cell(v.description)} |`)
  return lines.join('\n')
}

/** Replaces the text between <!-- generated:NAME --> and <!-- /generated:NAME --> markers. */
function fillGenerated(text: string, table: (name: string) => string): string {
  return text.replace(
    /(<!-- generated:([a-z-]+) -->)[\s\S]*?(<!-- \/generated:\2 -->)/g,
    (_all, open: string, name: string, close: string) => `${open}\n${table(name)}\n${close}`
  )
}

export function fillReadme(readme: string, read: (path: string) => string): string {
  return fillGenerated(readme, name =>
    name === 'hook-variables'
      ? hookVariablesTable()
      : readmeTables(read(actionYmlPath(name as StepName)))
  )
}

/** docs/checks.md's field table, from the table check-parser.ts reads its fields from. */
export function checkFieldsTable(): string {
  const lines = [
    '| field | accepted | default | meaning | example |',
    '| --- | --- | --- | --- | --- |'
  ]
  for (const f of CHECK_FIELD_TABLE) {
    const example = `\`${cell(f.example)}\``
    lines.push(
      `| \`${f.name}\` | ${cell(f.type)} | ${cell(f.default ?? '')} | ${cell(f.description)} | ${example} |`
    )
  }
  return lines.join('\n')
}

export function fillChecksDoc(doc: string): string {
  return fillGenerated(doc, name => {
    if (name !== 'check-fields') throw new Error(`docs/checks.md: unknown generated block ${name}`)
    return checkFieldsTable()
  })
}

export function versionModule(packageJson: string): string {
  const { version } = JSON.parse(packageJson) as { version: string }
  return `// Generated from package.json by \`npm run generate\`.\nexport const VERSION = '${version}'\n`
}

if (process.argv[1]?.endsWith('generate.js')) {
  writeFileSync('src/version.ts', versionModule(readFileSync('package.json', 'utf8')))
  for (const step of [...STEPS, 'root'] as const)
    writeFileSync(actionYmlPath(step), actionYml(step))
  writeFileSync(
    'README.md',
    fillReadme(readFileSync('README.md', 'utf8'), p => readFileSync(p, 'utf8'))
  )
  writeFileSync(
    'docs/behaviour.md',
    fillReadme(readFileSync('docs/behaviour.md', 'utf8'), p => readFileSync(p, 'utf8'))
  )
  writeFileSync('docs/checks.md', fillChecksDoc(readFileSync('docs/checks.md', 'utf8')))
  console.log(
    'wrote action.yml files, README tables, the docs/behaviour.md hook table and the docs/checks.md field table'
  )
}
