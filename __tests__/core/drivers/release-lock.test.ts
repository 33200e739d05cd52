import {
  currentMachine,
  describeLock,
  LOCK_MAX_AGE_MS,
  newLockInfo,
  parseLockInfo,
  pidAlive,
  staleReason,
  type LockInfo
} from '../../../src/core/drivers/release-lock.js'

/** The lock's pure rules: what a lock file says, when it is stale, how it is named. */

const info: LockInfo = {
  holder: 'alice',
  runUrl: 'https://ci.example/run/5',
  pid: 4242,
  host: 'runner-1',
  bootId: 'boot-a',
  since: '2026-01-01T11:00:00.000Z',
  token: 'abc'
}

describe('parseLockInfo', () => {
  it('reads a whole lock', () => {
    expect(parseLockInfo(JSON.stringify(info))).toEqual(info)
  })

  it('fills what an older or hand-made lock leaves out', () => {
    expect(parseLockInfo(JSON.stringify({ pid: 7, since: '2026-01-01T00:00:00Z' }))).toEqual({
      holder: 'unknown',
      runUrl: '',
      pid: 7,
      host: '',
      bootId: '',
      since: '2026-01-01T00:00:00Z',
      token: ''
    })
  })

  it.each([
    ['not JSON', '{"pid": 1'],
    ['no since', JSON.stringify({ pid: 1 })],
    ['a pid that is not a number', JSON.stringify({ pid: '1', since: 'x' })],
    ['since that is not text', JSON.stringify({ pid: 1, since: 5 })],
    ['null', 'null']
  ])('refuses %s', (_label, text) => {
    expect(parseLockInfo(text)).toBeUndefined()
  })
})

describe('newLockInfo', () => {
  it('names this process and machine, the time, and a random token', () => {
    const now = new Date('2026-05-01T10:00:00.000Z')
    const a = newLockInfo('bob', 'https://ci.example/run/1', now)
    const machine = currentMachine()
    expect(a).toMatchObject({
      holder: 'bob',
      runUrl: 'https://ci.example/run/1',
      pid: process.pid,
      host: machine.host,
      bootId: machine.bootId,
      since: '2026-05-01T10:00:00.000Z'
    })
    expect(a.token).toMatch(/^[0-9a-f]{24}$/)
    expect(newLockInfo('bob', undefined, now).token).not.toBe(a.token)
  })

  it('says unknown when nobody is named, and no run when there is none', () => {
    expect(newLockInfo(undefined, undefined, new Date(0))).toMatchObject({
      holder: 'unknown',
      runUrl: ''
    })
    expect(newLockInfo('', '', new Date(0))).toMatchObject({ holder: 'unknown', runUrl: '' })
  })

  it('knows this machine by host name and, on Linux, boot id', () => {
    const machine = currentMachine()
    expect(machine.host).not.toBe('')
    expect(machine.bootId).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('pidAlive', () => {
  it('is true for this process and false for one that does not exist', () => {
    expect(pidAlive(process.pid)).toBe(true)
    expect(pidAlive(2 ** 22 + 11)).toBe(false)
  })

  it('is true for a process that exists but is not ours (EPERM)', () => {
    if (process.getuid?.() === 0) return // root may signal anything
    expect(pidAlive(1)).toBe(true)
  })
})

describe('staleReason', () => {
  const self = { host: 'runner-1', bootId: 'boot-a' }
  const since = Date.parse(info.since)
  const at = (ms: number) => new Date(since + ms)
  it.each<[string, Partial<LockInfo>, Date, boolean, string | undefined]>([
    ['fresh, holder alive', {}, at(1000), true, undefined],
    ['holder gone on this machine', {}, at(1000), false, 'its process 4242 on runner-1 is gone'],
    [
      'holder gone but on another host: not judged by pid',
      { host: 'runner-2' },
      at(1000),
      false,
      undefined
    ],
    [
      'same host name, another boot: not judged by pid',
      { bootId: 'boot-b' },
      at(1000),
      false,
      undefined
    ],
    [
      'exactly the maximum age: not yet',
      { host: 'runner-2' },
      at(LOCK_MAX_AGE_MS),
      true,
      undefined
    ],
    [
      'a millisecond past the maximum age',
      { host: 'runner-2' },
      at(LOCK_MAX_AGE_MS + 1),
      true,
      'it is older than 6 h'
    ],
    [
      'an unreadable time is never too old',
      { host: 'runner-2', since: 'yesterday' },
      at(10 * LOCK_MAX_AGE_MS),
      true,
      undefined
    ]
  ])('%s', (_label, over, now, alive, reason) => {
    const seen: number[] = []
    const result = staleReason({ ...info, ...over }, self, now, pid => {
      seen.push(pid)
      return alive
    })
    expect(result).toBe(reason)
  })

  it('takes another maximum age, and words it in hours', () => {
    expect(
      staleReason({ ...info, host: 'x' }, self, at(3 * 3600_000 + 1), () => true, 3 * 3600_000)
    ).toBe('it is older than 3 h')
  })

  it('asks about the holder’s pid', () => {
    const asked: number[] = []
    staleReason(info, self, at(0), pid => {
      asked.push(pid)
      return true
    })
    expect(asked).toEqual([4242])
  })
})

describe('describeLock', () => {
  it.each<[string, LockInfo | undefined, string, string]>([
    [
      'a whole lock',
      info,
      '',
      'alice (https://ci.example/run/5) since 2026-01-01T11:00:00.000Z (pid 4242 on runner-1)'
    ],
    [
      'a lock without a run',
      { ...info, runUrl: '' },
      '',
      'alice since 2026-01-01T11:00:00.000Z (pid 4242 on runner-1)'
    ],
    ['an unreadable lock', undefined, 'garbage', 'an unreadable lock ("garbage")'],
    [
      'an unreadable lock, cut to 200 characters',
      undefined,
      'g'.repeat(300),
      `an unreadable lock ("${'g'.repeat(200)}")`
    ]
  ])('%s', (_label, lock, raw, words) => {
    expect(describeLock(lock, raw)).toBe(words)
  })
})
