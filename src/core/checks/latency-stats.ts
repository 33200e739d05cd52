/**
 * Latency and success-rate figures for status-check, and the arithmetic that decides whether a
 * threshold can still be met with the rounds left. Pure: no clock, no I/O, tested table-driven.
 *
 * Percentiles are nearest-rank (the smallest observed value with at least p% of the values at
 * or below it), not interpolated: every figure shown is a latency that really happened, and
 * "can p95 still be met?" has an exact answer (see slowAllowance).
 */

/** p50/p95/max of a set of latencies; null when there is none. */
export interface LatencySummary {
  /** Latencies counted. */
  count: number
  p50: number | null
  p95: number | null
  max: number | null
}

/** Nearest-rank percentile of values (p from 0 to 100); undefined for no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, rank(sorted.length, p) - 1)]
}

/**
 * 1-based nearest rank of percentile p among n values: ceil(p/100 * n), computed on integers
 * where possible so 0.95 * 20 cannot come out as 19.000000000000004.
 */
function rank(n: number, p: number): number {
  const scaled = Math.round(p * 1000)
  return Math.ceil((scaled * n) / 100_000)
}

export function summarizeLatency(values: readonly number[]): LatencySummary {
  if (values.length === 0) return { count: 0, p50: null, p95: null, max: null }
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.max(0, rank(sorted.length, p) - 1)]
  return { count: sorted.length, p50: at(50), p95: at(95), max: sorted[sorted.length - 1] }
}

/** Share of passes, 0 to 1; null when nothing was counted. */
export function successRate(passed: number, total: number): number | null {
  return total === 0 ? null : passed / total
}

/** Tolerance for comparing rates: 0.9 written by a user must accept 9 of 10. */
const EPSILON = 1e-9

export function meetsSuccessRate(rate: number, minRate: number): boolean {
  return rate >= minRate - EPSILON
}

/**
 * The best success rate still reachable when `failed` of `planned` probes have failed already:
 * every probe not yet sent passes.
 */
export function bestSuccessRate(failed: number, planned: number): number {
  if (planned <= 0) return 1
  return Math.max(0, planned - failed) / planned
}

/** Whether min-success-rate can still be met after `failed` failures out of `planned` probes. */
export function successRateReachable(failed: number, planned: number, minRate: number): boolean {
  return meetsSuccessRate(bestSuccessRate(failed, planned), minRate)
}

/**
 * How many of n latencies may be above a limit while the p-th percentile stays at or under it:
 * n - rank(n, p). With nearest rank, p95 <= limit exactly when at most this many are above it.
 * It never shrinks as n grows, so the allowance of the most samples a window can produce is
 * the most any outcome can allow.
 */
export function slowAllowance(n: number, p = 95): number {
  if (n <= 0) return 0
  return n - rank(n, p)
}

/**
 * Whether a latency percentile threshold can still be met when `slow` latencies are above it
 * already and the window can produce at most `planned` latencies in all.
 */
export function percentileReachable(slow: number, planned: number, p = 95): boolean {
  return slow <= slowAllowance(planned, p)
}
