import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { FileLedger } from '../../../src/core/ledger/file-ledger.js'
import { UserError } from '../../../src/core/errors.js'
import { FakeClock } from '../../support/fake-clock.js'
import { testContext } from '../../support/context.js'

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

/** The class and message a promise rejects with. */
async function refusal(p: Promise<unknown>): Promise<[unknown, string]> {
  const err = await p.then(
    () => new Error('resolved'),
    (e: Error) => e
  )
  return [err.constructor, err.message]
}

describe('FileLedger: a ledger file that cannot be read is an error naming it, never an empty history', () => {
  // EACCES belongs here too; the tests run as root, which reads any file, so it is not a row.
  it.each<[string, string, (path: string) => void]>([
    ['a directory at the ledger path', 'EISDIR', path => mkdirSync(path)],
    ['a symbolic link to itself', 'ELOOP', path => symlinkSync(path, path)]
  ])('%s (%s)', async (_label, code, breakIt) => {
    const t = fresh()
    mkdirSync(dirname(t.path), { recursive: true })
    breakIt(t.path)
    const before = readdirSync(dirname(t.path))
    const line = `The ledger file ${t.path} cannot be read (${code}); fix or move it, or set ledger-file to a path this job can read and write.`
    expect(await refusal(t.versions())).toEqual([UserError, line])
    expect(await refusal(t.create('1'))).toEqual([UserError, line])
    expect(await refusal(t.ledger.addStatus('1', { state: 'success', description: 'ok' }))).toEqual(
      [UserError, line]
    )
    // Nothing written, no lock left behind.
    expect(readdirSync(dirname(t.path))).toEqual(before)
  })

  it('a path through a regular file (ENOTDIR) is named the same way when reading history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-ledger-'))
    writeFileSync(join(dir, 'file'), '')
    const path = join(dir, 'file', 'ledger.json')
    const ledger = new FileLedger(path, new FakeClock())
    const read = async () => {
      for await (const r of ledger.history('prod')) return r
    }
    expect(await refusal(read())).toEqual([
      UserError,
      `The ledger file ${path} cannot be read (ENOTDIR); fix or move it, or set ledger-file to a path this job can read and write.`
    ])
  })

  it('a missing ledger file is an empty history, and is not created by reading', async () => {
    const t = fresh()
    expect(await t.versions()).toEqual([])
    expect(existsSync(t.path)).toBe(false)
  })
})

describe('FileLedger: the environment lock ends an abandoned holder’s deployment', () => {
  const DEAD_PID = 2 ** 22 + 11

  it('a lock whose process died here is taken over and its deployment ends as error, saying so', async () => {
    const t = fresh()
    const abandoned = await t.create('1')
    const lockPath = t.ledger.locking.pathFor('prod')
    writeFileSync(
      lockPath,
      JSON.stringify({
        environment: 'prod',
        deploymentId: abandoned.id,
        version: '1',
        runUrl: null,
        since: '2026-11-30T11:00:00.000Z',
        pid: DEAD_PID,
        host: hostname()
      })
    )
    t.clock.advance(1000)
    const mine = await t.create('2')
    const attempt = await t.ledger.locking.tryLock(mine, testContext({ clock: t.clock }))
    expect(attempt.acquired).toBe(true)
    const data = JSON.parse(readFileSync(t.path, 'utf8'))
    expect(data.deployments[0].statuses).toEqual([
      expect.objectContaining({ state: 'in_progress' }),
      {
        state: 'error',
        description: `Shiprail: abandoned: its process ${DEAD_PID}@${hostname()} died`,
        createdAt: '2026-11-30T12:00:01.000Z'
      }
    ])
    // The new holder's own record is untouched.
    expect(data.deployments[1].statuses.map((s: { state: string }) => s.state)).toEqual([
      'in_progress'
    ])
  })
})

describe('FileLedger: a hand-written record without statuses', () => {
  it('takes a status stamped with the clock', async () => {
    const t = fresh()
    const r = await t.create('1')
    const data = JSON.parse(readFileSync(t.path, 'utf8'))
    data.deployments[0].statuses = []
    writeFileSync(t.path, JSON.stringify(data))
    await t.ledger.addStatus(r.id, { state: 'success', description: 'ok' })
    expect(JSON.parse(readFileSync(t.path, 'utf8')).deployments[0].statuses).toEqual([
      { state: 'success', description: 'ok', createdAt: '2026-11-30T12:00:00.000Z' }
    ])
  })
})

describe('FileLedger: where commit times come from', () => {
  it('names the local repository and the command, as the delivery metrics say', () => {
    expect(fresh().ledger.commitSource).toBe('the local git repository (git show -s --format=%cI)')
  })
})
