#!/usr/bin/env node
/**
 * `npm run demo`: the whole lifecycle on this machine, with no network, no GitHub and
 * no SSH. Builds examples/app three times (1.0.0 and 2.0.0 good, 3.0.0 with a connection leak),
 * serves "production" from `<root>/current` through a platform process on a free 127.0.0.1
 * port, sends it a steady stream of simulated users, and drives the committed CLI bundle
 * exactly as a user would (`hosts: local`, `ledger: file`):
 *
 *   deploy 1.0.0 → smoke-test → status-check → deploy 2.0.0 → smoke-test → status-check →
 *   deploy 3.0.0 → smoke-test → status-check fails → automatic rollback → smoke-test 2.0.0
 *
 * It prints a progress line per phase and each step's verdict, what is live and a timeline,
 * writes report.html (self-contained: verdict, latency chart, ledger history) and prints the
 * report's path on the last line. Every process it starts is stopped on the way out, also on
 * Ctrl-C or an error. Exit status: 0 when the story ended as it should (the broken version caught,
 * marked bad, 2.0.0 serving again), 1 otherwise, 130 when interrupted.
 *
 * Options: --fast (shorter watch windows, for the tests), --dir DIR (work directory; default a
 * new one under the system temp dir), --cli FILE (CLI bundle; default dist/cli/index.js).
 * The same as variables: SHIPRAIL_DEMO_FAST=1, SHIPRAIL_DEMO_DIR, SHIPRAIL_DEMO_CLI.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readlink, writeFile } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { buildApp } from './build-app.mjs'
import { readHistory, readReleaseHistory } from './ledger-view.mjs'
import { renderReport } from './report.mjs'
import { runStep } from './run-step.mjs'
import { createTerminal } from './terminal.mjs'
import { problems } from './words.mjs'
import { startTraffic } from './traffic.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const REPO = resolve(HERE, '..', '..')
const ENVIRONMENT = 'production'
const GOOD = ['1.0.0', '2.0.0']
const BROKEN = '3.0.0'
const USERS_PER_SECOND = 10

function parseOptions(argv, env) {
  const options = {
    fast: env.SHIPRAIL_DEMO_FAST === '1',
    dir: env.SHIPRAIL_DEMO_DIR || '',
    cli: env.SHIPRAIL_DEMO_CLI || join(REPO, 'dist', 'cli', 'index.js')
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--fast') options.fast = true
    else if (arg === '--dir' && argv[i + 1]) options.dir = argv[++i]
    else if (arg === '--cli' && argv[i + 1]) options.cli = argv[++i]
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run demo [-- --fast] [-- --dir DIR] [-- --cli dist/cli/index.js]')
      process.exit(0)
    } else {
      console.error(`demo: unknown argument ${JSON.stringify(arg)}; try --help`)
      process.exit(2)
    }
  }
  options.cli = resolve(options.cli)
  // A status-check window of `duration` seconds, one round every second.
  options.windowSeconds = options.fast ? 3 : 5
  return options
}

/** The checks of smoke-test and status-check: the page (of the right version), health, metrics. */
function checksFor(version) {
  return `- name: page
  path: /
  expect-body-contains: Shiprail example app
  expect-version: ${version}
- name: health
  path: /health
  expect-json:
    status: ok
- name: metrics
  path: /metrics
  expect-body-contains: http_requests_total
`
}

/** Error lines the app wrote since the window started ($APP_LOG lines start with an ISO time). */
const LOG_COMMAND = `awk -v since="$SHIPRAIL_WINDOW_START" 'substr($1, 1, 19) >= substr(since, 1, 19)' "$APP_LOG"`

/**
 * The variables the CLI gets: only what a shell needs. Nothing from the caller's SHIPRAIL_*
 * (the CLI reads inputs from them), GITHUB_* or other CI variables may change the demo.
 */
function childEnv(extra) {
  const env = { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}` }
  for (const name of ['HOME', 'USER', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ']) {
    if (process.env[name] !== undefined) env[name] = process.env[name]
  }
  return { ...env, ...extra }
}

/** Starts the platform and waits for its URL. */
async function startPlatform(root, logFile, children) {
  const child = spawn(process.execPath, [join(HERE, 'platform.mjs'), root, logFile], {
    stdio: ['pipe', 'pipe', 'inherit']
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  const first = await new Promise((resolveLine, reject) => {
    const timer = setTimeout(() => reject(new Error('the platform did not start in 10 s')), 10_000)
    child.on('error', reject)
    child.on('exit', code => reject(new Error(`the platform exited (${code}) before listening`)))
    createInterface({ input: child.stdout }).once('line', line => {
      clearTimeout(timer)
      resolveLine(line)
    })
  })
  const { url } = JSON.parse(first)
  return { child, url, pid: child.pid }
}

/** Stops a child: SIGTERM, then SIGKILL after `graceMs`. */
async function stopChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise(r => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

/** What production answers right now: the version and release behind `/health`. */
function probe(url) {
  return new Promise(resolveProbe => {
    const req = http.get(`${url}/health`, { timeout: 2000 }, res => {
      let body = ''
      res.setEncoding('utf8').on('data', d => (body += d))
      res.on('end', () => {
        let version = res.headers['x-app-version']?.toString() ?? null
        try {
          version = JSON.parse(body).version ?? version
        } catch {
          // Not JSON: the header says it.
        }
        resolveProbe({ status: res.statusCode, version, release: res.headers['x-release'] ?? null })
      })
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', err => resolveProbe({ status: null, version: null, error: err.message }))
  })
}

async function main() {
  const options = parseOptions(process.argv.slice(2), process.env)
  const t0 = performance.now()
  const startedAt = new Date()
  const seconds = () => (performance.now() - t0) / 1000
  const term = createTerminal(process.stdout)

  if (!existsSync(options.cli)) {
    console.error(`demo: no CLI bundle at ${options.cli}; run npm ci first (dist/ is committed).`)
    return 1
  }
  const work = options.dir ? resolve(options.dir) : await mkdtemp(join(tmpdir(), 'shiprail-demo-'))
  // A directory with an earlier run's ledger and releases would change the story; and the demo
  // never deletes files it did not make.
  if (options.dir && existsSync(work) && (await readdir(work)).length > 0) {
    console.error(`demo: ${work} is not empty; give a new or empty directory to --dir.`)
    return 2
  }
  const paths = {
    work,
    builds: join(work, 'builds'),
    root: join(work, 'srv', 'app'),
    ledger: join(work, '.shiprail', 'ledger.json'),
    log: join(work, 'log', 'app.log'),
    results: join(work, 'results'),
    report: join(work, 'report.html'),
    summary: join(work, 'demo.json')
  }
  await mkdir(dirname(paths.log), { recursive: true })
  await mkdir(paths.results, { recursive: true })
  await writeFile(paths.log, '')

  /** Every child process started, for the summary; `running` holds the live ones. */
  const running = new Set()
  const spawned = []
  const track = {
    add(child) {
      running.add(child)
      spawned.push(child.pid)
    },
    delete: child => running.delete(child)
  }

  let interrupted = false
  let interruptedAt = 0
  let platform
  let traffic
  const onSignal = signal => {
    // A Ctrl-C reaches every process of the terminal's group, and `npm run` forwards it once
    // more: only a second one a moment later means "stop now".
    if (interrupted) {
      if (Date.now() - interruptedAt < 1000) return
      for (const child of running) child.kill('SIGKILL')
      process.exit(130)
    }
    interrupted = true
    interruptedAt = Date.now()
    term.line('')
    term.line(`Interrupted (${signal}): stopping the step under way and cleaning up...`, term.red)
    // SIGTERM, not the same signal again: the CLI may have had the terminal's SIGINT already,
    // and it handles each signal once (then it records a terminal status and exits).
    for (const child of running) if (child !== platform?.child) child.kill('SIGTERM')
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  // Last resort (an exception that skips the finally): no platform outlives the demo.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL')
  })

  const steps = []
  const markers = []
  const windows = []
  let served = null
  let failure = null

  term.line(
    'Shiprail demo: deploy, check, catch a bad release, roll back; all on this machine',
    term.bold
  )
  try {
    for (const version of [...GOOD, BROKEN]) {
      await buildApp(join(REPO, 'examples', 'app'), join(paths.builds, version), {
        version,
        broken: version === BROKEN
      })
    }
    term.fact(
      'builds',
      `${GOOD.join(', ')} (good), ${BROKEN} (leaks a database connection per page) in ${paths.builds}`
    )
    platform = await startPlatform(paths.root, paths.log, track)
    term.fact(
      'production',
      `${platform.url} serves ${join(paths.root, 'current')} (platform pid ${platform.pid})`
    )
    term.fact('users', `${USERS_PER_SECOND} page requests a second, from the first deploy on`)
    term.fact('ledger', `${paths.ledger} (file ledger; no GitHub)`)

    const common = { environment: ENVIRONMENT, ledger: 'file', 'ledger-file': paths.ledger }
    const releases = { driver: 'releases', hosts: 'local', path: paths.root }

    async function step(name, subject, inputs, extraEnv = {}) {
      if (interrupted) throw new Error('interrupted')
      const n = steps.length + 1
      const at = seconds()
      term.stepHeader(n, name, subject, at)
      const shown = { inside: false }
      const result = await runStep(options.cli, name, inputs, {
        env: childEnv(extraEnv),
        cwd: work,
        children: track,
        emit: (kind, value) => term.progress(kind, value, shown)
      })
      const entry = {
        n,
        step: name,
        subject,
        at,
        ms: Math.round((seconds() - at) * 1000),
        code: result.code,
        ok: result.code === 0,
        data: result.data,
        errors: result.errors
      }
      steps.push(entry)
      await writeFile(
        join(paths.results, `${String(n).padStart(2, '0')}-${name}.json`),
        JSON.stringify(result.data, null, 2) + '\n'
      )
      term.verdict(entry)
      if (interrupted) throw new Error('interrupted')
      if (!result.data) throw new Error(`${name} gave no result: ${result.errors.join('; ')}`)
      return entry
    }

    const smoke = version =>
      step('smoke-test', version, {
        ...common,
        // The demo is a scripted pipeline in a terminal, which has no run id to match the
        // deployment's: it says its verdicts belong to its deploys.
        'record-verdict': true,
        url: platform.url,
        checks: checksFor(version),
        timeout: 10,
        'retry-interval': 0.2,
        'request-timeout': 2
      })

    async function statusCheck(version) {
      const entry = await step(
        'status-check',
        version,
        {
          ...common,
          'record-verdict': true,
          url: platform.url,
          checks: checksFor(version),
          interval: 1,
          duration: options.windowSeconds,
          'min-success-rate': 1,
          'max-p95-latency-ms': 1000,
          'request-timeout': 2,
          'log-command': LOG_COMMAND
        },
        { APP_LOG: paths.log }
      )
      windows.push({
        version,
        start: entry.at,
        end: entry.at + entry.ms / 1000,
        healthy: entry.ok
      })
      return entry
    }

    for (const version of [...GOOD, BROKEN]) {
      const deployed = await step('deploy', version, {
        ...common,
        ...releases,
        version,
        source: join(paths.builds, version),
        'environment-url': platform.url,
        'before-switch': 'node --check app.mjs'
      })
      markers.push({
        at: deployed.at + deployed.ms / 1000,
        label: `deploy ${version}`,
        kind: 'deploy'
      })
      if (!deployed.ok) throw new Error(`the deploy of ${version} failed`)
      // Users arrive once something is live.
      traffic ??= startTraffic(`${platform.url}/`, { perSecond: USERS_PER_SECOND, since: t0 })
      let caught = null
      const smoked = await smoke(version)
      if (!smoked.ok) caught = smoked
      else {
        const watched = await statusCheck(version)
        if (!watched.ok) caught = watched
      }
      if (!caught) continue

      // What deploy.yml does with `if: failure()`: roll back, automatically (CI=true: not a
      // person at a terminal, so no --reason is demanded; the reason given is recorded).
      const why = problems(caught.data).join('; ') || caught.errors[0] || 'failed'
      const rolled = await step(
        'rollback',
        version,
        { ...common, ...releases, reason: `${caught.step} failed: ${why}`.slice(0, 480) },
        { CI: 'true' }
      )
      rolled.subject = `${rolled.data.fromVersion ?? version} → ${rolled.data.version ?? '?'}`
      markers.push({
        at: rolled.at + rolled.ms / 1000,
        label: `rollback → ${rolled.data.version}`,
        kind: 'rollback'
      })
      if (!rolled.ok) throw new Error('the rollback failed')
      await smoke(rolled.data.version)
      break
    }
    served = await probe(platform.url)
  } catch (err) {
    failure = interrupted ? 'interrupted' : err instanceof Error ? err.message : String(err)
  } finally {
    if (traffic) await traffic.stop()
    for (const child of [...running]) await stopChild(child)
  }

  // The ending, from the files a user would look at.
  let history = []
  try {
    history = await readHistory(
      options.cli,
      { environment: ENVIRONMENT, ledger: 'file', 'ledger-file': paths.ledger },
      { env: childEnv({}), cwd: work, children: track }
    )
  } catch (err) {
    failure ??= err instanceof Error ? err.message : String(err)
  }
  const releaseHistory = await readReleaseHistory(join(paths.root, '.shiprail', 'history.jsonl'))
  let currentRelease = null
  try {
    currentRelease = basename(await readlink(join(paths.root, 'current')))
  } catch {
    // Nothing deployed.
  }
  const live = history.find(h => h.state === 'live') ?? null
  const bad = history.filter(h => h.state === 'bad' || h.state === 'rolled-back')
  const expected = GOOD[GOOD.length - 1]
  const ok =
    !failure &&
    live?.version === expected &&
    served?.version === expected &&
    bad.some(h => h.version === BROKEN)
  const verdict = ok
    ? `The checks caught ${BROKEN}, it was rolled back automatically and ${expected} is serving again.`
    : `The demo did not end as it should: ${failure ?? `live is ${live?.version ?? 'nothing'}, serving ${served?.version ?? 'nothing'}`}.`

  const requests = traffic?.requests ?? []
  const model = {
    ok,
    verdict,
    environment: ENVIRONMENT,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(seconds() * 1000),
    fast: options.fast,
    steps,
    markers,
    windows,
    requests,
    history,
    releaseHistory,
    live,
    bad,
    served,
    currentRelease,
    platform: platform ? { url: platform.url, pid: platform.pid } : null,
    paths,
    node: process.version
  }
  await writeFile(paths.report, renderReport(model))
  await writeFile(
    paths.summary,
    JSON.stringify(
      {
        ok,
        verdict,
        failure,
        durationMs: model.durationMs,
        live: live ? { version: live.version, deploymentId: live.id } : null,
        bad: bad.map(h => ({ version: h.version, deploymentId: h.id })),
        served,
        currentRelease,
        platform: model.platform,
        pids: spawned,
        paths,
        steps: steps.map(({ data: _data, ...s }) => s),
        users: { requests: requests.length, failed: requests.filter(r => r.status !== 200).length }
      },
      null,
      2
    ) + '\n'
  )
  term.ending(model)
  term.line('Report (open it in a browser):')
  term.raw(paths.report)
  if (interrupted) return 130
  return ok ? 0 : 1
}

process.exitCode = await main()
