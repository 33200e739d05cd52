import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, runCliBundle } from './support/action-runner.js'
import { startGitHubStandIn, type GitHubStandIn } from './support/github-standin.js'
import { startMetricsApp, type MetricsApp } from './support/metrics-app.js'
import { startPrometheus, type PrometheusServer } from './support/prometheus.js'

// status-check through dist/ and the CLI, against a real Prometheus scraping a real service,
// with the verdict recorded in the OpenAPI-checked GitHub stand-in.

const REPO = 'octo-org/octo-app'
const TOKEN = 'ghs_statusToken777777777'
let api: GitHubStandIn
let prometheus: PrometheusServer
let good: MetricsApp
let bad: MetricsApp

const errorRate = (job: string) =>
  `sum(rate(app_requests_total{job="${job}",code=~"5.."}[5s])) / sum(rate(app_requests_total{job="${job}"}[5s]))`
const queries = (job: string) => `- name: error rate\n  query: '${errorRate(job)}'\n  max: 0.05`

beforeAll(async () => {
  ;[good, bad] = await Promise.all([startMetricsApp(), startMetricsApp({ mode: 'fail' })])
  prometheus = await startPrometheus({ good: good.target, bad: bad.target })
  await Promise.all([
    prometheus.waitFor(errorRate('good'), v => v === 0),
    prometheus.waitFor(errorRate('bad'), v => v === 1)
  ])
  api = await startGitHubStandIn({ token: TOKEN })
}, 90_000)

afterAll(async () => {
  await prometheus?.stop()
  await Promise.all([good, bad].map(app => app?.close()))
  await api?.close()
})
afterEach(() => api.expectNoViolations())

function statusCheck(app: MetricsApp, job: string, extra: Record<string, string> = {}) {
  return runAction('dist/status-check/index.js', {
    inputs: {
      token: TOKEN,
      environment: 'production',
      url: app.url,
      checks: '- path: /health',
      interval: '1',
      duration: '3',
      'prometheus-url': prometheus.url,
      'prometheus-queries': queries(job),
      ...extra
    },
    env: { GITHUB_API_URL: api.url, LOG_FILE: app.logFile }
  })
}

describe('status-check action', () => {
  beforeAll(async () => {
    const deploy = await runAction('dist/deploy/index.js', {
      inputs: { token: TOKEN, environment: 'production', version: '4.2.0', run: 'true' },
      env: { GITHUB_API_URL: api.url }
    })
    expect(deploy.code).toBe(0)
  })

  it('is healthy, says what is live, and records the verdict', async () => {
    const run = await statusCheck(good, 'good', { 'log-command': 'tail -n 50 "$LOG_FILE"' })
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ healthy: 'true', 'success-rate': '1' })
    expect(Number(run.outputs['p95-ms'])).toBeGreaterThanOrEqual(0)
    const result = JSON.parse(run.outputs.result)
    expect(result.live).toMatchObject({ version: '4.2.0' })
    expect(result.metrics[0]).toMatchObject({ name: 'error rate', passed: true })
    // Verdict first, a table with thresholds, and a mermaid chart of latency.
    expect(run.summary.indexOf('Healthy') >= 0 || run.summary.indexOf('healthy') >= 0).toBe(true)
    expect(run.summary).toContain('```mermaid')
    expect(run.summary).toContain('xychart-beta')
    const [deployment] = api.deployments(REPO)
    expect(deployment.statuses.at(-1)).toMatchObject({ state: 'success' })
    expect(deployment.statuses.at(-1)?.description).toMatch(/^status-check passed/)
  })

  it('is unhealthy by error rate, ends early, fails the step and records it', async () => {
    const started = Date.now()
    const run = await statusCheck(bad, 'bad', {
      duration: '30',
      checks: '- path: /\n  expect-status: 200-599'
    })
    expect(run.code).toBe(1)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.outputs.healthy).toBe('false')
    expect(JSON.parse(run.outputs.result)).toMatchObject({ endedEarly: true })
    expect(run.stdout).toMatch(/::error::.*error rate/)
    const [deployment] = api.deployments(REPO)
    expect(deployment.statuses.at(-1)).toMatchObject({ state: 'failure' })
    expect(deployment.statuses.at(-1)?.description).toMatch(/^status-check failed/)
  })

  it('gives the same verdict from the CLI', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-status-cli-'))
    const args = [
      'status-check',
      '--environment',
      'qa',
      '--ledger',
      'none',
      '--url',
      good.url,
      '--checks',
      '- path: /health',
      '--interval',
      '1',
      '--duration',
      '2'
    ]
    const ok = await runCliBundle(
      [...args, '--prometheus-url', prometheus.url, '--prometheus-queries', queries('good')],
      { cwd }
    )
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/error rate/)
    const failing = await runCliBundle(
      [
        ...args,
        '--prometheus-url',
        prometheus.url,
        '--prometheus-queries',
        queries('bad'),
        '--json'
      ],
      { cwd }
    )
    expect(failing.code).toBe(1)
    expect(JSON.parse(failing.stdout)).toMatchObject({ step: 'status-check', healthy: false })
  })
})
