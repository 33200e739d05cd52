import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, runCliBundle } from './support/action-runner.js'
import { startGitHubStandIn, type GitHubStandIn } from './support/github-standin.js'
import { startTestServer, type TestHttpServer } from './support/test-http-server.js'

// smoke-test through dist/ and the CLI: the verdict lands on the live deployment, and
// promote-from lets only a verified version through.

const REPO = 'octo-org/octo-app'
const TOKEN = 'ghs_smokeToken5555555555'
const SECRET = 'Bearer sekrit-api-credential-42'
let api: GitHubStandIn
let app: TestHttpServer

beforeAll(async () => {
  api = await startGitHubStandIn({ token: TOKEN })
  app = await startTestServer({
    version: '1.0.0',
    routes: {
      '/health': { status: 200, body: { status: 'ok', version: '1.0.0' } },
      '/private': req =>
        req.headers.authorization === SECRET
          ? { status: 200, body: 'welcome' }
          : { status: 401, body: 'no' }
    }
  })
})
afterAll(async () => {
  await api.close()
  await app.close()
})
afterEach(() => api.expectNoViolations())

const env = () => ({ GITHUB_API_URL: api.url })
const checks = (version: string) => `
- name: health
  path: /health
  expect-json: { status: ok }
  expect-version: ${version}
- name: private page
  path: /private
  headers: { Authorization: "${SECRET}" }
  expect-body-contains: welcome
`

function deploy(environment: string, version: string, extra: Record<string, string> = {}) {
  return runAction('dist/deploy/index.js', {
    inputs: { token: TOKEN, environment, version, run: 'true', ...extra },
    env: env()
  })
}

function smoke(environment: string, version: string, extra: Record<string, string> = {}) {
  return runAction('dist/smoke-test/index.js', {
    inputs: {
      token: TOKEN,
      environment,
      url: app.url,
      checks: checks(version),
      timeout: '3',
      'retry-interval': '0.2',
      ...extra
    },
    env: env()
  })
}

const statuses = (environment: string) =>
  api
    .deployments(REPO)
    .filter(d => d.environment === environment)
    .map(d =>
      d.statuses.map(
        s => `${s.state}${s.description.startsWith('smoke-test') ? ` (${s.description})` : ''}`
      )
    )

describe('smoke-test action', () => {
  it('passes, records the verdict on the live deployment, and masks credentials', async () => {
    expect((await deploy('staging', '1.0.0')).code).toBe(0)
    const run = await smoke('staging', '1.0.0')
    expect(run.code).toBe(0)
    expect(run.outputs.passed).toBe('true')
    const report = JSON.parse(run.outputs.report)
    expect(report).toHaveLength(2)
    expect(report[0]).toMatchObject({ name: 'health', passed: true, status: 200, attempts: 1 })
    expect(statuses('staging')[0]).toEqual([
      'in_progress',
      'success',
      'success (smoke-test passed: 2/2 checks passed)'
    ])
    expect(run.summary).toMatch(/health/)
    for (const text of [run.visibleStdout, run.stderr, run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toContain('sekrit-api-credential-42')
    }
  })

  it('lets a verified version be promoted', async () => {
    const run = await deploy('production', '1.0.0', { 'promote-from': 'staging' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      `promote-from: 1.0.0 is verified in staging at commit ${'a'.repeat(40)}`
    )
  })

  // Issue 12, item 9: the label 1.0.0 rebuilt from another commit is not what staging verified.
  it('refuses the verified version label built from another commit, naming the verified commit', async () => {
    const before = api.deployments(REPO).length
    const run = await deploy('production', '1.0.0', {
      'promote-from': 'staging',
      ref: 'b'.repeat(40)
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::Refusing to deploy to production: version 1.0.0 in staging verified commit aaaaaaaaaaaa, not bbbbbbbbbbbb'
    )
    expect(api.deployments(REPO)).toHaveLength(before)
  })

  it('fails when the old version is still answering, records it, and blocks promotion', async () => {
    expect((await deploy('staging', '2.0.0')).code).toBe(0)
    const run = await smoke('staging', '2.0.0')
    expect(run.code).toBe(1)
    expect(run.outputs.passed).toBe('false')
    const health = JSON.parse(run.outputs.report)[0]
    expect(health.reason).toMatch(/version 2\.0\.0 not found in body or headers/)
    expect(run.stdout).toMatch(/::error::Smoke test failed: 1 of 2 checks failed \(health: /)
    expect(statuses('staging')[0][2]).toMatch(/^failure \(smoke-test failed/)
    const promote = await deploy('production', '2.0.0', { 'promote-from': 'staging' })
    expect(promote.code).toBe(1)
    expect(promote.stdout).toMatch(
      /::error::Refusing to deploy to production: version 2\.0\.0 is not verified in staging: 2\.0\.0 \(live: smoke-test failed: 1 of 2 checks failed; health: version 2\.0\.0 not found/
    )
  })

  it('rejects a bad check definition before sending anything', async () => {
    const before = app.requests.length
    const run = await smoke('staging', '1.0.0', { checks: '- path: /health\n  expect-stauts: 200' })
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error::'))).toHaveLength(1)
    expect(run.stdout).toMatch(/::error::.*expect-stauts/)
    expect(app.requests.length).toBe(before)
  })

  it('gives the same verdict from the CLI', async () => {
    const cli = await runCliBundle(
      ['smoke-test', '--url', app.url, '--checks', checks('1.0.0'), '--ledger', 'none', '--json'],
      {
        cwd: mkdtempSync(join(tmpdir(), 'shiprail-smoke-'))
      }
    )
    expect(cli.code).toBe(0)
    const result = JSON.parse(cli.stdout)
    expect(result).toMatchObject({ step: 'smoke-test', passed: true })
    expect(result.checks.map((c: { name: string }) => c.name)).toEqual(['health', 'private page'])
    expect(cli.stdout + cli.stderr).not.toContain('sekrit-api-credential-42')
  })
})
