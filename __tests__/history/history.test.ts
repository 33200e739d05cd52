import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock, type Clock } from '../../src/core/context.js'
import { DEPLOYMENT_STATE_NAMES, STATE_MEANINGS } from '../../src/core/ledger/deployment-state.js'
import { FileLedger } from '../../src/core/ledger/file-ledger.js'
import type { Ledger } from '../../src/core/ledger/ledger.js'
import { parseHistorySettings } from '../../src/core/settings/history-settings.js'
import { history, type HistoryResult } from '../../src/core/steps/history.js'
import { GitHubLedger } from '../../src/github/github-ledger.js'
import { createGitHubClient } from '../../src/github/octokit.js'
import { gitCommitTime } from '../../src/runtime/git-commit-time.js'
import { ROOT } from '../support/action-runner.js'
import { testContext } from '../support/context.js'
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-standin.js'
import {
  COMMIT_DATES,
  ENVIRONMENT,
  EXPECTED_METRICS,
  EXPECTED_STATES,
  fileLedgerJson,
  gitRepository,
  NOW,
  standInSeed
} from '../support/history-fixture.js'

const fixedClock: Clock = { now: () => new Date(NOW), sleep: systemClock.sleep }
const REPO = 'octo-org/octo-app'
const TOKEN = 'test-token'
const defaults = { insideActions: false, repository: REPO }

async function run(ledger: Ledger, inputs: Record<string, string>): Promise<HistoryResult> {
  const settings = parseHistorySettings(
    { environment: ENVIRONMENT, ledger: ledger.kind, token: TOKEN, ...inputs },
    defaults
  )
  return history(settings, testContext({ ledger, clock: fixedClock }))
}

function expectFixtureMetrics(result: HistoryResult): void {
  const m = result.metrics
  expect(m).toBeDefined()
  expect(m).toMatchObject({
    windowStart: EXPECTED_METRICS.windowStart,
    windowEnd: EXPECTED_METRICS.windowEnd,
    deploys: EXPECTED_METRICS.deploys,
    leadTime: EXPECTED_METRICS.leadTime,
    changeFailureRate: EXPECTED_METRICS.changeFailureRate,
    timeToRestore: EXPECTED_METRICS.timeToRestore
  })
  expect(m?.deploymentFrequency.value).toBeCloseTo(EXPECTED_METRICS.deploymentFrequency.value, 10)
  for (const figure of [
    m?.deploymentFrequency,
    m?.leadTime,
    m?.changeFailureRate,
    m?.timeToRestore
  ])
    expect(figure?.computed).toMatch(/\w/)
}

const git = gitRepository()

describe('history from the file ledger', () => {
  let ledger: FileLedger
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'shiprail-history-'))
    const path = join(dir, 'ledger.json')
    writeFileSync(path, fileLedgerJson(git.shas))
    ledger = new FileLedger(path, fixedClock, gitCommitTime(git.dir))
  })

  it('lists every deployment newest first with its state word and the rollback target', async () => {
    const result = await run(ledger, {})
    expect(result.deployments.map(d => [d.version, d.state, d.rollbackTarget])).toEqual(
      EXPECTED_STATES
    )
    expect(result.live).toEqual({ version: '1.2.0', deploymentId: '6' })
    expect(result.rollback).toMatchObject({ version: '1.0.0', deploymentId: '2', verified: true })
    const rollbackEntry = result.deployments.find(d => d.id === '6')
    expect(rollbackEntry).toMatchObject({
      operation: 'rollback',
      rollbackOf: '5',
      outcome: 'success'
    })
    expect(result.deployments.find(d => d.id === '3')?.verdicts).toEqual([
      expect.objectContaining({ state: 'failure', description: expect.stringMatching(/5xx rate/) })
    ])
    expect(result.metrics).toBeUndefined()
  })

  it('computes the hand-worked delivery metrics for the last 30 days, commit times from git', async () => {
    const result = await run(ledger, { metrics: 'true', since: '30d' })
    // 0.9.0 was created before the window.
    expect(result.deployments.map(d => d.version)).not.toContain('0.9.0')
    expect(result.deployments).toHaveLength(EXPECTED_STATES.length - 1)
    expectFixtureMetrics(result)
    expect(result.metrics?.leadTime.computed).toMatch(/local git repository/)
  })

  it('says unknown, never a guess, when no commit time can be read', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'shiprail-history-')), 'ledger.json')
    writeFileSync(path, fileLedgerJson(git.shas))
    // A workspace that is not a git repository: every commit is unknown.
    const blind = new FileLedger(path, fixedClock, gitCommitTime(tmpdir()))
    const result = await run(blind, { metrics: 'true', since: '30d' })
    expect(result.metrics?.leadTime).toMatchObject({ value: null, samples: 0, unknown: 4 })
    expect(result.metrics?.leadTime.computed).toMatch(/^unknown: no commit time known/)
    // The other figures do not need commits.
    expect(result.metrics?.changeFailureRate.value).toBe(0.5)
  })

  it('gives null figures for an environment with no deployments', async () => {
    const settings = parseHistorySettings(
      { environment: 'nowhere', ledger: 'file', metrics: 'true' },
      defaults
    )
    const result = await history(settings, testContext({ ledger, clock: fixedClock }))
    expect(result.deployments).toEqual([])
    expect(result.rollback).toMatchObject({
      version: null,
      reason: expect.stringMatching(/nothing is live/)
    })
    const m = result.metrics
    expect([
      m?.deploymentFrequency.value,
      m?.leadTime.value,
      m?.changeFailureRate.value,
      m?.timeToRestore.value
    ]).toEqual([null, null, null, null])
  })
})

describe('history from the GitHub Deployments API (stand-in)', () => {
  let gh: GitHubStandIn
  beforeAll(async () => {
    gh = await startGitHubStandIn({ token: TOKEN })
  })
  afterAll(() => gh.close())

  function githubLedger(): GitHubLedger {
    return new GitHubLedger(createGitHubClient(TOKEN, gh.url, testContext().logger), REPO)
  }

  it('gives the same states and the same hand-worked metrics as the file ledger', async () => {
    // The rollback's payload names the deployment it rolled back from by the stand-in's id.
    const [probe] = gh.seed('octo-org/probe', [{ environment: 'probe', statuses: [] }])
    gh.seed(REPO, standInSeed(git.shas, probe + 1))
    const commits: Record<string, string> = {}
    for (const [name, date] of Object.entries(COMMIT_DATES)) commits[git.shas[name]] = date
    gh.seedCommits(REPO, commits)
    gh.reset()

    const all = await run(githubLedger(), {})
    expect(all.deployments.map(d => [d.version, d.state, d.rollbackTarget])).toEqual(
      EXPECTED_STATES
    )

    gh.reset()
    const result = await run(githubLedger(), { metrics: 'true', since: '30d' })
    expectFixtureMetrics(result)
    expect(result.metrics?.leadTime.computed).toMatch(/GitHub API/)
    // One page of deployments, one status list per deployment read (the 7 in the window and
    // 0.9.0, read to see where the window ends), one commit per distinct commit of a deploy.
    const byOperation = countBy(gh.requests.map(r => r.operationId ?? '?'))
    expect(byOperation).toEqual({
      'repos/list-deployments': 1,
      'repos/list-deployment-statuses': 8,
      'repos/get-commit': 4
    })
    gh.expectNoViolations()
  })

  it('reads 500 deployments with one call per page, per status list and per distinct commit', async () => {
    const repo = 'octo-org/busy-app'
    const start = NOW.getTime() - 501 * 3_600_000
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z')
    const shaOf = (i: number) => (Math.floor(i / 10) + 1).toString(16).padStart(40, '0')
    const commits: Record<string, string> = {}
    const items = Array.from({ length: 500 }, (_, i) => {
      const at = start + i * 3_600_000
      // Every tenth deploy fails its status-check; the next deploy, an hour later, restores.
      const bad = i % 10 === 9
      commits[shaOf(i)] ??= iso(at - 3_600_000)
      return {
        environment: ENVIRONMENT,
        ref: shaOf(i),
        createdAt: iso(at),
        payload: {
          version: `1.0.${i}`,
          driver: 'command',
          previous_version: null,
          operation: 'deploy',
          run_url: null
        },
        statuses: [
          { state: 'in_progress', at: iso(at) },
          { state: 'success', description: `Deployed 1.0.${i}`, at: iso(at + 600_000) },
          bad
            ? { state: 'failure', description: 'status-check failed', at: iso(at + 900_000) }
            : { state: 'success', description: 'status-check passed', at: iso(at + 900_000) },
          ...(i < 499
            ? [
                {
                  state: 'inactive',
                  description: 'Shiprail: superseded',
                  at: iso(at + 3_600_000 + 600_001)
                }
              ]
            : [])
        ]
      }
    })
    gh.seed(repo, items)
    gh.seedCommits(repo, commits)
    gh.reset()

    const ledger = new GitHubLedger(createGitHubClient(TOKEN, gh.url, testContext().logger), repo)
    const settings = parseHistorySettings(
      { environment: ENVIRONMENT, ledger: 'github', token: TOKEN, metrics: 'true' },
      { insideActions: true, repository: repo }
    )
    const result = await history(settings, testContext({ ledger, clock: fixedClock }))

    expect(result.deployments).toHaveLength(500)
    expect(result.deployments[0]).toMatchObject({ version: '1.0.499', state: 'live' })
    expect(result.rollback).toMatchObject({ version: '1.0.498', verified: true })
    expect(countBy(gh.requests.map(r => r.operationId ?? '?'))).toEqual({
      'repos/list-deployments': 17, // 500 / 30 per page
      'repos/list-deployment-statuses': 500,
      'repos/get-commit': 50 // one per distinct commit
    })
    const m = result.metrics
    expect(m?.deploys).toBe(500)
    // Ten deploys share a commit made an hour before the first of them: leads of 70 min plus
    // 0..9 hours, whose median is 70 min + 4.5 h = 20400 s.
    expect(m?.leadTime).toMatchObject({ samples: 500, unknown: 0, value: 20400 })
    expect(m?.changeFailureRate).toMatchObject({ value: 0.1, failed: 50 })
    // 49 failures restored by the next deploy an hour later; the newest is still live.
    expect(m?.timeToRestore).toMatchObject({ value: 3600, samples: 49, unrestored: 1 })
    expect(m?.deploymentFrequency.value).toBeCloseTo(500 / (501 / 24), 10)
    gh.expectNoViolations()
  })
})

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of values) out[v] = (out[v] ?? 0) + 1
  return out
}

describe('the state vocabulary', () => {
  it('is documented word for word in docs/behaviour.md', () => {
    const readme = readFileSync(join(ROOT, 'docs', 'behaviour.md'), 'utf8')
    for (const word of DEPLOYMENT_STATE_NAMES)
      expect(readme).toMatch(new RegExp(`^\\| \`${word}\` \\|`, 'm'))
    expect(Object.keys(STATE_MEANINGS)).toEqual(DEPLOYMENT_STATE_NAMES)
  })
})
