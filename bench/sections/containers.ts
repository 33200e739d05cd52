import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  buildTestImage,
  startDockerEngine,
  type DockerEngine
} from '../../__tests__/support/docker.js'
import { startNginxProxy, type NginxProxy } from '../../__tests__/support/nginx-proxy.js'
import { freePort } from '../../__tests__/support/sshd.js'
import { bytes, integer, ms, ratioSpread, spread } from '../format.js'
import { mustRun, timedRun } from '../processes.js'
import type { Section, SectionContext, Table } from '../section.js'
import { shiprail } from '../shiprail-cli.js'
import { pairedRatio, summarize } from '../stats.js'

/**
 * Issue 13's figures for `driver: containers`, on a private dockerd (own data root and bridge)
 * with busybox images built FROM scratch:
 * - zero downtime: requests sent and failed during 20 switches (10 deploys, 10 rollbacks) behind
 *   nginx, against the same 20 switches done by `docker-compose up -d` (Debian's 1.29, which
 *   recreates the container on the published port), same load;
 * - rollback time of a 200 MiB image against a 2 MiB one, and against a redeploy of the
 *   previous image;
 * - a deploy's overhead over a bare `docker run` plus the same health wait.
 */

const LOOPS = 4
const SWITCHES = 10
const DRAIN_SECONDS = 2
const TIMEOUT_MS = 180_000
const BIG_PAD = 198 * 1024 * 1024

interface Load {
  requests: number
  failures: string[]
  stop(): Promise<void>
}

/** LOOPS loops of GETs, each on a new connection (nginx's reload closes idle keep-alives). */
function startLoad(url: string): Load {
  let running = true
  const state = { requests: 0, failures: [] as string[] }
  const loop = async () => {
    while (running) {
      state.requests++
      try {
        const res = await fetch(url, {
          signal: AbortSignal.timeout(5000),
          headers: { connection: 'close' }
        })
        const body = await res.text()
        if (res.status !== 200 || !body.startsWith('version '))
          state.failures.push(`status ${res.status}`)
      } catch (err) {
        state.failures.push((err as Error).message)
      }
    }
  }
  const all = Promise.all(Array.from({ length: LOOPS }, loop))
  return {
    get requests() {
      return state.requests
    },
    get failures() {
      return state.failures
    },
    async stop() {
      running = false
      await all
    }
  }
}

function common(ctx: SectionContext, engine: DockerEngine, proxy: NginxProxy, name: string) {
  return {
    flags: {
      environment: name,
      ledger: 'file',
      'ledger-file': join(ctx.tmp, `${name}.json`),
      driver: 'containers',
      service: name,
      path: join(ctx.tmp, `state-${name}`),
      proxy: 'nginx',
      'container-port': '8080',
      'health-path': '/health',
      'upstream-file': proxy.upstreamFile,
      'proxy-reload': proxy.reload
    },
    options: { cwd: ctx.tmp, env: { DOCKER_HOST: engine.host }, timeoutMs: TIMEOUT_MS }
  }
}

async function zeroDowntime(ctx: SectionContext, engine: DockerEngine) {
  const proxy = await startNginxProxy({ dir: join(ctx.tmp, 'nginx-shiprail') })
  const { flags, options } = common(ctx, engine, proxy, 'zd')
  const withDrain = { ...flags, 'drain-seconds': String(DRAIN_SECONDS) }
  try {
    await shiprail(
      ctx.dist,
      'deploy',
      { ...withDrain, version: 'v1', image: 'bench:small-a' },
      options
    )
    const load = startLoad(proxy.url)
    const switchMs: number[] = []
    for (let i = 2; i <= SWITCHES + 1; i++) {
      const image = i % 2 ? 'bench:small-a' : 'bench:small-b'
      const d = await shiprail(
        ctx.dist,
        'deploy',
        { ...withDrain, version: `v${i}`, image },
        options
      )
      const r = await shiprail(ctx.dist, 'rollback', { ...withDrain, reason: 'bench' }, options)
      if (d.json.outcome !== 'success' || r.json.outcome !== 'success')
        throw new Error(`switch ${i}: ${d.json.outcome} / ${r.json.outcome}`)
      switchMs.push(d.wallMs, r.wallMs)
      ctx.progress(
        `shiprail: ${switchMs.length}/${2 * SWITCHES} switches, ${load.failures.length} failed requests`
      )
    }
    await load.stop()
    return {
      requests: load.requests,
      failed: load.failures.length,
      switchMs,
      sample: load.failures.slice(0, 3)
    }
  } finally {
    await proxy.stop()
  }
}

async function composeDowntime(ctx: SectionContext, engine: DockerEngine) {
  const dir = join(ctx.tmp, 'compose')
  await mkdir(dir, { recursive: true })
  const port = await freePort()
  await writeFile(
    join(dir, 'docker-compose.yml'),
    [
      "version: '2.4'",
      'services:',
      '  web:',
      '    image: ${IMAGE}',
      `    ports: ['127.0.0.1:${port}:8080']`
    ].join('\n') + '\n'
  )
  const proxy = await startNginxProxy({ dir: join(ctx.tmp, 'nginx-compose') })
  await writeFile(proxy.upstreamFile, `server 127.0.0.1:${port};\n`)
  await mustRun('bash', ['-c', proxy.reload], { timeoutMs: 30_000 })
  const up = (image: string) =>
    timedRun('docker-compose', ['-p', 'shrbench', 'up', '-d', '--quiet-pull'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DOCKER_HOST: engine.host,
        IMAGE: image
      },
      timeoutMs: TIMEOUT_MS
    })
  try {
    const first = await up('bench:small-a')
    if (first.code !== 0) throw new Error(`docker-compose up: ${first.stderr}`)
    const load = startLoad(proxy.url)
    const switchMs: number[] = []
    for (let i = 0; i < 2 * SWITCHES; i++) {
      const run = await up(i % 2 ? 'bench:small-a' : 'bench:small-b')
      if (run.code !== 0) throw new Error(`docker-compose up: ${run.stderr}`)
      switchMs.push(run.wallMs)
      // The same pace as the Shiprail run: each of its switches waits its health check.
      await sleep(500)
    }
    ctx.progress(
      `docker-compose: ${switchMs.length} switches, ${load.failures.length} failed requests`
    )
    await load.stop()
    return {
      requests: load.requests,
      failed: load.failures.length,
      switchMs,
      sample: load.failures.slice(0, 3)
    }
  } finally {
    await timedRun('docker-compose', ['-p', 'shrbench', 'down'], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_HOST: engine.host, IMAGE: 'x' },
      timeoutMs: TIMEOUT_MS
    })
    await proxy.stop()
  }
}

interface SizeSamples {
  rollbackMs: number[]
  redeployMs: number[]
  /** The driver's own time (`--json` phases): without the CLI's start, which load swings most. */
  rollbackDriverMs: number[]
  redeployDriverMs: number[]
  /** The rollback's per-host phases (start + health, switch, stop old...), to see what grew. */
  rollbackHostPhases: Record<string, number>[]
}

/**
 * One image size's service: each cycle deploys b, rolls back to the newest release of a (its
 * kept container restarts), deploys b again and then a again as a new release (the redeploy).
 */
async function sizeService(ctx: SectionContext, engine: DockerEngine, size: 'small' | 'big') {
  const proxy = await startNginxProxy({ dir: join(ctx.tmp, `nginx-${size}`) })
  const { flags, options } = common(ctx, engine, proxy, `rb-${size}`)
  const f = { ...flags, 'drain-seconds': '0' }
  const samples: SizeSamples = {
    rollbackMs: [],
    redeployMs: [],
    rollbackDriverMs: [],
    redeployDriverMs: [],
    rollbackHostPhases: []
  }
  const driverMs = (run: { json: { phases?: { name: string; ms: number }[] } }) =>
    run.json.phases?.find(p => p.name === 'containers driver')?.ms ?? Number.NaN
  const run = (step: string, extra: Record<string, string>) =>
    shiprail(ctx.dist, step, { ...f, ...extra }, options)
  await run('deploy', { version: 'a0', image: `bench:${size}-a` })
  let cycles = 0
  return {
    samples,
    /** One cycle; `measured` false for the warm-up (first container of each kind, caches). */
    async cycle(measured: boolean) {
      const i = ++cycles
      await run('deploy', { version: `b${i}`, image: `bench:${size}-b` })
      const back = await run('rollback', { 'to-version': `a${i - 1}`, reason: 'bench' })
      await run('deploy', { version: `c${i}`, image: `bench:${size}-b` })
      // The other way back: deploy the previous image again as a new release.
      const again = await run('deploy', { version: `a${i}`, image: `bench:${size}-a` })
      if (!measured) return
      samples.rollbackMs.push(back.wallMs)
      samples.rollbackDriverMs.push(driverMs(back))
      samples.rollbackHostPhases.push(back.json.hosts?.[0]?.phases ?? {})
      samples.redeployMs.push(again.wallMs)
      samples.redeployDriverMs.push(driverMs(again))
      ctx.progress(`${size}: rollback ${ms(back.wallMs)}, redeploy ${ms(again.wallMs)}`)
    },
    stop: () => proxy.stop()
  }
}

/**
 * Rollback of the 2 MiB and the 200 MiB image, measured fairly: one warm-up cycle each, then
 * the two sizes interleaved (small then big, big then small, ...) so a busy moment of the shared
 * machine, or the engine's growing container count, lands on both sides of each pair.
 */
async function rollbackBySize(ctx: SectionContext, engine: DockerEngine, repeats: number) {
  const small = await sizeService(ctx, engine, 'small')
  const big = await sizeService(ctx, engine, 'big')
  try {
    await small.cycle(false)
    await big.cycle(false)
    for (let i = 0; i < repeats; i++) {
      for (const service of i % 2 ? [big, small] : [small, big]) await service.cycle(true)
    }
    return { small: small.samples, big: big.samples }
  } finally {
    await small.stop()
    await big.stop()
  }
}

/** A bare `docker run` + health wait against a Shiprail deploy of the same image, alternately. */
async function overhead(ctx: SectionContext, engine: DockerEngine, repeats: number) {
  const proxy = await startNginxProxy({ dir: join(ctx.tmp, 'nginx-overhead') })
  const { flags, options } = common(ctx, engine, proxy, 'oh')
  const bareMs: number[] = []
  const deployMs: number[] = []
  try {
    for (let i = 0; i < repeats; i++) {
      const started = performance.now()
      const name = `bare-${i}`
      engine.docker([
        'run',
        '--detach',
        '--name',
        name,
        '--publish',
        '127.0.0.1::8080',
        'bench:small-a'
      ])
      const port = engine.docker(['port', name, '8080/tcp']).trim().split(':').pop()
      for (;;) {
        const ok = await fetch(`http://127.0.0.1:${port}/health`, {
          signal: AbortSignal.timeout(2000)
        })
          .then(r => r.ok)
          .catch(() => false)
        if (ok) break
        await sleep(200)
      }
      bareMs.push(performance.now() - started)
      engine.docker(['rm', '--force', name])
      const run = await shiprail(
        ctx.dist,
        'deploy',
        {
          ...flags,
          'drain-seconds': '0',
          version: `o${i}`,
          image: i % 2 ? 'bench:small-a' : 'bench:small-b'
        },
        options
      )
      deployMs.push(run.wallMs)
    }
    return { bareMs, deployMs }
  } finally {
    await proxy.stop()
  }
}

const section: Section = {
  id: 'containers',
  title: 'Containers driver: zero downtime, rollback by image size, overhead',
  order: 45,
  async run(ctx: SectionContext) {
    const engine = await startDockerEngine()
    try {
      ctx.progress('building images (2 MiB and 200 MiB, FROM scratch with busybox)')
      await buildTestImage(engine, 'bench:small-a', 'small-a')
      await buildTestImage(engine, 'bench:small-b', 'small-b')
      await buildTestImage(engine, 'bench:big-a', 'big-a', { padBytes: BIG_PAD })
      await buildTestImage(engine, 'bench:big-b', 'big-b', { padBytes: BIG_PAD })
      // A second tag on each image: pruning a bad release removes its image (`docker image rm
      // <ID>`), which docker refuses for an image with several tags, so the bench can deploy the
      // same two images again and again.
      for (const tag of ['small-a', 'small-b', 'big-a', 'big-b'])
        engine.docker(['tag', `bench:${tag}`, `bench-keep:${tag}`])
      const sizeOf = (tag: string) =>
        Number(engine.docker(['image', 'inspect', '--format', '{{.Size}}', tag]).trim())
      const sizes = { small: sizeOf('bench:small-a'), big: sizeOf('bench:big-a') }

      const zd = await zeroDowntime(ctx, engine)
      const compose = await composeDowntime(ctx, engine)
      const { small, big } = await rollbackBySize(ctx, engine, ctx.repeats(6, 2))
      const oh = await overhead(ctx, engine, ctx.repeats(5, 2))

      const sizeRatio = pairedRatio(big.rollbackMs, small.rollbackMs)
      const vsRedeploy = pairedRatio(big.rollbackMs, big.redeployMs)
      const driverSizeRatio = pairedRatio(big.rollbackDriverMs, small.rollbackDriverMs)
      const overheadMs = summarize(oh.deployMs.map((d, i) => d - oh.bareMs[i]))
      const main: Table = {
        caption: `20 switches under ${LOOPS} request loops (a new connection per request)`,
        columns: ['how', 'requests', 'failed', 'time per switch'],
        rows: [
          [
            `shiprail deploy/rollback, proxy: nginx, drain ${DRAIN_SECONDS} s`,
            integer(zd.requests),
            integer(zd.failed),
            spread(summarize(zd.switchMs))
          ],
          [
            'docker-compose up -d (recreate on the published port)',
            integer(compose.requests),
            integer(compose.failed),
            spread(summarize(compose.switchMs))
          ]
        ]
      }
      const rollback: Table = {
        caption:
          'rollback (restart the kept container) against image size, and against a redeploy of the previous image',
        columns: [
          'image',
          'size',
          'rollback (CLI)',
          'rollback (driver)',
          'redeploy of the previous image (CLI)',
          'redeploy (driver)'
        ],
        rows: [
          [
            'busybox',
            bytes(sizes.small),
            spread(summarize(small.rollbackMs)),
            spread(summarize(small.rollbackDriverMs)),
            spread(summarize(small.redeployMs)),
            spread(summarize(small.redeployDriverMs))
          ],
          [
            'busybox + 198 MiB',
            bytes(sizes.big),
            spread(summarize(big.rollbackMs)),
            spread(summarize(big.rollbackDriverMs)),
            spread(summarize(big.redeployMs)),
            spread(summarize(big.redeployDriverMs))
          ]
        ]
      }
      const cost: Table = {
        caption: 'one deploy of the 2 MiB image against a bare docker run + the same /health wait',
        columns: ['what', 'time'],
        rows: [
          ['docker run + health wait', spread(summarize(oh.bareMs))],
          [
            'shiprail deploy (CLI: lock, inspect, run, health, switch, history)',
            spread(summarize(oh.deployMs))
          ],
          ['overhead', spread(overheadMs)]
        ]
      }
      const paragraph =
        `Behind nginx, ${SWITCHES} deploys and ${SWITCHES} rollbacks with the containers driver failed ` +
        `${integer(zd.failed)} of ${integer(zd.requests)} requests; the same 20 switches by ` +
        `\`docker-compose up -d\` failed ${integer(compose.failed)} of ${integer(compose.requests)} ` +
        `(compose stops the old container before the new one listens on the port). A rollback restarts ` +
        `the kept container, so its time does not grow with the image: the 200 MiB image rolls back in ` +
        `${ratioSpread(sizeRatio)} the time of the 2 MiB one (the driver's own time: ` +
        `${ratioSpread(driverSizeRatio)}), and in ${ratioSpread(vsRedeploy)} the time ` +
        `of redeploying the previous image as a new release. A deploy costs ${ms(overheadMs.median)} ` +
        `more than a bare \`docker run\` and the same health wait (CLI start, lock, inspect, nginx switch, history).`
      return {
        paragraph,
        tables: [main, rollback, cost],
        notes: [
          'One private dockerd (overlay2, its own bridge, --iptables=false); images FROM scratch with busybox-static, padded with random bytes for the 200 MiB one; nginx reload is `nginx -t && nginx -s reload && sleep 0.3`.',
          'Rollback and redeploy times are the CLI wall time with drain-seconds 0; the redeploy finds the image present (no pull), so it measures container creation, not a download.',
          'The two sizes run as two services on the same engine, one warm-up cycle each, then interleaved (small, big; big, small; ...); ratios pair each big sample with the small one measured beside it.'
        ],
        data: {
          zd,
          compose,
          small,
          big,
          overhead: oh,
          sizes,
          sizeRatio,
          driverSizeRatio,
          vsRedeploy
        }
      }
    } finally {
      await engine.stop()
    }
  }
}

export default section
