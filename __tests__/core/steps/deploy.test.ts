import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckFailedError } from '../../../src/core/errors.js'
import type { RawInputs } from '../../../src/core/inputs.js'
import { deploymentState } from '../../../src/core/ledger/deployment-state.js'
import { FileLedger } from '../../../src/core/ledger/file-ledger.js'
import type { DeploymentRecord } from '../../../src/core/ledger/ledger.js'
import { parseDeploySettings } from '../../../src/core/settings/deploy-settings.js'
import { deploy } from '../../../src/core/steps/deploy.js'
import { testContext } from '../../support/context.js'
import { FakeClock } from '../../support/fake-clock.js'

/**
 * The deploy step in-process: the command driver runs a real bash script, the ledger is a real
 * JSON file, the clock is fake so every recorded time is exact.
 */

const SHA = 'c'.repeat(40)
/** The script leaves one line per run: what it was told through SHIPRAIL_* variables. */
const SCRIPT =
  'echo "$SHIPRAIL_OPERATION $SHIPRAIL_ENVIRONMENT $SHIPRAIL_VERSION from=${SHIPRAIL_PREVIOUS_VERSION:-none} id=$SHIPRAIL_DEPLOYMENT_ID" >> runs.log'

function setup() {
  const workspace = mkdtempSync(join(tmpdir(), 'shiprail-deploy-step-'))
  const clock = new FakeClock()
  const ledger = new FileLedger(join(workspace, 'ledger.json'), clock)
  const ctx = testContext({
    clock,
    ledger,
    run: { workspace, runUrl: 'https://ci.example/run/7', env: { PATH: process.env.PATH } }
  })
  const settings = (inputs: RawInputs) =>
    parseDeploySettings(
      { environment: 'staging', ledger: 'file', run: SCRIPT, ...inputs },
      { insideActions: false, sha: SHA }
    )
  const runs = () => readFileSync(join(workspace, 'runs.log'), 'utf8').trim().split('\n')
  const history = async (environment = 'staging') => {
    const out: DeploymentRecord[] = []
    for await (const r of ledger.history(environment)) out.push(r)
    return out
  }
  return { workspace, clock, ledger, ctx, settings, runs, history }
}

describe('deploy (in-process, file ledger, fake clock)', () => {
  it('records the deployment, tells the script what it needs, and supersedes the one before', async () => {
    const t = setup()
    const first = await deploy(t.settings({ version: '1.0.0' }), t.ctx)
    t.clock.advance(60_000)
    const second = await deploy(t.settings({ version: '1.1.0' }), t.ctx)

    expect(first).toMatchObject({ outcome: 'success', version: '1.0.0', previousVersion: null })
    expect(second).toMatchObject({
      step: 'deploy',
      outcome: 'success',
      environment: 'staging',
      version: '1.1.0',
      previousVersion: '1.0.0',
      ref: SHA,
      driver: 'command',
      ledger: 'file',
      startedAt: '2026-11-30T12:01:00.000Z'
    })
    expect(t.runs()).toEqual([
      `deploy staging 1.0.0 from=none id=${first.deploymentId}`,
      `deploy staging 1.1.0 from=1.0.0 id=${second.deploymentId}`
    ])
    const [newest, older] = await t.history()
    expect(newest).toMatchObject({
      id: second.deploymentId,
      ref: SHA,
      createdAt: '2026-11-30T12:01:00.000Z',
      payload: { version: '1.1.0', operation: 'deploy', previous_version: '1.0.0' }
    })
    expect(deploymentState(newest)).toMatchObject({ deployed: true, inactive: false })
    expect(deploymentState(older)).toMatchObject({ deployed: true, inactive: true })
    expect(second.phases.map(p => p.name)).toEqual([
      'plan',
      'record start',
      'lock environment',
      'command driver',
      'record outcome'
    ])
  })

  it('records a failed script as a failed deployment and leaves the live one live', async () => {
    const t = setup()
    await deploy(t.settings({ version: '1.0.0' }), t.ctx)
    const failed = await deploy(
      t.settings({ version: '2.0.0', run: 'echo boom >&2; exit 3' }),
      t.ctx
    )

    expect(failed.outcome).toBe('failure')
    expect(failed.error).toMatch(/The deploy script .*3/)
    const [newest, older] = await t.history()
    expect(newest.statuses.map(s => s.state)).toEqual(['in_progress', 'failure'])
    expect(deploymentState(older)).toMatchObject({ deployed: true, inactive: false })
  })

  it('masks secrets the script prints in its error', async () => {
    const t = setup()
    t.ctx.secrets.add('hunter2-secret-value')
    const failed = await deploy(
      t.settings({ version: '1.0.0', run: 'echo "token hunter2-secret-value"; exit 1' }),
      t.ctx
    )
    expect(failed.outcome).toBe('failure')
    expect(t.ctx.logger.text()).not.toContain('hunter2-secret-value')
    expect(t.ctx.logger.text()).toContain('token ***')
  })

  it('plans without writing on a dry run', async () => {
    const t = setup()
    await deploy(t.settings({ version: '1.0.0' }), t.ctx)
    const planned = await deploy(t.settings({ version: '1.1.0', 'dry-run': 'true' }), t.ctx)

    expect(planned.outcome).toBe('planned')
    expect(planned.plan?.[0]).toBe('deploy 1.1.0 to staging (live now: 1.0.0)')
    expect(t.runs()).toHaveLength(1)
    expect(await t.history()).toHaveLength(1)
  })

  it('refuses to promote a version that was not verified where it came from, changing nothing', async () => {
    const t = setup()
    await deploy(t.settings({ version: '1.0.0' }), t.ctx)
    await expect(
      deploy(
        t.settings({ environment: 'production', version: '1.0.0', 'promote-from': 'staging' }),
        t.ctx
      )
    ).rejects.toThrow(CheckFailedError)
    expect(await t.history('production')).toEqual([])
    expect(t.runs()).toHaveLength(1)
  })

  it('reports start and finish to the post-step hooks', async () => {
    const t = setup()
    const events: string[] = []
    t.ctx.onDeploymentStarted = id => events.push(`started ${id}`)
    t.ctx.onDeploymentFinished = id => events.push(`finished ${id}`)
    const result = await deploy(t.settings({ version: '1.0.0' }), t.ctx)
    expect(events).toEqual([`started ${result.deploymentId}`, `finished ${result.deploymentId}`])
  })
})
