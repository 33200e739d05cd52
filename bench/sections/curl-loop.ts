import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  startTestServer,
  type Route,
  type TestHttpServer
} from '../../__tests__/support/test-http-server.js'
import { integer, ms, ratio, ratioSpread, spread } from '../format.js'
import { lastLines, timedRun } from '../processes.js'
import { actionInputs } from '../runner-env.js'
import { size, type Section, type SectionContext, type Table } from '../section.js'
import { shiprail } from '../shiprail-cli.js'
import { pairedRatio, summarize } from '../stats.js'

/**
 * Issue 9's smoke-check comparison: `shiprail smoke-test` at its default concurrency against
 * what url-health-check style actions do, one `curl --retry` per URL, one URL after another
 * (https://github.com/Jtalk/url-health-check-action: "Check the following URLs one by one
 * sequentially", `curl --retry N --retry-delay D`). The same endpoints as the smoke section
 * (each answers after 200 ms), and endpoints that answer 503 for their first seconds.
 */

const DELAY_MS = 200
/** The loop's curl flags: fail on HTTP errors, 3 retries 1 s apart, 10 s per attempt. */
const CURL_FLAGS = '--fail --silent --retry 3 --retry-delay 1 --max-time 10'
/** How long each flaky endpoint answers 503 after its first request. */
const OUTAGES_MS = [2000, 5000]
const TIMEOUT_MS = 5 * 60_000

/**
 * A route that answers 503 (after the usual delay) until `outageMs` after its first request,
 * then 200: a service still warming up when the checks start.
 */
function flaky(outageMs: number): Route {
  let firstAt: number | undefined
  return () => {
    const now = performance.now()
    firstAt ??= now
    return now - firstAt < outageMs
      ? { status: 503, delayMs: DELAY_MS, body: 'starting' }
      : { delayMs: DELAY_MS, body: 'ok' }
  }
}

const flakyPath = (outageMs: number) => `/flaky-${outageMs}`
/** `2 s`: the outages are whole seconds. */
const seconds = (value: number) => `${value / 1000} s`

interface CurlLoop {
  script: string
  /** The URLs one after another; the wall time of the whole loop, and whether all passed. */
  run(urls: string[]): Promise<{ wallMs: number; passed: boolean }>
}

async function writeCurlLoop(ctx: SectionContext): Promise<CurlLoop> {
  const script = join(ctx.tmp, 'curl-loop.sh')
  await writeFile(
    script,
    [
      '#!/bin/bash',
      '# One URL after another, stopping at the first failure, as url-health-check actions do.',
      'for url in "$@"; do',
      `  curl ${CURL_FLAGS} --output /dev/null "$url" || exit 1`,
      'done',
      ''
    ].join('\n')
  )
  return {
    script,
    async run(urls) {
      // --norc: bash reads ~/.bashrc when it thinks sshd started it (bash(1), INVOCATION).
      const result = await timedRun('bash', ['--norc', '--noprofile', script, ...urls], {
        timeoutMs: TIMEOUT_MS,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: ctx.tmp }
      })
      if (result.code !== 0 && result.code !== 1) {
        throw new Error(`the curl loop exited with ${result.code}: ${lastLines(result.stderr)}`)
      }
      return { wallMs: result.wallMs, passed: result.code === 0 }
    }
  }
}

/** One tool against one flaky endpoint. */
interface RetryRun {
  wallMs: number
  passed: boolean
  /** Requests the endpoint received. */
  requests: number
}

async function flakyRun(
  ctx: SectionContext,
  server: TestHttpServer,
  loop: CurlLoop,
  tool: 'curl' | 'shiprail',
  outageMs: number
): Promise<RetryRun> {
  const path = flakyPath(outageMs)
  server.route(path, flaky(outageMs))
  server.resetStats()
  const url = `${server.url}${path}`
  if (tool === 'curl') {
    const run = await loop.run([url])
    return { ...run, requests: server.hits(path) }
  }
  const run = await shiprail(
    ctx.dist,
    'smoke-test',
    { url },
    { cwd: ctx.tmp, timeoutMs: TIMEOUT_MS }
  )
  return { wallMs: run.wallMs, passed: run.json.passed === true, requests: server.hits(path) }
}

const section: Section = {
  id: 'curl-loop',
  title: 'Smoke checks: Shiprail against a curl --retry loop',
  order: 22,
  async run(ctx) {
    const checks = size(ctx, 100, 20)
    const repeats = ctx.repeats(2, 1)
    // curl's verdict on the long outage is certain (its retries end before the outage does).
    const retryRepeats = (outageMs: number) =>
      outageMs === OUTAGES_MS[0] ? ctx.repeats(3, 1) : ctx.repeats(1, 1)
    // The CLI's defaults are the action's (smoke-test/action.yml), so the report names them.
    const defaults = actionInputs(ctx.root, 'smoke-test', {})
    const concurrency = Number(defaults.concurrency)
    const curlVersion = (await timedRun('curl', ['--version'], { timeoutMs: 10_000 })).stdout.split(
      '\n'
    )[0]

    const routes: Record<string, Route> = {}
    for (let i = 0; i < checks; i++) routes[`/check/${i}`] = { delayMs: DELAY_MS, body: 'ok' }
    const server = await startTestServer({ routes })
    try {
      const urls = Array.from({ length: checks }, (_, i) => `${server.url}/check/${i}`)
      const checksFile = join(ctx.tmp, 'checks.yml')
      await writeFile(
        checksFile,
        Array.from({ length: checks }, (_, i) => `- name: check-${i}\n  path: /check/${i}\n`).join(
          ''
        )
      )
      const loop = await writeCurlLoop(ctx)

      // The same endpoints, each tool in turn; which goes first alternates.
      const curlMs: number[] = []
      const shiprailMs: number[] = []
      const inFlight: number[] = []
      for (let r = 0; r < repeats; r++) {
        for (const tool of r % 2 === 0 ? ['curl', 'shiprail'] : ['shiprail', 'curl']) {
          server.resetStats()
          let wallMs: number
          if (tool === 'curl') {
            const run = await loop.run(urls)
            if (!run.passed) throw new Error('the curl loop failed against healthy endpoints')
            wallMs = run.wallMs
            curlMs.push(wallMs)
          } else {
            const run = await shiprail(
              ctx.dist,
              'smoke-test',
              { url: server.url, checks: checksFile },
              { cwd: ctx.tmp, timeoutMs: TIMEOUT_MS }
            )
            if (!run.json.passed) throw new Error('smoke-test failed against healthy endpoints')
            wallMs = run.wallMs
            shiprailMs.push(wallMs)
            inFlight.push(server.maxInFlight)
          }
          if (server.requests.length !== checks) {
            throw new Error(
              `${tool}: expected ${checks} requests, the server saw ${server.requests.length}`
            )
          }
          ctx.progress(`${checks} endpoints, ${tool} ${r + 1}/${repeats}: ${ms(wallMs)}`)
        }
      }

      // One endpoint that is down for its first seconds: fixed delay against backoff.
      const retries: {
        outageMs: number
        repeats: number
        runs: Record<'curl' | 'shiprail', RetryRun[]>
      }[] = []
      for (const outageMs of OUTAGES_MS) {
        const n = retryRepeats(outageMs)
        const runs: Record<'curl' | 'shiprail', RetryRun[]> = { curl: [], shiprail: [] }
        for (let r = 0; r < n; r++) {
          for (const tool of r % 2 === 0
            ? (['curl', 'shiprail'] as const)
            : (['shiprail', 'curl'] as const)) {
            const run = await flakyRun(ctx, server, loop, tool, outageMs)
            runs[tool].push(run)
            ctx.progress(
              `503 for ${seconds(outageMs)}, ${tool} ${r + 1}/${n}: ${run.passed ? 'passed' : 'failed'} after ${ms(run.wallMs)}, ${run.requests} requests`
            )
          }
        }
        retries.push({ outageMs, repeats: n, runs })
      }

      const curl = summarize(curlMs)
      const ship = summarize(shiprailMs)
      const speed = pairedRatio(shiprailMs, curlMs)
      const curlFloor = checks * DELAY_MS
      const shipFloor = Math.ceil(checks / concurrency) * DELAY_MS
      const main: Table = {
        caption: `${checks} endpoints, each answering after ${DELAY_MS} ms`,
        columns: ['Run', 'Wall time', 'Floor (endpoint delay × rounds)', 'Shiprail / curl loop'],
        rows: [
          [
            `curl loop (\`curl ${CURL_FLAGS}\`, one URL after another)`,
            spread(curl),
            ms(curlFloor),
            ''
          ],
          [
            `\`shiprail smoke-test\`, default concurrency (${concurrency})`,
            spread(ship),
            ms(shipFloor),
            ratioSpread(speed)
          ]
        ]
      }
      const retryStats = retries.map(x => ({
        outageMs: x.outageMs,
        repeats: x.repeats,
        tools: (['curl', 'shiprail'] as const).map(tool => {
          const runs = x.runs[tool]
          const passed = runs.filter(r => r.passed)
          return {
            tool,
            passed: passed.length,
            of: runs.length,
            wallMs: summarize(runs.map(r => r.wallMs)),
            requests: summarize(runs.map(r => r.requests)),
            // From the moment the endpoint recovered to the tool's verdict (process exit).
            afterRecoveryMs: passed.length
              ? summarize(passed.map(r => r.wallMs - x.outageMs))
              : undefined,
            samples: runs
          }
        })
      }))
      const toolName = (tool: string) =>
        tool === 'curl'
          ? '`curl --retry 3 --retry-delay 1`'
          : `\`shiprail smoke-test\` (retry-interval ${defaults['retry-interval']} s, deadline ${defaults.timeout} s)`
      const retryTable: Table = {
        caption: `One endpoint answering 503 until some time after its first request (every answer after ${DELAY_MS} ms)`,
        textColumns: 3,
        columns: [
          'Endpoint',
          'Tool',
          'Passed',
          'Wall time to the verdict',
          'Requests sent',
          'Verdict after recovery'
        ],
        rows: retryStats.flatMap(x =>
          x.tools.map(t => [
            `503 for the first ${seconds(x.outageMs)}`,
            toolName(t.tool),
            `${t.passed} of ${t.of}`,
            spread(t.wallMs),
            integer(t.requests.median),
            t.afterRecoveryMs ? spread(t.afterRecoveryMs) : '–'
          ])
        )
      }

      const afterRecovery = (t: (typeof retryStats)[number]['tools'][number]) =>
        t.afterRecoveryMs
          ? `${ms(t.afterRecoveryMs.median)} after`
          : 'of failure, not even a pass, after'
      const short = retryStats[0]
      const long = retryStats[1]
      const [shortCurl, shortShip] = short.tools
      const [longCurl, longShip] = long.tools
      const paragraph =
        `The same ${checks} local endpoints as the smoke section (each answers after ${DELAY_MS} ms) were ` +
        `checked by \`shiprail smoke-test\` (the committed CLI bundle, default settings: ${concurrency} at once) ` +
        `and by a shell loop of \`curl ${CURL_FLAGS}\`, one URL after another, which is what ` +
        `url-health-check style actions run. The curl loop took ${ms(curl.median)} (the endpoints alone ` +
        `account for ${ms(curlFloor)}); Shiprail took ${ms(ship.median)}, ${ratio(speed.median)} of the ` +
        `loop's time, against a floor of ${ms(shipFloor)}, Node start-up included. With one endpoint that ` +
        `answers 503 for its first ${seconds(short.outageMs)}, curl's fixed 1 s delay gave a verdict ` +
        `${afterRecovery(shortCurl)} the endpoint recovered and ` +
        `Shiprail's backoff (1 s, then 2 s, 4 s… each with up to 50% jitter) ` +
        `${afterRecovery(shortShip)}; with a ${seconds(long.outageMs)} outage ` +
        `curl passed ${longCurl.passed} of ${longCurl.of} times (\`--retry 3\` stops after four attempts, ` +
        `${ms(longCurl.wallMs.median)}) and Shiprail ${longShip.passed} of ${longShip.of}, keeping on until ` +
        `its ${defaults.timeout} s deadline. For a user: a serial loop costs the sum of every endpoint's ` +
        `latency, so a suite of slow endpoints is where running checks side by side pays; and a retry count ` +
        `with a fixed delay bounds how long a service may take to come up, while a deadline with backoff ` +
        `waits as long as it is allowed to, at the price of noticing the recovery up to one backoff step ` +
        `later.`
      return {
        paragraph,
        tables: [main, retryTable],
        notes: [
          `Wall time: spawn to exit, of \`bash --norc curl-loop.sh URL...\` (${curlVersion.split(' ').slice(0, 2).join(' ')}) and of \`node dist/cli/index.js smoke-test --url ... --checks FILE --json\`; at most ${integer(Math.max(...inFlight))} requests were in flight during Shiprail's runs. The two take turns going first; the ratio pairs each Shiprail run with the curl loop of the same repeat.`,
          "curl's `--retry` retries only timeouts and HTTP 408, 429, 500, 502, 503 and 504 (curl(1)): a refused connection (service not listening yet) or a 404 from the old revision fails the loop at once unless `--retry-connrefused` or `--retry-all-errors` is added. Shiprail retries every failure until its deadline.",
          'Verdict after recovery: wall time minus the outage, for the runs that passed; it includes process start-up (Node for Shiprail).'
        ],
        data: {
          checks,
          delayMs: DELAY_MS,
          repeats,
          concurrency,
          curl: { flags: CURL_FLAGS, version: curlVersion },
          loop: { curlMs: curl, shiprailMs: ship, shiprailOverCurl: speed, inFlight },
          retries: retryStats
        }
      }
    } finally {
      await server.close()
    }
  }
}

export default section
