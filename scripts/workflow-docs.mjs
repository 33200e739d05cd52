#!/usr/bin/env node
// Writes the inputs, secrets, outputs and permissions tables of docs/workflows.md from the
// reusable workflows themselves, so the docs cannot drift from the files.
//
//   node scripts/workflow-docs.mjs           rewrite the generated blocks
//   node scripts/workflow-docs.mjs --check   exit 1 when a block is stale (a test runs this)
//
// A block sits between `<!-- generated from .github/workflows/<file> -->` and
// `<!-- end generated -->`; everything outside the blocks is written by hand.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const DOCS = join(ROOT, 'docs/workflows.md')
const WORKFLOWS = ['ci.yml', 'deploy.yml', 'pipeline.yml', 'rollback.yml']

const cell = text => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim()

function showDefault(def) {
  if (def.required) return ''
  if (def.default === undefined) return ''
  if (def.default === '') return "`''`"
  return `\`${def.default}\``
}

/** The generated Markdown for one workflow file. */
function block(file) {
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows', file), 'utf8'))
  const call = workflow.on.workflow_call ?? {}
  const out = []

  const grants = new Map()
  for (const job of Object.values(workflow.jobs)) {
    for (const [scope, level] of Object.entries(job.permissions ?? {})) {
      if (grants.get(scope) !== 'write') grants.set(scope, level)
    }
  }
  const permissions = [...grants]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([scope, level]) => `\`${scope}: ${level}\``)
  out.push(
    `**Permissions** the calling job must grant (a called workflow can only narrow them): ${permissions.join(', ')}.`,
    ''
  )

  out.push(
    '**Inputs**',
    '',
    '| input | type | required | default | description |',
    '|---|---|---|---|---|'
  )
  for (const [name, def] of Object.entries(call.inputs ?? {})) {
    out.push(
      `| \`${name}\` | ${def.type} | ${def.required ? 'yes' : ''} | ${showDefault(def)} | ${cell(def.description ?? '')} |`
    )
  }
  out.push('')

  const secrets = Object.entries(call.secrets ?? {})
  if (secrets.length) {
    out.push('**Secrets**', '', '| secret | required | description |', '|---|---|---|')
    for (const [name, def] of secrets) {
      out.push(`| \`${name}\` | ${def?.required ? 'yes' : ''} | ${cell(def?.description ?? '')} |`)
    }
    out.push('')
  }

  out.push('**Outputs**', '', '| output | description |', '|---|---|')
  for (const [name, def] of Object.entries(call.outputs ?? {})) {
    out.push(`| \`${name}\` | ${cell(def.description ?? '')} |`)
  }
  return out.join('\n')
}

/** docs/workflows.md with every generated block rewritten. */
function render(text) {
  let result = text
  for (const file of WORKFLOWS) {
    const start = `<!-- generated from .github/workflows/${file} -->`
    const end = '<!-- end generated -->'
    const from = result.indexOf(start)
    const to = from < 0 ? -1 : result.indexOf(end, from)
    if (from < 0 || to < 0) throw new Error(`docs/workflows.md has no block for ${file}`)
    result = `${result.slice(0, from)}${start}\n\n${block(file)}\n\n${result.slice(to)}`
  }
  return result
}

function main(argv) {
  const check = argv.includes('--check')
  const text = readFileSync(DOCS, 'utf8')
  const next = render(text)
  if (check) {
    if (next !== text) {
      console.error('docs/workflows.md is stale: run node scripts/workflow-docs.mjs')
      return 1
    }
    console.log('docs/workflows.md matches the workflows.')
    return 0
  }
  if (next !== text) writeFileSync(DOCS, next)
  console.log(next !== text ? 'docs/workflows.md updated.' : 'docs/workflows.md is up to date.')
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2))
}
