import type { Clock } from './context.js'

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number
  /** First wait in ms; doubles each time, with up to 50% jitter. */
  initialDelayMs: number
  /** Upper bound for one wait. */
  maxDelayMs?: number
  /** Whether an error is worth another attempt. */
  retryable?: (err: unknown) => boolean
  clock: Clock
  signal?: AbortSignal
  /** Random source for jitter, injectable for tests. */
  random?: () => number
}

/** Exponential backoff with jitter: initial * 2^n, plus up to half of that at random, capped. */
export function backoffDelay(
  attempt: number,
  initialDelayMs: number,
  maxDelayMs = 30_000,
  random = Math.random
): number {
  const base = Math.min(initialDelayMs * 2 ** attempt, maxDelayMs)
  return Math.min(Math.round(base + base * 0.5 * random()), maxDelayMs)
}

/** The one retry helper: calls fn until it succeeds, attempts run out, or the error is final. */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: RetryOptions
): Promise<T> {
  let last: unknown
  for (let attempt = 0; attempt < opts.attempts; attempt++) {
    try {
      return await fn(attempt)
    } catch (err) {
      last = err
      const more = attempt + 1 < opts.attempts
      if (!more || (opts.retryable && !opts.retryable(err)) || opts.signal?.aborted) throw err
      await opts.clock.sleep(
        backoffDelay(attempt, opts.initialDelayMs, opts.maxDelayMs, opts.random),
        opts.signal
      )
    }
  }
  throw last
}
