/**
 * The workflows' security rules, checked in every reusable workflow and every example:
 * third-party actions pinned by full SHA with the version in a comment, no expression expanded
 * into shell text, no pull_request_target, no `secrets: inherit`, `permissions: {}` at the top
 * and a commented, least grant on every job.
 */
import {
  EXAMPLE_WORKFLOWS,
  LIBRARY,
  loadWorkflow,
  parseShiprailRef,
  passThroughInput,
  read,
  reusableCalls,
  runScripts,
  shiprailSteps,
  steps,
  WORKFLOWS,
  type Yaml
} from './workflow-files.js'

/** Shiprail inputs whose value becomes a script (deploy hooks and scripts, the log command). */
const SCRIPT_INPUTS = ['run', 'rollback-run', 'before-switch', 'after-switch', 'log-command']

/** The permissions a job of the library may ask for, and why (each must be commented). */
const ALLOWED_GRANTS: Record<string, string[]> = {
  contents: ['read'],
  deployments: ['write'],
  // Only the containers example's image job: pushing the image it builds to ghcr.io.
  packages: ['write']
}

describe.each(WORKFLOWS)('%s', path => {
  const wf = loadWorkflow(path)
  const lines = wf.text.split('\n')

  it('pins every third-party action to a full commit SHA, with its version in a comment', () => {
    const usesLines = lines
      .map((line, i) => ({ line, n: i + 1 }))
      .filter(({ line }) => /^\s*(-\s+)?uses:/.test(line))
    // Every `uses:` the YAML holds is on a line of its own (no flow style hiding one).
    const fromYaml = [
      ...steps(wf).filter(s => s.step.uses),
      ...Object.values<Yaml>(wf.data.jobs).filter(j => j.uses)
    ]
    expect(usesLines).toHaveLength(fromYaml.length)
    const unpinned = usesLines.filter(({ line }) => {
      const m = /^\s*(?:-\s+)?uses:\s*(\S+)(?:\s+#\s*(.*))?$/.exec(line)
      if (!m) return true
      const [, ref, comment] = m
      if (ref.startsWith('./') || parseShiprailRef(ref)) return false
      return (
        !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref) || !/^v\d+(\.\d+){0,2}\b/.test(comment ?? '')
      )
    })
    expect(unpinned.map(({ line, n }) => `${path}:${n}: ${line.trim()}`)).toEqual([])
  })

  it('expands no ${{ }} expression inside a run: script (values go through env:)', () => {
    const offenders = runScripts(wf)
      .filter(s => s.script.includes('${{'))
      .map(s => s.where)
    expect(offenders).toEqual([])
  })

  it('puts no expression inside a script given to Shiprail, except passing a whole input on', () => {
    const withs = [
      ...shiprailSteps(wf).map(s => ({ where: s.where, with: s.with })),
      ...reusableCalls(wf).map(c => ({ where: `job ${c.job}`, with: c.def.with ?? {} }))
    ]
    const offenders = withs.flatMap(({ where, with: given }) =>
      SCRIPT_INPUTS.filter(
        key =>
          typeof given[key] === 'string' &&
          given[key].includes('${{') &&
          passThroughInput(given[key]) === undefined
      ).map(key => `${where}: ${key}`)
    )
    expect(offenders).toEqual([])
  })

  it('is not triggered by pull_request_target', () => {
    const on = wf.data.on
    const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on)
    expect(events).not.toContain('pull_request_target')
    expect(wf.text).not.toMatch(/^[^#\n]*pull_request_target/m)
  })

  it('never passes secrets: inherit', () => {
    for (const job of Object.values<Yaml>(wf.data.jobs)) expect(job.secrets).not.toBe('inherit')
    // Outside comments (which may name it to say it is not used).
    expect(wf.text).not.toMatch(/^[^#\n]*secrets:\s*inherit/m)
  })

  it('starts from permissions: {} and grants each job only what it needs, each grant commented', () => {
    expect(wf.data.permissions).toEqual({})
    expect(lines.find(l => /^permissions:/.test(l))).toBe('permissions: {}')
    const problems: string[] = []
    for (const [id, job] of Object.entries<Yaml>(wf.data.jobs)) {
      if (typeof job.permissions !== 'object' || job.permissions === null) {
        problems.push(`job ${id} has no permissions: block`)
        continue
      }
      for (const [scope, level] of Object.entries<Yaml>(job.permissions)) {
        if (!ALLOWED_GRANTS[scope]?.includes(level)) {
          problems.push(`job ${id}: ${scope}: ${level} is more than Shiprail needs`)
        }
      }
    }
    // Every grant line inside a permissions block carries a comment saying why.
    let inBlock = -1
    lines.forEach((line, i) => {
      const indent = line.search(/\S/)
      if (/^\s*permissions:\s*$/.test(line)) inBlock = indent
      else if (inBlock >= 0 && indent > inBlock && /^\s*[a-z-]+:\s*(read|write)\b/.test(line)) {
        if (!/#\s*\S/.test(line))
          problems.push(`${path}:${i + 1}: uncommented grant ${line.trim()}`)
      } else if (indent >= 0 && indent <= inBlock) inBlock = -1
    })
    expect(problems).toEqual([])
  })

  it('checks out without leaving the token in the git config', () => {
    const checkouts = steps(wf).filter(s => /^actions\/checkout@/.test(s.step.uses ?? ''))
    for (const s of checkouts) expect(s.step.with?.['persist-credentials']).toBe(false)
  })

  it('starts with a comment saying what it does', () => {
    expect(lines[0]).toMatch(/^# \S/)
  })
})

describe('the library', () => {
  it('is reusable only: every file is on: workflow_call and nothing else', () => {
    for (const path of LIBRARY) {
      expect(Object.keys(loadWorkflow(path).data.on)).toEqual(['workflow_call'])
    }
  })

  it('references its steps and workflows in this repository, by tag', () => {
    for (const path of [...LIBRARY, ...EXAMPLE_WORKFLOWS]) {
      const wf = loadWorkflow(path)
      for (const s of shiprailSteps(wf)) expect(s.step.uses).toMatch(/@v\d+(\.\d+\.\d+)?$/)
      for (const c of reusableCalls(wf)) expect(c.def.uses).toMatch(/@v\d+(\.\d+\.\d+)?$/)
    }
  })
})

describe('examples/Jenkinsfile', () => {
  it('never lets Groovy interpolate into shell text (no double-quoted sh strings)', () => {
    const text = read('examples/Jenkinsfile')
    expect(text).not.toMatch(/\bsh\s*\(?\s*"/)
    expect(text).not.toMatch(/script:\s*"/)
    expect(text).not.toMatch(/"""/)
  })
})
