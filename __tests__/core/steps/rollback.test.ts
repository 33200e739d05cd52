import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckFailedError } from '../../../src/core/errors.js'
import type { RawInputs } from '../../../src/core/inputs.js'
import { deploymentState } from '../../../src/core/ledger/deployment-state.js'
import { FileLedger } from '../../../src/core/ledger/file-ledger.js'
import type { DeploymentRecord } from '../../../src/core/ledger/ledger.js'
import { recordVerdict } from '../../../src/core/ledger/verdict.js'
import { parseDeploySettings } from '../../../src/core/settings/deploy-settings.js'
import { parseRollbackSettings } from '../../../src/core/settings/rollback-settings.js'
import { deploy } from '../../../src/core/steps/deploy.js'
import { rollback } from '../../../src/core/steps/rollback.js'
import { testContext } from '../../support/context.js'
import { FakeClock } from '../../support/fake-clock.js'

/**
 * The rollback step in-process: real bash scripts through the command driver, a real JSON
 * ledger, a fake clock. History is built by the deploy step and verdicts as the checks record
 * them, so these read the same records a user's ledger would hold.
 */

const SCRIPT =
  'echo "$SHIPRAIL_OPERATION $SHIPRAIL_VERSION from=$SHIPRAIL_PREVIOUS_VERSION" >> runs.log'

function setup(run: Partial<{ manual: boolean; runUrl: string }> = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'shiprail-rollback-step-'))
  const clock = new FakeClock()
  const ledger = new FileLedger(join(workspace, 'ledger.json'), clock)
  const ctx = testContext({
    clock,
    ledger,
    run: {
      workspace,
      runUrl: run.runUrl ?? 'https://ci.example/run/9',
      manual: run.manual ?? true,
      env: { PATH: process.env.PATH }
    }
  })
  const defaults = { insideActions: false, sha: 'd'.repeat(40) }
  /** Deploys a version, then records a check verdict on it (true, false, or none). */
  const ship = async (version: string, verdict?: boolean) => {
    clock.advance(60_000)
    const result = await deploy(
      parseDeploySettings(
        { environment: 'production', ledger: 'file', run: SCRIPT, version },
        defaults
      ),
      ctx
    )
    if (verdict !== undefined)
      await recordVerdict(
        ctx,
        'production',
        'smoke-test',
        verdict,
        verdict ? 'ok' : 'broken',
        'true'
      )
    return result
  }
  const back = (inputs: RawInputs = {}) => {
    clock.advance(60_000)
    return rollback(
      parseRollbackSettings(
        {
          environment: 'production',
          ledger: 'file',
          run: SCRIPT,
          reason: 'checks failed',
          ...inputs
        },
        defaults
      ),
      ctx
    )
  }
  const runs = () => readFileSync(join(workspace, 'runs.log'), 'utf8').trim().split('\n')
  const history = async () => {
    const out: DeploymentRecord[] = []
    for await (const r of ledger.history('production')) out.push(r)
    return out
  }
  const live = async () =>
    (await history()).find(r => {
      const s = deploymentState(r)
      return s.deployed && !s.inactive
    })
  return { ctx, clock, ship, back, runs, history, live }
}

describe('rollback (in-process, file ledger, fake clock)', () => {
  it('returns to the newest verified version, and marks the one rolled back from bad', async () => {
    const t = setup()
    await t.ship('1.0.0', true)
    await t.ship('2.0.0', true)
    const bad = await t.ship('3.0.0', false)
    const result = await t.back()

    expect(result).toMatchObject({
      step: 'rollback',
      outcome: 'success',
      version: '2.0.0',
      fromVersion: '3.0.0',
      fromDeploymentId: bad.deploymentId,
      targetVerified: true,
      reason: 'checks failed'
    })
    expect(result.driverMs).toBe(result.phases.find(p => p.name === 'command driver')?.ms)
    expect(t.runs().pop()).toBe('rollback 2.0.0 from=3.0.0')
    const [newest, rolledBackFrom] = await t.history()
    expect(newest.payload).toMatchObject({
      version: '2.0.0',
      operation: 'rollback',
      rollback_of: bad.deploymentId,
      reason: 'checks failed'
    })
    expect(deploymentState(rolledBackFrom)).toMatchObject({ bad: true, inactive: true })
    expect((await t.live())?.id).toBe(result.deploymentId)
  })

  it('never lands on a bad version: a second rollback skips the one rolled back from', async () => {
    const t = setup()
    await t.ship('1.0.0', true)
    await t.ship('2.0.0', true)
    await t.ship('3.0.0', false)
    await t.back()
    // A later run: one run never rolls back twice (that would hide the real failure).
    t.ctx.run.runUrl = 'https://ci.example/run/10'
    const second = await t.back()
    expect(second).toMatchObject({ outcome: 'success', version: '1.0.0', fromVersion: '2.0.0' })
  })

  it('refuses to roll back to the live version', async () => {
    const t = setup()
    await t.ship('1.0.0', true)
    await t.ship('2.0.0', true)
    await expect(t.back({ 'to-version': '2.0.0' })).rejects.toThrow('2.0.0 is already live')
  })

  it('refuses a version marked bad unless forced', async () => {
    const t = setup()
    await t.ship('1.0.0', false)
    await t.ship('2.0.0', true)
    await expect(t.back({ 'to-version': '1.0.0' })).rejects.toThrow(/marked bad/)
    const forced = await t.back({ 'to-version': '1.0.0', force: 'true' })
    expect(forced).toMatchObject({ outcome: 'success', version: '1.0.0' })
    expect(forced.note).toBe('forced: 1.0.0 is marked bad')
  })

  it('says there is nothing to roll back to, and changes nothing', async () => {
    const t = setup()
    await t.ship('1.0.0', true)
    const before = await t.history()
    await expect(t.back()).rejects.toThrow(CheckFailedError)
    await expect(t.back()).rejects.toThrow(/no known-good version/)
    expect(await t.history()).toEqual(before)
  })

  it('rolls back automatically at most once per run', async () => {
    const t = setup({ manual: false, runUrl: 'https://ci.example/run/auto' })
    await t.ship('1.0.0', true)
    await t.ship('2.0.0', true)
    await t.ship('3.0.0', false)
    await t.back({ reason: '' })
    await expect(t.back({ reason: '' })).rejects.toThrow(/not rolling back twice in one run/)
  })

  it('records a failed rollback script and leaves the bad version where it was', async () => {
    const t = setup()
    await t.ship('1.0.0', true)
    const bad = await t.ship('2.0.0', false)
    const result = await t.back({ 'rollback-run': 'exit 4' })
    expect(result.outcome).toBe('failure')
    expect(result.error).toMatch(/rollback script/)
    const [newest] = await t.history()
    expect(newest.statuses.map(s => s.state)).toEqual(['in_progress', 'failure'])
    expect((await t.live())?.id).toBe(bad.deploymentId)
  })

  it('plans without writing on a dry run', async () => {
    const t = setup()
    await t.ship('1.0.0', true)
    await t.ship('2.0.0', false)
    const before = await t.history()
    const planned = await t.back({ 'dry-run': 'true' })
    expect(planned).toMatchObject({ outcome: 'planned', version: '1.0.0', fromVersion: '2.0.0' })
    expect(await t.history()).toEqual(before)
  })
})
