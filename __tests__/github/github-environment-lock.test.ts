/**
 * Trap 0 of issue 17 with `ledger: github`: the oldest in-progress Shiprail deployment whose
 * workflow run is still running holds the environment. The deploy step in-process with the
 * command driver, against the stand-in that validates every request and reply (including
 * GET /repos/{owner}/{repo}/actions/runs/{run_id}) against GitHub's OpenAPI description.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckFailedError } from '../../src/core/errors.js'
import { parseDeploySettings } from '../../src/core/settings/deploy-settings.js'
import { deploy } from '../../src/core/steps/deploy.js'
import { GitHubLedger } from '../../src/github/github-ledger.js'
import { createGitHubClient } from '../../src/github/octokit.js'
import { testContext } from '../support/context.js'
import {
  startGitHubStandIn,
  type GitHubStandIn,
  type StoredDeployment
} from '../support/github-standin.js'

const REPO = 'octo-org/octo-app'
const TOKEN = 'ghs_environmentLockToken12345'
const runUrl = (id: number) => `https://github.com/${REPO}/actions/runs/${id}/attempts/1`
// Marks its start, waits for go-<version> (at most 60 s), then puts the version "live".
const SCRIPT = `echo "start $SHIPRAIL_VERSION" >> ops.log
for _ in $(seq 1 600); do [[ -e "go-$SHIPRAIL_VERSION" ]] && break; sleep 0.1; done
echo "end $SHIPRAIL_VERSION" >> ops.log`

let gh: GitHubStandIn
let dir: string
beforeAll(async () => {
  gh = await startGitHubStandIn({ token: TOKEN })
})
afterAll(() => gh.close())
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiprail-ghlock-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  gh.expectNoViolations()
})

function deployIn(environment: string, version: string, run: number, lockTimeout = '0') {
  const ctx = testContext({
    ledger: new GitHubLedger(createGitHubClient(TOKEN, gh.url, testContext().logger), REPO),
    run: { workspace: dir, env: { PATH: process.env.PATH }, runUrl: runUrl(run) }
  })
  const settings = parseDeploySettings(
    {
      environment,
      version,
      run: SCRIPT,
      ledger: 'github',
      token: TOKEN,
      'lock-timeout': lockTimeout
    },
    { insideActions: true, sha: 'd'.repeat(40), repository: REPO }
  )
  return { ctx, done: deploy(settings, ctx) }
}

const ops = () =>
  existsSync(join(dir, 'ops.log')) ? readFileSync(join(dir, 'ops.log'), 'utf8') : ''
const go = (version: string) => writeFileSync(join(dir, `go-${version}`), '')
const byVersion = (environment: string) =>
  Object.fromEntries(
    gh
      .deployments(REPO)
      .filter(d => d.environment === environment)
      .map(d => [(d.payload as { version: string }).version, d])
  ) as Record<string, StoredDeployment>
const states = (d: StoredDeployment) => d.statuses.map(s => s.state).join('>')

function seedHolder(environment: string, version: string, run: number): number {
  const [id] = gh.seed(REPO, [
    {
      environment,
      payload: {
        version,
        driver: 'command',
        previous_version: null,
        operation: 'deploy',
        run_url: runUrl(run)
      },
      statuses: ['in_progress']
    }
  ])
  return id
}

describe('one deploy per environment at a time (ledger: github)', () => {
  it("refuses while an older deployment's run is still running, naming it; nothing runs", async () => {
    gh.seedRun(REPO, 11, 'in_progress')
    const holder = seedHolder('lock-a', '1.0.0', 11)
    go('2.0.0')
    const { done } = deployIn('lock-a', '2.0.0', 12)
    await expect(done).rejects.toThrow(CheckFailedError)
    await expect(done).rejects.toThrow(
      `lock-a is locked by another deploy: deployment ${holder} of 1.0.0 (run ${runUrl(11)}), since `
    )
    expect(ops()).toBe('')
    const d = byVersion('lock-a')
    expect(states(d['2.0.0'])).toBe('in_progress>error')
    expect(d['2.0.0'].statuses.at(-1)?.description).toMatch(/^Not run: lock-a is locked/)
    expect(states(d['1.0.0'])).toBe('in_progress')
    expect(gh.requests.some(r => r.path.endsWith('/actions/runs/11'))).toBe(true)
  })

  it('passes over a holder whose run finished: marks it error and deploys', async () => {
    gh.seedRun(REPO, 13, 'completed')
    seedHolder('lock-b', '1.0.0', 13)
    go('2.0.0')
    const { ctx, done } = deployIn('lock-b', '2.0.0', 14)
    expect((await done).outcome).toBe('success')
    expect(ctx.logger.text()).toMatch(
      /Passing over deployment \d+ of 1\.0\.0: still in progress, but its run .*runs\/13\/attempts\/1 has finished/
    )
    const d = byVersion('lock-b')
    expect(states(d['1.0.0'])).toBe('in_progress>error')
    expect(states(d['2.0.0'])).toBe('in_progress>success')
  })

  it('two concurrent deploys: the later waits (lock-timeout) and runs after; one live, the one that ran last', async () => {
    gh.seedRun(REPO, 21, 'in_progress')
    gh.seedRun(REPO, 22, 'in_progress')
    const first = deployIn('lock-c', '1.0.0', 21)
    for (let i = 0; i < 100 && !ops().includes('start 1.0.0'); i++)
      await new Promise(r => setTimeout(r, 100))
    const second = deployIn('lock-c', '2.0.0', 22, '60')
    await new Promise(r => setTimeout(r, 1500))
    expect(ops()).toBe('start 1.0.0\n')
    go('1.0.0')
    go('2.0.0')
    expect((await first.done).outcome).toBe('success')
    expect((await second.done).outcome).toBe('success')
    expect(second.ctx.logger.text()).toMatch(
      /Waiting up to 60 s for lock-c, held by deployment \d+ of 1\.0\.0/
    )
    expect(ops()).toBe('start 1.0.0\nend 1.0.0\nstart 2.0.0\nend 2.0.0\n')
    // 1.0.0 was superseded by the deploy that ran after it: one live deployment, 2.0.0.
    const d = byVersion('lock-c')
    expect(states(d['1.0.0'])).toBe('in_progress>success>inactive')
    expect(states(d['2.0.0'])).toBe('in_progress>success')
  }, 90_000)
})
