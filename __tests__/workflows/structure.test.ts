/**
 * The shape of the pipeline, read from the files: the `needs:` chain, `environment:` on every
 * job that deploys or rolls back, the per-environment concurrency groups, and that every value
 * handed to a Shiprail step, workflow or CLI command is something it declares.
 */
import {
  actionMetadata,
  EXAMPLE_WORKFLOWS,
  LIBRARY,
  loadWorkflow,
  passThroughInput,
  read,
  reusableCalls,
  shiprailSteps,
  WORKFLOWS,
  workflowCallSpec,
  type Workflow,
  type Yaml
} from './workflow-files.js'
import { STEPS } from '../../src/core/inputs.js'

const pipeline = loadWorkflow('.github/workflows/pipeline.yml')
const deploy = loadWorkflow('.github/workflows/deploy.yml')
const rollback = loadWorkflow('.github/workflows/rollback.yml')
/** The environment names: the old input names (deprecated aliases) win when a caller sets them. */
const STAGING = '${{ inputs.staging-environment || inputs.staging-name }}'
const PRODUCTION = '${{ inputs.production-environment || inputs.production-name }}'

const needsOf = (wf: Workflow, job: string): string[] => {
  const needs = wf.data.jobs[job].needs ?? []
  return Array.isArray(needs) ? needs : [needs]
}

describe('pipeline.yml: ci -> staging -> production, each verifying and rolling back itself', () => {
  const jobs = pipeline.data.jobs

  it('has exactly these jobs, each waiting for the one before', () => {
    expect(Object.keys(jobs)).toEqual(['check-inputs', 'ci', 'staging', 'production'])
    expect(needsOf(pipeline, 'check-inputs')).toEqual([])
    expect(needsOf(pipeline, 'ci')).toEqual(['check-inputs'])
    expect(needsOf(pipeline, 'staging')).toEqual(['ci'])
    expect(needsOf(pipeline, 'production')).toEqual(expect.arrayContaining(['staging', 'ci']))
  })

  it('builds with ci.yml and deploys the same artifact to both environments with deploy.yml', () => {
    const calls = Object.fromEntries(reusableCalls(pipeline).map(c => [c.job, c]))
    expect(calls.ci.workflow).toBe('ci.yml')
    for (const job of ['staging', 'production']) {
      expect(calls[job].workflow).toBe('deploy.yml')
      const given = calls[job].def.with
      expect(given.version).toBe('${{ needs.ci.outputs.version }}')
      expect(given['artifact-name']).toBe('${{ needs.ci.outputs.artifact-name }}')
      expect(given['artifact-sha256']).toBe('${{ needs.ci.outputs.artifact-sha256 }}')
    }
    expect(calls.staging.def.with.environment).toBe(STAGING)
    expect(calls.production.def.with.environment).toBe(PRODUCTION)
  })

  it('lets into production only what passed in staging (promote-from)', () => {
    expect(jobs.production.with['promote-from']).toBe(STAGING)
    expect(jobs.staging.with['promote-from']).toBeUndefined()
  })

  it('verifies production inside its approved deploy job, longer than staging', () => {
    const given = jobs.production.with
    expect(given['status-duration']).toBe('${{ inputs.verify-duration }}')
    expect(given['status-interval']).toBe('${{ inputs.verify-interval }}')
    expect(jobs.staging.with['status-duration']).toBe('${{ inputs.status-duration }}')
    const inputs = workflowCallSpec('pipeline.yml').inputs
    expect(Number(inputs['verify-duration'].default)).toBeGreaterThan(
      Number(inputs['status-duration'].default)
    )
  })

  // Required reviewers approve each job that declares the environment. A job after the deploy
  // that declared production to roll it back would wait for a second approval while the broken
  // version stays live.
  it('never needs a second approval to undo production: one job declares it, and it rolls back', () => {
    const declaring = Object.keys(jobs).filter(job =>
      environmentsOf(pipeline, job).some(e => /inputs\.production-(name|environment)\b/.test(e))
    )
    expect(declaring).toEqual(['production'])
    const call = reusableCalls(pipeline).find(c => c.job === 'production')
    expect(call?.workflow).toBe('deploy.yml')
    const actions = shiprailSteps(deploy).map(s => s.action)
    expect(actions).toEqual(expect.arrayContaining(['deploy', 'status-check', 'rollback']))
    expect(jobs.production.with['rollback-on-failure']).toBe('${{ inputs.rollback-on-failure }}')
    expect(pipeline.data.on.workflow_call.outputs['production-version'].value).toBe(
      '${{ jobs.production.outputs.version }}'
    )
  })
})

/**
 * The environments a job declares: its own `environment:`, or those of the jobs of the Shiprail
 * workflow it calls, with that workflow's `${{ inputs.x }}` replaced by what the call gives.
 */
function environmentsOf(wf: Workflow, job: string): string[] {
  const nameOf = (def: Yaml): string | undefined =>
    typeof def.environment === 'string' ? def.environment : def.environment?.name
  const call = reusableCalls(wf).find(c => c.job === job)
  if (!call) return [nameOf(wf.data.jobs[job])].filter((n): n is string => n !== undefined)
  const called = loadWorkflow(`.github/workflows/${call.workflow}`)
  return Object.values<Yaml>(called.data.jobs).flatMap(def => {
    const name = nameOf(def)
    if (name === undefined) return []
    const input = passThroughInput(name)
    return [input === undefined ? name : String(call.def.with?.[input] ?? '')]
  })
}

describe('deploy.yml: deploy -> smoke-test -> status-check, rollback on failure', () => {
  const job = deploy.data.jobs.deploy
  const order = job.steps.map((s: Yaml) => s.id ?? s.name ?? s.uses)

  it('verifies the artifact, deploys, smoke-tests, watches, then handles failure, in that order', () => {
    const ids = ['artifact', 'deploy', 'smoke', 'status', 'rollback', 'smoke-rollback']
    const positions = ids.map(id => order.indexOf(id))
    expect(positions.every(p => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(job.steps[job.steps.length - 1].name).toBe('Fail the job')
  })

  it('rolls back only after a deploy that happened, and only on failure', () => {
    const step = job.steps.find((s: Yaml) => s.id === 'rollback')
    expect(step.if).toMatch(/^failure\(\) && /)
    expect(step.if).toContain("steps.deploy.outcome == 'success'")
    expect(step.if).toContain("steps.deploy.outputs.deployment-id != ''")
    expect(step.uses).toMatch(/\/rollback@/)
  })

  it('smoke-tests the rolled-back version, then still fails the job', () => {
    const smoke = job.steps.find((s: Yaml) => s.id === 'smoke-rollback')
    expect(smoke.uses).toMatch(/\/smoke-test@/)
    expect(smoke.if).toContain("steps.rollback.outcome == 'success'")
    const last = job.steps[job.steps.length - 1]
    expect(last.if).toBe('failure()')
    expect(last.run.trim().split('\n').pop()?.trim()).toBe('exit 1')
  })

  it('gates the job with the environment and shows its URL', () => {
    expect(job.environment).toEqual({
      name: '${{ inputs.environment }}',
      url: '${{ steps.deploy.outputs.environment-url }}'
    })
  })
})

/** Jobs that put something live: they run Shiprail's deploy or rollback step. */
function deployingJobs(wf: Workflow): string[] {
  return [
    ...new Set(
      shiprailSteps(wf)
        .filter(s => s.action === 'deploy' || s.action === 'rollback')
        .map(s => s.job)
    )
  ]
}

describe.each([...LIBRARY, ...EXAMPLE_WORKFLOWS])('%s: jobs that deploy', path => {
  const wf = loadWorkflow(path)

  it('declare the environment they deploy to, and a concurrency group for it', () => {
    for (const job of deployingJobs(wf)) {
      const def = wf.data.jobs[job]
      const target = shiprailSteps(wf).find(s => s.job === job && s.action !== 'smoke-test')?.with
        .environment
      const name = typeof def.environment === 'string' ? def.environment : def.environment?.name
      expect({ job, environment: name }).toEqual({ job, environment: target })
      expect(def.concurrency?.group).toBe(`shiprail-deploy-${target}`)
      expect(def.concurrency?.['cancel-in-progress']).toBe(false)
    }
  })

  it('never cancel a running deploy from the workflow level either', () => {
    expect(wf.data.concurrency?.['cancel-in-progress'] ?? false).toBe(false)
    for (const def of Object.values<Yaml>(wf.data.jobs)) {
      if (def.concurrency) expect(def.concurrency['cancel-in-progress']).toBe(false)
    }
  })
})

describe('concurrency: deploys and rollbacks of one environment share a group', () => {
  it('deploy.yml and rollback.yml use the same group, per environment', () => {
    expect(deployingJobs(deploy)).toEqual(['deploy'])
    expect(deployingJobs(rollback)).toEqual(['rollback'])
    expect(deploy.data.jobs.deploy.concurrency.group).toBe(
      'shiprail-deploy-${{ inputs.environment }}'
    )
    expect(rollback.data.jobs.rollback.concurrency.group).toBe(
      deploy.data.jobs.deploy.concurrency.group
    )
  })
})

describe.each(WORKFLOWS)('%s: what it gives Shiprail', path => {
  const wf = loadWorkflow(path)

  it('gives each Shiprail step only inputs its action.yml declares, and every required one', () => {
    for (const use of shiprailSteps(wf)) {
      const { inputs } = actionMetadata(use.action)
      const declared = inputs.map(i => i.name)
      const given = Object.keys(use.with)
      expect({ where: use.where, unknown: given.filter(k => !declared.includes(k)) }).toEqual({
        where: use.where,
        unknown: []
      })
      const missing = inputs.filter(i => i.required && !given.includes(i.name)).map(i => i.name)
      expect({ where: use.where, missing }).toEqual({ where: use.where, missing: [] })
    }
  })

  it("reads only outputs the Shiprail steps' action.yml files declare", () => {
    const missing: string[] = []
    for (const [jobId, job] of Object.entries<Yaml>(wf.data.jobs)) {
      const actionOf = new Map(
        shiprailSteps(wf)
          .filter(s => s.job === jobId && s.step.id)
          .map(s => [s.step.id as string, s.action])
      )
      const text = JSON.stringify(job)
      for (const m of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
        const action = actionOf.get(m[1])
        if (action && !actionMetadata(action).outputs.includes(m[2])) {
          missing.push(`job ${jobId}: steps.${m[1]}.outputs.${m[2]}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it("calls Shiprail's workflows with declared inputs (right types), secrets, and outputs", () => {
    const problems: string[] = []
    for (const call of reusableCalls(wf)) {
      const spec = workflowCallSpec(call.workflow)
      const given: Record<string, Yaml> = call.def.with ?? {}
      const secrets: Record<string, Yaml> = call.def.secrets ?? {}
      for (const [key, value] of Object.entries(given)) {
        const input = spec.inputs[key]
        if (!input) problems.push(`job ${call.job}: ${call.workflow} has no input ${key}`)
        else if (typeof value !== 'string' || !value.includes('${{')) {
          const ok =
            (input.type === 'boolean' && typeof value === 'boolean') ||
            (input.type === 'number' && typeof value === 'number') ||
            (input.type === 'string' && typeof value === 'string')
          if (!ok) problems.push(`job ${call.job}: ${key} is not a ${input.type}`)
        }
      }
      for (const [name, input] of Object.entries(spec.inputs)) {
        if (input.required && !(name in given)) {
          problems.push(`job ${call.job}: required input ${name} is missing`)
        }
      }
      for (const name of Object.keys(secrets)) {
        if (!spec.secrets[name])
          problems.push(`job ${call.job}: ${call.workflow} has no secret ${name}`)
      }
      for (const [name, secret] of Object.entries(spec.secrets)) {
        if (secret.required && !(name in secrets)) {
          problems.push(`job ${call.job}: required secret ${name} is missing`)
        }
      }
      // needs.<this job>.outputs.<name> read elsewhere in the file must be declared outputs.
      for (const m of wf.text.matchAll(
        new RegExp(`needs\\.${call.job}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g')
      )) {
        if (!spec.outputs.includes(m[1])) {
          problems.push(`needs.${call.job}.outputs.${m[1]}: ${call.workflow} has no such output`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})

describe.each(LIBRARY)('%s: defaults', path => {
  const wf = loadWorkflow(path)
  const own = workflowCallSpec(path.split('/').pop() as string).inputs

  it('passes each input on with the default of the step or workflow that receives it', () => {
    const drift: string[] = []
    const compare = (where: string, key: string, value: Yaml, target?: unknown) => {
      // Only an input passed on under its own name means the same thing on both sides.
      const source = passThroughInput(value)
      if (source !== key || target === undefined || own[source]?.default === undefined) return
      const a = String(own[source].default)
      const b = String(target)
      const same = a === b || (a.trim() !== '' && Number(a) === Number(b))
      if (!same) drift.push(`${where}: ${key} defaults to ${a} here but ${b} there`)
    }
    for (const use of shiprailSteps(wf)) {
      const inputs = actionMetadata(use.action).inputs
      for (const [key, value] of Object.entries(use.with)) {
        compare(use.where, key, value, inputs.find(i => i.name === key)?.default)
      }
    }
    for (const call of reusableCalls(wf)) {
      const inputs = workflowCallSpec(call.workflow).inputs
      for (const [key, value] of Object.entries<Yaml>(call.def.with ?? {})) {
        compare(`job ${call.job}`, key, value, inputs[key]?.default)
      }
    }
    expect(drift).toEqual([])
  })

  it('gives every input a description, a type, and a default unless it is required', () => {
    const call = wf.data.on.workflow_call
    for (const [name, def] of Object.entries<Yaml>(call.inputs)) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      expect({ name, description: typeof def.description }).toEqual({
        name,
        description: 'string'
      })
      expect(['string', 'number', 'boolean']).toContain(def.type)
      expect({ name, hasDefault: def.required === true ? false : 'default' in def }).toEqual({
        name,
        hasDefault: def.required !== true
      })
    }
    for (const [name, def] of Object.entries<Yaml>(call.secrets ?? {})) {
      expect(typeof def.description).toBe('string')
      // Environment secret names: letters, digits and underscores, so one can stand in.
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/)
    }
    for (const def of Object.values<Yaml>(call.outputs ?? {})) {
      expect(typeof def.description).toBe('string')
    }
  })
})

describe('the examples', () => {
  it('cover the pipeline, a manual rollback, a multi-host and a kubectl deploy', () => {
    expect(EXAMPLE_WORKFLOWS).toEqual(
      expect.arrayContaining([
        'examples/pipeline-on-push.yml',
        'examples/rollback-dispatch.yml',
        'examples/deploy-multi-host.yml',
        'examples/deploy-kubectl.yml'
      ])
    )
  })

  it('pipeline-on-push runs the pipeline on pushes to main', () => {
    const wf = loadWorkflow('examples/pipeline-on-push.yml')
    expect(wf.data.on).toEqual({ push: { branches: ['main'] } })
    expect(reusableCalls(wf).map(c => c.workflow)).toEqual(['pipeline.yml'])
  })

  it('rollback-dispatch asks for a choice of environment, an optional version and a reason', () => {
    const wf = loadWorkflow('examples/rollback-dispatch.yml')
    const inputs = wf.data.on.workflow_dispatch.inputs
    expect(inputs.environment).toMatchObject({ type: 'choice', required: true })
    expect(inputs.environment.options).toEqual(expect.arrayContaining(['production', 'staging']))
    expect(inputs.version.required).toBe(false)
    expect(inputs.reason).toMatchObject({ type: 'string', required: true })
    const [call] = reusableCalls(wf)
    expect(call.workflow).toBe('rollback.yml')
    expect(call.def.with).toMatchObject({
      environment: '${{ inputs.environment }}',
      'to-version': '${{ inputs.version }}',
      reason: '${{ inputs.reason }}'
    })
  })

  it('deploy-multi-host deploys to several hosts with the releases driver and SSH secrets', () => {
    const [, call] = reusableCalls(loadWorkflow('examples/deploy-multi-host.yml'))
    expect(call.def.with.driver).toBe('releases')
    expect(call.def.with.hosts.trim().split('\n').length).toBeGreaterThan(1)
    expect(Object.keys(call.def.secrets)).toEqual(
      expect.arrayContaining(['SSH_KEY', 'KNOWN_HOSTS'])
    )
  })

  it('deploy-kubectl drives kubectl through run and rollback-run', () => {
    const [call] = reusableCalls(loadWorkflow('examples/deploy-kubectl.yml'))
    expect(call.def.with.driver ?? 'command').toBe('command')
    expect(call.def.with.run).toMatch(/kubectl .*rollout status/)
    expect(call.def.with['rollback-run']).toMatch(/kubectl/)
  })
})

describe.each(['examples/gitlab-ci.yml', 'examples/Jenkinsfile'])('%s', path => {
  const text = read(path)
  // One shell command: lines joined where they end with a backslash (or are YAML-folded).
  const commands = text
    .replace(/\\\n/g, ' ')
    .replace(/>-\n((?:\s+.*\n)+?)(?=\s+-|\S)/g, (_, body: string) => body.replace(/\n\s*/g, ' '))
    .split('\n')
    .filter(line => /npx shiprail /.test(line) && !/^\s*(#|\/\/)/.test(line))

  it('runs the whole lifecycle through the CLI', () => {
    const steps = commands.map(line => /npx shiprail ([a-z-]+)/.exec(line)?.[1])
    for (const step of STEPS) expect(steps).toContain(step)
    expect(commands.some(c => /deploy .*--promote-from staging/.test(c))).toBe(true)
  })

  it('gives each CLI step only flags that are inputs of that step, and the required ones', () => {
    const problems: string[] = []
    for (const command of commands) {
      const [, step, rest] = /npx shiprail ([a-z-]+)(.*)$/.exec(command) ?? []
      if (!(STEPS as readonly string[]).includes(step)) {
        problems.push(`unknown step in: ${command.trim()}`)
        continue
      }
      const inputs = actionMetadata(step as (typeof STEPS)[number]).inputs
      const flags = [...rest.matchAll(/\s--([a-z][a-z0-9-]*)/g)].map(m => m[1])
      for (const flag of flags) {
        if (!inputs.some(i => i.name === flag)) problems.push(`${step} has no --${flag}`)
      }
      for (const input of inputs.filter(i => i.required)) {
        if (!flags.includes(input.name)) problems.push(`${step} without --${input.name}`)
      }
    }
    expect(problems).toEqual([])
  })
})
