import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Clock } from '../../../src/core/context.js'
import { FileLedger } from '../../../src/core/ledger/file-ledger.js'

/**
 * The file ledger's write lock (`<ledger>.lock`): who may take it over, how long a writer waits
 * for it, and what it does with an error that is not "held". Real files in a temp dir; the wall
 * time the lock compares with file times is a fake one, so the 15 s and 30 s limits are reached
 * exactly and at once.
 */

const START = Date.parse('2026-11-30T12:00:00Z')
/** Each look at a held lock moves the fake wall time this far, whatever wait was asked for. */
const STEP_MS = 30

/** A clock whose sleeps move the fake wall time by STEP_MS and may act (a holder finishing). */
class LockClock implements Clock {
  t = START
  readonly asked: number[] = []
  onSleep: (count: number) => void = () => {}
  now(): Date {
    return new Date(this.t)
  }
  async sleep(ms: number): Promise<void> {
    this.asked.push(ms)
    // A mutant that never gives up must fail fast, not run into the test timeout.
    if (this.asked.length > 2000) throw new Error('still waiting after 2000 looks')
    this.t += STEP_MS
    this.onSleep(this.asked.length)
  }
}

function fresh(fileName = 'ledger.json') {
  const clock = new LockClock()
  const path = join(mkdtempSync(join(tmpdir(), 'ledger-lock-')), fileName)
  const ledger = new FileLedger(path, clock, undefined, () => clock.t)
  const lock = `${path}.lock`
  const create = () =>
    ledger.create({
      environment: 'prod',
      ref: '',
      description: 'd',
      productionEnvironment: false,
      payload: {
        version: '1',
        driver: 'command',
        previous_version: null,
        operation: 'deploy',
        run_url: null
      }
    })
  /** A lock file naming `holder`, last written `ageMs` before the fake now. */
  const holdLock = (holder: string, ageMs: number) => {
    writeFileSync(lock, holder)
    const mtime = (clock.t - ageMs) / 1000
    utimesSync(lock, mtime, mtime)
  }
  return { clock, path, lock, ledger, create, holdLock }
}

const here = hostname()
const DEAD_PID = 2 ** 22 + 11
const holderJson = (pid: unknown, host: string) => JSON.stringify({ pid, host, since: 'x' })

describe('FileLedger lock: who holds it decides whether a writer waits or takes it over', () => {
  it.each<[string, 'waits' | 'takes over', string, number]>([
    ['a live process here', 'waits', holderJson(process.pid, here), 0],
    ['a live process here, 29.999 s old', 'waits', holderJson(process.pid, here), 29_999],
    ['a live process here, exactly 30 s old', 'waits', holderJson(process.pid, here), 30_000],
    ['a live process here, 30.001 s old', 'takes over', holderJson(process.pid, here), 30_001],
    ['a dead process here', 'takes over', holderJson(DEAD_PID, here), 0],
    ['a dead process here named by a string pid', 'waits', holderJson(String(DEAD_PID), here), 0],
    ['a dead pid on another machine', 'waits', holderJson(DEAD_PID, 'another-machine'), 0],
    [
      'a dead pid on another machine, 31 s old',
      'takes over',
      holderJson(DEAD_PID, 'elsewhere'),
      31_000
    ],
    ['no pid', 'waits', JSON.stringify({ host: here }), 0],
    // A process of another user: signalling it is refused (EPERM), yet it lives.
    ['pid 1 here', 'waits', holderJson(1, here), 0],
    ['a half-written lock', 'waits', '{"pid": ', 0],
    ['an empty lock', 'waits', '', 0]
  ])('a lock of %s: the writer %s', async (_label, expected, holder, ageMs) => {
    const t = fresh()
    t.holdLock(holder, ageMs)
    const seenAtFirstLook: string[] = []
    // The holder finishes after the writer's first look.
    t.clock.onSleep = () => {
      seenAtFirstLook.push(readFileSync(t.lock, 'utf8'))
      rmSync(t.lock)
    }
    const record = await t.create()
    expect(record.id).toBe('1')
    expect(existsSync(t.lock)).toBe(false)
    if (expected === 'waits') {
      expect(t.clock.asked).toHaveLength(1)
      expect(seenAtFirstLook).toEqual([holder])
    } else {
      expect(t.clock.asked).toEqual([])
    }
  })
})

describe('FileLedger lock: a writer waits 15 s for a live holder, then gives up', () => {
  it('looks again every 10 to 50 ms and gives up on its first look past 15 s, writing nothing', async () => {
    const t = fresh()
    t.holdLock(holderJson(process.pid, here), 0)
    await expect(t.create()).rejects.toThrow(
      `The ledger file ${t.path} stayed locked for 15 s (${t.lock}).`
    )
    // 500 looks of 30 ms reach the limit exactly; only the look after it is past it.
    expect(t.clock.t - START).toBe(15_000 + STEP_MS)
    for (const ms of t.clock.asked) {
      expect(ms).toBeGreaterThanOrEqual(10)
      expect(ms).toBeLessThanOrEqual(50)
    }
    expect(existsSync(t.path)).toBe(false)
    expect(readFileSync(t.lock, 'utf8')).toBe(holderJson(process.pid, here))
  })
})

describe('FileLedger lock: an error other than "held" is raised at once', () => {
  it('a lock file name the file system refuses (ENAMETOOLONG) fails the write without waiting', async () => {
    // The ledger's own name fits (255 bytes); with `.lock` appended it does not.
    const t = fresh(`${'l'.repeat(250)}.json`)
    await expect(t.create()).rejects.toMatchObject({ code: 'ENAMETOOLONG' })
    expect(t.clock.asked).toEqual([])
  })
})

describe('FileLedger lock: while a write is under way', () => {
  it('the lock names this process and machine, and is gone afterwards', async () => {
    const t = fresh()
    const seen: unknown[] = []
    // create() stamps the record with the clock inside the lock: look at the lock then.
    t.clock.now = () => {
      seen.push(JSON.parse(readFileSync(t.lock, 'utf8')))
      return new Date(t.clock.t)
    }
    await t.create()
    expect(seen).toEqual([{ pid: process.pid, host: here, since: expect.any(String) }])
    expect(Number.isNaN(Date.parse((seen[0] as { since: string }).since))).toBe(false)
    expect(existsSync(t.lock)).toBe(false)
  })

  it('creates the ledger directory when it is missing', async () => {
    const t = fresh(join('a', 'b', 'ledger.json'))
    await t.create()
    expect(JSON.parse(readFileSync(t.path, 'utf8')).deployments).toHaveLength(1)
  })
})
