import { parseChecks } from '../../src/core/checks/check-parser.js'
import type { CheckSpec } from '../../src/core/checks/check-spec.js'
import {
  mapPool,
  runCheck,
  runChecks,
  type Attempt,
  type ProbeOptions,
  type RunOptions
} from '../../src/core/checks/check-runner.js'
import type { Clock } from '../../src/core/context.js'

/**
 * The readiness loop on a fake clock with a scripted probe: the decisions (backoff, deadline,
 * streaks, cancellation) are tested exactly and instantly. The same loop against a real server
 * is in smoke-test.test.ts.
 */

class FakeClock implements Clock {
  t = 1_000_000
  readonly sleeps: number[] = []
  now(): Date {
    return new Date(this.t)
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason
    this.sleeps.push(ms)
    this.t += ms
  }
}

const check: CheckSpec = parseChecks({ url: 'http://127.0.0.1:1/health', workspace: '/' })[0]

/** A probe answering from a script: 'ok', a status like '503', or 'refused'; the last repeats. */
function scripted(clock: FakeClock, script: string[], latencyMs = 10) {
  const timeouts: number[] = []
  let n = 0
  const probe = async (_c: CheckSpec, options: ProbeOptions): Promise<Attempt> => {
    timeouts.push(options.requestTimeoutMs)
    const step = script[Math.min(n++, script.length - 1)]
    clock.t += latencyMs
    if (step === 'refused') {
      return {
        result: {
          type: 'error',
          kind: 'refused',
          message: 'connection refused by 127.0.0.1:1',
          latencyMs
        },
        evaluation: { ok: false, reasons: ['connection refused by 127.0.0.1:1'] }
      }
    }
    const status = step === 'ok' ? 200 : Number(step)
    return {
      result: {
        type: 'response',
        status,
        headers: {},
        body: '',
        truncated: false,
        latencyMs,
        url: check.url,
        redirects: 0
      },
      evaluation:
        status < 300
          ? { ok: true, reasons: [] }
          : { ok: false, reasons: [`expected status 200-299, got ${status}`] }
    }
  }
  return { probe, timeouts, calls: () => n }
}

function options(clock: FakeClock, over: Partial<RunOptions>): RunOptions {
  return {
    timeoutMs: 30_000,
    requestTimeoutMs: 10_000,
    retryIntervalMs: 1000,
    consecutiveSuccesses: 1,
    concurrency: 8,
    clock,
    random: () => 0,
    ...over
  }
}

describe('runCheck', () => {
  it('passes on the first attempt without waiting', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, ['ok'])
    const outcome = await runCheck(check, clock.t + 30_000, options(clock, { probe }))
    expect(outcome).toMatchObject({
      passed: true,
      attempts: 1,
      status: 200,
      latencyMs: 10,
      reason: 'passed on the first attempt'
    })
    expect(clock.sleeps).toEqual([])
  })

  it('retries refused connections and 5xx with exponential backoff until ready', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, ['refused', 'refused', '502', '503', 'ok'])
    const outcome = await runCheck(check, clock.t + 60_000, options(clock, { probe }))
    expect(outcome.passed).toBe(true)
    expect(outcome.attempts).toBe(5)
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000])
    expect(outcome.reason).toBe('passed on attempt 5 after 15 s')
  })

  it('caps each wait and adds jitter of up to half', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, ['503', '503', '503', '503', '503', 'ok'], 0)
    await runCheck(
      check,
      clock.t + 600_000,
      options(clock, { probe, random: () => 1, maxWaitMs: 10_000 })
    )
    expect(clock.sleeps).toEqual([1500, 3000, 6000, 10_000, 10_000])
  })

  it('never waits past the deadline, then fails with the last reason in plain words', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, ['503'], 0)
    const outcome = await runCheck(check, clock.t + 30_000, options(clock, { probe }))
    // 1 + 2 + 4 + 8 + 10 (the cap) = 25 s, then only 5 s are left.
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 8000, 10_000, 5000])
    expect(outcome).toMatchObject({ passed: false, attempts: 7, status: 503 })
    expect(outcome.reason).toBe('expected status 200-299, got 503 after 7 attempts over 30 s')
  })

  it('gives a last attempt near the deadline at least a second', async () => {
    const clock = new FakeClock()
    const { probe, timeouts } = scripted(clock, ['503'], 0)
    await runCheck(check, clock.t + 3_500, options(clock, { probe }))
    // 3.5 s left, 2.5 s, then 0.5 s (raised to 1 s), then 0 s left after the 0.5 s wait.
    expect(timeouts).toEqual([3500, 2500, 1000, 1000])
  })

  it('needs consecutive successes: a failure restarts the count', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, ['ok', '503', 'ok', 'ok', 'ok'], 0)
    const outcome = await runCheck(
      check,
      clock.t + 60_000,
      options(clock, { probe, consecutiveSuccesses: 3 })
    )
    expect(outcome.passed).toBe(true)
    expect(outcome.attempts).toBe(5)
    // After a success the wait is the first interval; after a failure it backs off.
    expect(clock.sleeps).toEqual([1000, 1000, 1000, 1000])
    expect(outcome.reason).toBe('passed 3 times in a row (5 attempts over 4.0 s)')
  })

  it('fails a service flapping 200/503 when passes in a row are needed', async () => {
    const clock = new FakeClock()
    const flapping = Array.from({ length: 100 }, (_, i) => (i % 2 ? '503' : 'ok'))
    const { probe } = scripted(clock, flapping, 0)
    const outcome = await runCheck(
      check,
      clock.t + 10_000,
      options(clock, { probe, consecutiveSuccesses: 2 })
    )
    expect(outcome.passed).toBe(false)
    expect(outcome.reason).toMatch(
      /^passed only 1 of 2 times in a row before the deadline, after \d+ attempts over 10 s; before that: expected status 200-299, got 503$/
    )
  })

  it('says so when the deadline came in the middle of a streak', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, ['503', 'ok'], 0)
    const outcome = await runCheck(
      check,
      clock.t + 1_500,
      options(clock, { probe, consecutiveSuccesses: 5 })
    )
    expect(outcome.passed).toBe(false)
    expect(outcome.reason).toBe(
      'passed only 2 of 5 times in a row before the deadline, after 3 attempts over 1.5 s; before that: expected status 200-299, got 503'
    )
  })

  it('names the most passes in a row a flapping check reached', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, ['ok', 'ok', '503', 'ok', '503'], 0)
    const outcome = await runCheck(
      check,
      clock.t + 10_000,
      options(clock, { probe, consecutiveSuccesses: 3 })
    )
    expect(outcome.reason).toMatch(
      /^expected status 200-299, got 503 after \d+ attempts over 10 s \(at most 2 of 3 passes in a row\)$/
    )
  })

  it('stops at once when cancelled', async () => {
    const clock = new FakeClock()
    const controller = new AbortController()
    const { probe, calls } = scripted(clock, ['503'], 0)
    const wrapped = async (c: CheckSpec, o: ProbeOptions) => {
      const attempt = await probe(c, o)
      if (calls() === 2) controller.abort(new Error('cancelled'))
      return attempt
    }
    const outcome = await runCheck(
      check,
      clock.t + 60_000,
      options(clock, { probe: wrapped, signal: controller.signal })
    )
    expect(outcome).toMatchObject({ passed: false, cancelled: true, attempts: 2 })
    expect(outcome.reason).toMatch(/^cancelled after 2 attempts/)
  })

  it('reports each attempt, with the wait before the next', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, ['503', 'ok'], 0)
    const events: [number, boolean, number | undefined][] = []
    await runCheck(
      check,
      clock.t + 60_000,
      options(clock, {
        probe,
        onAttempt: e => events.push([e.attempt, e.evaluation.ok, e.nextWaitMs])
      })
    )
    expect(events).toEqual([
      [1, false, 1000],
      [2, true, undefined]
    ])
  })
})

describe('runChecks and mapPool', () => {
  it('runs at most `concurrency` at once and keeps the order', async () => {
    let running = 0
    let most = 0
    const results = await mapPool([50, 10, 30, 20, 40, 5, 25], 3, async (ms, i) => {
      running++
      most = Math.max(most, running)
      await new Promise(resolve => setTimeout(resolve, ms))
      running--
      return i
    })
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(most).toBe(3)
  })

  it('shares one deadline between all checks', async () => {
    const clock = new FakeClock()
    const { probe } = scripted(clock, ['503'], 0)
    const start = clock.t
    const outcomes = await runChecks(
      [check, check],
      options(clock, { probe, timeoutMs: 5_000, concurrency: 1 })
    )
    // The second check starts after the first used up the deadline: it still gets one try.
    expect(outcomes.map(o => o.passed)).toEqual([false, false])
    expect(outcomes[1].attempts).toBe(1)
    expect(clock.t - start).toBeLessThan(5_000 + 100)
  })
})
