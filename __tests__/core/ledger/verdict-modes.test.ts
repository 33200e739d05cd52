import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileLedger } from '../../../src/core/ledger/file-ledger.js'
import { recordVerdict, type RecordVerdictMode } from '../../../src/core/ledger/verdict.js'
import { testContext } from '../../support/context.js'
import { FakeClock } from '../../support/fake-clock.js'

/**
 * `record-verdict`: `false` never writes; `true` always writes on the live deployment; `auto`
 * writes only when the live deployment was created by this run, so a check run by hand never
 * marks a good version bad. A file ledger and a fake clock.
 */

const THIS_RUN = 'https://github.com/o/r/actions/runs/1' // testContext's run
const OTHER_RUN = 'https://github.com/o/r/actions/runs/2'

async function live(runUrl: string | null) {
  const clock = new FakeClock()
  const ledger = new FileLedger(join(mkdtempSync(join(tmpdir(), 'verdict-')), 'l.json'), clock)
  const d = await ledger.create({
    environment: 'staging',
    ref: '',
    description: 'd',
    productionEnvironment: false,
    payload: {
      version: '4.0.0',
      driver: 'command',
      previous_version: null,
      operation: 'deploy',
      run_url: runUrl
    }
  })
  await ledger.addStatus(d.id, { state: 'success', description: 'deployed' })
  const ctx = testContext({ ledger, clock })
  const states = async () => {
    for await (const r of ledger.history('staging')) return r.statuses.map(s => s.state)
  }
  return { ctx, id: d.id, states }
}

describe('recordVerdict: which mode writes a failed verdict on which live deployment', () => {
  it.each<[RecordVerdictMode, string | null, string | undefined]>([
    ['auto', THIS_RUN, undefined],
    ['auto', `${THIS_RUN}/attempts/2`, undefined],
    [
      'auto',
      OTHER_RUN,
      `live deployment 1 (4.0.0) was created by run ${OTHER_RUN}, not this one; set record-verdict: true to record a hand-run check`
    ],
    [
      'auto',
      null,
      'live deployment 1 (4.0.0) was created by a run without a URL, not this one; set record-verdict: true to record a hand-run check'
    ],
    ['true', OTHER_RUN, undefined],
    ['true', null, undefined],
    ['false', THIS_RUN, 'record-verdict is false']
  ])('%s, deployed by %s', async (mode, runUrl, notRecorded) => {
    const t = await live(runUrl)
    const write = await recordVerdict(t.ctx, 'staging', 'smoke-test', false, '/health 500', mode)
    if (notRecorded) {
      expect(write).toEqual({ notRecorded })
      expect(await t.states()).toEqual(['in_progress', 'success'])
      expect(t.ctx.logger.lines).toEqual([
        `warning: The smoke-test verdict is not recorded: ${notRecorded}.`
      ])
    } else {
      expect(write.deployment?.id).toBe(t.id)
      expect(await t.states()).toEqual(['in_progress', 'success', 'failure'])
      expect(t.ctx.logger.lines).toEqual([])
    }
  })
})
