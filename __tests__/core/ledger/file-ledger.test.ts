import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { FileLedger } from '../../../src/core/ledger/file-ledger.js'
import { FakeClock } from '../../support/fake-clock.js'

/** The file ledger's promises about the file itself: per environment, exact times, safe locks. */

const payload = (version: string) => ({
  version,
  driver: 'command',
  previous_version: null,
  operation: 'deploy' as const,
  run_url: null
})

function fresh() {
  const clock = new FakeClock()
  const path = join(mkdtempSync(join(tmpdir(), 'file-ledger-')), 'ledger.json')
  const ledger = new FileLedger(path, clock)
  const create = (version: string, environment = 'prod') =>
    ledger.create({
      environment,
      ref: '',
      description: 'd',
      productionEnvironment: false,
      payload: payload(version)
    })
  const versions = async (environment = 'prod') => {
    const out: string[] = []
    for await (const r of ledger.history(environment)) out.push(r.payload.version)
    return out
  }
  return { clock, path, ledger, create, versions }
}

describe('FileLedger file', () => {
  it('keeps environments apart', async () => {
    const t = fresh()
    await t.create('1', 'prod')
    await t.create('9', 'qa')
    await t.create('2', 'prod')
    expect(await t.versions('prod')).toEqual(['2', '1'])
    expect(await t.versions('qa')).toEqual(['9'])
    expect(await t.versions('dev')).toEqual([])
  })

  it('writes pretty JSON with a final newline, schema 1, and the next id', async () => {
    const t = fresh()
    await t.create('1')
    const text = readFileSync(t.path, 'utf8')
    expect(text.endsWith('}\n')).toBe(true)
    const data = JSON.parse(text)
    expect(data).toMatchObject({ schema: 1, nextId: 2 })
    expect(data.deployments).toHaveLength(1)
    expect(text).toContain('\n  "schema": 1,')
  })

  it('stamps a status with the clock’s time when it is later than the last one', async () => {
    const t = fresh()
    const r = await t.create('1')
    t.clock.advance(5000)
    await t.ledger.addStatus(r.id, { state: 'success', description: 'ok' })
    const data = JSON.parse(readFileSync(t.path, 'utf8'))
    expect(data.deployments[0].statuses[1].createdAt).toBe('2026-11-30T12:00:05.000Z')
  })

  it('leaves a lock held by a live process on this machine alone until it is 30 s old', async () => {
    const t = fresh()
    mkdirSync(dirname(t.path), { recursive: true })
    const lock = `${t.path}.lock`
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname() }))
    const then = Date.now() / 1000 - 25
    utimesSync(lock, then, then)
    let done = false
    const creating = t.create('1').then(() => (done = true))
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(done).toBe(false)
    const old = Date.now() / 1000 - 40
    utimesSync(lock, old, old)
    await creating
    expect(await t.versions()).toEqual(['1'])
  })

  it('takes over a lock of a process that is gone only on its own machine', async () => {
    const t = fresh()
    mkdirSync(dirname(t.path), { recursive: true })
    const lock = `${t.path}.lock`
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 11, host: 'another-machine' }))
    let done = false
    const creating = t.create('1').then(() => (done = true))
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(done).toBe(false)
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 11, host: hostname() }))
    await creating
    expect(done).toBe(true)
  })
})
