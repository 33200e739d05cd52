import { jest } from '@jest/globals'
import { CheckFailedError } from '../../../src/core/errors.js'
import {
  describeHolder,
  lockEnvironment,
  type EnvironmentLocking,
  type LockAttempt,
  type LockHolder
} from '../../../src/core/ledger/environment-lock.js'
import type { DeploymentRecord } from '../../../src/core/ledger/ledger.js'
import { testContext } from '../../support/context.js'
import { FakeClock } from '../../support/fake-clock.js'

/**
 * Waiting for an environment (any ledger's locking): how long, how often it looks, what it
 * says while waiting and what a refusal names. A scripted locking and a fake clock.
 */

const HOLDER: LockHolder = {
  deploymentId: '7',
  version: '1.1.0',
  runUrl: 'https://github.com/o/r/actions/runs/3',
  since: '2026-11-30T11:00:00.000Z',
  process: 'pid 12@runner-1, /l/ledger.json.production.lock'
}
const HOLDER_TEXT =
  'deployment 7 of 1.1.0 (run https://github.com/o/r/actions/runs/3, pid 12@runner-1, /l/ledger.json.production.lock), since 2026-11-30T11:00:00.000Z'

const OWN = {
  id: '9',
  environment: 'production',
  payload: { version: '1.2.0' }
} as DeploymentRecord

/** Held for the first `heldFor` tries, then taken; counts the tries. */
function locking(heldFor: number) {
  const release = async () => {}
  const tries: number[] = []
  const clock = new FakeClock()
  const locks: EnvironmentLocking = {
    async tryLock(own, ctx): Promise<LockAttempt> {
      expect(own).toBe(OWN)
      expect(ctx.clock).toBe(clock)
      tries.push(clock.t)
      // A mutant that never stops looking must fail fast, not run into the test timeout.
      if (tries.length > 100) throw new Error('still trying after 100 looks')
      return tries.length > heldFor
        ? { acquired: true, release }
        : { acquired: false, holder: HOLDER }
    }
  }
  const ctx = testContext({ clock })
  return { locks, release, tries, clock, ctx }
}

afterEach(() => jest.restoreAllMocks())

describe('describeHolder: what a refusal says about who holds the environment', () => {
  it.each<[string, LockHolder, string]>([
    ['everything known', HOLDER, HOLDER_TEXT],
    [
      'no run URL, no process',
      { deploymentId: '4', version: 'v2', runUrl: null, since: 's' },
      'deployment 4 of v2 (run none recorded), since s'
    ]
  ])('%s', (_label, holder, expected) => {
    expect(describeHolder(holder)).toBe(expected)
  })
})

describe('lockEnvironment', () => {
  it('a free environment is taken at once: the release is the lock’s own, nothing said', async () => {
    const t = locking(0)
    expect(await lockEnvironment(t.locks, OWN, 30, t.ctx)).toBe(t.release)
    expect(t.tries).toHaveLength(1)
    expect(t.clock.sleeps).toEqual([])
    expect(t.ctx.logger.lines).toEqual([])
  })

  it('lock-timeout 0 refuses a held environment at once, naming the holder', async () => {
    const t = locking(Infinity)
    const err = await lockEnvironment(t.locks, OWN, 0, t.ctx).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect((err as Error).message).toBe(
      `production is locked by another deploy: ${HOLDER_TEXT}. One deploy per environment at a time; set lock-timeout to wait for it.`
    )
    expect(t.tries).toHaveLength(1)
    expect(t.clock.sleeps).toEqual([])
    expect(t.ctx.logger.lines).toEqual([])
  })

  it('waits with doubling back-off capped at 15 s and at the time left, says so once, then refuses', async () => {
    // Jitter factor 0.75 + 0.5/2 = 1: the waits are the plain back-off.
    jest.spyOn(Math, 'random').mockReturnValue(0.5)
    const t = locking(Infinity)
    const err = await lockEnvironment(t.locks, OWN, 60, t.ctx).catch((e: unknown) => e)
    expect(t.clock.sleeps).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000, 15_000])
    expect(t.tries).toHaveLength(8)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect((err as Error).message).toBe(
      `production is locked by another deploy after waiting 60 s: ${HOLDER_TEXT}. One deploy per environment at a time; set lock-timeout to wait for it.`
    )
    expect(t.ctx.logger.lines).toEqual([
      `info: Waiting up to 60 s for production, held by ${HOLDER_TEXT}`
    ])
  })

  it.each<[number, number[]]>([
    // Jitter spans 0.75 to 1.25 of the back-off.
    [0, [750, 1500, 3000, 6000, 11_250]],
    [0.999_999, [1250, 2500, 5000, 10_000, 18_750]]
  ])('random %d: waits %j', async (random, expected) => {
    jest.spyOn(Math, 'random').mockReturnValue(random)
    const t = locking(5)
    await lockEnvironment(t.locks, OWN, 3600, t.ctx)
    expect(t.clock.sleeps.map(ms => Math.round(ms))).toEqual(expected)
  })

  it('takes the environment as soon as the holder lets go, within lock-timeout', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5)
    const t = locking(2)
    expect(await lockEnvironment(t.locks, OWN, 10, t.ctx)).toBe(t.release)
    expect(t.clock.sleeps).toEqual([1000, 2000])
    expect(t.ctx.logger.lines).toHaveLength(1)
  })

  it('never sleeps past lock-timeout: the last wait is what is left, and it looks once more', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5)
    const t = locking(Infinity)
    await expect(lockEnvironment(t.locks, OWN, 2.5, t.ctx)).rejects.toThrow('after waiting 2.5 s')
    expect(t.clock.sleeps).toEqual([1000, 1500])
    expect(t.tries).toHaveLength(3)
  })

  it('a cancelled run stops waiting', async () => {
    const controller = new AbortController()
    const t = locking(Infinity)
    controller.abort(new Error('cancelled'))
    const ctx = testContext({ clock: t.clock, signal: controller.signal })
    await expect(lockEnvironment(t.locks, OWN, 60, ctx)).rejects.toThrow('cancelled')
    expect(t.tries).toHaveLength(1)
  })
})
