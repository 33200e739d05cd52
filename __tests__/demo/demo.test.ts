import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { deploymentState, isLive } from '../../src/core/ledger/deployment-state.js'
import type { DeploymentRecord } from '../../src/core/ledger/ledger.js'

// `npm run demo` itself, as a newcomer runs it (shortened watch windows), then its report in a
// real browser. The demo drives the committed CLI bundle (dist/cli), like a user.

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..')
const DEMO = join(ROOT, 'scripts', 'demo', 'run.mjs')
const CHROMIUM = process.env.CHROMIUM ?? 'chromium'

/** Temp directories made here, removed after all tests. */
const made: string[] = []
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of made)
    rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

interface DemoRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  dir: string
}

interface DemoSummary {
  ok: boolean
  failure: string | null
  live: { version: string; deploymentId: string } | null
  bad: { version: string; deploymentId: string }[]
  served: { status: number | null; version: string | null; release: string | null } | null
  currentRelease: string | null
  platform: { url: string; pid: number } | null
  pids: number[]
  paths: { work: string; root: string; ledger: string; report: string; results: string }
  steps: { n: number; step: string; subject: string; ok: boolean }[]
  users: { requests: number; failed: number }
}

/** Runs the demo; `interruptWhen` sends SIGINT to it once its output contains that text. */
function runDemo(
  options: { env?: Record<string, string>; interruptWhen?: string } = {}
): Promise<DemoRun> {
  const dir = tempDir('shiprail-demo-test-')
  const child = spawn(process.execPath, [DEMO, '--fast', '--dir', dir], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  let interrupted = false
  child.stdout.setEncoding('utf8').on('data', d => {
    stdout += d
    if (options.interruptWhen && !interrupted && stdout.includes(options.interruptWhen)) {
      interrupted = true
      child.kill('SIGINT')
    }
  })
  child.stderr.setEncoding('utf8').on('data', d => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), 110_000)
  return new Promise(done =>
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      done({ code, signal, stdout, stderr, dir })
    })
  )
}

function summaryOf(run: DemoRun): DemoSummary {
  return JSON.parse(readFileSync(join(run.dir, 'demo.json'), 'utf8')) as DemoSummary
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').pop() ?? ''
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Processes whose command line or working directory is inside `dir` (Linux /proc). */
function processesUsing(dir: string): string[] {
  const found: string[] = []
  for (const pid of readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
      let cwd = ''
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`)
      } catch {
        // Not ours to read.
      }
      if (cmdline.includes(dir) || cwd.startsWith(dir)) found.push(`${pid}: ${cmdline}`)
    } catch {
      // Gone while we looked.
    }
  }
  return found
}

/** Waits a little for processes to go: a child killed on the way out may need a moment. */
async function settle(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await new Promise(r => setTimeout(r, 100))
}

function chromium(args: string[], timeoutMs = 60_000) {
  const profile = tempDir('shiprail-chromium-')
  const result = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      ...args
    ],
    { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }
  )
  if (result.error) {
    throw new Error(
      `cannot run ${CHROMIUM} (${result.error.message}); on Debian: apt-get install chromium`
    )
  }
  return result
}

describe('npm run demo', () => {
  let run: DemoRun
  let summary: DemoSummary

  beforeAll(async () => {
    run = await runDemo()
    summary = summaryOf(run)
  }, 120_000)

  it('ends with the broken 3.0.0 caught, rolled back and marked bad, and 2.0.0 serving', () => {
    if (run.code !== 0) throw new Error(`demo exited ${run.code}\n${run.stdout}\n${run.stderr}`)
    expect(summary.ok).toBe(true)

    // The ledger, read with the engine's own rules.
    const ledger = JSON.parse(readFileSync(summary.paths.ledger, 'utf8')) as {
      deployments: DeploymentRecord[]
    }
    const records = ledger.deployments.filter(d => d.environment === 'production')
    const live = records.filter(isLive)
    expect(live).toHaveLength(1)
    expect(live[0].payload).toMatchObject({ version: '2.0.0', operation: 'rollback' })
    expect(deploymentState(live[0]).verified).toBe(true)
    const v3 = records.filter(r => r.payload.version === '3.0.0')
    expect(v3).toHaveLength(1)
    expect(deploymentState(v3[0])).toMatchObject({ deployed: true, bad: true, inactive: true })
    expect(live[0].payload.rollback_of).toBe(v3[0].id)
    for (const good of ['1.0.0', '2.0.0']) {
      const first = records.find(
        r => r.payload.version === good && r.payload.operation === 'deploy'
      )
      expect(first && deploymentState(first).verified).toBe(true)
    }

    // What production served at the end, and what `current` points at.
    expect(summary.served).toMatchObject({ status: 200, version: '2.0.0' })
    const current = readlinkSync(join(summary.paths.root, 'current'))
    expect(current).toMatch(/-2\.0\.0$/)
    expect(summary.served?.release).toBe(current.replace(/^releases\//, ''))

    // The releases driver's own history says the same.
    const history = readFileSync(join(summary.paths.root, '.shiprail', 'history.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as { version: string; operation: string; outcome: string })
    expect(history.at(-1)).toMatchObject({
      version: '2.0.0',
      operation: 'rollback',
      outcome: 'success'
    })
    expect(history).toContainEqual(expect.objectContaining({ version: '3.0.0', bad: true }))

    // The lifecycle of the issue, in order (3.0.0 is caught by smoke-test or status-check).
    const steps = summary.steps.map(s => `${s.step} ${s.subject} ${s.ok ? 'ok' : 'failed'}`)
    expect(steps.slice(0, 7)).toEqual([
      'deploy 1.0.0 ok',
      'smoke-test 1.0.0 ok',
      'status-check 1.0.0 ok',
      'deploy 2.0.0 ok',
      'smoke-test 2.0.0 ok',
      'status-check 2.0.0 ok',
      'deploy 3.0.0 ok'
    ])
    expect(steps.slice(-3).join('\n')).toMatch(
      /(smoke-test|status-check) 3\.0\.0 failed\nrollback 3\.0\.0 → 2\.0\.0 ok\nsmoke-test 2\.0\.0 ok$/
    )
  })

  it('prints progress per phase, each verdict, what is live, a timeline, and the report path last', () => {
    const out = run.stdout
    expect(out).toContain('[1] deploy 1.0.0')
    expect(out).toMatch(/· releases driver \d+\.\d s \(connect .*upload .*switch/)
    expect(out).toMatch(/round 1\/\d+ at 0\.0 s/)
    expect(out).toContain('✅ deployed 2.0.0 (was 1.0.0)')
    expect(out).toContain('⏪ rolled back from 3.0.0 to 2.0.0')
    expect(out).toContain('What is live')
    expect(out).toContain('production answers 2.0.0')
    expect(out).toContain('Timeline')
    expect(lastLine(out)).toBe(summary.paths.report)
    expect(existsSync(summary.paths.report)).toBe(true)
  })

  it('leaves no process behind', async () => {
    expect(summary.platform?.pid).toBeGreaterThan(0)
    expect(summary.pids).toContain(summary.platform?.pid)
    expect(summary.pids.length).toBeGreaterThanOrEqual(11)
    await settle(() => summary.pids.every(pid => !alive(pid)))
    expect(summary.pids.filter(alive)).toEqual([])
    expect(processesUsing(run.dir)).toEqual([])
  })

  it('writes a self-contained report that headless Chromium renders with the verdict and the history', () => {
    const html = readFileSync(summary.paths.report, 'utf8')
    // Nothing fetched: no external script, style, image or font.
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i)
    expect(html).toContain('<svg')

    const shot = join(run.dir, 'report.png')
    const url = `file://${summary.paths.report}`
    chromium([`--screenshot=${shot}`, '--window-size=1200,1600', url])
    expect(existsSync(shot)).toBe(true)
    const png = readFileSync(shot)
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 1600])
    // A blank page compresses to a few kB; text, tables and a chart do not.
    expect(statSync(shot).size).toBeGreaterThan(50_000)

    const dom = chromium(['--dump-dom', url]).stdout
    const text = dom
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
    expect(text).toContain(
      'Verdict: The checks caught 3.0.0, it was rolled back automatically and 2.0.0 is serving again.'
    )
    expect(text).toContain('Deploy history (ledger)')
    const rows = [...dom.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(m =>
      m[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    )
    const history = dom.slice(dom.indexOf('id="history"'))
    const historyRows = [...history.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(m =>
      m[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    )
    expect(historyRows[0]).toMatch(/^id version operation created deploy verdicts/)
    expect(historyRows.find(r => / 3\.0\.0 deploy /.test(r))).toMatch(/ rolled-back$/)
    expect(historyRows.find(r => / 2\.0\.0 rollback of /.test(r))).toMatch(/ live$/)
    expect(rows.length).toBeGreaterThan(historyRows.length)
  })
})

describe('npm run demo, stopped early', () => {
  it('cleans up on Ctrl-C and still writes the report, its path last', async () => {
    const run = await runDemo({ interruptWhen: 'round 2/' })
    expect(run.code).toBe(130)
    const summary = summaryOf(run)
    expect(summary.ok).toBe(false)
    expect(summary.failure).toBe('interrupted')
    expect(lastLine(run.stdout)).toBe(summary.paths.report)
    expect(existsSync(summary.paths.report)).toBe(true)
    await settle(() => summary.pids.every(pid => !alive(pid)))
    expect(summary.pids.filter(alive)).toEqual([])
    expect(processesUsing(run.dir)).toEqual([])
  }, 60_000)

  it('stops the platform and says why when a step cannot run', async () => {
    const dir = tempDir('shiprail-demo-cli-')
    const cli = join(dir, 'broken-cli.mjs')
    writeFileSync(cli, "process.stderr.write('error: this CLI is broken\\n')\nprocess.exit(2)\n")
    const run = await runDemo({ env: { SHIPRAIL_DEMO_CLI: cli } })
    expect(run.code).toBe(1)
    const summary = summaryOf(run)
    expect(summary.failure).toContain('this CLI is broken')
    expect(run.stdout).toContain('❌ The demo did not end as it should')
    expect(lastLine(run.stdout)).toBe(summary.paths.report)
    await settle(() => summary.pids.every(pid => !alive(pid)))
    expect(summary.pids.filter(alive)).toEqual([])
    expect(processesUsing(run.dir)).toEqual([])
  }, 60_000)
})
