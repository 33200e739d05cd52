import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/core/context.js'
import type { RawInputs } from '../../src/core/inputs.js'
import { FileLedger } from '../../src/core/ledger/file-ledger.js'
import { parseStatusCheckSettings } from '../../src/core/settings/status-check-settings.js'
import { statusCheck } from '../../src/core/steps/status-check.js'
import { statusCheckOutputs, statusCheckSummary } from '../../src/report/status-check-report.js'
import { toMarkdown, toText } from '../../src/report/summary.js'
import { testContext } from '../support/context.js'
import { startMetricsApp, type MetricsApp } from '../support/metrics-app.js'
import { startPrometheus, type PrometheusServer } from '../support/prometheus.js'

/**
 * status-check end to end against a real Prometheus (Debian's package) scraping real test
 * services every second. One Prometheus for the file (its first scrape takes ~5 s), one
 * service per situation, told apart by job label: `good`, `bad` (every request a 500) and
 * `gone` (stopped exporting app_queue_depth). Windows are 1-2 s; timing bounds are wide.
 */

const workspace = mkdtempSync(join(tmpdir(), 'shiprail-status-prom-'))
let prometheus: PrometheusServer
let good: MetricsApp
let bad: MetricsApp
let gone: MetricsApp
let slow: MetricsApp

const errorRate = (job: string) =>
  `sum(rate(app_requests_total{job="${job}",code=~"5.."}[5s])) / sum(rate(app_requests_total{job="${job}"}[5s]))`

beforeAll(async () => {
  ;[good, bad, gone, slow] = await Promise.all([
    startMetricsApp(),
    startMetricsApp({ mode: 'fail' }),
    startMetricsApp(),
    startMetricsApp({ mode: 'slow', slowMs: 300, trafficPerSecond: 0 })
  ])
  prometheus = await startPrometheus({ good: good.target, bad: bad.target, gone: gone.target })
  // Wait until every situation is visible in Prometheus, so each test sees a settled state.
  await Promise.all([
    prometheus.waitFor(errorRate('good'), v => v === 0),
    prometheus.waitFor(errorRate('bad'), v => v === 1),
    prometheus.waitFor('count(app_queue_depth{job="gone"})', v => v === 1)
  ])
  gone.exportQueueDepth(false)
  await prometheus.waitFor('count(app_queue_depth{job="gone"})', v => v === undefined)
}, 60_000)

afterAll(async () => {
  await prometheus?.stop()
  await Promise.all([good, bad, gone, slow].map(app => app?.close()))
})

function settings(raw: RawInputs) {
  return parseStatusCheckSettings(
    { environment: 'staging', ledger: 'none', interval: '1', 'request-timeout': '5', ...raw },
    { insideActions: false },
    workspace
  )
}

const queries = (...items: { name: string; query: string; max?: number; min?: number }[]) =>
  items.map(q => `- ${JSON.stringify(q)}`).join('\n')

describe('statusCheck with Prometheus', () => {
  it('is healthy when probes, metrics and logs hold, and reports what is live', async () => {
    const ledger = new FileLedger(join(workspace, 'healthy-ledger.json'), systemClock)
    const deployment = await ledger.create({
      environment: 'staging',
      ref: 'a'.repeat(40),
      description: 'deploy 2.4.0',
      productionEnvironment: false,
      payload: {
        version: '2.4.0',
        driver: 'command',
        previous_version: '2.3.9',
        operation: 'deploy',
        // The run testContext stands for: the check belongs to this deploy.
        run_url: 'https://github.com/o/r/actions/runs/1'
      }
    })
    await ledger.addStatus(deployment.id, { state: 'success', description: 'deployed' })
    const ctx = testContext({ ledger })
    ctx.run.env = { ...ctx.run.env, APP_LOG: good.logFile }

    const result = await statusCheck(
      settings({
        ledger: 'file',
        url: `${good.url}/health`,
        duration: '2',
        'max-p95-latency-ms': '2000',
        'prometheus-url': prometheus.url,
        'prometheus-queries': queries(
          { name: 'error-rate', query: errorRate('good'), max: 0.05 },
          { name: 'latency', query: 'app_latency_seconds{job="good"}', max: 0.1 }
        ),
        'log-command': 'tail -n 100 "$APP_LOG"'
      }),
      ctx
    )

    expect(result).toMatchObject({
      step: 'status-check',
      healthy: true,
      dryRun: false,
      environment: 'staging',
      endedEarly: false,
      rounds: 3,
      plannedRounds: 3,
      reasons: [],
      live: {
        version: '2.4.0',
        deploymentId: deployment.id,
        ref: 'a'.repeat(40),
        operation: 'deploy'
      },
      verdictDeploymentId: deployment.id
    })
    expect(result.durationMs).toBeGreaterThanOrEqual(1900)
    expect(result.probes).toHaveLength(1)
    expect(result.probes[0]).toMatchObject({
      name: 'GET /health',
      total: 3,
      passes: 3,
      successRate: 1,
      passed: true,
      successRatePassed: true,
      p95Passed: true
    })
    expect(result.probes[0].samples.map(s => s.round)).toEqual([0, 1, 2])
    expect(result.probes[0].samples.every(s => s.ok && s.status === 200)).toBe(true)
    expect(result.metrics.map(m => [m.name, m.passed, m.values.length])).toEqual([
      ['error-rate', true, 3],
      ['latency', true, 3]
    ])
    expect(result.metrics[0].last).toBe(0)
    expect(result.metrics[1].last).toBeLessThanOrEqual(0.1)
    expect(result.logs).toMatchObject({ errorCount: 0, passed: true, exitCode: 0 })
    expect(result.logs?.linesScanned).toBeGreaterThanOrEqual(3)
    expect(result.overall).toMatchObject({ successRate: 1, probes: 3, failed: 0 })

    // The verdict is on the live deployment, in the words rollback and promote-from read.
    const [record] = await all(ledger.history('staging'))
    expect(record.statuses.at(-1)).toMatchObject({ state: 'success' })
    expect(record.statuses.at(-1)?.description).toMatch(/^status-check passed: healthy for/)

    const outputs = statusCheckOutputs(result)
    expect(outputs.healthy).toBe('true')
    expect(outputs['success-rate']).toBe('1')
    expect(Number(outputs['p95-ms'])).toBeGreaterThanOrEqual(0)
    expect(JSON.parse(outputs.report).probes[0].samples).toBeUndefined()
    expect(JSON.parse(outputs.result).probes[0].samples).toHaveLength(3)

    const markdown = toMarkdown(statusCheckSummary(result))
    expect(markdown.split('\n')[2]).toMatch(/^✅ \*\*healthy\*\*: staging held every threshold/)
    expect(markdown).toContain('| metric error-rate |')
    expect(markdown).toContain('| ≤ 0.05 | ✅ |')
    expect(markdown).toContain('| logs | error lines | 0 in ')
    expect(markdown).toMatch(/```mermaid\n---\nconfig: .*\n---\nxychart-beta\n/)
    expect(toText(statusCheckSummary(result))).not.toContain('mermaid')
  })

  it('is unhealthy by error rate, and ends at the first round over the bound', async () => {
    const result = await statusCheck(
      settings({
        duration: '30',
        'prometheus-url': prometheus.url,
        'prometheus-queries': queries({ name: 'error-rate', query: errorRate('bad'), max: 0.05 })
      }),
      testContext()
    )
    expect(result).toMatchObject({ healthy: false, endedEarly: true, rounds: 1, plannedRounds: 31 })
    expect(result.durationMs).toBeLessThan(10_000)
    expect(result.metrics[0]).toMatchObject({ name: 'error-rate', last: 1, passed: false })
    expect(result.metrics[0].reason).toBe('1 is over max 0.05 at 0 s')
    expect(result.reasons).toEqual(['metric error-rate: 1 is over max 0.05 at 0 s'])
    expect(statusCheckOutputs(result)).toMatchObject({
      healthy: 'false',
      'success-rate': '',
      'p95-ms': ''
    })
    const summary = statusCheckSummary(result)
    expect(summary.verdict).toBe(
      '❌ **unhealthy**: metric error-rate missed its threshold (see Detail)'
    )
    expect(summary.tables[0].rows.find(r => r[0] === 'metric error-rate')?.[5]).toBe(
      '1 is over max 0.05 at 0 s'
    )
  })

  it('is unhealthy by probe latency: p95 over max-p95-latency-ms', async () => {
    const result = await statusCheck(
      settings({ url: `${slow.url}/health`, duration: '5', 'max-p95-latency-ms': '150' }),
      testContext()
    )
    expect(result).toMatchObject({ healthy: false, endedEarly: true })
    // Six rounds planned: nearest-rank p95 of six latencies is the slowest, so one slow probe decides.
    expect(result.rounds).toBe(1)
    const probe = result.probes[0]
    expect(probe).toMatchObject({ successRatePassed: true, p95Passed: false, passed: false })
    expect(probe.p95).toBeGreaterThanOrEqual(300)
    expect(probe.reason).toMatch(
      /^1 of 1 probes took over 150 ms \(p95 so far \d+ ms\); at most 0 of 6 may/
    )
    const markdown = toMarkdown(statusCheckSummary(result))
    expect(markdown).toMatch(
      /\| probe GET \/health \| latency p95 \| \d+ ms .*\| ≤ 150 ms \| ❌ \|/
    )
    // One round: a chart of one point draws nothing, so there is none.
    expect(markdown).not.toContain('mermaid')
  })

  it('fails on no data, and says which kind, with on-no-data: fail', async () => {
    const result = await statusCheck(
      settings({
        duration: '30',
        'prometheus-url': prometheus.url,
        'prometheus-queries': queries(
          { name: 'queue', query: 'app_queue_depth{job="gone"}', max: 10 },
          { name: 'requests', query: 'app_requests_total{job="good"}', min: 0 }
        )
      }),
      testContext()
    )
    expect(result).toMatchObject({ healthy: false, endedEarly: true, rounds: 1 })
    expect(result.metrics.map(m => [m.name, m.noData, m.passed])).toEqual([
      ['queue', 'no data', false],
      ['requests', 'not a single value', false]
    ])
    expect(result.metrics[0].reason).toBe(
      'no data at 0 s: the query returned no series (on-no-data: fail)'
    )
    expect(result.metrics[1].reason).toMatch(
      /^not a single value at 0 s: the query returned 2 series \(.*code="200".*\); aggregate them/
    )
    const markdown = toMarkdown(statusCheckSummary(result))
    expect(markdown).toContain(
      '| metric queue | `app_queue_depth{job="gone"}` | no data | ≤ 10 | ❌ |'
    )
  })

  it('passes no data with on-no-data: pass, and still says which kind it was', async () => {
    const result = await statusCheck(
      settings({
        duration: '1',
        'on-no-data': 'pass',
        'prometheus-url': prometheus.url,
        'prometheus-queries': queries(
          { name: 'queue', query: 'app_queue_depth{job="gone"}', max: 10 },
          { name: 'requests', query: 'app_requests_total{job="good"}', min: 0 }
        )
      }),
      testContext()
    )
    expect(result).toMatchObject({ healthy: true, endedEarly: false, rounds: 2 })
    expect(result.metrics.map(m => [m.noData, m.noDataRounds, m.last, m.passed])).toEqual([
      ['no data', 2, null, true],
      ['not a single value', 2, null, true]
    ])
    expect(result.metrics[0].reason).toBe(
      'no data in 2 of 2 rounds (the query returned no series); on-no-data: pass'
    )
  })

  it('fails at once with Prometheus’ own words for a query it cannot parse', async () => {
    const result = await statusCheck(
      settings({
        duration: '30',
        'prometheus-url': prometheus.url,
        'prometheus-queries': queries({
          name: 'broken',
          query: 'sum(rate(app_requests_total[5s])',
          max: 1
        })
      }),
      testContext()
    )
    expect(result).toMatchObject({ healthy: false, endedEarly: true, rounds: 1 })
    expect(result.metrics[0].reason).toMatch(
      /^the query failed at 0 s: Prometheus answered 400: bad_data: .*parse error/
    )
    expect(result.metrics[0].errors).toBe(1)
  })
})

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}
