import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startTestServer, type Handler } from '../../__tests__/support/test-http-server.js'
import { bytes, integer, ms, percent, spread } from '../format.js'
import { GNU_TIME, hasGnuTime, lastLines, timedRun, type TimedRun } from '../processes.js'
import { size, type Section, type SectionContext, type Table } from '../section.js'
import { summarize } from '../stats.js'

/**
 * Issue 5's benchmark: how soon `status-check` reports a service that turns bad in the middle of
 * its window (the early exit), at interval 1 s and 5 s; and what the step itself costs in CPU and
 * memory over a 60 s window against a healthy service.
 */

/** The bake window every run is configured with; an early exit ends far sooner. */
const WINDOW_S = 60
const INTERVALS_S = [1, 5]
/** Rounds answered healthy before the service turns bad. */
const HEALTHY_ROUNDS = 2
const CHECK_PATHS = ['/health', '/api/items', '/assets/app.js']

/** What `status-check --json` reports that the bench reads (src/core/steps/status-check.ts). */
interface StatusJson {
  healthy: boolean
  endedEarly: boolean
  rounds: number
  plannedRounds: number
  durationMs: number
  overall: { probes: number; failed: number }
}

/** One service that answers every check path with 200 until `flip`, and with 500 after it. */
interface Service {
  /** When it turned bad (performance.now()), and when it first answered a probe with a 500. */
  flippedAt?: number
  firstFailureAt?: number
  /** Turns bad right after this many probes were answered healthy; never when undefined. */
  flipAfter?: number
  hits: number
}

/** The CLI as a user runs it, `--json`; status-check exits 1 when unhealthy, so no mustRun. */
function statusCheck(
  ctx: SectionContext,
  url: string,
  checksFile: string,
  intervalS: number,
  windowS: number,
  timeFile?: string
): Promise<TimedRun> {
  const cli = [
    join(ctx.dist, 'cli', 'index.js'),
    'status-check',
    '--environment',
    'bench',
    '--ledger',
    'none',
    '--url',
    url,
    '--checks',
    checksFile,
    '--interval',
    String(intervalS),
    '--duration',
    String(windowS),
    '--json'
  ]
  // %U %S: user and system CPU seconds of the child; %M: its peak RSS in KiB (GNU time).
  const [command, args] = timeFile
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, '--', process.execPath, ...cli]]
    : [process.execPath, cli]
  return timedRun(command, args, {
    cwd: ctx.tmp,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? ctx.tmp },
    timeoutMs: (windowS + 30) * 1000
  })
}

function parse(run: TimedRun, what: string): StatusJson {
  try {
    return JSON.parse(run.stdout) as StatusJson
  } catch {
    throw new Error(
      `status-check (${what}) exited with ${run.code} and no JSON: ${lastLines(run.stderr, 8)}`
    )
  }
}

/** CPU seconds and peak RSS of one healthy window, read from GNU time's output file. */
async function healthyWindow(
  ctx: SectionContext,
  url: string,
  checksFile: string,
  windowS: number
): Promise<{
  wallMs: number
  cpuS: number
  userS: number
  sysS: number
  rssBytes: number
  rounds: number
  probes: number
}> {
  const dir = await mkdtemp(join(ctx.tmp, 'time-'))
  try {
    const timeFile = join(dir, 'time')
    const run = await statusCheck(ctx, url, checksFile, 1, windowS, timeFile)
    const json = parse(run, `healthy, ${windowS} s`)
    if (run.code !== 0 || !json.healthy || json.endedEarly) {
      throw new Error(
        `status-check over a healthy service was not healthy (exit ${run.code}): ${lastLines(run.stderr)}`
      )
    }
    const [user, sys, rss] =
      (await readFile(timeFile, 'utf8')).trim().split('\n').pop()?.split(' ').map(Number) ?? []
    if (![user, sys, rss].every(Number.isFinite))
      throw new Error(`unreadable GNU time output in ${timeFile}`)
    return {
      wallMs: run.wallMs,
      cpuS: user + sys,
      userS: user,
      sysS: sys,
      rssBytes: rss * 1024,
      rounds: json.rounds,
      probes: json.overall.probes
    }
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  }
}

const section: Section = {
  id: 'status-check',
  title: 'Status check: early exit and the cost of a bake window',
  order: 25,
  async run(ctx) {
    if (!hasGnuTime()) throw new Error(`${GNU_TIME} is needed to measure CPU time and peak memory`)
    const repeatsFor = (intervalS: number) =>
      intervalS === 1 ? ctx.repeats(5, 2) : ctx.repeats(3, 1)
    const costWindowS = size(ctx, WINDOW_S, 15)

    const service: Service = { hits: 0 }
    const handler: Handler = () => {
      const now = performance.now()
      service.hits++
      if (service.flippedAt !== undefined) {
        service.firstFailureAt ??= now
        return { status: 500, body: 'internal error' }
      }
      // This probe still gets its 200; every later one a 500.
      if (service.flipAfter !== undefined && service.hits >= service.flipAfter)
        service.flippedAt = now
      return { body: 'ok' }
    }
    const server = await startTestServer({
      routes: Object.fromEntries(CHECK_PATHS.map(p => [p, handler]))
    })
    try {
      const checksFile = join(ctx.tmp, 'checks.yml')
      await writeFile(
        checksFile,
        CHECK_PATHS.map(p => `- name: ${p.split('/').pop()}\n  path: ${p}\n`).join('')
      )

      // (a) Early exit: the service turns bad right after the step's second round was answered
      // healthy, so the next round (one interval later) is the first to see it: the worst case
      // for a given interval. On average a failure lands mid-interval and is caught sooner.
      const detection = []
      for (const intervalS of INTERVALS_S) {
        const repeats = repeatsFor(intervalS)
        const flipToExit: number[] = []
        const failureToExit: number[] = []
        const stepMs: number[] = []
        const rounds: number[] = []
        for (let r = 0; r < repeats; r++) {
          service.hits = 0
          service.flippedAt = undefined
          service.firstFailureAt = undefined
          service.flipAfter = HEALTHY_ROUNDS * CHECK_PATHS.length
          const run = await statusCheck(ctx, server.url, checksFile, intervalS, WINDOW_S)
          const exitedAt = performance.now()
          const json = parse(run, `interval ${intervalS} s`)
          if (run.code === 0 || json.healthy || !json.endedEarly) {
            throw new Error(
              `status-check did not end early and unhealthy (exit ${run.code}, healthy ${json.healthy}, endedEarly ${json.endedEarly})`
            )
          }
          if (service.flippedAt === undefined || service.firstFailureAt === undefined) {
            throw new Error('the service was never flipped to failing')
          }
          flipToExit.push(exitedAt - service.flippedAt)
          failureToExit.push(exitedAt - service.firstFailureAt)
          stepMs.push(json.durationMs)
          rounds.push(json.rounds)
          ctx.progress(
            `interval ${intervalS} s (${r + 1}/${repeats}): unhealthy ${ms(flipToExit.at(-1) as number)} after the flip, ` +
              `after ${json.rounds} of ${json.plannedRounds} rounds (${ms(json.durationMs)} of ${WINDOW_S} s)`
          )
        }
        detection.push({
          intervalS,
          repeats,
          flipToExitMs: summarize(flipToExit),
          firstFailureToExitMs: summarize(failureToExit),
          stepMs: summarize(stepMs),
          rounds: summarize(rounds)
        })
      }

      // (b) The step's own cost: one healthy window at interval 1 s, and a two-round run
      // (interval 1 s, duration 1 s) whose CPU is mostly Node start-up, to split the two.
      service.flipAfter = undefined
      service.flippedAt = undefined
      ctx.progress(`healthy window of ${costWindowS} s at interval 1 s, under GNU time`)
      const window = await healthyWindow(ctx, server.url, checksFile, costWindowS)
      const short = await healthyWindow(ctx, server.url, checksFile, 1)
      const cpuShare = window.cpuS / (window.wallMs / 1000)
      const perRoundMs = ((window.cpuS - short.cpuS) * 1000) / (window.rounds - short.rounds)
      ctx.progress(
        `${costWindowS} s window: ${window.cpuS.toFixed(2)} CPU s (${percent(cpuShare)} of a core), ` +
          `peak RSS ${bytes(window.rssBytes)}; a 2-round run ${short.cpuS.toFixed(2)} CPU s`
      )

      const d1 = detection[0]
      const d5 = detection[1]
      const early: Table = {
        caption: `A service turns bad (every probe gets a 500) right after round ${HEALTHY_ROUNDS}; window ${WINDOW_S} s, ${CHECK_PATHS.length} checks`,
        columns: [
          'Interval',
          'Flip → step exits unhealthy',
          'First 500 answered → exit',
          'Step ran (of the window)',
          'Rounds run (of planned)'
        ],
        rows: detection.map(d => [
          `${d.intervalS} s`,
          spread(d.flipToExitMs),
          spread(d.firstFailureToExitMs),
          `${ms(d.stepMs.median)} of ${WINDOW_S} s`,
          `${integer(d.rounds.median)} of ${Math.floor(WINDOW_S / d.intervalS) + 1}`
        ])
      }
      const cost: Table = {
        caption: `The step's own cost: ${costWindowS} s window against a healthy service, interval 1 s, ${CHECK_PATHS.length} checks`,
        columns: ['Run', 'Wall time', 'CPU (user + sys)', 'CPU % of the window', 'Peak RSS'],
        rows: [
          [
            `${costWindowS} s window (${window.rounds} rounds, ${window.probes} probes)`,
            ms(window.wallMs),
            `${window.cpuS.toFixed(2)} s`,
            percent(cpuShare),
            bytes(window.rssBytes)
          ],
          [
            `1 s window (${short.rounds} rounds: mostly Node start-up)`,
            ms(short.wallMs),
            `${short.cpuS.toFixed(2)} s`,
            percent(short.cpuS / (short.wallMs / 1000)),
            bytes(short.rssBytes)
          ],
          ['Each further round (difference ÷ rounds)', '', `${ms(perRoundMs)}`, '', '']
        ]
      }
      const paragraph =
        `\`shiprail status-check\` (the committed CLI bundle, \`--ledger none\`) watched a local HTTP service ` +
        `with ${CHECK_PATHS.length} checks over a ${WINDOW_S} s window. In the first test the service started ` +
        `answering every probe with a 500 right after round ${HEALTHY_ROUNDS} had passed, the worst moment for ` +
        `the step (the next round is a whole interval away). The step exited unhealthy ` +
        `${ms(d1.flipToExitMs.median)} after the service broke at interval 1 s, and ` +
        `${ms(d5.flipToExitMs.median)} after it at interval 5 s, ` +
        `having run ${ms(d1.stepMs.median)} and ${ms(d5.stepMs.median)} of its ${WINDOW_S} s window; from the ` +
        `first failed probe to the exit took ${ms(d1.firstFailureToExitMs.median)}. In the second test it ` +
        `watched a healthy service for ${costWindowS} s at interval 1 s (${window.probes} probes): it used ` +
        `${window.cpuS.toFixed(2)} s of CPU, ${percent(cpuShare)} of one core over the window (of which ` +
        `${short.cpuS.toFixed(2)} s is start-up; each round after that costs about ${ms(perRoundMs)}), and at ` +
        `most ${bytes(window.rssBytes)} of memory. For a user: a bake window costs next to nothing on the ` +
        `runner (~${percent(cpuShare)} of a core and ~${bytes(window.rssBytes)}), and a broken service is caught ` +
        `at its second failed probe in a row (the defaults let one blip through), about two \`interval\`s after it broke, not at the end of \`duration\`, so a long window ` +
        `does not delay the rollback that follows; \`interval\` is the knob for how fast a break is noticed.`
      return {
        paragraph,
        tables: [early, cost],
        notes: [
          `Flip → exit: from the moment the service turned bad (right after the last probe of round ${HEALTHY_ROUNDS} got its 200) to the exit of \`node dist/cli/index.js status-check --url ... --checks FILE --interval N --duration ${WINDOW_S} --ledger none --json\`, measured in the bench process. A break at a random moment is caught half an interval sooner on average.`,
          `With the defaults (\`min-success-rate: 0.85\`, \`max-consecutive-failures: 1\`) the second failed probe in a row is decisive; scattered failures end the window once the rate can no longer absorb them. CPU and peak RSS are GNU time's user + system seconds and maximum resident set size of the step's process.`
        ],
        data: {
          windowS: WINDOW_S,
          checks: CHECK_PATHS,
          healthyRounds: HEALTHY_ROUNDS,
          detection,
          cost: {
            windowS: costWindowS,
            intervalS: 1,
            window,
            startOnly: short,
            cpuShareOfWindow: cpuShare,
            cpuPerRoundMs: perRoundMs
          }
        }
      }
    } finally {
      await server.close()
    }
  }
}

export default section
