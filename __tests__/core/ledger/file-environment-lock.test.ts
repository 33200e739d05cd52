import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { open } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LockAttempt } from '../../../src/core/ledger/environment-lock.js'
import { FileEnvironmentLock } from '../../../src/core/ledger/file-environment-lock.js'
import type { DeploymentRecord } from '../../../src/core/ledger/ledger.js'
import { testContext } from '../../support/context.js'
import { FakeClock } from '../../support/fake-clock.js'

/**
 * The file ledger's environment lock (`<ledger>.<environment>.lock`): one deploy or rollback
 * per environment; a holder whose process died on this machine is cleared and its deployment
 * ended; a holder on another machine is never guessed dead; only the holder removes its lock.
 * Real files in a temp dir.
 */

const here = hostname()
const DEAD_PID = 2 ** 22 + 11
const RUN = 'https://github.com/o/r/actions/runs/7'

function own(id: string, environment = 'prod', version = '1.2.0'): DeploymentRecord {
  return {
    id,
    environment,
    ref: '',
    createdAt: '2026-11-30T12:00:00.000Z',
    payload: {
      version,
      driver: 'command',
      previous_version: null,
      operation: 'deploy',
      run_url: RUN
    },
    statuses: []
  }
}

function fresh() {
  const ledgerPath = join(mkdtempSync(join(tmpdir(), 'env-lock-')), 'state', 'ledger.json')
  const ended: [string, string][] = []
  const locking = new FileEnvironmentLock(ledgerPath, async (id, description) => {
    ended.push([id, description])
  })
  const ctx = testContext({ clock: new FakeClock() })
  const path = locking.pathFor('prod')
  /** A lock file as another process wrote it. */
  const holdLock = (over: Record<string, unknown> = {}) => {
    mkdirSync(join(ledgerPath, '..'), { recursive: true })
    writeFileSync(
      path,
      JSON.stringify({
        environment: 'prod',
        deploymentId: '3',
        version: '1.1.0',
        runUrl: 'https://ci.example/run/3',
        since: '2026-11-30T11:00:00.000Z',
        pid: process.pid,
        host: here,
        ...over
      })
    )
  }
  return { ledgerPath, locking, ctx, path, ended, holdLock }
}

function holderOf(attempt: LockAttempt) {
  if (attempt.acquired) throw new Error('expected a refusal, the lock was taken')
  return attempt.holder
}

describe('FileEnvironmentLock: where the lock lives', () => {
  it.each([
    ['prod', '/l/ledger.json.prod.lock'],
    ['eu/prod', '/l/ledger.json.eu%2Fprod.lock'],
    ['a/b/c', '/l/ledger.json.a%2Fb%2Fc.lock']
  ])('environment %s: %s, one file beside the ledger', (environment, expected) => {
    expect(new FileEnvironmentLock('/l/ledger.json', async () => {}).pathFor(environment)).toBe(
      expected
    )
  })
})

describe('FileEnvironmentLock: taking a free environment', () => {
  it('creates the lock (and its directory) naming the holder, and release removes it', async () => {
    const t = fresh()
    const attempt = await t.locking.tryLock(own('5'), t.ctx)
    if (!attempt.acquired) throw new Error('not acquired')
    const text = readFileSync(t.path, 'utf8')
    expect(text.endsWith('}\n')).toBe(true)
    expect(JSON.parse(text)).toEqual({
      environment: 'prod',
      deploymentId: '5',
      version: '1.2.0',
      runUrl: RUN,
      since: '2026-11-30T12:00:00.000Z',
      pid: process.pid,
      host: here
    })
    await attempt.release()
    expect(existsSync(t.path)).toBe(false)
    expect(t.ctx.logger.lines).toEqual([])
  })

  it('leaves no file open', async () => {
    const t = fresh()
    const before = readdirSync('/proc/self/fd').length
    const attempt = await t.locking.tryLock(own('5'), t.ctx)
    if (!attempt.acquired) throw new Error('not acquired')
    expect(readdirSync('/proc/self/fd')).toHaveLength(before)
    await attempt.release()
  })

  it('a lock that vanishes while it is being read: looks again and takes the environment', async () => {
    const t = fresh()
    mkdirSync(join(t.ledgerPath, '..'), { recursive: true })
    // A FIFO holds the reader until the "holder" lets go: it removes its lock mid-read.
    execFileSync('mkfifo', [t.path])
    const trying = t.locking.tryLock(own('5'), t.ctx)
    const holder = await open(t.path, 'w')
    rmSync(t.path)
    await holder.close()
    expect((await trying).acquired).toBe(true)
    expect(JSON.parse(readFileSync(t.path, 'utf8'))).toMatchObject({ deploymentId: '5' })
  })

  it('holds one environment only: another environment is taken beside it', async () => {
    const t = fresh()
    expect((await t.locking.tryLock(own('5', 'prod'), t.ctx)).acquired).toBe(true)
    expect((await t.locking.tryLock(own('6', 'qa'), t.ctx)).acquired).toBe(true)
    expect((await t.locking.tryLock(own('7', 'prod'), t.ctx)).acquired).toBe(false)
  })
})

describe('FileEnvironmentLock: who holds it decides whether it is refused or taken over', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a live process here (this one)', { pid: process.pid }],
    // As root signalling pid 1 succeeds; as another user it is refused (EPERM): alive either way.
    ['pid 1 here', { pid: 1 }],
    ['a dead pid on another machine', { pid: DEAD_PID, host: 'another-machine' }]
  ])('%s: refused, naming the holder, the lock left alone', async (_label, over) => {
    const t = fresh()
    t.holdLock(over)
    const before = readFileSync(t.path, 'utf8')
    const holder = holderOf(await t.locking.tryLock(own('5'), t.ctx))
    const pid = over.pid as number
    const host = (over.host as string | undefined) ?? here
    expect(holder).toEqual({
      deploymentId: '3',
      version: '1.1.0',
      runUrl: 'https://ci.example/run/3',
      since: '2026-11-30T11:00:00.000Z',
      process: `pid ${pid}@${host}, ${t.path}`
    })
    expect(readFileSync(t.path, 'utf8')).toBe(before)
    expect(t.ended).toEqual([])
    expect(t.ctx.logger.lines).toEqual([])
  })

  it('a dead process here: the lock is removed, its deployment ended as error, said once', async () => {
    const t = fresh()
    t.holdLock({ pid: DEAD_PID })
    const attempt = await t.locking.tryLock(own('5'), t.ctx)
    expect(attempt.acquired).toBe(true)
    expect(JSON.parse(readFileSync(t.path, 'utf8'))).toMatchObject({ deploymentId: '5' })
    expect(t.ended).toEqual([['3', `Shiprail: abandoned: its process ${DEAD_PID}@${here} died`]])
    expect(t.ctx.logger.lines).toEqual([
      `warning: Removing the stale lock of prod (${t.path}): deployment 3 of 1.1.0, process ${DEAD_PID}@${here} is gone.`
    ])
  })

  it('a dead process here whose deployment cannot be ended: the lock is still taken', async () => {
    const t = fresh()
    const locking = new FileEnvironmentLock(t.ledgerPath, () => Promise.reject(new Error('gone')))
    t.holdLock({ pid: DEAD_PID })
    expect((await locking.tryLock(own('5'), t.ctx)).acquired).toBe(true)
  })

  it('a dead holder that keeps coming back is cleared five times, then named', async () => {
    const t = fresh()
    t.holdLock({ pid: DEAD_PID })
    const locking = new FileEnvironmentLock(t.ledgerPath, async (id, description) => {
      t.ended.push([id, description])
      t.holdLock({ pid: DEAD_PID })
    })
    const holder = holderOf(await locking.tryLock(own('5'), t.ctx))
    expect(holder).toMatchObject({
      deploymentId: '3',
      process: `pid ${DEAD_PID}@${here}, ${t.path}`
    })
    expect(t.ended).toHaveLength(5)
  })

  it.each<[string, string]>([
    ['an empty lock', ''],
    ['a half-written lock', '{"pid": '],
    ['a lock without a pid', JSON.stringify({ deploymentId: '3' })],
    ['a lock with a string pid', JSON.stringify({ pid: String(DEAD_PID), deploymentId: '3' })],
    ['a lock without a deployment id', JSON.stringify({ pid: DEAD_PID, host: here })],
    ['a lock with a numeric deployment id', JSON.stringify({ pid: DEAD_PID, deploymentId: 3 })]
  ])('%s: refused as unreadable, never guessed stale, left alone', async (_label, text) => {
    const t = fresh()
    mkdirSync(join(t.ledgerPath, '..'), { recursive: true })
    writeFileSync(t.path, text)
    const holder = holderOf(await t.locking.tryLock(own('5'), t.ctx))
    expect(holder).toEqual({
      deploymentId: '?',
      version: '?',
      runUrl: null,
      since: '?',
      process: `unreadable ${t.path}`
    })
    expect(readFileSync(t.path, 'utf8')).toBe(text)
    expect(t.ended).toEqual([])
  })

  it('an error other than "held" is raised, not read as held', async () => {
    const t = fresh()
    // The environment's name makes a lock file name the file system refuses.
    await expect(t.locking.tryLock(own('5', 'e'.repeat(250)), t.ctx)).rejects.toMatchObject({
      code: 'ENAMETOOLONG'
    })
  })
})

describe('FileEnvironmentLock: release removes only its own lock', () => {
  it.each<[string, Record<string, unknown>]>([
    ['another deployment took it over', { deploymentId: '9', pid: process.pid }],
    ['another process with the same deployment id', { deploymentId: '5', pid: DEAD_PID }]
  ])('%s: the lock stays', async (_label, over) => {
    const t = fresh()
    const attempt = await t.locking.tryLock(own('5'), t.ctx)
    if (!attempt.acquired) throw new Error('not acquired')
    t.holdLock(over)
    const taken = readFileSync(t.path, 'utf8')
    await attempt.release()
    expect(readFileSync(t.path, 'utf8')).toBe(taken)
  })

  it('a lock already gone: release does nothing and does not fail', async () => {
    const t = fresh()
    const attempt = await t.locking.tryLock(own('5'), t.ctx)
    if (!attempt.acquired) throw new Error('not acquired')
    await attempt.release()
    await attempt.release()
    expect(existsSync(t.path)).toBe(false)
  })
})
