import type { Clock } from '../context.js'
import { backoffDelay } from '../retry.js'
import { plural, spokenDuration } from '../wording.js'
import { evaluate, type Evaluation } from './assertions.js'
import type { CheckSpec } from './check-spec.js'
import { httpProbe, type ProbeResult } from './http-probe.js'

/** One request for a check, and the verdict on it. */
export interface Attempt {
  result: ProbeResult
  evaluation: Evaluation
}

export interface ProbeOptions {
  /** Hard limit for this request. */
  requestTimeoutMs: number
  /** Cancels the request. */
  signal?: AbortSignal
}

/**
 * Sends one request for a check and judges the reply: the piece smoke-test retries until
 * ready and status-check repeats over its window, so both judge a response the same way.
 */
export async function probeOnce(check: CheckSpec, options: ProbeOptions): Promise<Attempt> {
  const result = await httpProbe({
    url: check.url,
    method: check.method,
    headers: check.headers,
    body: check.body,
    timeoutMs: options.requestTimeoutMs,
    signal: options.signal,
    followRedirects: check.followRedirects
  })
  return { result, evaluation: evaluate(check, result) }
}

/** What the caller hears after each attempt (for logs). */
export interface AttemptEvent {
  check: CheckSpec
  /** 1-based. */
  attempt: number
  result: ProbeResult
  evaluation: Evaluation
  /** Passes in a row so far. */
  streak: number
  /** Wait before the next attempt; undefined when this was the last one. */
  nextWaitMs?: number
}

export interface RunOptions {
  /** Overall deadline for every check, counted from the call. */
  timeoutMs: number
  /** Limit for one request. */
  requestTimeoutMs: number
  /** First wait after a failure; doubles with jitter after each further failure. */
  retryIntervalMs: number
  /** Passes in a row a check needs. */
  consecutiveSuccesses: number
  /** Checks run at once. */
  concurrency: number
  clock: Clock
  signal?: AbortSignal
  /** Longest single wait between attempts (default 10 s). */
  maxWaitMs?: number
  onAttempt?: (event: AttemptEvent) => void
  /** Stand-in for probeOnce (tests). */
  probe?: (check: CheckSpec, options: ProbeOptions) => Promise<Attempt>
  /** Random source for jitter (tests). */
  random?: () => number
}

export interface CheckOutcome {
  check: CheckSpec
  passed: boolean
  /** Requests sent. */
  attempts: number
  /** Status of the last reply; undefined when the last attempt got none. */
  status?: number
  /** Latency of the last attempt. */
  latencyMs?: number
  /** From this check's first request to its verdict. */
  durationMs: number
  /** Plain words: "expected status 200-299, got 503 after 7 attempts over 30 s". */
  reason: string
  /** True when the job was cancelled before a verdict. */
  cancelled: boolean
  /** The last attempt, for details in logs (e.g. the start of the body). */
  last?: Attempt
}

/** The shortest time a last attempt near the deadline still gets. */
const MIN_ATTEMPT_MS = 1000
const DEFAULT_MAX_WAIT_MS = 10_000

/**
 * Retries one check until it passes `consecutiveSuccesses` times in a row or the deadline
 * passes. Every failure is retried, whatever its kind: during a rollout a refused connection,
 * a 502 from the load balancer, a 404 from the old revision or its old version string are all
 * states that end on their own. Waits grow exponentially with jitter from retry-interval, are
 * capped, and never run past the deadline; a success in a streak waits retry-interval.
 */
export async function runCheck(
  check: CheckSpec,
  deadline: number,
  options: RunOptions
): Promise<CheckOutcome> {
  const { clock, signal } = options
  const probe = options.probe ?? probeOnce
  const required = options.consecutiveSuccesses
  const maxWait = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS
  const now = () => clock.now().getTime()
  const started = now()
  let attempts = 0
  let streak = 0
  let bestStreak = 0
  let failures = 0
  let last: Attempt | undefined
  let lastFailure: string[] | undefined

  const outcome = (passed: boolean, reason: string, cancelled = false): CheckOutcome => ({
    check,
    passed,
    attempts,
    status: last?.result.type === 'response' ? last.result.status : undefined,
    latencyMs: last?.result.latencyMs,
    durationMs: now() - started,
    reason,
    cancelled,
    last
  })
  const over = () => `after ${plural(attempts, 'attempt')} over ${spokenDuration(now() - started)}`

  for (;;) {
    if (signal?.aborted) return outcome(false, `cancelled ${over()}`, true)
    const remaining = deadline - now()
    const requestTimeoutMs = Math.max(
      Math.min(options.requestTimeoutMs, remaining),
      Math.min(options.requestTimeoutMs, MIN_ATTEMPT_MS)
    )
    last = await probe(check, { requestTimeoutMs, signal })
    attempts++
    if (last.result.type === 'error' && last.result.kind === 'cancelled') {
      return outcome(false, `cancelled ${over()}`, true)
    }
    if (last.evaluation.ok) {
      streak++
      failures = 0
      bestStreak = Math.max(bestStreak, streak)
      if (streak >= required) {
        const reason =
          required > 1
            ? `passed ${required} times in a row (${plural(attempts, 'attempt')} over ${spokenDuration(now() - started)})`
            : attempts === 1
              ? 'passed on the first attempt'
              : `passed on attempt ${attempts} after ${spokenDuration(now() - started)}`
        options.onAttempt?.({ check, attempt: attempts, ...last, streak })
        return outcome(true, reason)
      }
    } else {
      streak = 0
      failures++
      lastFailure = last.evaluation.reasons
    }
    const left = deadline - now()
    if (left <= 0) {
      options.onAttempt?.({ check, attempt: attempts, ...last, streak })
      break
    }
    const delay = backoffDelay(
      last.evaluation.ok ? 0 : failures - 1,
      options.retryIntervalMs,
      maxWait,
      options.random
    )
    const wait = Math.min(delay, left)
    options.onAttempt?.({ check, attempt: attempts, ...last, streak, nextWaitMs: wait })
    try {
      await clock.sleep(wait, signal)
    } catch {
      return outcome(false, `cancelled ${over()}`, true)
    }
  }

  if (!last) return outcome(false, 'no attempt was made')
  if (last.evaluation.ok) {
    const before = lastFailure ? `; before that: ${lastFailure.join('; ')}` : ''
    return outcome(
      false,
      `passed only ${streak} of ${required} times in a row before the deadline, ${over()}${before}`
    )
  }
  const flapped =
    required > 1 && bestStreak > 0 ? ` (at most ${bestStreak} of ${required} passes in a row)` : ''
  return outcome(false, `${last.evaluation.reasons.join('; ')} ${over()}${flapped}`)
}

/** Runs fn over items, at most `concurrency` at once, keeping the order of items. */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker)
  )
  return results
}

/**
 * Runs every check to a verdict, `concurrency` at once, under one deadline: the total time is
 * about the slowest check, not the sum. Never throws for a failed check.
 */
export async function runChecks(
  checks: readonly CheckSpec[],
  options: RunOptions
): Promise<CheckOutcome[]> {
  const deadline = options.clock.now().getTime() + options.timeoutMs
  return mapPool(checks, options.concurrency, check => runCheck(check, deadline, options))
}
