import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startTestServer } from '../../__tests__/support/test-http-server.js'
import { bytes, integer, ms, ratio, ratioSpread, spread } from '../format.js'
import { lastLines, timedRun } from '../processes.js'
import { actionInputs, runnerEnv } from '../runner-env.js'
import { size, type Section, type Table } from '../section.js'
import { shiprail } from '../shiprail-cli.js'
import { pairedRatio, summarize } from '../stats.js'

/**
 * Issue 4's benchmark: 100 checks against endpoints that each answer after 200 ms, at
 * concurrency 1 and 10; and the cold start of the smoke-test bundle for a single check.
 */

const DELAY_MS = 200
const CONCURRENCY = [1, 10]

const section: Section = {
  id: 'smoke',
  title: 'Smoke tests: concurrency and cold start',
  order: 20,
  async run(ctx) {
    const checks = size(ctx, 100, 20)
    const repeats = ctx.repeats(3, 1)
    const coldRepeats = ctx.repeats(10, 3)
    const routes: Record<string, { delayMs: number; body: string }> = {}
    for (let i = 0; i < checks; i++) routes[`/check/${i}`] = { delayMs: DELAY_MS, body: 'ok' }
    const server = await startTestServer({
      routes: { ...routes, '/ok': { delayMs: 0, body: 'ok' } }
    })
    try {
      const checksFile = join(ctx.tmp, 'checks.yml')
      await writeFile(
        checksFile,
        Array.from({ length: checks }, (_, i) => `- name: check-${i}\n  path: /check/${i}\n`).join(
          ''
        )
      )

      const wall: Record<number, number[]> = {}
      const own: Record<number, number[]> = {}
      const inFlight: Record<number, number[]> = {}
      for (const c of CONCURRENCY) {
        wall[c] = []
        own[c] = []
        inFlight[c] = []
      }
      for (let r = 0; r < repeats; r++) {
        const order = r % 2 === 0 ? CONCURRENCY : [...CONCURRENCY].reverse()
        for (const c of order) {
          server.resetStats()
          const run = await shiprail(
            ctx.dist,
            'smoke-test',
            { url: server.url, checks: checksFile, concurrency: String(c) },
            { cwd: ctx.tmp, timeoutMs: 120_000 }
          )
          const report = run.json
          if (!report.passed || report.checks?.length !== checks) {
            throw new Error(`smoke-test at concurrency ${c} did not pass all ${checks} checks`)
          }
          if (server.requests.length !== checks) {
            throw new Error(`expected ${checks} requests, the server saw ${server.requests.length}`)
          }
          wall[c].push(run.wallMs)
          own[c].push(report.durationMs)
          inFlight[c].push(server.maxInFlight)
          ctx.progress(
            `${checks} checks at concurrency ${c} (${r + 1}/${repeats}): ${ms(run.wallMs)}, at most ${server.maxInFlight} in flight`
          )
        }
      }

      // Cold start: the bundle as the runner starts it, one check against an endpoint that
      // answers at once, with bare Node in the same loop as the reference. The bundles section
      // measures exactly this when it ran earlier in this run; one number, quoted in both places.
      const earlier = ctx.earlier.get('bundles')?.data as
        { samples?: Record<string, { wallMs: number[]; rssBytes: number[] }> } | undefined
      const earlierSmoke = earlier?.samples?.['smoke-test']
      const earlierNode = earlier?.samples?.node
      const reuse = Boolean(earlierSmoke && earlierNode)
      const cold: number[] = [...(earlierSmoke?.wallMs ?? [])]
      const coldRss: number[] = [...(earlierSmoke?.rssBytes ?? [])]
      const bare: number[] = [...(earlierNode?.wallMs ?? [])]
      const bundle = join(ctx.dist, 'smoke-test', 'index.js')
      for (let r = 0; !reuse && r < coldRepeats; r++) {
        const runner = runnerEnv(
          ctx.tmp,
          actionInputs(ctx.root, 'smoke-test', { url: `${server.url}/ok` })
        )
        const run = await timedRun(process.execPath, [bundle], {
          env: runner.env,
          cwd: runner.dir,
          timeoutMs: 60_000,
          measureMemory: true
        })
        if (run.code !== 0 || runner.outputs().passed !== 'true') {
          throw new Error(`smoke-test bundle failed (${run.code}): ${lastLines(run.stdout)}`)
        }
        cold.push(run.wallMs)
        if (run.maxRssKiB) coldRss.push(run.maxRssKiB * 1024)
        const empty = await timedRun(process.execPath, ['-e', ''], {
          timeoutMs: 60_000,
          measureMemory: true
        })
        bare.push(empty.wallMs)
      }
      ctx.progress(
        `cold start, one check${reuse ? ' (from the bundles section)' : ''}: ${ms(summarize(cold).median)} (bare node ${ms(summarize(bare).median)})`
      )

      const results = CONCURRENCY.map(c => ({
        concurrency: c,
        wallMs: summarize(wall[c]),
        stepMs: summarize(own[c]),
        idealMs: (Math.ceil(checks / c) * DELAY_MS) as number,
        maxInFlight: summarize(inFlight[c])
      }))
      const speedup = pairedRatio(wall[1], wall[10])
      const main: Table = {
        caption: `${checks} checks, each endpoint answering after ${DELAY_MS} ms`,
        columns: [
          'Concurrency',
          'Wall time',
          'Step time (--json durationMs)',
          'Floor (endpoint delay × rounds)',
          'Most requests in flight'
        ],
        rows: results.map(r => [
          String(r.concurrency),
          spread(r.wallMs),
          spread(r.stepMs),
          ms(r.idealMs),
          integer(r.maxInFlight.max)
        ])
      }
      const ratios: Table = {
        columns: ['Comparison', 'Ratio'],
        rows: [
          ['Wall time, concurrency 1 / concurrency 10', ratioSpread(speedup)],
          [
            'Concurrency 10: wall time / floor',
            ratio(results[1].wallMs.median / results[1].idealMs)
          ],
          ['Concurrency 1: wall time / floor', ratio(results[0].wallMs.median / results[0].idealMs)]
        ]
      }
      const coldSummary = summarize(cold)
      const coldTable: Table = {
        caption:
          'Cold start of `node dist/smoke-test/index.js`, one check, run as the Actions runner runs it',
        columns: ['Run', 'Wall time', 'Peak memory', 'Against bare `node -e ""`'],
        rows: [
          [
            'smoke-test bundle, 1 check',
            spread(coldSummary),
            coldRss.length ? bytes(summarize(coldRss).median) : 'n/a',
            ratioSpread(pairedRatio(cold, bare))
          ],
          ['bare `node -e ""`', spread(summarize(bare)), '', '']
        ]
      }
      const c1 = results[0]
      const c10 = results[1]
      const paragraph =
        `\`shiprail smoke-test\` (the committed CLI bundle) ran ${checks} checks against a local HTTP server ` +
        `whose every endpoint answers after ${DELAY_MS} ms, one at a time and ten at a time. At concurrency 1 ` +
        `the run took ${ms(c1.wallMs.median)} (the endpoints alone account for ${ms(c1.idealMs)}); at ` +
        `concurrency 10 it took ${ms(c10.wallMs.median)} against a floor of ${ms(c10.idealMs)}: ` +
        `${ratio(speedup.median)} faster, with at most ${integer(c10.maxInFlight.max)} requests in flight. ` +
        `A single check through the action bundle, started the way the runner starts it, finishes in ` +
        `${ms(coldSummary.median)} from process start to exit, of which bare Node takes ` +
        `${ms(summarize(bare).median)}. For a user: a smoke suite costs about its slowest endpoint times ` +
        `the number of rounds (checks ÷ concurrency), not the sum of all checks, plus about ` +
        `${ms(coldSummary.median)} of start-up; raising \`concurrency\` is the lever when a suite grows.`
      return {
        paragraph,
        tables: [main, ratios, coldTable],
        notes: [
          'Wall time: spawn to exit of `node dist/cli/index.js smoke-test --url ... --checks FILE --concurrency N --json`. The server answers each request on a new connection (no keep-alive), as the probes send them.',
          `Concurrency 1 and 10 take turns going first. Cold start: ${reuse ? 'the smoke-test runs of the bundles section in this run' : 'runs alternating with bare Node'}; peak memory is GNU time's maximum resident set size.`
        ],
        data: {
          coldStartFrom: reuse ? 'bundles section' : 'smoke section',
          checks,
          delayMs: DELAY_MS,
          repeats,
          results,
          coldStart: { wallMs: coldSummary, rssBytes: coldRss, bareNodeMs: summarize(bare) }
        }
      }
    } finally {
      await server.close()
    }
  }
}

export default section
