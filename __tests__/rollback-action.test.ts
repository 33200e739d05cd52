import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, runCliBundle, type ActionRun } from './support/action-runner.js'
import { startGitHubStandIn, type GitHubStandIn } from './support/github-standin.js'
import { generateClientKey, startSshd, type SshdServer } from './support/sshd.js'

// End to end: dist/deploy and dist/rollback with the releases driver on two real sshd hosts,
// recorded in the OpenAPI-checked GitHub stand-in (issue 6's acceptance scenario).

const REPO = 'octo-org/octo-app'
const TOKEN = 'ghs_rollbackToken0987654321'
let api: GitHubStandIn
let hosts: SshdServer[] = []
let base: string
let privateKey: string
const mnt = () => join(base, 'mnt')
const served = (host: number) =>
  readFileSync(join(base, `host-${host}`, 'app', 'current', 'version.txt'), 'utf8')

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'shiprail-rb-'))
  mkdirSync(mnt())
  const key = await generateClientKey()
  privateKey = key.privateKey
  hosts = await Promise.all(
    [0, 1].map(i => {
      mkdirSync(join(base, `host-${i}`))
      return startSshd({ clientKey: key, root: { at: mnt(), from: join(base, `host-${i}`) } })
    })
  )
  api = await startGitHubStandIn({ token: TOKEN })
})

afterAll(async () => {
  await Promise.all(hosts.map(h => h.stop()))
  await api?.close()
  await rm(base, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

afterEach(() => api.expectNoViolations())

function driverInputs(): Record<string, string> {
  return {
    token: TOKEN,
    environment: 'production',
    driver: 'releases',
    hosts: hosts.map(h => h.label).join('\n'),
    path: join(mnt(), 'app'),
    'ssh-key': privateKey,
    'known-hosts': hosts.map(h => h.knownHostsLine).join('\n')
  }
}

function source(version: string): string {
  const dir = join(base, `src-${version}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'version.txt'), version)
  writeFileSync(join(dir, 'index.html'), `<h1>${version}</h1>`)
  return dir
}

const env = (event = 'push', runId = '100') => ({
  GITHUB_API_URL: api.url,
  GITHUB_EVENT_NAME: event,
  GITHUB_RUN_ID: runId
})

async function deploy(version: string): Promise<ActionRun> {
  const run = await runAction('dist/deploy/index.js', {
    inputs: { ...driverInputs(), version, source: source(version) },
    env: env(),
    timeoutMs: 120_000
  })
  expect(run.stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([])
  expect(run.code).toBe(0)
  return run
}

// Each rollback a person starts is a run of its own (the deploys above ran in run 100): a
// rollback of a deployment made in the same run would be automatic.
let personRun = 200
async function rollback(
  inputs: Record<string, string> = {},
  runEnv = env('workflow_dispatch', String(personRun++))
): Promise<ActionRun> {
  return runAction('dist/rollback/index.js', {
    inputs: { ...driverInputs(), reason: 'checks failed', ...inputs },
    env: runEnv,
    timeoutMs: 120_000
  })
}

/** Per version: the states of its newest deployment record. */
function ledgerStates(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const d of api.deployments(REPO)) {
    const version = (d.payload as { version: string }).version
    if (d.environment === 'production' && !(version in out))
      out[version] = d.statuses.map(s => s.state).join('>')
  }
  return out
}

describe('rollback through dist/ with the releases driver and the github ledger', () => {
  it('v1 v2 v3 -> v2 -> v1 -> deploy v4 -> v1, never landing on a bad version', async () => {
    const firstDeploy = await deploy('1.0.0')
    // The job summary has a row per host: release, bytes sent, files linked, phase durations.
    expect(firstDeploy.summary).toContain('| host | release | bytes sent | files linked |')
    for (const h of hosts) expect(firstDeploy.summary).toContain(`| ${h.label} |`)
    expect(firstDeploy.outputs.release).toMatch(/^\d{8}T\d{6}Z-1\.0\.0/)
    await deploy('2.0.0')
    await deploy('3.0.0')
    expect([served(0), served(1)]).toEqual(['3.0.0', '3.0.0'])

    const first = await rollback()
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({ version: '2.0.0', 'from-version': '3.0.0' })
    expect([served(0), served(1)]).toEqual(['2.0.0', '2.0.0'])
    expect(first.summary).toContain('⏪ Rolled **production** back from **3.0.0** to **2.0.0**')
    expect(first.summary).toContain('checks failed')
    // The version rolled back from ends as failure, then inactive.
    expect(ledgerStates()['3.0.0']).toBe('in_progress>success>failure>inactive')
    const rbDeployment = api.deployments(REPO)[0]
    expect(rbDeployment.payload).toMatchObject({
      operation: 'rollback',
      version: '2.0.0',
      reason: 'checks failed'
    })
    expect(String((rbDeployment.payload as { rollback_of: string }).rollback_of)).toBe(
      String(
        api.deployments(REPO).find(d => (d.payload as { version: string }).version === '3.0.0')?.id
      )
    )

    const second = await rollback()
    expect(second.code).toBe(0)
    expect(second.outputs).toMatchObject({ version: '1.0.0', 'from-version': '2.0.0' })
    expect([served(0), served(1)]).toEqual(['1.0.0', '1.0.0'])

    await deploy('4.0.0')
    const third = await rollback()
    expect(third.code).toBe(0)
    expect(third.outputs).toMatchObject({ version: '1.0.0', 'from-version': '4.0.0' })
    expect([served(0), served(1)]).toEqual(['1.0.0', '1.0.0'])
    // 2.0.0 and 3.0.0 stay bad: their newest deployments carry a failure verdict.
    const states = ledgerStates()
    expect(states['2.0.0']).toMatch(/failure>inactive$/)
    expect(states['3.0.0']).toMatch(/failure>inactive$/)
  }, 240_000)

  it('says why when there is nothing to roll back to, and changes nothing', async () => {
    const inputs = { ...driverInputs(), environment: 'lonely' }
    await runAction('dist/deploy/index.js', {
      inputs: { ...inputs, version: '9.0.0', source: source('9.0.0') },
      env: env(),
      timeoutMs: 120_000
    })
    const before = api.deployments(REPO).length
    const run = await rollback({ environment: 'lonely' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Cannot roll back lonely: no known-good version to roll back to in lonely \(history: 9\.0\.0 \(live\)\)/
    )
    expect(api.deployments(REPO).length).toBe(before)
  }, 120_000)

  it('wants a reason for a manual rollback of production another run deployed', async () => {
    const before = api.deployments(REPO).length
    const run = await rollback({ reason: '' })
    expect(run.code).toBe(1)
    expect(api.deployments(REPO).length).toBe(before)
    expect(run.stdout).toContain(
      "::error::Input 'reason' is required for a manual rollback of production"
    )
  })

  it('rolls back automatically at most once per run', async () => {
    const inputs = { ...driverInputs(), environment: 'auto' }
    // The deploys and the rollbacks run in one run, started by hand: the README's pattern.
    const auto = env('workflow_dispatch', '777')
    for (const version of ['5.0.0', '6.0.0', '7.0.0']) {
      const run = await runAction('dist/deploy/index.js', {
        inputs: { ...inputs, version, source: source(version) },
        env: auto,
        timeoutMs: 120_000
      })
      expect(run.code).toBe(0)
    }
    const once = await rollback({ environment: 'auto', reason: '' }, auto)
    expect(once.code).toBe(0)
    expect(once.outputs).toMatchObject({ version: '6.0.0', 'from-version': '7.0.0' })
    expect(once.summary).toContain(
      'automatic rollback by https://github.com/octo-org/octo-app/actions/runs/777'
    )
    const twice = await rollback({ environment: 'auto', reason: '' }, auto)
    expect(twice.stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([
      '::error::This run already rolled auto back to 6.0.0; not rolling back twice in one run.'
    ])
    expect(twice.code).toBe(1)
  }, 120_000)
})

describe('rollback with the command driver, from the CLI', () => {
  it('runs rollback-run with the target version and operation rollback', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-rbcli-'))
    const run = 'echo "$SHIPRAIL_OPERATION $SHIPRAIL_VERSION" >> ops.log'
    for (const v of ['a1', 'b2']) {
      expect(
        (
          await runCliBundle(['deploy', '--environment', 'qa', '--version', v, '--run', run], {
            cwd
          })
        ).code
      ).toBe(0)
    }
    const rb = await runCliBundle(
      [
        'rollback',
        '--environment',
        'qa',
        '--run',
        run,
        '--rollback-run',
        `${run}; echo undone`,
        '--json'
      ],
      { cwd, env: { CI: 'true' } }
    )
    expect(rb.code).toBe(0)
    expect(JSON.parse(rb.stdout)).toMatchObject({
      outcome: 'success',
      version: 'a1',
      fromVersion: 'b2',
      targetVerified: false
    })
    expect(rb.stderr).toContain('undone')
    expect(readFileSync(join(cwd, 'ops.log'), 'utf8')).toBe('deploy a1\ndeploy b2\nrollback a1\n')
    // Nothing good is left before a1: a second rollback refuses and says what history holds.
    const again = await runCliBundle(['rollback', '--environment', 'qa', '--run', run], {
      cwd,
      env: { CI: 'true' }
    })
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(
      /no known-good version to roll back to in qa \(history: a1 \(live\), b2 \(rolled-back\), a1 \(inactive\)\)/
    )
  })
})
