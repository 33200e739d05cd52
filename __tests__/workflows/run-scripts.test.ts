/**
 * The `run:` scripts inside the workflows do what they claim: each is taken out of the YAML and
 * run with bash the way the runner runs it (`bash --noprofile --norc -eo pipefail <file>`, the
 * step's `env:` plus the runner's variables) against fixtures.
 */
import { spawnSync } from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadWorkflow, stepById, type Yaml } from './workflow-files.js'

const ci = loadWorkflow('.github/workflows/ci.yml')
const deploy = loadWorkflow('.github/workflows/deploy.yml')

interface StepRun {
  status: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

let sandbox: string
beforeEach(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'shiprail-workflow-run-'))
})
afterEach(() => rmSync(sandbox, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }))

/** A fresh runner temp directory, workspace and output files, as a job gets them. */
function runner(name = 'runner') {
  const dir = join(sandbox, name)
  const temp = join(dir, 'temp')
  const workspace = join(dir, 'workspace')
  mkdirSync(temp, { recursive: true })
  mkdirSync(workspace, { recursive: true })
  return { temp, workspace }
}

/**
 * Runs one step's `run:` script. `env` stands for the step's `env:` block, whose `${{ }}`
 * values the test gives already evaluated; every key of the block must be given, so a test
 * cannot silently drop one.
 */
function runStep(
  step: Yaml,
  env: Record<string, string>,
  where: { temp: string; workspace: string; github?: Record<string, string> }
): StepRun {
  expect(Object.keys(env).sort()).toEqual(Object.keys(step.env ?? {}).sort())
  const script = join(where.temp, `step-${Math.random().toString(36).slice(2)}.sh`)
  writeFileSync(script, step.run)
  const output = join(where.temp, 'github_output')
  const summary = join(where.temp, 'step_summary')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: where.workspace,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: where.temp,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: where.workspace,
      ...where.github,
      ...env
    }
  })
  rmSync(script)
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  )
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs,
    summary: readFileSync(summary, 'utf8')
  }
}

describe('ci.yml: version computation', () => {
  const step = stepById(ci, 'build', 'version')
  const SHA = '0123456789abcdef0123456789abcdef01234567'

  it.each([
    [
      'the version input wins',
      '2.0.0-rc.1',
      { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v9.9.9' },
      '2.0.0-rc.1'
    ],
    ['a v-tag loses its v', '', { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.4.2' }, '1.4.2'],
    [
      'another tag stays as it is',
      '',
      { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'release-7' },
      'release-7'
    ],
    [
      'a v not before a digit stays',
      '',
      { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'vnext' },
      'vnext'
    ],
    [
      'a branch gives sha- and 12 hex digits',
      '',
      { GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' },
      'sha-0123456789ab'
    ],
    [
      'a pull request too',
      '',
      { GITHUB_REF_TYPE: '', GITHUB_REF_NAME: '12/merge' },
      'sha-0123456789ab'
    ]
  ])('%s', (_, input, github, expected) => {
    const result = runStep(
      step,
      { VERSION_INPUT: input, ARTIFACT_PREFIX: 'web' },
      { ...runner(), github: { ...github, GITHUB_SHA: SHA } }
    )
    expect(result.status).toBe(0)
    expect(result.outputs).toEqual({ version: expected, 'artifact-name': `web-${expected}` })
  })

  it.each([
    [
      'a version with shell in it',
      { VERSION_INPUT: '1.0;rm -rf /', ARTIFACT_PREFIX: 'web' },
      'title=version'
    ],
    [
      'a version with a newline',
      { VERSION_INPUT: '1.0\n::add-mask::x', ARTIFACT_PREFIX: 'web' },
      'title=version'
    ],
    ['an empty-looking version', { VERSION_INPUT: '-1', ARTIFACT_PREFIX: 'web' }, 'title=version'],
    [
      'a prefix with a slash',
      { VERSION_INPUT: '1.0.0', ARTIFACT_PREFIX: 'a/b' },
      'title=artifact-prefix'
    ]
  ])('refuses %s with one error line', (_, env, title) => {
    const result = runStep(step, env, {
      ...runner(),
      github: { GITHUB_REF_TYPE: 'branch', GITHUB_SHA: SHA }
    })
    expect(result.status).toBe(1)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`::error ${title}::`)
    expect(result.outputs).toEqual({})
  })
})

describe('ci.yml: build commands', () => {
  it('runs the command input verbatim, with the version, and fails when it fails', () => {
    const step = ci.data.jobs.build.steps.find((s: Yaml) => s.name === 'Build')
    const where = runner()
    const ok = runStep(
      step,
      {
        SHIPRAIL_BUILD_COMMAND: `mkdir -p dist && printf '%s "$x"' "$SHIPRAIL_BUILD_VERSION" > dist/v`,
        SHIPRAIL_BUILD_VERSION: '1.2.3'
      },
      where
    )
    expect(ok.status).toBe(0)
    expect(readFileSync(join(where.workspace, 'dist/v'), 'utf8')).toBe('1.2.3 "$x"')
    const failing = runStep(
      step,
      { SHIPRAIL_BUILD_COMMAND: 'false | true', SHIPRAIL_BUILD_VERSION: '1.2.3' },
      where
    )
    expect(failing.status).not.toBe(0)
  })
})

describe('ci.yml packs the artifact, deploy.yml verifies it', () => {
  const pack = stepById(ci, 'build', 'package')
  const verify = stepById(deploy, 'deploy', 'artifact')
  const NAME = 'web-1.4.2'

  /** The build output of a small app, and the ci.yml runner that packs it. */
  function build() {
    const ciRunner = runner('ci')
    const dist = join(ciRunner.workspace, 'dist')
    mkdirSync(join(dist, 'assets'), { recursive: true })
    writeFileSync(join(dist, 'index.html'), '<title>web</title>\n')
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("1.4.2")\n')
    writeFileSync(join(dist, '.env.example'), 'PORT=8080\n')
    return ciRunner
  }

  function packed(ciRunner: { temp: string; workspace: string }) {
    const result = runStep(
      pack,
      { BUILD_DIR: 'dist', ARTIFACT_NAME: NAME, VERSION: '1.4.2' },
      ciRunner
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    return result
  }

  /** What upload-artifact then download-artifact do: the directory's files, moved. */
  function download(ciRunner: { temp: string }) {
    const deployRunner = runner('deploy')
    cpSync(join(ciRunner.temp, 'shiprail-artifact'), join(deployRunner.temp, 'shiprail-artifact'), {
      recursive: true
    })
    return deployRunner
  }

  const verifyEnv = (overrides: Record<string, string> = {}) => ({
    ARTIFACT_NAME: NAME,
    EXPECTED_SHA256: '',
    EXPECTED_VERSION: '1.4.2',
    ...overrides
  })

  it('packs the build directory into one tarball with a manifest of every file', () => {
    const ciRunner = build()
    const result = packed(ciRunner)
    const out = join(ciRunner.temp, 'shiprail-artifact')
    expect(readdirSync(out).sort()).toEqual(['SHA256SUMS', 'VERSION', `${NAME}.tar.gz`])
    expect(result.outputs.sha256).toMatch(/^[0-9a-f]{64}$/)
    const manifest = readFileSync(join(out, 'SHA256SUMS'), 'utf8')
    expect(manifest).toContain(`${result.outputs.sha256}  ${NAME}.tar.gz`)
    expect(manifest).toMatch(/^[0-9a-f]{64} {2}VERSION$/m)
    expect(result.summary).toContain(result.outputs.sha256)
    const listing = spawnSync('tar', ['-tzf', join(out, `${NAME}.tar.gz`)], { encoding: 'utf8' })
    expect(listing.stdout.split('\n').filter(Boolean).sort()).toEqual([
      './',
      './.env.example',
      './assets/',
      './assets/app.js',
      './index.html'
    ])
  })

  it('packs the same tree to the same digest', () => {
    const ciRunner = build()
    const first = packed(ciRunner).outputs.sha256
    expect(packed(ciRunner).outputs.sha256).toBe(first)
  })

  it('refuses a missing or empty build directory', () => {
    const ciRunner = runner('ci')
    const env = { BUILD_DIR: 'dist', ARTIFACT_NAME: NAME, VERSION: '1.4.2' }
    const missing = runStep(pack, env, ciRunner)
    expect(missing.status).toBe(1)
    expect(missing.stdout).toContain('::error title=build-dir::build-dir dist is not a directory')
    mkdirSync(join(ciRunner.workspace, 'dist'))
    const empty = runStep(pack, env, ciRunner)
    expect(empty.status).toBe(1)
    expect(empty.stdout).toContain('is empty')
  })

  it('verifies an intact artifact and unpacks it for the deploy step', () => {
    const ciRunner = build()
    const { sha256 } = packed(ciRunner).outputs
    const deployRunner = download(ciRunner)
    const result = runStep(verify, verifyEnv({ EXPECTED_SHA256: sha256 }), deployRunner)
    expect(result.stdout).toContain(`Verified ${NAME}.tar.gz`)
    expect(result.status).toBe(0)
    expect(result.outputs).toEqual({
      tarball: join(deployRunner.temp, 'shiprail-artifact', `${NAME}.tar.gz`),
      dir: join(deployRunner.temp, 'shiprail-release')
    })
    expect(readFileSync(join(result.outputs.dir, 'assets', 'app.js'), 'utf8')).toBe(
      'console.log("1.4.2")\n'
    )
    expect(readFileSync(join(result.outputs.dir, '.env.example'), 'utf8')).toBe('PORT=8080\n')
  })

  const tamper: [string, (dir: string) => void, string][] = [
    [
      'a tarball changed after packing',
      dir => appendFileSync(join(dir, `${NAME}.tar.gz`), 'x'),
      'does not match its SHA-256 manifest'
    ],
    [
      'a tarball replaced together with its manifest',
      dir => {
        appendFileSync(join(dir, `${NAME}.tar.gz`), 'x')
        const sum = spawnSync('sha256sum', [`${NAME}.tar.gz`, 'VERSION'], {
          cwd: dir,
          encoding: 'utf8'
        })
        writeFileSync(join(dir, 'SHA256SUMS'), sum.stdout)
      },
      'that CI built'
    ],
    [
      'a file the manifest does not list',
      dir => writeFileSync(join(dir, 'extra.sh'), 'echo hi\n'),
      'holds files its manifest does not list'
    ],
    [
      'a listed file that is missing',
      dir => rmSync(join(dir, 'VERSION')),
      'holds files its manifest does not list'
    ],
    ['no manifest', dir => rmSync(join(dir, 'SHA256SUMS')), 'has no SHA256SUMS manifest'],
    [
      'a version that is not the one being deployed',
      dir => {
        writeFileSync(join(dir, 'VERSION'), '1.4.1\n')
        const sum = spawnSync('sha256sum', [`${NAME}.tar.gz`, 'VERSION'], {
          cwd: dir,
          encoding: 'utf8'
        })
        writeFileSync(join(dir, 'SHA256SUMS'), sum.stdout)
      },
      'was built as version 1.4.1, not 1.4.2'
    ]
  ]

  it.each(tamper)('refuses %s', (_, change, message) => {
    const ciRunner = build()
    const { sha256 } = packed(ciRunner).outputs
    const deployRunner = download(ciRunner)
    change(join(deployRunner.temp, 'shiprail-artifact'))
    const result = runStep(verify, verifyEnv({ EXPECTED_SHA256: sha256 }), deployRunner)
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(new RegExp(`^::error title=artifact::.*${message}`, 'm'))
    expect(result.outputs).toEqual({})
  })

  it('without an expected digest, the manifest alone still catches a changed tarball', () => {
    const ciRunner = build()
    packed(ciRunner)
    const deployRunner = download(ciRunner)
    appendFileSync(join(deployRunner.temp, 'shiprail-artifact', `${NAME}.tar.gz`), 'x')
    const result = runStep(verify, verifyEnv(), deployRunner)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('does not match its SHA-256 manifest')
  })
})

describe('deploy.yml: the final step says what state the environment was left in', () => {
  const step = deploy.data.jobs.deploy.steps.at(-1)
  const base = {
    ENVIRONMENT: 'production',
    VERSION: '1.4.2',
    DEPLOY_OUTCOME: 'success',
    ROLLBACK_OUTCOME: '',
    ROLLED_BACK_TO: '',
    ROLLBACK_SMOKE_OUTCOME: ''
  }

  it.each([
    [
      'rolled back and the rolled-back version passed',
      { ROLLBACK_OUTCOME: 'success', ROLLED_BACK_TO: '1.4.1', ROLLBACK_SMOKE_OUTCOME: 'success' },
      '1.4.2 failed its checks in production and was rolled back to 1.4.1; its smoke test passed.'
    ],
    [
      'rolled back but the rolled-back version failed too',
      { ROLLBACK_OUTCOME: 'success', ROLLED_BACK_TO: '1.4.1', ROLLBACK_SMOKE_OUTCOME: 'failure' },
      'its smoke test FAILED too: look at production now.'
    ],
    [
      'rolled back without smoke checks',
      { ROLLBACK_OUTCOME: 'success', ROLLED_BACK_TO: '1.4.1', ROLLBACK_SMOKE_OUTCOME: 'skipped' },
      'no smoke test is configured.'
    ],
    [
      'the rollback failed',
      { ROLLBACK_OUTCOME: 'failure' },
      'the automatic rollback FAILED: production may still serve 1.4.2.'
    ],
    [
      'the deploy itself failed',
      { DEPLOY_OUTCOME: 'failure', ROLLBACK_OUTCOME: 'skipped' },
      'The deploy of 1.4.2 to production did not complete, so nothing was rolled back'
    ],
    [
      'a check failed and rollback-on-failure is off',
      { ROLLBACK_OUTCOME: 'skipped' },
      'it was not rolled back'
    ]
  ])('%s: fails with one error line', (_, outcomes, message) => {
    const result = runStep(step, { ...base, ...outcomes }, runner())
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^::error title=shiprail deploy::/)
    expect(result.stdout.trim().split('\n')).toHaveLength(1)
    expect(result.stdout).toContain(message)
    expect(result.summary).toContain(message)
  })
})

describe('pipeline.yml: hosts have no default', () => {
  const pipeline = loadWorkflow('.github/workflows/pipeline.yml')
  const step = stepById(pipeline, 'check-inputs', 'check')

  it('declares no default that would deploy onto the runner', () => {
    const inputs = pipeline.data.on.workflow_call.inputs
    expect(inputs['staging-hosts'].default).toBe('')
    expect(inputs['production-hosts'].default).toBe('')
    // Every deploy waits for the check: ci needs it, and everything else needs ci.
    expect(pipeline.data.jobs.ci.needs).toBe('check-inputs')
  })

  it.each([
    ['releases', '', 'host-a', 2, ['staging-hosts']],
    ['releases', 'host-a', ' \n', 2, ['production-hosts']],
    ['containers', '', '', 2, ['staging-hosts', 'production-hosts']],
    ['releases', 'local', 'deploy@web1:2222,web2', 0, []],
    ['command', '', '', 0, []]
  ])('driver %s, staging %j, production %j: exit %i naming %j', (driver, s, p, code, named) => {
    const { temp, workspace } = runner()
    const run = runStep(
      step,
      { DRIVER: driver, STAGING_HOSTS: s, PRODUCTION_HOSTS: p },
      { temp, workspace }
    )
    expect(run.status).toBe(code)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors.map(line => /title=([a-z-]+)::/.exec(line)?.[1])).toEqual(named)
    for (const line of errors) expect(line).toContain(`the ${driver} driver needs it`)
  })
})

describe('pipeline.yml: renamed inputs still work, with a one-line warning each', () => {
  const pipeline = loadWorkflow('.github/workflows/pipeline.yml')
  const step = stepById(pipeline, 'check-inputs', 'renamed')
  const inputs = pipeline.data.on.workflow_call.inputs

  it.each([
    ['staging-environment', 'staging-name', 'STAGING_ENVIRONMENT'],
    ['production-environment', 'production-name', 'PRODUCTION_ENVIRONMENT']
  ])('%s: still an input, warned about, naming %s', (old, renamed, variable) => {
    expect(inputs[old]).toMatchObject({ type: 'string', default: '' })
    expect(inputs[old].description).toMatch(new RegExp(`^Deprecated: renamed \`${renamed}\``))
    expect(step.env[variable]).toBe(`\${{ inputs.${old} }}`)
    const env = { STAGING_ENVIRONMENT: '', PRODUCTION_ENVIRONMENT: '', [variable]: 'live' }
    const run = runStep(step, env, runner())
    expect(run.status).toBe(0)
    expect(run.stdout.trim().split('\n')).toEqual([
      `::warning title=${old}::Input ${old} is deprecated: use ${renamed} (the same value). ${old} still works and wins when set; it goes in the next major version.`
    ])
  })

  it('says nothing when only the new names are used', () => {
    const run = runStep(step, { STAGING_ENVIRONMENT: '', PRODUCTION_ENVIRONMENT: '' }, runner())
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('')
  })
})
