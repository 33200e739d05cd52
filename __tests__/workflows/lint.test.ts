/**
 * Every reusable workflow and every example passes actionlint, shellcheck (on every script, the
 * way actionlint's shellcheck rule runs it) and GitHub's own workflow parser with zero findings.
 * The GitLab and Jenkins examples' shell passes shellcheck too.
 */
import { parse } from 'yaml'
import {
  actionlint,
  githubParser,
  loadWorkflow,
  passThroughInput,
  read,
  reusableCalls,
  runScripts,
  shellcheck,
  shiprailSteps,
  WORKFLOWS,
  type Yaml
} from './workflow-files.js'

/** Shiprail inputs whose value is a bash script (deploy hooks and scripts, the log command). */
const SCRIPT_INPUTS = ['run', 'rollback-run', 'before-switch', 'after-switch', 'log-command']

function shellOf(shell: string): 'bash' | 'sh' {
  const name = shell.split(/\s+/)[0]
  if (name !== 'bash' && name !== 'sh') throw new Error(`unexpected shell ${shell}`)
  return name
}

let actionlintFindings: ReturnType<typeof actionlint>
beforeAll(() => {
  actionlintFindings = actionlint(WORKFLOWS.map(path => ({ path, text: loadWorkflow(path).text })))
})

describe.each(WORKFLOWS)('%s', path => {
  const wf = loadWorkflow(path)

  it('passes actionlint with no findings', () => {
    expect(actionlintFindings[path]).toBeDefined()
    const findings = actionlintFindings[path].map(f => `${path}:${f.line}: ${f.message}`)
    expect(findings).toEqual([])
  })

  it('passes shellcheck in every run: script', () => {
    const scripts = runScripts(wf)
    const findings = scripts.flatMap(s =>
      shellcheck(s.script, shellOf(s.shell)).map(
        f => `${s.where}, script line ${f.line}: ${f.message}`
      )
    )
    expect(findings).toEqual([])
  })

  it('passes shellcheck in every script it gives a Shiprail step or workflow', () => {
    const withs: { where: string; with: Record<string, Yaml> }[] = [
      ...shiprailSteps(wf).map(s => ({ where: s.where, with: s.with })),
      ...reusableCalls(wf).map(c => ({ where: `${path} (job ${c.job})`, with: c.def.with ?? {} }))
    ]
    const findings = withs.flatMap(({ where, with: given }) =>
      SCRIPT_INPUTS.filter(
        key => typeof given[key] === 'string' && passThroughInput(given[key]) === undefined
      ).flatMap(key =>
        shellcheck(given[key], 'bash').map(f => `${where}, ${key} line ${f.line}: ${f.message}`)
      )
    )
    expect(findings).toEqual([])
  })

  it("passes GitHub's workflow parser with no errors", async () => {
    expect(await githubParser(path, wf.text)).toEqual([])
  })
})

describe('examples/gitlab-ci.yml', () => {
  const config = parse(read('examples/gitlab-ci.yml'))
  const reserved = new Set(['stages', 'variables', 'default', 'workflow', 'include'])
  const jobs = Object.entries<Yaml>(config).filter(
    ([name, def]) => !reserved.has(name) && typeof def === 'object' && def !== null
  )
  const lines = (value: Yaml): string[] =>
    value === undefined ? [] : (value as Yaml[]).flat(Infinity).map(String)

  it('has jobs with scripts', () => {
    expect(jobs.filter(([, def]) => def.script).length).toBeGreaterThan(2)
  })

  it('passes shellcheck in every job (before_script + script, and after_script)', () => {
    const findings = jobs.flatMap(([name, def]) => {
      const template = def.extends ? config[def.extends] : {}
      const before = def.before_script ?? template?.before_script ?? config.default?.before_script
      const main = [...lines(before), ...lines(def.script)].join('\n')
      const after = lines(def.after_script ?? template?.after_script).join('\n')
      return [main, after]
        .filter(Boolean)
        .flatMap(script =>
          shellcheck(script, 'sh').map(f => `job ${name}, line ${f.line}: ${f.message}`)
        )
    })
    expect(findings).toEqual([])
  })
})

describe('examples/Jenkinsfile', () => {
  const text = read('examples/Jenkinsfile')
  // Every ''' string in the file is a shell script (sh steps and sh(script: ...) calls).
  const blocks = [...text.matchAll(/'''([\s\S]*?)'''/g)]

  it('has shell steps', () => {
    expect(blocks.length).toBeGreaterThan(3)
  })

  it('passes shellcheck in every shell step (Jenkins runs them with sh -xe)', () => {
    const findings = blocks.flatMap((m, i) =>
      shellcheck(m[1], 'sh').map(f => `sh block ${i + 1}, line ${f.line}: ${f.message}`)
    )
    expect(findings).toEqual([])
  })
})
