/**
 * Trap 1 of issue 17: a hand-run check never writes a verdict. smoke-test and status-check
 * in-process against a real HTTP server and the file ledger; the github ledger's side runs
 * through dist/ in smoke-action.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../../src/core/context.js'
import { FileLedger } from '../../../src/core/ledger/file-ledger.js'
import type { DeploymentRecord } from '../../../src/core/ledger/ledger.js'
import { parseSmokeTestSettings } from '../../../src/core/settings/smoke-test-settings.js'
import { parseStatusCheckSettings } from '../../../src/core/settings/status-check-settings.js'
import { smokeTest } from '../../../src/core/steps/smoke-test.js'
import { statusCheck } from '../../../src/core/steps/status-check.js'
import { testContext } from '../../support/context.js'
import { startTestServer, type TestHttpServer } from '../../support/test-http-server.js'

const THIS_RUN = 'https://github.com/o/r/actions/runs/1' // testContext's run
const OTHER_RUN = 'https://github.com/o/r/actions/runs/2'

let server: TestHttpServer
let dir: string
beforeAll(async () => {
  server = await startTestServer({ routes: { '/health': { body: { status: 'ok' } } } })
})
afterAll(() => server.close())
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiprail-verdict-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }))

async function liveDeployment(runUrl: string | null) {
  const ledger = new FileLedger(join(dir, 'ledger.json'), systemClock)
  const d = await ledger.create({
    environment: 'staging',
    ref: 'c'.repeat(40),
    description: 'deploy 4.0.0',
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
  return { ledger, id: d.id }
}

async function statesOf(ledger: FileLedger): Promise<string[]> {
  const records: DeploymentRecord[] = []
  for await (const r of ledger.history('staging')) records.push(r)
  return records[0].statuses.map(s => s.state)
}

type Step = 'smoke-test' | 'status-check'

/** Runs one step against /wrong (a failing check: the verdict that would poison history). */
async function check(step: Step, ledger: FileLedger, recordVerdict?: string) {
  const ctx = testContext({ ledger })
  const raw = {
    environment: 'staging',
    ledger: 'file',
    'ledger-file': join(dir, 'ledger.json'),
    url: `${server.url}/wrong`,
    ...(recordVerdict ? { 'record-verdict': recordVerdict } : {})
  }
  const defaults = { insideActions: false }
  const result =
    step === 'smoke-test'
      ? await smokeTest(
          parseSmokeTestSettings({ ...raw, timeout: '1', 'retry-interval': '0.2' }, defaults, dir),
          ctx
        )
      : await statusCheck(
          parseStatusCheckSettings({ ...raw, interval: '1', duration: '1' }, defaults, dir),
          ctx
        )
  return { result, log: ctx.logger.text() }
}

describe.each<Step>(['smoke-test', 'status-check'])('%s record-verdict', step => {
  it('auto: a check run by another run (by hand) reports, writes nothing, and says so', async () => {
    const { ledger, id } = await liveDeployment(OTHER_RUN)
    const { result, log } = await check(step, ledger)
    expect(result.verdictDeploymentId).toBeUndefined()
    expect(result.verdictNotRecorded).toBe(
      `live deployment ${id} (4.0.0) was created by run ${OTHER_RUN}, not this one; set record-verdict: true to record a hand-run check`
    )
    expect(log).toContain(`warning: The ${step} verdict is not recorded: live deployment ${id}`)
    expect(await statesOf(ledger)).toEqual(['in_progress', 'success'])
  })

  it('auto: a deployment recorded from a terminal (no run URL) is never judged by auto', async () => {
    const { ledger } = await liveDeployment(null)
    const { result } = await check(step, ledger)
    expect(result.verdictNotRecorded).toMatch(/created by a run without a URL, not this one/)
    expect(await statesOf(ledger)).toEqual(['in_progress', 'success'])
  })

  it("auto: the check of this run's own deploy records its verdict", async () => {
    const { ledger, id } = await liveDeployment(`${THIS_RUN}/attempts/1`)
    const { result } = await check(step, ledger)
    expect(result.verdictDeploymentId).toBe(id)
    expect(result.verdictNotRecorded).toBeUndefined()
    expect(await statesOf(ledger)).toEqual(['in_progress', 'success', 'failure'])
  })

  it("true: records on another run's deployment", async () => {
    const { ledger, id } = await liveDeployment(OTHER_RUN)
    const { result } = await check(step, ledger, 'true')
    expect(result.verdictDeploymentId).toBe(id)
    expect(await statesOf(ledger)).toEqual(['in_progress', 'success', 'failure'])
  })

  it("false: never records, even on this run's deployment", async () => {
    const { ledger } = await liveDeployment(THIS_RUN)
    const { result } = await check(step, ledger, 'false')
    expect(result.verdictNotRecorded).toBe('record-verdict is false')
    expect(await statesOf(ledger)).toEqual(['in_progress', 'success'])
  })
})

it('record-verdict accepts only auto, true and false', () => {
  expect(() =>
    parseSmokeTestSettings(
      { url: server.url, 'record-verdict': 'yes' },
      { insideActions: false },
      dir
    )
  ).toThrow('Input \'record-verdict\' is "yes"; expected one of `auto`, `true`, `false`.')
})
