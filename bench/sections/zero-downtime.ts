import http from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { startNginx } from '../../__tests__/support/nginx.js'
import { integer, ms, spread } from '../format.js'
import type { Section, SectionContext, Table } from '../section.js'
import { shiprail } from '../shiprail-cli.js'
import { summarize } from '../stats.js'

/**
 * Issue 9's zero-downtime figure: nginx serves `<path>/current/` while `shiprail deploy` and
 * `shiprail rollback` (releases driver, `hosts: local`) switch it 20 times under a steady load of
 * page loads; every response is checked to be 200 and exactly one release's file, from a version
 * that was live at some moment while it was in flight.
 */

/** Deploys of a new version, each followed by a rollback to the first: 2 × 10 switches. */
const ROUNDS = 10
/**
 * Concurrent page-load loops, each GET page then GET asset back to back over keep-alive
 * connections: together with nginx they keep both cores busy, so the CLI switches on a loaded
 * machine and thousands of requests are in flight around every switch.
 */
const LOOPS = 4
/** Time between switches, so traffic between switches is measured too. */
const SETTLE_MS = 250
const REQUEST_TIMEOUT_MS = 5000
const TIMEOUT_MS = 60_000
const PAGE = '/index.html'
const ASSET = '/assets/app.js'

function pageBody(version: string): string {
  return (
    `<!doctype html>\n<title>Shiprail bench ${version}</title>\n` +
    `<p>release ${version}</p>\n<script src="${ASSET}"></script>\n`
  )
}

/** About 23 KiB, every line naming the version, so a body pieced from two releases shows. */
function assetBody(version: string): string {
  const lines: string[] = []
  for (let i = 0; i < 640; i++) lines.push(`console.log('release ${version}, line ${i}');`)
  return lines.join('\n') + '\n'
}

async function writeSource(dir: string, version: string): Promise<void> {
  await mkdir(join(dir, 'assets'), { recursive: true })
  await writeFile(join(dir, 'index.html'), pageBody(version))
  await writeFile(join(dir, 'assets', 'app.js'), assetBody(version))
}

/** One switch of `current`, timed in this process (spawn to exit of the CLI). */
interface Switch {
  kind: 'deploy' | 'rollback'
  from: string
  to: string
  startAt: number
  endAt: number
  wallMs: number
  /** The releases driver's own `switch` phase on the host (`--json` hosts[].phases.switch). */
  switchPhaseMs: number
}

/** One response (or failure), timed in this process. */
interface Sample {
  path: string
  startAt: number
  endAt: number
  /** The release whose file it was; undefined when it failed or matched no release. */
  version?: string
  /** Why it failed (status, error); absent when a 200 came. */
  failure?: string
}

function get(
  agent: http.Agent,
  url: string
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise(resolve => {
    const req = http.get(url, { agent }, res => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
      )
      res.on('error', err => resolve({ error: err.message }))
    })
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timed out')))
    req.on('error', err => resolve({ error: err.message }))
  })
}

/** The versions `current` could have pointed to at some moment in [startAt, endAt]. */
function liveDuring(first: string, switches: Switch[], startAt: number, endAt: number): string[] {
  let stable = first
  const live = new Set<string>()
  for (const s of switches) {
    if (s.endAt <= startAt) stable = s.to
    else if (s.startAt < endAt) live.add(s.from).add(s.to)
  }
  return [...live.add(stable)]
}

const section: Section = {
  id: 'zero-downtime',
  title: 'Zero downtime: 20 switches under load behind nginx',
  order: 40,
  async run(ctx: SectionContext) {
    const path = join(ctx.tmp, 'app')
    const ledgerFile = join(ctx.tmp, 'ledger.json')
    const versions = Array.from({ length: ROUNDS + 1 }, (_, i) => `v${i + 1}`)
    const bodies = new Map<string, string>()
    for (const v of versions) {
      await writeSource(join(ctx.tmp, 'src', v), v)
      bodies.set(pageBody(v), v)
      bodies.set(assetBody(v), v)
    }
    const common = {
      environment: 'bench',
      driver: 'releases',
      hosts: 'local',
      path,
      ledger: 'file',
      'ledger-file': ledgerFile
    }
    const deploy = (version: string) =>
      shiprail(
        ctx.dist,
        'deploy',
        { ...common, version, source: join(ctx.tmp, 'src', version) },
        { cwd: ctx.tmp, timeoutMs: TIMEOUT_MS }
      )
    const first = versions[0]
    const setup = await deploy(first)
    if (setup.json.outcome !== 'success') throw new Error(`deploy ${first}: ${setup.json.outcome}`)

    const nginx = await startNginx(path)
    const agent = new http.Agent({ keepAlive: true, maxSockets: LOOPS })
    const samples: Sample[] = []
    const switches: Switch[] = []
    let running = true
    let splitLoads = 0
    let pageLoads = 0
    const fetchOne = async (p: string): Promise<Sample> => {
      const startAt = performance.now()
      const reply = await get(agent, `${nginx.url}${p}`)
      const sample: Sample = { path: p, startAt, endAt: performance.now() }
      if ('error' in reply) sample.failure = reply.error
      else if (reply.status !== 200) sample.failure = `status ${reply.status}`
      else sample.version = bodies.get(reply.body)
      samples.push(sample)
      return sample
    }
    const loop = async () => {
      while (running) {
        const page = await fetchOne(PAGE)
        const asset = await fetchOne(ASSET)
        pageLoads++
        if (page.version && asset.version && page.version !== asset.version) splitLoads++
      }
    }
    try {
      const loadStart = performance.now()
      const load = Promise.all(Array.from({ length: LOOPS }, loop))
      await sleep(SETTLE_MS)
      let live = first
      const timed = async (
        kind: Switch['kind'],
        to: string,
        run: () => ReturnType<typeof shiprail>
      ) => {
        const startAt = performance.now()
        const result = await run()
        const endAt = performance.now()
        const outcome = result.json.outcome
        if (outcome !== 'success' || result.json.version !== to) {
          throw new Error(`${kind} to ${to}: ${outcome}, version ${result.json.version}`)
        }
        const check = await get(new http.Agent(), `${nginx.url}${PAGE}`)
        if ('error' in check || check.body !== pageBody(to)) {
          throw new Error(`after the ${kind} to ${to}, nginx did not serve ${to}`)
        }
        switches.push({
          kind,
          from: live,
          to,
          startAt,
          endAt,
          wallMs: result.wallMs,
          switchPhaseMs: result.json.hosts?.[0]?.phases.switch ?? Number.NaN
        })
        live = to
        await sleep(SETTLE_MS)
      }
      for (const version of versions.slice(1)) {
        await timed('deploy', version, () => deploy(version))
        // Every rollback lands on the first release: each later one is marked bad by it.
        await timed('rollback', first, () =>
          shiprail(
            ctx.dist,
            'rollback',
            { ...common, reason: 'bench' },
            { cwd: ctx.tmp, timeoutMs: TIMEOUT_MS }
          )
        )
        ctx.progress(
          `${switches.length}/${2 * ROUNDS} switches, ${integer(samples.length)} requests so far, ` +
            `${samples.filter(s => s.failure).length} failed`
        )
      }
      running = false
      await load
      const loadMs = performance.now() - loadStart

      const failed = samples.filter(s => s.failure)
      const served = samples.filter(s => !s.failure)
      const notWhole = served.filter(s => !s.version)
      const wrongVersion = served.filter(
        s => s.version && !liveDuring(first, switches, s.startAt, s.endAt).includes(s.version)
      )
      const mixed = notWhole.length + wrongVersion.length
      const duringSwitch = samples.filter(s =>
        switches.some(w => w.startAt < s.endAt && w.endAt > s.startAt)
      ).length
      const byKind = (kind: Switch['kind']) => switches.filter(s => s.kind === kind)
      const wall = (kind: Switch['kind']) => summarize(byKind(kind).map(s => s.wallMs))
      const phase = (kind: Switch['kind']) => summarize(byKind(kind).map(s => s.switchPhaseMs))
      const rate = samples.length / (loadMs / 1000)
      ctx.progress(
        `${switches.length} switches, ${integer(samples.length)} requests (${integer(rate)}/s), ` +
          `${failed.length} failed, ${mixed} mixed, ${splitLoads} page loads split across a switch`
      )

      const main: Table = {
        caption: `${switches.length} switches of \`current\` (${byKind('deploy').length} deploys, ${byKind('rollback').length} rollbacks) while ${LOOPS} loops load a page and its asset through nginx`,
        columns: [
          'Switches',
          'Requests',
          'In flight during a switch',
          'Failed',
          'Mixed',
          'Requests/s',
          'Page loads',
          'Page and asset from two versions'
        ],
        rows: [
          [
            String(switches.length),
            integer(samples.length),
            integer(duringSwitch),
            integer(failed.length),
            integer(mixed),
            integer(rate),
            integer(pageLoads),
            integer(splitLoads)
          ]
        ]
      }
      const durations: Table = {
        caption: 'How long a switch took',
        columns: ['Switch', 'CLI, spawn to exit', "Driver's `switch` phase"],
        rows: (['deploy', 'rollback'] as const).map(kind => [
          kind === 'deploy' ? 'deploy of a new version' : 'rollback to the first version',
          spread(wall(kind)),
          spread(phase(kind))
        ])
      }
      const paragraph =
        `nginx served a small site from the releases driver's \`<path>/current/\` (symlinks followed, no ` +
        `file cache, so every request resolves \`current\` afresh) while \`shiprail deploy\` and ` +
        `\`shiprail rollback\` (the committed CLI bundle, \`hosts: local\`, file ledger) switched it ` +
        `${switches.length} times: ${ROUNDS} times a new version deployed, each rolled back to the first. ` +
        `Meanwhile ${LOOPS} loops loaded a page and then its asset, back to back over keep-alive connections: ` +
        `${integer(samples.length)} requests (${integer(rate)}/s), ${integer(duringSwitch)} of them in ` +
        `flight while a deploy or rollback ran. ${failed.length} failed and ${mixed} were mixed (a body that is ` +
        `not exactly one release's file, or from a version that was not live while it was in flight). A ` +
        `deploy took ${ms(wall('deploy').median)} and a rollback ${ms(wall('rollback').median)} from start ` +
        `to exit; the switch itself (the driver's \`switch\` phase: a new symlink made and renamed ` +
        `over \`current\`, an atomic rename) ${ms(phase('deploy').median)}. ${splitLoads} of ` +
        `${integer(pageLoads)} page loads got the page from one version and the asset from the other, ` +
        `because a switch fell between the two requests. ` +
        (failed.length === 0 && mixed === 0
          ? `For a user: a releases deploy or rollback drops no request and never serves a ` +
            `half-written release, and nginx needs no reload; `
          : `For a user: ${failed.length + mixed} requests went wrong here (the first reasons are in ` +
            `results.json), so the switch is not free of downtime on this machine; `) +
        `a browser that loads a page across a switch can still get an asset of the other version, ` +
        `which versioned asset names (or keeping old assets) cover.`
      return {
        paragraph,
        tables: [main, durations],
        notes: [
          `Load: ${LOOPS} loops of Node \`http.get\` over a keep-alive agent (${LOOPS} sockets), each GET ${PAGE} then GET ${ASSET} (${integer(assetBody(first).length / 1024)} KiB), no pause, ${REQUEST_TIMEOUT_MS / 1000} s timeout; ${SETTLE_MS} ms of traffic between switches. Failed: a connection error, a timeout or a status other than 200.`,
          "Mixed: each body is compared with every release's page and asset; it must equal one of them, from a version `current` pointed to at some moment between the request's start and its last byte (a switch counts from the CLI's spawn to its exit). nginx (Debian's nginx-light, 1 worker) runs on the same 2 cores as the load and the CLI."
        ],
        data: {
          loops: LOOPS,
          settleMs: SETTLE_MS,
          keepAlive: true,
          loadMs,
          requests: samples.length,
          requestsPerSecond: rate,
          inFlightDuringSwitch: duringSwitch,
          failed: failed.length,
          failures: failed.slice(0, 20).map(s => `${s.path}: ${s.failure}`),
          mixed,
          notWholeRelease: notWhole.length,
          mixedExamples: [...notWhole, ...wrongVersion]
            .slice(0, 20)
            .map(
              s =>
                `${s.path}: ${s.version ?? 'no whole release'} at ${Math.round(s.startAt - loadStart)} ms`
            ),
          wrongVersion: wrongVersion.length,
          pageLoads,
          splitPageLoads: splitLoads,
          switches,
          deployMs: wall('deploy'),
          rollbackMs: wall('rollback'),
          deploySwitchPhaseMs: phase('deploy'),
          rollbackSwitchPhaseMs: phase('rollback')
        }
      }
    } finally {
      running = false
      agent.destroy()
      await nginx.stop()
    }
  }
}

export default section
