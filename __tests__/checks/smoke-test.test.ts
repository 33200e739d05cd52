import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../src/core/context.js'
import { CheckFailedError } from '../../src/core/errors.js'
import type { RawInputs } from '../../src/core/inputs.js'
import { deploymentState } from '../../src/core/ledger/deployment-state.js'
import { FileLedger } from '../../src/core/ledger/file-ledger.js'
import { parseSmokeTestSettings } from '../../src/core/settings/smoke-test-settings.js'
import { smokeTest } from '../../src/core/steps/smoke-test.js'
import { smokeTestOutputs, smokeTestSummary } from '../../src/report/smoke-test-report.js'
import { toMarkdown, toText } from '../../src/report/summary.js'
import { testContext } from '../support/context.js'
import {
  freePort,
  reply,
  startTestServer,
  startTestServerLater,
  type TestHttpServer
} from '../support/test-http-server.js'

/**
 * The smoke-test step end to end against a real HTTP server on 127.0.0.1. Timing assertions are
 * about structure (requests in flight, attempts) or have wide margins: two other suites may be
 * running on the same two cores.
 */

const workspace = mkdtempSync(join(tmpdir(), 'shiprail-smoke-'))
let server: TestHttpServer

beforeAll(async () => {
  server = await startTestServer({
    version: '2.4.0',
    routes: {
      '/health': { body: { status: 'ok', version: '2.4.0', checks: [{ name: 'db', ok: true }] } },
      '/slow': { delayMs: 200, body: 'ok' },
      '/hang': { delayMs: 5000, body: 'too late' },
      '/old-revision': {
        body: { status: 'ok', version: '2.3.9' },
        headers: { 'x-version': '2.3.9' }
      },
      '/wrong': {
        status: 200,
        body: '<html>maintenance</html>',
        headers: { 'content-type': 'text/html' }
      },
      '/moved': { redirect: '/health', status: 301 },
      '/secret-cookie': { body: 'ok', headers: { 'set-cookie': 'session=srv-c00kie-9876' } }
    }
  })
})

afterAll(() => server.close())

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

function settings(raw: RawInputs) {
  return parseSmokeTestSettings(
    { ledger: 'none', 'retry-interval': '0.1', ...raw },
    { insideActions: false },
    workspace
  )
}

describe('smokeTest', () => {
  it('passes a url given alone, and fills report, outputs and summary', async () => {
    const ctx = testContext()
    const result = await smokeTest(settings({ url: `${server.url}/health` }), ctx)
    expect(result).toMatchObject({ step: 'smoke-test', passed: true, dryRun: false })
    expect(result.checks).toEqual([
      {
        name: 'GET /health',
        method: 'GET',
        url: `${server.url}/health`,
        passed: true,
        attempts: 1,
        status: 200,
        latencyMs: expect.any(Number),
        durationMs: expect.any(Number),
        reason: 'passed on the first attempt'
      }
    ])
    const outputs = smokeTestOutputs(result)
    expect(outputs.passed).toBe('true')
    expect(JSON.parse(outputs.report)).toEqual(result.checks)
    expect(JSON.parse(outputs.result)).toEqual(result)
    const markdown = toMarkdown(smokeTestSummary(result))
    expect(markdown).toContain('✅ 1 of 1 check(s) passed')
    expect(markdown).toContain('| Check | Result | Attempts | Status | Latency | Reason |')
    expect(markdown).toMatch(
      /\| GET \/health \| ✅ \| 1 \| 200 \| \d+ ms \| passed on the first attempt \|/
    )
    expect(ctx.logger.text()).toMatch(/✅ GET \/health: 200 in \d+ ms, passed on the first attempt/)
  })

  it('checks status, body, JSON, headers, latency, version and redirects', async () => {
    const checks = `
- name: health
  path: /health
  expect-status: 200
  expect-body-contains: '"status":"ok"'
  expect-body-regex: /"version":"2\\.4\\.\\d+"/
  expect-json: { status: ok, checks.0.name: db, "checks[0].ok": true }
  expect-header: { content-type: application/json, x-version: /^2\\.4/ }
  max-latency-ms: 5000
  expect-version: 2.4.0
- name: redirect itself
  path: /moved
  follow-redirects: false
  expect-status: 301
  expect-header: { location: /health }
- name: redirect followed
  path: /moved
  expect-json: { status: ok }
- name: post json
  path: /echo
  method: POST
  body: { deploy: 2.4.0, n: 3 }
  expect-json: { method: POST, headers.content-type: application/json, body: '{"deploy":"2.4.0","n":3}' }
`
    const result = await smokeTest(settings({ url: server.url, checks }), testContext())
    expect(result.checks.map(c => [c.name, c.passed, c.status, c.reason])).toEqual([
      ['health', true, 200, 'passed on the first attempt'],
      ['redirect itself', true, 301, 'passed on the first attempt'],
      ['redirect followed', true, 200, 'passed on the first attempt'],
      ['post json', true, 200, 'passed on the first attempt']
    ])
    expect(result.passed).toBe(true)
  })

  it('fails wrong bodies, headers, JSON and an old version with every reason in plain words', async () => {
    const checks = `
- name: old revision still answering
  path: /old-revision
  expect-version: 2.4.0
  expect-json: { version: 2.4.0 }
- name: maintenance page
  path: /wrong
  expect-body-contains: ok
  expect-json: { status: ok }
  expect-header: { content-type: json }
`
    const ctx = testContext()
    const result = await smokeTest(settings({ url: server.url, checks, timeout: '1' }), ctx)
    expect(result.passed).toBe(false)
    const [old, maintenance] = result.checks
    expect(old.reason).toMatch(
      /^json version: expected "2\.4\.0", got "2\.3\.9"; version 2\.4\.0 not found in body or headers \(x-version: 2\.3\.9\) after \d+ attempts? over /
    )
    expect(maintenance.reason).toMatch(
      /^body does not contain "ok"; body is not JSON \(starts with "<html>maintenance<\/html>"\), so expect-json cannot hold; header content-type: expected to contain "json", got "text\/html" after/
    )
    expect(old.attempts).toBeGreaterThan(1)
    expect(smokeTestOutputs(result).passed).toBe('false')
    const text = toText(smokeTestSummary(result))
    expect(text).toContain('❌ 2 of 2 check(s) failed')
    expect(ctx.logger.text()).toContain('error: ❌ maintenance page: body does not contain "ok"')
    expect(ctx.logger.text()).toContain('last body: <html>maintenance</html>')
  })

  it('gives the timeout reason in plain words', async () => {
    const result = await smokeTest(
      settings({ url: `${server.url}/hang`, timeout: '2', 'request-timeout': '1' }),
      testContext()
    )
    expect(result.passed).toBe(false)
    expect(result.checks[0].status).toBeNull()
    expect(result.checks[0].reason).toMatch(/^no response within 1 s after \d+ attempts? over \d/)
  })

  it('runs checks concurrently: 10 checks of 200 ms take about one round, not ten', async () => {
    const checks = Array.from({ length: 10 }, (_, i) => `- path: /slow?n=${i}`).join('\n')
    const run = async (concurrency: string) => {
      server.resetStats()
      const started = Date.now()
      const result = await smokeTest(
        settings({ url: server.url, checks, concurrency }),
        testContext()
      )
      expect(result.passed).toBe(true)
      expect(result.checks.map(c => c.attempts)).toEqual(Array(10).fill(1))
      return { ms: Date.now() - started, most: server.maxInFlight }
    }
    const serial = await run('1')
    const three = await run('3')
    const parallel = await run('10')
    expect(serial.most).toBe(1)
    expect(three.most).toBeLessThanOrEqual(3)
    expect(parallel.most).toBeGreaterThanOrEqual(5)
    // Ten 200 ms replies one after another cannot take under 2 s; at once they take ~1 round.
    expect(serial.ms).toBeGreaterThanOrEqual(2000)
    expect(parallel.ms).toBeLessThan(serial.ms / 2)
  })

  it('does not pass a service flapping 200/503 when passes in a row are needed', async () => {
    server.route('/flap', reply.cycle([200, 503]))
    const flapping = await smokeTest(
      settings({ url: `${server.url}/flap`, 'consecutive-successes': '3', timeout: '2' }),
      testContext()
    )
    expect(flapping.passed).toBe(false)
    expect(flapping.checks[0].attempts).toBeGreaterThanOrEqual(3)
    expect(flapping.checks[0].reason).toMatch(/503|passed only 1 of 3 times in a row/)

    server.route('/flap', reply.cycle([200, 503]))
    const once = await smokeTest(settings({ url: `${server.url}/flap` }), testContext())
    expect(once.passed).toBe(true)
  })

  it('passes consecutive successes once the service settles', async () => {
    server.route(
      '/settling',
      reply.sequence({ status: 503 }, { status: 200 }, { status: 503 }, { status: 200 })
    )
    const result = await smokeTest(
      settings({ url: `${server.url}/settling`, 'consecutive-successes': '3', timeout: '20' }),
      testContext()
    )
    expect(result.passed).toBe(true)
    expect(result.checks[0].attempts).toBe(6)
    expect(result.checks[0].reason).toMatch(/^passed 3 times in a row \(6 attempts over/)
  })

  it('waits through refused connections until the service is up', async () => {
    const port = await freePort()
    const later = startTestServerLater({ port, routes: { '/health': { body: 'ok' } } }, 1500)
    const ctx = testContext()
    try {
      const result = await smokeTest(
        settings({ url: `http://127.0.0.1:${port}/health`, timeout: '30' }),
        ctx
      )
      expect(result.passed).toBe(true)
      expect(result.checks[0].attempts).toBeGreaterThan(1)
      expect(result.checks[0].reason).toMatch(/^passed on attempt \d+ after/)
      expect(ctx.logger.text()).toContain(
        `GET /health: not ready yet (connection refused by 127.0.0.1:${port}); retrying until the deadline`
      )
    } finally {
      later.cancel()
      await (await later.started.catch(() => undefined))?.close()
    }
  })

  it('fails when connections stay refused, saying so', async () => {
    const port = await freePort()
    const result = await smokeTest(
      settings({ url: `http://127.0.0.1:${port}/`, timeout: '1' }),
      testContext()
    )
    expect(result.checks[0].reason).toMatch(
      new RegExp(`^connection refused by 127\\.0\\.0\\.1:${port} after \\d+ attempts over`)
    )
  })

  it('never shows credential header values in the report, summary or logs', async () => {
    const secrets = [
      'Bearer sup3r-s3cret-token',
      'sup3r-s3cret-token',
      'key-abcdef-12345',
      'c00kie-value-42',
      'pa55w0rd-xyz',
      'srv-c00kie-9876',
      'qs-t0ken-777'
    ]
    const url = `http://deployer:pa55w0rd-xyz@127.0.0.1:${server.port}`
    const checks = `
- path: /echo?token=qs-t0ken-777
  headers: { Authorization: Bearer sup3r-s3cret-token, X-Api-Key: key-abcdef-12345, Cookie: session=c00kie-value-42, Accept: text/plain }
  expect-body-contains: not-in-the-echo
- path: /secret-cookie
  expect-header: { set-cookie: session=something-else }
`
    for (const dryRun of ['true', 'false']) {
      const ctx = testContext()
      const result = await smokeTest(
        settings({ url, checks, timeout: '1', 'dry-run': dryRun }),
        ctx
      )
      const shown = [
        JSON.stringify(result),
        ...Object.values(smokeTestOutputs(result)),
        toMarkdown(smokeTestSummary(result)),
        toText(smokeTestSummary(result)),
        ctx.logger.text()
      ].join('\n')
      for (const secret of secrets) expect(shown).not.toContain(secret)
      expect(shown).toContain('***')
      if (dryRun === 'true')
        expect(ctx.logger.text()).toContain(
          'headers Authorization: ***, X-Api-Key: ***, Cookie: ***, Accept: text/plain'
        )
    }
    // The server did get the real values: masking is for display only.
    const echoed = server.requests.find(r => r.path === '/echo' && r.headers['x-api-key'])
    expect(echoed?.headers.authorization).toBe('Bearer sup3r-s3cret-token')
  })

  it('prints the plan in a dry run and sends nothing', async () => {
    server.resetStats()
    const ctx = testContext()
    const result = await smokeTest(
      settings({
        url: server.url,
        checks: '- path: /health\n  expect-json: {status: ok}\n  expect-version: 2.4.0',
        'dry-run': 'true',
        environment: 'staging'
      }),
      ctx
    )
    expect(server.requests).toHaveLength(0)
    expect(result).toMatchObject({ passed: true, dryRun: true, environment: 'staging' })
    expect(result.checks[0]).toMatchObject({ attempts: 0, reason: 'dry run: not sent' })
    expect(ctx.logger.text()).toContain(`GET /health: GET ${server.url}/health`)
    expect(ctx.logger.text()).toContain(
      'expects status 200-299, json status = "ok", version 2.4.0 in body or headers'
    )
    expect(toText(smokeTestSummary(result))).toContain('dry run: 1 check(s) planned, nothing sent')
  })

  it('records the verdict on the live deployment of the environment', async () => {
    const ledger = new FileLedger(
      join(mkdtempSync(join(tmpdir(), 'shiprail-ledger-')), 'ledger.json'),
      systemClock
    )
    const deployment = await ledger.create({
      environment: 'staging',
      ref: 'a'.repeat(40),
      description: 'deploy 2.4.0',
      productionEnvironment: false,
      payload: {
        version: '2.4.0',
        driver: 'command',
        previous_version: null,
        operation: 'deploy',
        // The run testContext stands for: the check belongs to this deploy.
        run_url: 'https://github.com/o/r/actions/runs/1'
      }
    })
    await ledger.addStatus(deployment.id, { state: 'success', description: 'deployed' })
    const ctx = testContext({ ledger })
    const result = await smokeTest(
      settings({ url: `${server.url}/health`, environment: 'staging', ledger: 'file' }),
      ctx
    )
    expect(result.verdictDeploymentId).toBe(deployment.id)
    const [record] = await all(ledger.history('staging'))
    expect(deploymentState(record).verified).toBe(true)
    expect(record.statuses.at(-1)?.description).toBe('smoke-test passed: 1/1 checks passed')
    expect(toText(smokeTestSummary(result))).toContain(
      `Verdict recorded on  deployment ${deployment.id}`
    )

    const failed = await smokeTest(
      settings({
        url: server.url,
        checks: '- path: /wrong\n  expect-status: 204',
        environment: 'staging',
        ledger: 'file',
        timeout: '1'
      }),
      ctx
    )
    expect(failed.passed).toBe(false)
    const [after] = await all(ledger.history('staging'))
    expect(deploymentState(after).bad).toBe(true)
    expect(after.statuses.at(-1)?.description).toMatch(
      /^smoke-test failed: 1 of 1 checks failed; GET \/wrong: expected status 204, got 200/
    )
  })

  it('stops when the job is cancelled and records no verdict', async () => {
    const controller = new AbortController()
    const port = await freePort()
    const ctx = testContext({ signal: controller.signal })
    setTimeout(() => controller.abort(new Error('cancelled')), 300)
    const started = Date.now()
    await expect(
      smokeTest(settings({ url: `http://127.0.0.1:${port}/`, timeout: '60' }), ctx)
    ).rejects.toThrow(CheckFailedError)
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
