import { parseStatusCheckSettings } from '../../src/core/settings/status-check-settings.js'
import { judgeProbe } from '../../src/core/steps/status-check-judging.js'
import type { ProbeSample, StatusCheckResult } from '../../src/core/steps/status-check-result.js'
import {
  latencyChart,
  niceCeiling,
  statusCheckOutputs,
  statusCheckSummary
} from '../../src/report/status-check-report.js'

/** The verdict rules and the report, on made-up rounds: no network, no clock. */

function samples(...spec: (number | 'fail' | 'refused')[]): ProbeSample[] {
  return spec.map((s, round) => ({
    round,
    atMs: round * 1000,
    ok: typeof s === 'number',
    latencyMs: s === 'refused' ? null : s === 'fail' ? 5 : s,
    status: s === 'refused' ? null : s === 'fail' ? 503 : 200,
    ...(typeof s === 'number'
      ? {}
      : { reason: s === 'fail' ? 'expected status 200-299, got 503' : 'connection refused by x:1' })
  }))
}

describe('judgeProbe', () => {
  it.each<
    [
      string,
      ProbeSample[],
      number,
      number,
      number | undefined,
      { passed: boolean; decided: boolean; reason: string | RegExp }
    ]
  >([
    [
      'all passed, window over',
      samples(10, 12, 11),
      0,
      1,
      undefined,
      { passed: true, decided: false, reason: '3/3 passed (100%), p95 12 ms' }
    ],
    [
      'all passed so far',
      samples(10),
      5,
      1,
      undefined,
      {
        passed: true,
        decided: false,
        reason: '1/1 passed (100%), p95 10 ms before the window ended'
      }
    ],
    [
      'first failure with min 1.0 decides at once',
      samples(10, 'fail'),
      59,
      1,
      undefined,
      {
        passed: false,
        decided: true,
        reason:
          '1 of 2 probes failed; even if all 59 still to come pass, the success rate is at most 98.4%, under min 100%; last failure: expected status 200-299, got 503'
      }
    ],
    [
      'a failure within min 0.9 of 61 waits',
      samples(10, 'fail', 'fail'),
      58,
      0.9,
      undefined,
      { passed: true, decided: false, reason: /^1\/3 passed/ }
    ],
    [
      'seven failures of 61 with min 0.9 decide',
      samples('fail', 'fail', 'fail', 'fail', 'fail', 'fail', 'fail'),
      54,
      0.9,
      undefined,
      {
        passed: false,
        decided: true,
        reason:
          /^7 of 7 probes failed; even if all 54 still to come pass, the success rate is at most 88.5%/
      }
    ],
    [
      'final rate under min',
      samples(10, 'fail', 10, 10),
      0,
      0.8,
      undefined,
      {
        passed: false,
        decided: true,
        reason: /^success rate 75% \(3\/4\) is under min 80%; last failure: expected status/
      }
    ],
    [
      'final rate at min',
      samples(10, 'fail', 10, 10),
      0,
      0.75,
      undefined,
      { passed: true, decided: false, reason: '3/4 passed (75%), p95 10 ms' }
    ],
    [
      'one slow of 3 planned decides p95',
      samples(500),
      2,
      0,
      100,
      {
        passed: false,
        decided: true,
        reason:
          '1 of 1 probes took over 100 ms (p95 so far 500 ms); at most 0 of 3 may for p95 to stay within max'
      }
    ],
    [
      'one slow of 20 planned is allowed',
      samples(500),
      19,
      0,
      100,
      { passed: true, decided: false, reason: /^1\/1 passed/ }
    ],
    [
      'two slow of 20 planned decide',
      samples(500, 10, 500),
      17,
      0,
      100,
      { passed: false, decided: true, reason: /^2 of 3 probes took over 100 ms/ }
    ],
    [
      'final p95 over max',
      samples(10, 500),
      0,
      0,
      100,
      { passed: false, decided: true, reason: 'p95 latency 500 ms is over max 100 ms' }
    ],
    [
      'final p95 at max',
      samples(100, 100),
      0,
      0,
      100,
      { passed: true, decided: false, reason: '2/2 passed (100%), p95 100 ms' }
    ],
    [
      'refused probes have no latency to judge',
      samples('refused', 'refused'),
      0,
      0,
      100,
      {
        passed: false,
        decided: true,
        reason: 'no probe got a reply, so p95 latency cannot be measured'
      }
    ],
    [
      'refused probes do not count as slow',
      samples('refused', 10),
      1,
      0,
      100,
      { passed: true, decided: false, reason: /^1\/2 passed/ }
    ]
  ])('%s', (_label, s, remaining, min, maxP95, expected) => {
    // Runs of failures are the next table's subject; here any run is allowed.
    const judged = judgeProbe(s, remaining, {
      minSuccessRate: min,
      maxP95LatencyMs: maxP95,
      maxConsecutiveFailures: 1000
    })
    expect(judged.passed).toBe(expected.passed)
    expect(judged.decided).toBe(expected.decided)
    if (typeof expected.reason === 'string') expect(judged.reason).toBe(expected.reason)
    else expect(judged.reason).toMatch(expected.reason)
  })
})

describe('judgeProbe with the default thresholds: a blip is tolerated, an outage is not', () => {
  const defaults = parseStatusCheckSettings(
    { environment: 'production', url: 'https://x.example.com' },
    { insideActions: false },
    '/'
  )
  // The default window: 60 s, one round every 10 s, so 7 probes per check.
  it.each<[string, ProbeSample[], number, { passed: boolean; decided: boolean; reason: RegExp }]>([
    [
      'one failed probe of 7, window over',
      samples(10, 10, 'fail', 10, 10, 10, 10),
      0,
      { passed: true, decided: false, reason: /^6\/7 passed \(85\.7%\)/ }
    ],
    [
      'one failed probe, rounds to come',
      samples(10, 'fail'),
      5,
      { passed: true, decided: false, reason: /before the window ended$/ }
    ],
    [
      'two failed probes in a row decide at once',
      samples(10, 'fail', 'fail'),
      4,
      {
        passed: false,
        decided: true,
        reason:
          /^2 probes in a row failed; max-consecutive-failures allows 1 \(more is an outage, not a blip\); last failure: expected status/
      }
    ],
    [
      'two failed probes apart: 5 of 7 is under 85%',
      samples(10, 'fail', 10, 'fail'),
      3,
      {
        passed: false,
        decided: true,
        reason:
          /^2 of 4 probes failed; even if all 3 still to come pass, the success rate is at most 71\.4%, under min 85%/
      }
    ]
  ])('%s', (_label, s, remaining, expected) => {
    expect(defaults).toMatchObject({
      intervalMs: 10_000,
      durationMs: 60_000,
      minSuccessRate: 0.85,
      maxConsecutiveFailures: 1
    })
    const judged = judgeProbe(s, remaining, defaults)
    expect(judged).toMatchObject({ passed: expected.passed, decided: expected.decided })
    expect(judged.reason).toMatch(expected.reason)
  })
})

function result(rounds: number, extra: Partial<StatusCheckResult> = {}): StatusCheckResult {
  const s = Array.from({ length: rounds }, (_, round) => ({
    round,
    atMs: round * 1000,
    ok: true,
    latencyMs: round === 150 ? 900 : 10 + (round % 7),
    status: 200
  }))
  return {
    step: 'status-check',
    healthy: true,
    dryRun: false,
    environment: 'production',
    startedAt: '2024-05-01T12:00:00.000Z',
    durationMs: (rounds - 1) * 1000,
    plannedDurationMs: (rounds - 1) * 1000,
    intervalMs: 1000,
    rounds,
    plannedRounds: rounds,
    endedEarly: false,
    reasons: [],
    probes: [
      {
        name: 'GET /health',
        method: 'GET',
        url: 'https://x.example.com/health',
        samples: s,
        total: rounds,
        passes: rounds,
        successRate: 1,
        p50: 13,
        p95: 16,
        max: 900,
        minSuccessRate: 1,
        maxConsecutiveFailures: 1,
        maxP95LatencyMs: 250,
        successRatePassed: true,
        p95Passed: true,
        passed: true,
        reason: 'ok'
      }
    ],
    overall: { successRate: 1, p50Ms: 13, p95Ms: 16, maxMs: 900, probes: rounds, failed: 0 },
    metrics: [],
    ...extra
  }
}

describe('latencyChart', () => {
  it('is a valid xychart-beta with one point per round and the threshold as a flat line', () => {
    const chart = latencyChart(result(4)) as string
    expect(chart.split('\n')).toEqual([
      '```mermaid',
      '---',
      'config: {"themeVariables":{"xyChart":{"plotColorPalette":"#2f81f7, #e5534b"}}}',
      '---',
      'xychart-beta',
      '    title "Probe latency per round, p95 (ms); red line = max 250 ms"',
      '    x-axis "seconds since start" ["0", "1", "2", "3"]',
      '    y-axis "latency (ms)" 0 --> 300',
      '    line [10, 11, 12, 13]',
      '    line [250, 250, 250, 250]',
      '```'
    ])
  })

  it('leaves rounds without a reply off the line and names them, instead of drawing 0 ms', () => {
    const r = result(4)
    r.probes[0].samples[2] = { ...r.probes[0].samples[2], ok: false, latencyMs: null }
    const chart = latencyChart(r) as string
    expect(chart).toContain('x-axis "seconds since start" ["0", "1", "3"]')
    expect(chart).toContain('    line [10, 11, 13]')
    expect(chart).not.toMatch(/line \[[^\]]*\b0\b/)
    expect(chart.split('\n').at(-1)).toBe(
      'No reply at all in 1 round (at 2 s): left off the chart, not drawn as 0 ms.'
    )
  })

  it('is left out under two rounds with a reply: one point draws an empty chart', () => {
    expect(latencyChart(result(1))).toBeUndefined()
    const r = result(3)
    r.probes[0].samples[1] = { ...r.probes[0].samples[1], latencyMs: null }
    r.probes[0].samples[2] = { ...r.probes[0].samples[2], latencyMs: null }
    expect(latencyChart(r)).toBeUndefined()
    expect(latencyChart(result(2))).toBeDefined()
  })

  it.each([
    [220, 250],
    [242, 250],
    [251, 300],
    [13, 15],
    [100, 100],
    [0.7, 0.8],
    [901, 1000]
  ])('ends the axis on a close readable number: %p -> %p', (value, top) => {
    expect(niceCeiling(value)).toBe(top)
  })

  it('buckets a long window to at most 60 points, keeping the slowest round of each', () => {
    const chart = latencyChart(result(301)) as string
    const x = /x-axis "seconds since start" \[(.*)\]/.exec(chart)?.[1].split(', ') ?? []
    const line = /\n {4}line \[(.*)\]/.exec(chart)?.[1].split(', ').map(Number) ?? []
    expect(x.length).toBeLessThanOrEqual(60)
    expect(line).toHaveLength(x.length)
    expect(x[0]).toBe('"0"')
    expect(Math.max(...line)).toBe(900)
    expect(chart).toContain('0 --> 1000')
  })

  it('is left out when no probe got a latency', () => {
    expect(latencyChart(result(0, { probes: [] }))).toBeUndefined()
  })
})

describe('outputs', () => {
  it('are strings, with the figures rounded', () => {
    const r = result(3, {
      overall: { successRate: 2 / 3, p50Ms: 10, p95Ms: 12.4, maxMs: 13, probes: 3, failed: 1 }
    })
    const outputs = statusCheckOutputs(r)
    expect(outputs).toMatchObject({ healthy: 'true', 'success-rate': '0.6667', 'p95-ms': '12' })
    expect(JSON.parse(outputs.result)).toEqual(JSON.parse(JSON.stringify(r)))
  })

  it('leave the per-round samples out of `result` when it would pass GitHub’s 1 MB output limit', () => {
    const big = result(20_000)
    const outputs = statusCheckOutputs(big)
    expect(outputs.result.length).toBeLessThan(100_000)
    const parsed = JSON.parse(outputs.result)
    expect(parsed.truncated).toMatch(/left out/)
    expect(parsed.probes[0].samples).toBeUndefined()
    expect(parsed.probes[0].total).toBe(20_000)
  })

  it('put the verdict first and a threshold beside every figure', () => {
    const summary = statusCheckSummary(
      result(3, {
        live: {
          version: '1.4.2',
          since: '2024-05-01T11:58:00Z',
          deploymentId: '42',
          ref: 'c'.repeat(40),
          operation: 'deploy',
          creator: 'octocat'
        }
      })
    )
    expect(summary.verdict).toBe(
      '✅ **healthy**: production held every threshold for 2.0 s (3 rounds)'
    )
    expect(summary.facts[1]).toEqual([
      'Live',
      '1.4.2 since 2024-05-01T11:58:00Z (deployment 42, deployed by octocat)'
    ])
    expect(summary.tables[0].rows).toEqual([
      ['probe GET /health', 'success rate', '100% (3/3)', '≥ 100%, ≤ 1 failed in a row', '✅', ''],
      ['probe GET /health', 'latency p95', '16 ms (p50 13 ms, max 900 ms)', '≤ 250 ms', '✅', '']
    ])
  })

  it('say why probes failed when the verdict is still healthy', () => {
    const r = result(4)
    r.probes[0] = {
      ...r.probes[0],
      samples: samples(10, 'fail', 12, 11),
      passes: 3,
      successRate: 0.75,
      minSuccessRate: 0.5
    }
    const summary = statusCheckSummary(r)
    expect(summary.verdict).toBe(
      '✅ **healthy**: production held every threshold for 3.0 s (4 rounds); 1 probe failed, within the thresholds (see Detail)'
    )
    expect(summary.tables[0].rows[0][5]).toBe(
      '1 of 4 failed, within the threshold; last: expected status 200-299, got 503'
    )
  })

  it('give an unhealthy verdict in one line naming what failed; the reason only in Detail', () => {
    const reason = 'success rate 50% (2/4) is under min 100%; last failure: got 503'
    const r = result(4, { healthy: false, reasons: [`GET /health: ${reason}`], endedEarly: true })
    r.probes[0] = { ...r.probes[0], successRatePassed: false, passed: false, reason }
    const summary = statusCheckSummary(r)
    expect(summary.verdict).toBe(
      '❌ **unhealthy**: probe GET /health success rate missed its threshold (see Detail)'
    )
    expect(summary.tables[0].rows[0][5]).toBe(reason)
    const text = JSON.stringify(summary)
    expect(text.split('is under min 100%')).toHaveLength(2)
  })
})
