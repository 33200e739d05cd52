import {
  bestSuccessRate,
  percentile,
  percentileReachable,
  slowAllowance,
  successRate,
  successRateReachable,
  summarizeLatency
} from '../../src/core/checks/latency-stats.js'

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 95, undefined],
    [[42], 50, 42],
    [[42], 95, 42],
    [[3, 1, 2], 50, 2],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 95, 4],
    // 20 values: rank ceil(0.95 * 20) = 19, the one outlier above it does not move p95.
    [[...Array.from({ length: 19 }, (_, i) => i + 1), 1000], 95, 19],
    [[...Array.from({ length: 18 }, (_, i) => i + 1), 1000, 1000], 95, 1000],
    [[5, 5, 5], 0, 5],
    [[9, 1, 5], 100, 9]
  ])('%j p%d = %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected)
  })
})

describe('summarizeLatency', () => {
  it.each([
    [[], { count: 0, p50: null, p95: null, max: null }],
    [[12], { count: 1, p50: 12, p95: 12, max: 12 }],
    [[30, 10, 20, 40], { count: 4, p50: 20, p95: 40, max: 40 }],
    [Array.from({ length: 100 }, (_, i) => i + 1), { count: 100, p50: 50, p95: 95, max: 100 }]
  ])('%j', (values, expected) => {
    expect(summarizeLatency(values)).toEqual(expected)
  })

  it('does not reorder its input', () => {
    const values = [3, 1, 2]
    summarizeLatency(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('successRate', () => {
  it.each([
    [0, 0, null],
    [3, 4, 0.75],
    [4, 4, 1],
    [0, 5, 0]
  ])('%d of %d = %s', (passed, total, expected) => {
    expect(successRate(passed, total)).toBe(expected)
  })
})

describe('early exit: success rate', () => {
  it.each([
    // failed, planned, min, reachable
    [0, 10, 1, true],
    [1, 10, 1, false],
    [1, 10, 0.9, true],
    [2, 10, 0.9, false],
    [6, 61, 0.9, true],
    [7, 61, 0.9, false],
    [5, 10, 0.5, true],
    [6, 10, 0.5, false],
    [10, 10, 0, true],
    // 0.7 * 10 in floating point is 7.000000000000001: three failures must still be allowed.
    [3, 10, 0.7, true],
    [4, 10, 0.7, false]
  ])('%d failed of %d planned, min %d: reachable %s', (failed, planned, min, expected) => {
    expect(successRateReachable(failed, planned, min)).toBe(expected)
  })

  it('gives the best rate still reachable', () => {
    expect(bestSuccessRate(2, 10)).toBe(0.8)
    expect(bestSuccessRate(0, 0)).toBe(1)
    expect(bestSuccessRate(12, 10)).toBe(0)
  })
})

describe('early exit: p95 latency', () => {
  it.each([
    // n, latencies allowed above the limit
    [0, 0],
    [1, 0],
    [3, 0],
    [19, 0],
    [20, 1],
    [39, 1],
    [40, 2],
    [61, 3],
    [100, 5]
  ])('of %d latencies, %d may be over max', (n, allowed) => {
    expect(slowAllowance(n)).toBe(allowed)
  })

  it('never shrinks as the window grows (so the planned count bounds every outcome)', () => {
    for (let n = 1; n < 500; n++)
      expect(slowAllowance(n + 1)).toBeGreaterThanOrEqual(slowAllowance(n))
  })

  it('agrees with the percentile it predicts', () => {
    for (let n = 1; n <= 60; n++) {
      const allowed = slowAllowance(n)
      const within = [...Array.from({ length: n - allowed }, () => 10), ...Array(allowed).fill(999)]
      const over = [
        ...Array.from({ length: n - allowed - 1 }, () => 10),
        ...Array(allowed + 1).fill(999)
      ]
      expect(percentile(within, 95)).toBe(10)
      expect(percentile(over, 95)).toBe(999)
    }
  })

  it.each([
    [0, 3, true],
    [1, 3, false],
    [1, 20, true],
    [2, 20, false],
    [3, 61, true],
    [4, 61, false]
  ])('%d slow with at most %d latencies: reachable %s', (slow, planned, expected) => {
    expect(percentileReachable(slow, planned)).toBe(expected)
  })
})
