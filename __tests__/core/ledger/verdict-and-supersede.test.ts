import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { deploymentState } from '../../../src/core/ledger/deployment-state.js'
import { FileLedger } from '../../../src/core/ledger/file-ledger.js'
import type {
  DeploymentRecord,
  Ledger,
  NewDeployment,
  NewStatus
} from '../../../src/core/ledger/ledger.js'
import { NoneLedger } from '../../../src/core/ledger/none-ledger.js'
import { SUPERSEDE_SCAN_LIMIT, supersedeEarlier } from '../../../src/core/ledger/supersede.js'
import { findLive, LIVE_SCAN_LIMIT, recordVerdict } from '../../../src/core/ledger/verdict.js'
import { MemoryLogger, testContext } from '../../support/context.js'
import { FakeClock } from '../../support/fake-clock.js'
import { DEPLOYED, FAILED, RUNNING, SUPERSEDED, rec } from './records.js'

/** A ledger over fixed records (newest first) that counts what is read and written. */
class ListLedger implements Ledger {
  readonly kind = 'file' as const
  read = 0
  readonly written: { id: string; status: NewStatus }[] = []
  constructor(readonly records: DeploymentRecord[]) {}
  async *history(environment: string): AsyncIterable<DeploymentRecord> {
    for (const r of this.records) {
      if (r.environment !== environment) continue
      this.read++
      yield r
    }
  }
  async create(_d: NewDeployment): Promise<DeploymentRecord> {
    throw new Error('not used')
  }
  async addStatus(id: string, status: NewStatus): Promise<void> {
    this.written.push({ id, status })
    const r = this.records.find(x => x.id === id)
    r?.statuses.push({ ...status, createdAt: '2026-11-30T13:00:00.000Z' })
  }
}

describe('findLive', () => {
  it('is the newest deployed, not superseded deployment', async () => {
    const ledger = new ListLedger([
      rec('4', RUNNING, { id: '4' }),
      rec('3', FAILED, { id: '3' }),
      rec('2', DEPLOYED, { id: '2' }),
      rec('1', DEPLOYED, { id: '1' })
    ])
    expect((await findLive(testContext({ ledger }), 'production'))?.id).toBe('2')
    expect(ledger.read).toBe(3)
  })

  it('looks at no more than LIVE_SCAN_LIMIT records', async () => {
    const failed = Array.from({ length: LIVE_SCAN_LIMIT }, (_, i) =>
      rec('x', FAILED, { id: `f${i}` })
    )
    const ledger = new ListLedger([...failed, rec('1', DEPLOYED, { id: 'live' })])
    expect(await findLive(testContext({ ledger }), 'production')).toBeUndefined()
    expect(ledger.read).toBe(LIVE_SCAN_LIMIT)
    const justInside = new ListLedger([...failed.slice(1), rec('1', DEPLOYED, { id: 'live' })])
    expect((await findLive(testContext({ ledger: justInside }), 'production'))?.id).toBe('live')
  })

  it('reads only the environment asked for', async () => {
    const ledger = new ListLedger([
      rec('9', DEPLOYED, { id: 'qa', environment: 'qa' }),
      rec('1', DEPLOYED, { id: 'prod' })
    ])
    expect((await findLive(testContext({ ledger }), 'production'))?.id).toBe('prod')
  })
})

describe('recordVerdict', () => {
  it.each<[boolean, string, string]>([
    [true, 'success', 'smoke-test passed: 3/3 checks passed'],
    [false, 'failure', 'smoke-test failed: 3/3 checks passed']
  ])('passed=%s posts a %s status on the live deployment', async (passed, state, description) => {
    const ledger = new ListLedger([rec('2', DEPLOYED, { id: 'live' }), rec('1', SUPERSEDED)])
    const ctx = testContext({ ledger })
    ctx.run.runUrl = 'https://ci.example/run/3'
    const on = await recordVerdict(
      ctx,
      'production',
      'smoke-test',
      passed,
      '3/3 checks passed',
      'true'
    )
    expect(on.deployment?.id).toBe('live')
    expect(ledger.written).toEqual([
      { id: 'live', status: { state, description, logUrl: 'https://ci.example/run/3' } }
    ])
  })

  it('clamps the description to what GitHub accepts', async () => {
    const ledger = new ListLedger([rec('2', DEPLOYED, { id: 'live' })])
    await recordVerdict(
      testContext({ ledger }),
      'production',
      'status-check',
      true,
      'z'.repeat(500),
      'true'
    )
    expect(ledger.written[0].status.description).toHaveLength(140)
  })

  it('records nothing, and says so, when nothing is live', async () => {
    const ledger = new ListLedger([rec('1', FAILED)])
    const ctx = testContext({ ledger })
    expect(await recordVerdict(ctx, 'production', 'smoke-test', true, 'ok', 'true')).toEqual({
      notRecorded: 'no live deployment of production in the ledger'
    })
    expect(ledger.written).toEqual([])
    expect(ctx.logger.lines).toEqual([
      'warning: The smoke-test verdict is not recorded: no live deployment of production in the ledger.'
    ])
  })

  it.each([
    ['without an environment', ''],
    ['with the none ledger', 'production']
  ])('records nothing %s', async (_label, environment) => {
    const ledger = new ListLedger([rec('2', DEPLOYED, { id: 'live' })])
    const ctx = testContext({ ledger: environment ? new NoneLedger() : ledger })
    expect(await recordVerdict(ctx, environment, 'smoke-test', true, 'ok', 'true')).toEqual({})
    expect(ledger.written).toEqual([])
    expect(ledger.read).toBe(0)
    expect(ctx.logger.lines).toEqual([])
  })
})

describe('supersedeEarlier', () => {
  it('marks every earlier live deployment inactive, not the current one, not newer ones', async () => {
    const ledger = new ListLedger([
      rec('5', DEPLOYED, { id: 'newer' }),
      rec('4', DEPLOYED, { id: 'current' }),
      rec('3', RUNNING, { id: 'running' }),
      rec('2', DEPLOYED, { id: 'two' }),
      rec('1', FAILED, { id: 'failed' }),
      rec('0', DEPLOYED, { id: 'zero' })
    ])
    const marked = await supersedeEarlier(ledger, 'production', 'current', new MemoryLogger())
    expect(marked).toBe(2)
    expect(ledger.written.map(w => w.id)).toEqual(['two', 'zero'])
    expect(ledger.written[0].status).toEqual({
      state: 'inactive',
      description: 'Shiprail: superseded by deployment current'
    })
  })

  it('stops at the first deployment already inactive', async () => {
    const ledger = new ListLedger([
      rec('3', DEPLOYED, { id: 'current' }),
      rec('2', DEPLOYED, { id: 'two' }),
      rec('1', SUPERSEDED, { id: 'one' }),
      rec('0', DEPLOYED, { id: 'zero' })
    ])
    expect(await supersedeEarlier(ledger, 'production', 'current', new MemoryLogger())).toBe(1)
    expect(ledger.read).toBe(3)
  })

  it('stops after SUPERSEDE_SCAN_LIMIT earlier records, with a warning', async () => {
    const earlier = Array.from({ length: SUPERSEDE_SCAN_LIMIT + 5 }, (_, i) =>
      rec('x', FAILED, { id: `f${i}` })
    )
    const ledger = new ListLedger([rec('9', DEPLOYED, { id: 'current' }), ...earlier])
    const logger = new MemoryLogger()
    expect(await supersedeEarlier(ledger, 'production', 'current', logger)).toBe(0)
    expect(ledger.read).toBe(SUPERSEDE_SCAN_LIMIT + 1)
    expect(logger.lines).toEqual([
      `warning: Stopped marking earlier deployments inactive after ${SUPERSEDE_SCAN_LIMIT}; older ones are left as they are.`
    ])
  })

  it('says nothing when the walk ends within the limit', async () => {
    const earlier = Array.from({ length: SUPERSEDE_SCAN_LIMIT - 1 }, (_, i) =>
      rec('x', FAILED, { id: `f${i}` })
    )
    const ledger = new ListLedger([rec('9', DEPLOYED, { id: 'current' }), ...earlier])
    const logger = new MemoryLogger()
    await supersedeEarlier(ledger, 'production', 'current', logger)
    expect(logger.lines).toEqual([])
  })
})

describe('FileLedger', () => {
  const payload = (version: string) => ({
    version,
    driver: 'command',
    previous_version: null,
    operation: 'deploy' as const,
    run_url: null
  })
  const fresh = () => {
    const clock = new FakeClock()
    const path = join(mkdtempSync(join(tmpdir(), 'file-ledger-')), 'nested', 'ledger.json')
    return { clock, path, ledger: new FileLedger(path, clock) }
  }
  const create = (ledger: FileLedger, version: string, environment = 'prod') =>
    ledger.create({
      environment,
      ref: 'r'.repeat(40),
      description: `Deploying ${version}`,
      productionEnvironment: true,
      logUrl: 'https://ci.example/run/1',
      payload: payload(version)
    })

  it('creates records with increasing ids, the clock’s time and an in_progress status', async () => {
    const { ledger, clock } = fresh()
    const a = await create(ledger, '1')
    clock.advance(1000)
    const b = await create(ledger, '2')
    expect([a.id, b.id]).toEqual(['1', '2'])
    expect(b).toEqual({
      id: '2',
      environment: 'prod',
      ref: 'r'.repeat(40),
      createdAt: '2026-11-30T12:00:01.000Z',
      payload: payload('2'),
      statuses: [
        {
          state: 'in_progress',
          description: 'Deploying 2',
          logUrl: 'https://ci.example/run/1',
          createdAt: '2026-11-30T12:00:01.000Z'
        }
      ]
    })
  })

  it('keeps statuses strictly ordered when they land in the same millisecond', async () => {
    const { ledger } = fresh()
    const r = await create(ledger, '1')
    await ledger.addStatus(r.id, { state: 'success', description: 'ok' })
    await ledger.addStatus(r.id, { state: 'inactive', description: 'gone' })
    const [read] = await all(ledger.history('prod'))
    expect(read.statuses.map(s => s.createdAt)).toEqual([
      '2026-11-30T12:00:00.000Z',
      '2026-11-30T12:00:00.001Z',
      '2026-11-30T12:00:00.002Z'
    ])
    expect(deploymentState(read)).toMatchObject({ deployed: true, inactive: true })
  })

  it('refuses a status for a deployment it does not hold', async () => {
    const { ledger, path } = fresh()
    await create(ledger, '1')
    await expect(ledger.addStatus('99', { state: 'success', description: 'x' })).rejects.toThrow(
      `Deployment 99 is not in the ledger file ${path}.`
    )
  })

  it('reads an absent file as an empty history', async () => {
    const { ledger } = fresh()
    expect(await all(ledger.history('prod'))).toEqual([])
  })

  it.each([
    ['not JSON', '{"schema": 1, ', 'is not valid JSON; fix or move it.'],
    [
      'another schema',
      '{"schema": 2, "nextId": 1, "deployments": []}',
      'is not a Shiprail ledger: $.schema is number 2, expected one of 1; fix or move it.'
    ],
    [
      'no deployments list',
      '{"schema": 1, "nextId": 1, "deployments": {}}',
      'is not a Shiprail ledger: $.deployments is an object, expected a list; fix or move it.'
    ],
    [
      'null',
      'null',
      'is not a Shiprail ledger: $ is null, expected a Shiprail ledger (an object); fix or move it.'
    ]
  ])('refuses a file that is %s, naming it', async (_label, text, problem) => {
    const { ledger, path } = fresh()
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    await expect(all(ledger.history('prod'))).rejects.toThrow(`The ledger file ${path} ${problem}`)
  })

  it('releases its lock after each write', async () => {
    const { ledger, path } = fresh()
    await create(ledger, '1')
    expect(existsSync(`${path}.lock`)).toBe(false)
  })

  it.each([
    ['whose process on this machine is gone', { pid: 2 ** 22 + 11, host: hostname() }, 0],
    ['untouched for longer than 30 s', { pid: process.pid, host: hostname() }, 60]
  ])('takes over a lock %s', async (_label, holder, ageSeconds) => {
    const { ledger, path } = fresh()
    mkdirSync(dirname(path), { recursive: true })
    const lock = `${path}.lock`
    writeFileSync(lock, JSON.stringify({ ...holder, since: new Date().toISOString() }))
    if (ageSeconds) {
      const then = Date.now() / 1000 - ageSeconds
      utimesSync(lock, then, then)
    }
    const record = await create(ledger, '1')
    expect(record.id).toBe('1')
    expect(existsSync(lock)).toBe(false)
  })
})

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}
