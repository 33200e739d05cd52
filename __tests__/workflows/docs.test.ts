/**
 * docs/workflows.md documents every reusable workflow, with tables generated from the files
 * (scripts/workflow-docs.mjs), and the setup a caller needs.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { LIBRARY, read, ROOT, workflowCallSpec } from './workflow-files.js'

const docs = read('docs/workflows.md')

it('has generated tables that match the workflow files (node scripts/workflow-docs.mjs)', () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/workflow-docs.mjs'), '--check'], {
    encoding: 'utf8'
  })
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
})

describe.each(LIBRARY.map(path => path.split('/').pop() as string))('%s', file => {
  const start = docs.indexOf(`## ${file}`)
  const section = docs.slice(start, docs.indexOf('\n## ', start + 1))

  it('has its own section with its inputs, secrets, outputs and permissions', () => {
    expect(start).toBeGreaterThan(0)
    const spec = workflowCallSpec(file)
    for (const name of Object.keys(spec.inputs)) expect(section).toContain(`| \`${name}\` |`)
    for (const name of Object.keys(spec.secrets)) expect(section).toContain(`| \`${name}\` |`)
    for (const name of spec.outputs) expect(section).toContain(`| \`${name}\` |`)
    expect(section).toContain('**Permissions** the calling job must grant')
  })
})

it('explains the setup: required reviewers, secret forwarding, the rollback pattern', () => {
  expect(docs).toMatch(/Required\s+reviewers/)
  expect(docs).toContain('### Forwarding secrets, and environment secrets')
  expect(docs).toContain('SSH_KEY: ${{ secrets.SSH_KEY }}')
  expect(docs).toContain('## The automatic rollback pattern')
  expect(docs).toContain('At most one automatic rollback per run')
})
