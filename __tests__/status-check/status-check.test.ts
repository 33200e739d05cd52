import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/core/context.js'
import { CheckFailedError } from '../../src/core/errors.js'
import type { RawInputs } from '../../src/core/inputs.js'
import { FileLedger } from '../../src/core/ledger/file-ledger.js'
import { parseStatusCheckSettings } from '../../src/core/settings/status-check-settings.js'
import { statusCheck } from '../../src/core/steps/status-check.js'
import {
  statusCheckFailure,
  statusCheckOutputs,
  statusCheckSummary
} from '../../src/report/status-check-report.js'
import { toMarkdown } from '../../src/report/summary.js'
import { testContext } from '../support/context.js'
import { startMetricsApp, type MetricsApp } from '../support/metrics-app.js'
import {
  freePort,
  reply,
  startTestServer,
  type TestHttpServer
} from '../support/test-http-server.js'

/**
 * status-check end to end against real HTTP services on 127.0.0.1 (no Prometheus here; see
 * status-check-prometheus.test.ts). Windows use interval 1 s; timing bounds are wide because
 * other suites may share the two cores.
 */

const workspace = mkdtempSync(join(tmpdir(), 'shiprail-status-'))
let server: TestHttpServer

beforeAll(async () => {
  server = await startTestServer({ routes: { '/health': { body: { status: 'ok' } } } })
})
afterAll(() => server.close())

function settings(raw: RawInputs) {
  return parseStatusCheckSettings(
    { environment: 'staging', ledger: 'none', interval: '1', 'request-timeout': '5', ...raw },
    { insideActions: false },
    workspace
  )
}

async function liveLedger(name: string) {
  const ledger = new FileLedger(join(workspace, `${name}.json`), systemClock)
  const d = await ledger.create({
    environment: 'staging',
    ref: 'b'.repeat(40),
    description: 'deploy',
    productionEnvironment: false,
    payload: {
      version: '3.0.0',
      driver: 'command',
      previous_version: '2.9.0',
      operation: 'deploy',
      // The run testContext stands for: the check belongs to this deploy.
      run_url: 'https://github.com/o/r/actions/runs/1'
    }
  })
  await ledger.addStatus(d.id, { state: 'success', description: 'deployed' })
  return { ledger, id: d.id }
}

async function statuses(ledger: FileLedger) {
  for await (const record of ledger.history('staging')) return record.statuses
  return []
}

describe('statusCheck early exit', () => {
  let app: MetricsApp
  beforeEach(async () => {
    app = await startMetricsApp({ trafficPerSecond: 0 })
  })
  afterEach(() => app.close())

  it('ends well before the window when a healthy service turns bad, then scans the logs', async () => {
    const { ledger, id } = await liveLedger('early')
    const ctx = testContext({ ledger })
    ctx.run.env = { ...ctx.run.env, APP_LOG: app.logFile }
    const turn = setTimeout(() => app.setMode('fail'), 1500)
    try {
      const result = await statusCheck(
        settings({
          ledger: 'file',
          url: `${app.url}/health`,
          duration: '30',
          'min-success-rate': '1',
          'log-command': 'tail -n 100 "$APP_LOG"'
        }),
        ctx
      )
      expect(result).toMatchObject({ healthy: false, endedEarly: true, plannedRounds: 31 })
      // Rounds at 0 s and 1 s pass; the one at 2 s fails and, with min-success-rate 1.0, ends it
      // (one round fewer if a loaded machine delays the round at 1 s past the switch).
      expect(result.rounds).toBeGreaterThanOrEqual(2)
      expect(result.rounds).toBeLessThan(10)
      expect(result.durationMs).toBeLessThan(12_000)
      const probe = result.probes[0]
      expect(probe.samples.at(-1)).toMatchObject({ ok: false, status: 500 })
      expect(probe.samples.at(-1)?.reason).toBe('expected status 200-299, got 500')
      expect(probe.reason).toMatch(
        /^1 of \d+ probes failed; even if all \d+ still to come pass, the success rate is at most 9\d(\.\d)?%, under min 100%; last failure: expected status 200-299, got 500$/
      )
      // The log scan still ran, right after the early end, and found the 500 in the app's log.
      expect(result.logs).toMatchObject({ passed: false, errorCount: 1 })
      expect(result.logs?.firstMatches[0]).toMatch(
        /ERROR GET \/health 500 upstream database unavailable$/
      )
      expect(result.reasons).toEqual([
        `probe GET /health: ${probe.reason}`,
        'logs: 1 error line in ' + result.logs?.linesScanned + ' lines, over the 0 allowed'
      ])
      // The verdict went on the live deployment, so rollback knows this version failed.
      expect(result.verdictDeploymentId).toBe(id)
      const last = (await statuses(ledger)).at(-1)
      expect(last).toMatchObject({ state: 'failure' })
      expect(last?.description).toMatch(/^status-check failed: probe GET \/health: 1 of/)
      expect(ctx.logger.text()).toMatch(/Ending the window early after \d+ rounds of 31/)

      const summary = statusCheckSummary(result)
      // One line naming what failed; why is in the Detail column, once.
      expect(summary.verdict).toBe(
        '❌ **unhealthy**: probe GET /health success rate, logs missed their thresholds (see Detail)'
      )
      expect(summary.tables[0].rows[0][5]).toMatch(/^1 of \d+ probes failed; /)
      expect(statusCheckFailure(result)).toMatch(
        /^Status check of staging unhealthy after \d+(\.\d)? s of 30 s \(ended early\): probe GET \/health: .*; logs: 1 error line in/
      )
      expect(summary.facts).toContainEqual([
        'Window',
        `${result.rounds} of 31 rounds, every 1.0 s (ended early)`
      ])
      expect(summary.tables[1]).toMatchObject({ header: ['#', 'Line'] })
    } finally {
      clearTimeout(turn)
    }
  })

  it('with min-success-rate 0.5, ends when the best reachable rate drops under it', async () => {
    app.setMode('fail')
    const result = await statusCheck(
      settings({
        url: `${app.url}/health`,
        duration: '5',
        'min-success-rate': '0.5',
        'max-consecutive-failures': '10'
      }),
      testContext()
    )
    // Six rounds planned, three failures may happen; the fourth makes 50% unreachable.
    expect(result).toMatchObject({ healthy: false, endedEarly: true, rounds: 4 })
    expect(result.probes[0]).toMatchObject({
      total: 4,
      passes: 0,
      successRate: 0,
      successRatePassed: false
    })
    expect(result.probes[0].reason).toMatch(
      /^4 of 4 probes failed; even if all 2 still to come pass, the success rate is at most 33.3%, under min 50%/
    )
  })
})

describe('statusCheck', () => {
  it('tolerates failures within min-success-rate, judged per check', async () => {
    const flappy = await startTestServer({
      routes: { '/flap': reply.cycle([200, 200, 500]), '/health': { body: 'ok' } }
    })
    try {
      const ctx = testContext()
      const result = await statusCheck(
        settings({
          url: flappy.url,
          checks: [
            '- path: /flap',
            '- name: health',
            '  path: /health',
            '  headers: {Authorization: "Bearer s3cr3t-t0ken-value"}'
          ].join('\n'),
          duration: '3',
          'min-success-rate': '0.7'
        }),
        ctx
      )
      // /flap: 200, 200, 500, 200 = 75%, at least 70%; health: 100%.
      expect(result).toMatchObject({ healthy: true, endedEarly: false, rounds: 4 })
      expect(result.probes.map(p => [p.name, p.passes, p.total, p.passed])).toEqual([
        ['GET /flap', 3, 4, true],
        ['health', 4, 4, true]
      ])
      expect(result.overall).toMatchObject({ successRate: 0.875, probes: 8, failed: 1 })
      expect(statusCheckOutputs(result)['success-rate']).toBe('0.875')
      const markdown = toMarkdown(statusCheckSummary(result))
      expect(markdown).toContain(
        '| probe GET /flap | success rate | 75% (3/4) | ≥ 70%, ≤ 1 failed in a row | ✅ |'
      )
      expect(markdown).toContain('| all probes | success rate | 87.5% (7/8) |')
      expect(JSON.stringify(result)).not.toContain('s3cr3t-t0ken-value')
      expect(ctx.logger.text()).not.toContain('s3cr3t-t0ken-value')
      // Chart: one point per round, one line of latencies.
      const chart = statusCheckSummary(result).markdownBlocks?.[0] ?? ''
      expect(chart).toMatch(/x-axis "seconds since start" \["0", "1", "2", "3"\]/)
      expect(chart).toMatch(/\n {4}line \[\d+, \d+, \d+, \d+\]\n```$/)
    } finally {
      await flappy.close()
    }
  })

  it('with the default thresholds, one blip passes and two failures in a row fail', async () => {
    const flaky = await startTestServer({
      routes: {
        '/blip': reply.cycle([200, 200, 500, 200, 200, 200, 200]),
        '/outage': reply.cycle([200, 500, 500, 200, 200, 200, 200])
      }
    })
    try {
      // 7 rounds, as in the default window (60 s, every 10 s), at 1 s apart.
      const window = { url: flaky.url, duration: '6' }
      const blip = await statusCheck(
        settings({ ...window, checks: '- path: /blip' }),
        testContext()
      )
      expect(blip).toMatchObject({ healthy: true, rounds: 7 })
      expect(blip.probes[0]).toMatchObject({ passes: 6, total: 7 })

      const outage = await statusCheck(
        settings({ ...window, checks: '- path: /outage' }),
        testContext()
      )
      expect(outage).toMatchObject({ healthy: false, endedEarly: true, rounds: 3 })
      expect(outage.probes[0].reason).toMatch(
        /^2 probes in a row failed; max-consecutive-failures allows 1/
      )
    } finally {
      await flaky.close()
    }
  })

  it('counts a timed-out probe at its timeout in the latency figures', async () => {
    const hang = await startTestServer({ routes: { '/hang': { delayMs: 3000, body: 'late' } } })
    try {
      const result = await statusCheck(
        settings({
          url: `${hang.url}/hang`,
          duration: '1',
          'request-timeout': '1',
          'min-success-rate': '0',
          'max-consecutive-failures': '2'
        }),
        testContext()
      )
      expect(result.healthy).toBe(true)
      expect(result.probes[0].samples[0]).toMatchObject({ ok: false, status: null })
      expect(result.probes[0].samples[0].latencyMs).toBeGreaterThanOrEqual(990)
      expect(result.probes[0].p95).toBeGreaterThanOrEqual(990)
    } finally {
      await hang.close()
    }
  })

  it('ends after repeated query errors when Prometheus cannot be reached', async () => {
    const port = await freePort()
    const result = await statusCheck(
      settings({
        duration: '30',
        'prometheus-url': `http://127.0.0.1:${port}`,
        'prometheus-queries': '- {name: up, query: up, min: 1}'
      }),
      testContext()
    )
    // Errors are inconclusive (Prometheus may come back): four in a row end it, not one.
    expect(result).toMatchObject({ healthy: false, endedEarly: true, rounds: 4 })
    expect(result.metrics[0].reason).toBe(
      `4 queries in a row failed; last: connection refused by 127.0.0.1:${port}`
    )
  })

  it('watches logs alone: waits out the window, then scans', async () => {
    const ctx = testContext()
    const result = await statusCheck(
      settings({ duration: '1', 'log-command': 'echo "INFO fine"; echo "WARN slow disk"' }),
      ctx
    )
    expect(result).toMatchObject({ healthy: true, rounds: 2, probes: [], metrics: [] })
    expect(result.durationMs).toBeGreaterThanOrEqual(900)
    expect(result.logs).toMatchObject({ errorCount: 0, linesScanned: 2, passed: true })
    expect(statusCheckSummary(result).markdownBlocks).toBeUndefined()
  })

  it('sends nothing in a dry run and prints the plan', async () => {
    server.resetStats()
    const ctx = testContext()
    const result = await statusCheck(
      settings({
        url: `${server.url}/health`,
        interval: '10',
        'dry-run': 'true',
        'prometheus-url': 'http://u:hunter2-secret@127.0.0.1:1',
        'prometheus-queries': '- {name: up, query: up, min: 1}',
        'log-command': 'exit 1'
      }),
      ctx
    )
    expect(result).toMatchObject({ healthy: true, dryRun: true, rounds: 0, plannedRounds: 7 })
    expect(server.hits('/health')).toBe(0)
    expect(result.probes[0].reason).toBe('dry run: not sent')
    expect(result.metrics[0].reason).toBe('dry run: not queried')
    expect(ctx.logger.text()).toContain('window 60 s: 7 rounds, one every 10 s')
    expect(ctx.logger.text()).toContain('up: up must be ≥ 1')
    expect(ctx.logger.text()).not.toContain('hunter2-secret')
    expect(statusCheckSummary(result).verdict).toMatch(/^📝 dry run: would watch staging for 60 s/)
  })

  it('stops when the job is cancelled, without a verdict', async () => {
    const controller = new AbortController()
    const ctx = testContext({ signal: controller.signal })
    setTimeout(() => controller.abort(), 1200)
    const started = Date.now()
    await expect(
      statusCheck(settings({ url: `${server.url}/health`, duration: '30' }), ctx)
    ).rejects.toThrow(CheckFailedError)
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
