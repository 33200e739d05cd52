import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runCli } from '../../src/cli/cli.js'
import type { DeployResult } from '../../src/core/steps/deploy.js'
import type { RollbackResult } from '../../src/core/steps/rollback.js'
import type { SmokeTestResult } from '../../src/core/steps/smoke-test.js'
import type { StatusCheckResult } from '../../src/core/steps/status-check-result.js'
import { deploySummary } from '../../src/report/deploy-report.js'
import { rollbackSummary } from '../../src/report/rollback-report.js'
import { smokeTestSummary } from '../../src/report/smoke-test-report.js'
import { statusCheckSummary } from '../../src/report/status-check-report.js'
import { toMarkdown, type SummaryDoc } from '../../src/report/summary.js'
import {
  contrast,
  SummaryRenderer,
  THEMES,
  type RenderedSummary,
  type Theme
} from '../support/github-render.js'
import { startTestServer, type TestHttpServer } from '../support/test-http-server.js'

/**
 * Every step's job summary as GitHub shows it: GFM rendered, mermaid charts drawn in headless
 * Chromium, light and dark. The summaries come from real runs of the engine (the CLI
 * in-process, a real HTTP server). Screenshots go to build/summaries/ for a person to look at.
 */

const SHOTS = resolve('build/summaries')
const RUN_URL = 'https://github.com/o/r/actions/runs/7'
const SITE = 'https://qa.example.com'
const HOOK = 'http://127.0.0.1:9/hooks/render-s3cr3t-path'

async function cli<T>(argv: string[], cwd: string): Promise<T> {
  let stdout = ''
  await runCli({
    argv: [...argv, '--json'],
    env: { PATH: process.env.PATH },
    cwd,
    stdout: t => (stdout += t),
    stderr: () => {},
    version: '0.0.0-test'
  })
  return JSON.parse(stdout) as T
}

let renderer: SummaryRenderer
let server: TestHttpServer
const docs: Record<string, SummaryDoc> = {}
const rendered: Record<string, Record<Theme, RenderedSummary>> = {}

beforeAll(async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'shiprail-render-'))
  const deploy = (version: string, run: string, extra: string[] = []) =>
    cli<DeployResult>(
      ['deploy', '--environment=qa', `--version=${version}`, `--run=${run}`, ...extra],
      cwd
    )
  docs['deploy'] = deploySummary(
    await deploy('1.0.0', 'true', [`--environment-url=${SITE}`]),
    RUN_URL
  )
  await deploy('2.0.0', 'true', [`--environment-url=${SITE}`])
  docs['deploy-failed'] = deploySummary(
    await deploy(
      '3.0.0',
      `echo "migrating"; echo "posting to ${HOOK}"; echo "database is locked" >&2; exit 3`,
      [`--environment-url=${SITE}`, `--notify-url=${HOOK}`]
    ),
    RUN_URL
  )
  docs['rollback'] = rollbackSummary(
    await cli<RollbackResult>(
      ['rollback', '--environment=qa', '--run=true', '--reason=bad build'],
      cwd
    ),
    RUN_URL
  )

  // One reset in the middle (no reply at all), the rest fast.
  server = await startTestServer({
    routes: { '/': (_req, hit) => (hit === 2 ? { reset: true } : { body: 'ok' }) }
  })
  docs['smoke-test'] = smokeTestSummary(
    await cli<SmokeTestResult>(['smoke-test', `--url=${server.url}/missing`, '--timeout=2'], cwd)
  )
  server.resetStats()
  docs['status-check'] = statusCheckSummary(
    await cli<StatusCheckResult>(
      [
        'status-check',
        '--environment=qa',
        `--url=${server.url}/`,
        '--duration=3',
        '--interval=1',
        '--min-success-rate=0.5',
        '--max-p95-latency-ms=200',
        '--record-verdict=false'
      ],
      cwd
    ),
    RUN_URL
  )
  docs['status-check-unhealthy'] = statusCheckSummary(
    await cli<StatusCheckResult>(
      [
        'status-check',
        '--environment=qa',
        `--url=${server.url}/missing`,
        '--duration=3',
        '--interval=1',
        '--record-verdict=false'
      ],
      cwd
    ),
    RUN_URL
  )

  renderer = await SummaryRenderer.start()
  for (const [name, doc] of Object.entries(docs)) {
    const markdown = toMarkdown(doc)
    rendered[name] = {
      light: await renderer.render(markdown, 'light', SHOTS, name),
      dark: await renderer.render(markdown, 'dark', SHOTS, name)
    }
  }
}, 120_000)

afterAll(async () => {
  await renderer?.close()
  await server?.close()
})

const each = () =>
  Object.keys(docs).flatMap(name => (['light', 'dark'] as Theme[]).map(t => [name, t] as const))

describe('job summaries rendered the way GitHub renders them', () => {
  it('draws every chart without a mermaid error and screenshots each summary in both themes', () => {
    expect(Object.keys(rendered)).toHaveLength(6)
    for (const [name, theme] of each()) {
      const page = rendered[name][theme]
      expect({ name, theme, errors: page.mermaidErrors }).toEqual({ name, theme, errors: [] })
      const png = readFileSync(page.screenshot)
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect(statSync(page.screenshot).size).toBeGreaterThan(5_000)
    }
    expect(rendered['status-check'].light.charts).toBe(1)
    expect(rendered['status-check'].dark.charts).toBe(1)
  })

  it('draws the latency lines in colours that read on both backgrounds', () => {
    for (const theme of ['light', 'dark'] as Theme[]) {
      const page = rendered['status-check'][theme]
      expect(page.lineColours.length).toBeGreaterThanOrEqual(2)
      // Against the page and against the chart's own background, whichever is drawn.
      for (const bg of [THEMES[theme].bg, ...page.chartBackgrounds]) {
        for (const colour of page.lineColours)
          expect({ theme, colour, bg, ratio: contrast(colour, bg) >= 3 }).toEqual({
            theme,
            colour,
            bg,
            ratio: true
          })
      }
    }
  })

  it('opens no table with an empty header row', () => {
    for (const [name, theme] of each()) {
      for (const header of rendered[name][theme].tableHeaders)
        expect({ name, header: header.every(cell => cell !== '') }).toEqual({ name, header: true })
    }
  })

  it('titles every step "Shiprail <step>"', () => {
    expect(Object.values(docs).map(d => d.title)).toEqual([
      'Shiprail deploy',
      'Shiprail deploy',
      'Shiprail rollback',
      'Shiprail smoke test',
      'Shiprail status check',
      'Shiprail status check'
    ])
  })

  it('marks the failed phase of a failed deploy, shows the script’s last lines masked, says what is live, and links no environment', () => {
    const page = rendered['deploy-failed'].light
    expect(page.text).toMatch(/command driver \d+ ms ❌ failed here/)
    expect(page.text).toContain('migrating')
    expect(page.text).toContain('database is locked')
    expect(page.text).toContain('posting to ***')
    expect(page.text).not.toContain('render-s3cr3t-path')
    expect(page.text).toMatch(/Live now: 2\.0\.0 per the ledger/)
    expect(Object.keys(page.links)).toEqual(['Run log'])
    expect(rendered['deploy'].light.links['Open environment']).toBe(`${SITE}/`)
  })

  it('links the environment from the rollback and the status-check summaries', () => {
    expect(rendered['rollback'].light.links['Open environment']).toBe(`${SITE}/`)
    expect(rendered['status-check'].light.links['Open environment']).toBe(`${SITE}/`)
  })

  it('explains a healthy verdict with failed probes, and says an unhealthy one in one short line', () => {
    const healthy = rendered['status-check'].light.text
    expect(healthy).toContain('✅ healthy: qa held every threshold')
    expect(healthy).toMatch(/1 of 4 failed, within the threshold; last: /)
    expect(healthy).toMatch(/No reply at all in 1 round \(at 1 s\): left off the chart/)

    const unhealthy = docs['status-check-unhealthy']
    expect(unhealthy.verdict).toBe(
      `❌ **unhealthy**: probe GET /missing success rate missed its threshold (see Detail)`
    )
    const reason = unhealthy.tables[0].rows[0][5]
    expect(reason).toMatch(/got 404/)
    expect(rendered['status-check-unhealthy'].light.text.split(reason)).toHaveLength(2)
    // One round before the window ended early: no line to draw, so no chart.
    expect(rendered['status-check-unhealthy'].light.charts).toBe(0)
  })

  it('fails on a mermaid parse error, and would have caught mermaid’s default line colour', async () => {
    const broken = await renderer.render(
      '```mermaid\nxychart-beta\n    line [1, 2\n```\n',
      'light',
      SHOTS,
      'broken-chart'
    )
    expect(broken.mermaidErrors.length).toBeGreaterThan(0)
    const plain = await renderer.render(
      '```mermaid\nxychart-beta\n    x-axis [a, b]\n    line [1, 2]\n```\n',
      'light',
      SHOTS,
      'default-palette'
    )
    expect(plain.mermaidErrors).toEqual([])
    expect(contrast(plain.lineColours[0], THEMES.light.bg)).toBeLessThan(1.5)
  })
})
