import { join } from 'node:path'
import { startGitHubStandIn, type SeedItem } from '../../__tests__/support/github-standin.js'
import { startTestServer } from '../../__tests__/support/test-http-server.js'
import { shiprailInactive } from '../../src/core/ledger/ledger.js'
import { integer, ms, ratio } from '../format.js'
import { lastLines, timedRun } from '../processes.js'
import { actionInputs, runnerEnv } from '../runner-env.js'
import type { Section, SectionContext, Table } from '../section.js'

/**
 * Issue 9's API figure: GitHub API calls per deploy and per rollback (command driver,
 * `ledger: github`) against the OpenAPI-checked stand-in, with 0 and 500 earlier deployments.
 * Deterministic, so each sequence runs once.
 */

const ENVIRONMENT = 'production'

interface History {
  key: string
  label: string
  seed(): SeedItem[]
}

const HISTORIES: History[] = [
  { key: 'none', label: '0 earlier deployments', seed: () => [] },
  {
    key: 'shiprail',
    label: '500 earlier, made by Shiprail',
    // What 500 Shiprail deploys leave: each deployed, verified by a smoke test, then marked
    // inactive by the next one (with Shiprail's own wording, the only inactive the ledger
    // believes); the newest is live.
    seed: () =>
      Array.from({ length: 500 }, (_, i) => ({
        environment: ENVIRONMENT,
        payload: {
          version: `0.${i}.0`,
          driver: 'command',
          previous_version: i ? `0.${i - 1}.0` : null,
          operation: 'deploy',
          run_url: null
        },
        statuses:
          i === 499
            ? ['in_progress', 'success', 'success']
            : [
                'in_progress',
                'success',
                'success',
                shiprailInactive('superseded by the next deployment') as {
                  state: string
                  description: string
                }
              ]
      }))
  }
]

interface Step {
  name: string
  bundle: string
  inputs: Record<string, string>
  expectFailure?: boolean
  /** Output that must hold a value, e.g. rollback's version. */
  expectOutput?: [string, string]
}

interface Counted {
  step: string
  calls: number
  reads: number
  writes: number
  /** Calls made by the post step (the runner runs it after the job's steps). */
  postCalls: number
  wallMs: number
  byOperation: Record<string, number>
}

async function runStep(
  ctx: SectionContext,
  step: Step,
  env: Record<string, string>,
  requestsSoFar: () => number
): Promise<{ wallMs: number; postCalls: number; outputs: Record<string, string> }> {
  const inputs = actionInputs(ctx.root, step.bundle, { ...step.inputs, ledger: 'github' })
  const bundle = join(ctx.dist, step.bundle, 'index.js')
  const main = runnerEnv(ctx.tmp, inputs, env)
  const run = await timedRun(process.execPath, [bundle], {
    env: main.env,
    cwd: main.dir,
    timeoutMs: 30_000
  })
  const failed = run.code !== 0
  if (failed !== Boolean(step.expectFailure)) {
    throw new Error(`${step.name}: exited with ${run.code}: ${lastLines(run.stdout)}`)
  }
  const outputs = main.outputs()
  if (step.expectOutput && outputs[step.expectOutput[0]] !== step.expectOutput[1]) {
    throw new Error(
      `${step.name}: output ${step.expectOutput[0]} is ${outputs[step.expectOutput[0]]}`
    )
  }
  // The post run, as the runner starts it: same inputs, the state the main run saved.
  const state: Record<string, string> = {}
  for (const [name, value] of Object.entries(main.state())) state[`STATE_${name}`] = value
  let postCalls = 0
  if (Object.keys(state).length) {
    const before = requestsSoFar()
    const post = runnerEnv(ctx.tmp, inputs, { ...env, ...state })
    const p = await timedRun(process.execPath, [bundle], {
      env: post.env,
      cwd: post.dir,
      timeoutMs: 30_000
    })
    if (p.code !== 0)
      throw new Error(`${step.name} post: exited with ${p.code}: ${lastLines(p.stdout)}`)
    postCalls = requestsSoFar() - before
  }
  return { wallMs: run.wallMs, postCalls, outputs }
}

const section: Section = {
  id: 'github-api',
  title: 'GitHub API calls per deploy and rollback',
  order: 50,
  async run(ctx) {
    const api = await startGitHubStandIn()
    const app = await startTestServer({ routes: { '/ok': { body: 'ok' } } })
    try {
      const steps: Step[] = [
        {
          name: 'deploy 1.0.0',
          bundle: 'deploy',
          inputs: { environment: ENVIRONMENT, version: '1.0.0', run: 'true' }
        },
        {
          name: 'smoke-test passes (verdict on 1.0.0)',
          bundle: 'smoke-test',
          inputs: { environment: ENVIRONMENT, url: `${app.url}/ok` }
        },
        {
          name: 'deploy 1.0.1',
          bundle: 'deploy',
          inputs: { environment: ENVIRONMENT, version: '1.0.1', run: 'true' }
        },
        {
          name: 'smoke-test fails (verdict on 1.0.1)',
          bundle: 'smoke-test',
          inputs: {
            environment: ENVIRONMENT,
            url: `${app.url}/ok`,
            checks: '- path: /ok\n  expect-status: 418',
            timeout: '1'
          },
          expectFailure: true
        },
        {
          name: 'rollback to 1.0.0',
          bundle: 'rollback',
          inputs: { environment: ENVIRONMENT, run: 'true', reason: 'smoke test failed' },
          expectOutput: ['version', '1.0.0']
        }
      ]
      const counts: Record<string, Counted[]> = {}
      const violations: string[] = []
      for (const history of HISTORIES) {
        const repo = `bench-org/app-${history.key}`
        api.seed(repo, history.seed())
        api.reset()
        const env = { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: repo }
        counts[history.key] = []
        for (const step of steps) {
          const before = api.requests.length
          const run = await runStep(ctx, step, env, () => api.requests.length)
          const mine = api.requests.slice(before)
          const byOperation: Record<string, number> = {}
          for (const r of mine) {
            const op = `${r.method} ${r.operationId ?? r.path}`
            byOperation[op] = (byOperation[op] ?? 0) + 1
          }
          const reads = mine.filter(r => r.method === 'GET').length
          counts[history.key].push({
            step: step.name,
            calls: mine.length,
            reads,
            writes: mine.length - reads,
            postCalls: run.postCalls,
            wallMs: run.wallMs,
            byOperation
          })
          ctx.progress(
            `${history.label}: ${step.name}: ${mine.length} calls (${run.postCalls} in the post step), ${ms(run.wallMs)}`
          )
        }
        violations.push(...api.violations.map(v => `${history.label}: ${v}`))
      }

      const cellFor = (c: Counted) => `${c.calls} (${c.reads} read, ${c.writes} write)`
      const table: Table = {
        caption: `API calls per step (environment \`${ENVIRONMENT}\`, command driver, \`ledger: github\`), post steps included`,
        columns: [
          'Step',
          ...HISTORIES.map(h => `Calls, ${h.label}`),
          'Calls, 500 / 0',
          ...HISTORIES.map(h => `Step time, ${h.label}`)
        ],
        rows: steps.map((s, i) => [
          s.name,
          ...HISTORIES.map(h => cellFor(counts[h.key][i])),
          ratio(counts.shiprail[i].calls / counts.none[i].calls),
          ...HISTORIES.map(h => ms(counts[h.key][i].wallMs))
        ])
      }
      const first0 = counts.none[0]
      const first500 = counts.shiprail[0]
      const deploy0 = counts.none[2]
      const deploy500 = counts.shiprail[2]
      const rollback0 = counts.none[4]
      const rollback500 = counts.shiprail[4]
      const mostPerStep = Math.max(...counts.shiprail.map(c => c.calls))
      const paragraph =
        `The deploy, smoke-test and rollback bundles ran as the runner runs them, with \`ledger: github\` against ` +
        `the local stand-in for GitHub's Deployments API (every request and reply checked against GitHub's OpenAPI ` +
        `description), through one lifecycle: deploy, a passing smoke test, a second deploy, a failing smoke test, ` +
        `and a rollback, in an environment with no earlier deployments and in one with 500 left by earlier ` +
        `Shiprail runs. The first deploy made ${first0.calls} calls into the empty environment and ${first500.calls} ` +
        `into the one with 500 earlier deployments (${ratio(first500.calls / first0.calls)}: there it also reads ` +
        `what is live and marks it inactive); the second deploy made ${deploy0.calls} and ${deploy500.calls} ` +
        `(${ratio(deploy500.calls / deploy0.calls)}); the rollback made ` +
        `${rollback0.calls} and ${rollback500.calls} (${ratio(rollback500.calls / rollback0.calls)}): each ` +
        `deployment's payload names the one before it and marking earlier deployments inactive stops at the first ` +
        `one already inactive, so the cost does not grow with the history. Step times are mostly Octokit's ` +
        `throttling, which spaces writes about a second apart as GitHub's REST guidelines ask. For a user: at most ` +
        `${mostPerStep} calls per step means the \`GITHUB_TOKEN\` limit of 1,000 requests an hour per repository ` +
        `allows about ${integer(Math.floor(1000 / mostPerStep))} Shiprail steps an hour, whatever the length of the ` +
        `environment's history.`
      return {
        paragraph,
        tables: [table],
        notes: [
          'The `GITHUB_TOKEN` limit: https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api (1,000 requests an hour per repository; more on GitHub Enterprise Cloud).',
          'Calls are counted at the stand-in: every HTTP request a step made, the post step (which finishes a deployment a cancelled job left open) included; reads are GETs, writes are POSTs. The counts are deterministic, so each sequence ran once.',
          violations.length
            ? `The stand-in recorded ${violations.length} breach(es) of GitHub's OpenAPI description: ${violations.slice(0, 3).join('; ')}`
            : "The stand-in recorded no breach of GitHub's OpenAPI description in any request or reply."
        ],
        data: { environment: ENVIRONMENT, counts, violations }
      }
    } finally {
      await app.close()
      await api.close()
    }
  }
}

export default section
