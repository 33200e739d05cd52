/**
 * Trap 2 of issue 17: a rollback of a deployment this same run created is automatic, whatever
 * started the run; a rollback a person starts is never recorded as automatic, and one of
 * production must say why. In-process against the file ledger and the command driver.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../../src/core/context.js'
import { InputError } from '../../../src/core/errors.js'
import { FileLedger } from '../../../src/core/ledger/file-ledger.js'
import { parseDeploySettings } from '../../../src/core/settings/deploy-settings.js'
import { parseRollbackSettings } from '../../../src/core/settings/rollback-settings.js'
import { deploy } from '../../../src/core/steps/deploy.js'
import { rollback } from '../../../src/core/steps/rollback.js'
import { testContext } from '../../support/context.js'

const RUN_A = 'https://github.com/o/r/actions/runs/500/attempts/1'
const RUN_B = 'https://github.com/o/r/actions/runs/501/attempts/1'
const SHA = 'a'.repeat(40)
const defaults = { insideActions: false, sha: SHA }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiprail-rbreason-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }))

interface Run {
  runUrl?: string
  manual: boolean
  actor?: string
}

function context(run: Run) {
  const ledgerFile = join(dir, 'ledger.json')
  return testContext({
    ledger: new FileLedger(ledgerFile, systemClock),
    run: { workspace: dir, env: { PATH: process.env.PATH }, ...run }
  })
}

async function deployed(environment: string, version: string, run: Run): Promise<void> {
  const settings = parseDeploySettings(
    { environment, version, run: 'true', ledger: 'file', 'ledger-file': join(dir, 'ledger.json') },
    defaults
  )
  expect((await deploy(settings, context(run))).outcome).toBe('success')
}

async function rolledBack(environment: string, run: Run, reason = '') {
  const settings = parseRollbackSettings(
    { environment, reason, run: 'true', ledger: 'file', 'ledger-file': join(dir, 'ledger.json') },
    { ...defaults, manual: run.manual }
  )
  return rollback(settings, context(run))
}

const ledgerText = () => readFileSync(join(dir, 'ledger.json'), 'utf8')

describe('rollback: automatic means this run deployed what is rolled back', () => {
  it('a workflow_dispatch run rolling back its own production deploy needs no reason', async () => {
    await deployed('production', '1.0.0', { runUrl: RUN_B, manual: false })
    const dispatched = { runUrl: RUN_A, manual: true, actor: 'alice' }
    await deployed('production', '2.0.0', dispatched)
    // A re-run of the failed job is attempt 2 of the same run: still automatic.
    const result = await rolledBack('production', {
      ...dispatched,
      runUrl: RUN_A.replace(/1$/, '2')
    })
    expect(result).toMatchObject({ outcome: 'success', version: '1.0.0', automatic: true })
    expect(result.reason).toBe(`automatic rollback by ${RUN_A.replace(/1$/, '2')}`)
  })

  it("a hand-started run rolling back another run's production deploy must say why, and changes nothing", async () => {
    await deployed('production', '1.0.0', { runUrl: RUN_B, manual: false })
    await deployed('production', '2.0.0', { runUrl: RUN_B, manual: false })
    const before = ledgerText()
    const refused = rolledBack('production', { runUrl: RUN_A, manual: true, actor: 'alice' })
    await expect(refused).rejects.toThrow(InputError)
    await expect(refused).rejects.toThrow(
      /^Input 'reason' is required for a manual rollback of production/
    )
    expect(ledgerText()).toBe(before)
  })

  it('a manual CLI rollback of staging is recorded as manual, never as automatic', async () => {
    await deployed('staging', '1.0.0', { manual: true })
    await deployed('staging', '2.0.0', { manual: true })
    // From a terminal there is no run URL: two terminal sessions are never "the same run".
    const result = await rolledBack('staging', { manual: true, actor: 'alice' })
    expect(result).toMatchObject({ outcome: 'success', automatic: false })
    expect(result.reason).toBe('manual rollback by alice; no reason given')
    expect(ledgerText()).not.toContain('automatic rollback')
  })

  it('a CI job rolling back a deploy it did not make says so, not "automatic"', async () => {
    await deployed('staging', '1.0.0', { runUrl: RUN_B, manual: false })
    await deployed('staging', '2.0.0', { runUrl: RUN_B, manual: false })
    const result = await rolledBack('staging', { runUrl: RUN_A, manual: false })
    expect(result.reason).toBe(`rollback by ${RUN_A}; no reason given`)
  })

  it('a given reason is recorded as given', async () => {
    await deployed('production', '1.0.0', { runUrl: RUN_B, manual: false })
    await deployed('production', '2.0.0', { runUrl: RUN_B, manual: false })
    const result = await rolledBack('production', { runUrl: RUN_A, manual: true }, 'login broken')
    expect(result).toMatchObject({ reason: 'login broken', automatic: false })
  })

  it('a run rolls its own deploy back at most once, even when started by hand', async () => {
    const dispatched = { runUrl: RUN_A, manual: true }
    for (const v of ['1.0.0', '2.0.0', '3.0.0']) await deployed('production', v, dispatched)
    expect((await rolledBack('production', dispatched)).version).toBe('2.0.0')
    await expect(rolledBack('production', dispatched)).rejects.toThrow(
      'This run already rolled production back to 2.0.0; not rolling back twice in one run.'
    )
  })
})
