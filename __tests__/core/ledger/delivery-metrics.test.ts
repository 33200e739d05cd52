import {
  deliveryMetrics,
  median,
  type MetricsInput
} from '../../../src/core/ledger/delivery-metrics.js'
import type { DeploymentStateName } from '../../../src/core/ledger/deployment-state.js'
import type { DeploymentRecord, StatusState } from '../../../src/core/ledger/ledger.js'

/**
 * The four delivery figures from one environment's records, worked by hand: what counts as a
 * deploy, as a failure and as a restore, how each median is taken, and what each figure says
 * about how it was computed (or why it is unknown).
 */

const MINUTE = 60_000
let nextId = 1

/** A record created at `at` whose statuses follow a minute apart: the first success is live. */
function record(
  states: StatusState[],
  at: string,
  ref = 'c0',
  operation: 'deploy' | 'rollback' = 'deploy'
): DeploymentRecord {
  const start = Date.parse(at)
  return {
    id: String(nextId++),
    environment: 'production',
    ref,
    createdAt: at,
    payload: {
      version: 'v',
      driver: 'command',
      previous_version: null,
      operation,
      run_url: null
    },
    statuses: states.map((state, i) => ({
      state,
      description: state,
      createdAt: new Date(start + i * MINUTE).toISOString()
    }))
  }
}

const DEPLOYED: StatusState[] = ['in_progress', 'success']
const BAD: StatusState[] = ['in_progress', 'success', 'failure']
const FAILED: StatusState[] = ['in_progress', 'failure']

/** Records oldest first with their state words; the input is newest first, as ledgers give. */
function input(
  entries: [DeploymentRecord, DeploymentStateName][],
  commits: Record<string, string> = {},
  windowStart = '2026-11-01T00:00:00Z',
  windowEnd = '2026-11-05T00:00:00Z'
): MetricsInput {
  const newestFirst = [...entries].reverse()
  return {
    records: newestFirst.map(([r]) => r),
    states: newestFirst.map(([, s]) => s),
    commitTimes: new Map(Object.entries(commits).map(([ref, at]) => [ref, new Date(at)])),
    commitSource: 'git',
    windowStart: new Date(windowStart),
    windowEnd: new Date(windowEnd)
  }
}

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[5], 5],
    [[9, 1, 5], 5],
    [[10, 2], 6],
    [[1, 2, 3, 10], 2.5],
    // Numeric order, not text order.
    [[100, 20, 3], 20]
  ])('%j: %j', (values, expected) => {
    expect(median(values)).toBe(expected)
  })
})

describe('deliveryMetrics: a worked history of four days', () => {
  // 1 Nov: v1 deployed (commit 09:00, live 10:01: lead 3660 s).
  // 2 Nov: v2 deployed (commit 08:01, live 10:01: lead 7200 s), a check marks it bad; a rollback
  //        goes live at 11:01: restored in 3600 s.
  // 3 Nov: v3's deploy fails (not a deploy); v4 deployed at 12:01, commit time unknown.
  // 4 Nov: a rollback replaces v4 at 12:01 (restored in 86400 s); v5 deployed (commit 19:01,
  //        live 20:01: lead 3600 s).
  const m = deliveryMetrics(
    input(
      [
        [record(DEPLOYED, '2026-11-01T10:00:00Z', 'c1'), 'verified'],
        [record(BAD, '2026-11-02T10:00:00Z', 'c2'), 'bad'],
        [record(DEPLOYED, '2026-11-02T11:00:00Z', 'c1', 'rollback'), 'unverified'],
        [record(FAILED, '2026-11-03T10:00:00Z', 'c3'), 'failed'],
        [record(DEPLOYED, '2026-11-03T12:00:00Z', 'c4'), 'rolled-back'],
        [record(DEPLOYED, '2026-11-04T12:00:00Z', 'c1', 'rollback'), 'unverified'],
        [record(DEPLOYED, '2026-11-04T20:00:00Z', 'c5'), 'live']
      ],
      {
        c1: '2026-11-01T09:00:00Z',
        c2: '2026-11-02T08:01:00Z',
        c3: '2026-11-03T09:00:00Z',
        c5: '2026-11-04T19:01:00Z'
      }
    )
  )

  it('counts successful deploys only, per day of the window', () => {
    expect(m.windowStart).toBe('2026-11-01T00:00:00.000Z')
    expect(m.windowEnd).toBe('2026-11-05T00:00:00.000Z')
    expect(m.deploys).toBe(4)
    expect(m.deploymentFrequency).toEqual({
      value: 1,
      unit: 'deploys per day',
      computed:
        '4 successful deploys between 2026-11-01 and 2026-11-05 (4.0 days), divided by the days; rollbacks and failed deploys are not counted'
    })
  })

  it('takes the median lead time over deploys with a known commit time, saying how many were left out', () => {
    expect(m.leadTime).toEqual({
      value: 3660,
      unit: 'seconds',
      samples: 3,
      unknown: 1,
      computed:
        "median over 3 deploys of (its success status − its commit's committer date, from git); 1 without a known commit time left out"
    })
  })

  it('counts deploys marked bad or rolled back as failures', () => {
    expect(m.changeFailureRate).toEqual({
      value: 0.5,
      unit: 'share',
      failed: 2,
      computed: '2 of 4 successful deploys later marked bad by a check or rolled back'
    })
  })

  it('restores are the next deployment that went live and was not a failure (median of two)', () => {
    expect(m.timeToRestore).toEqual({
      value: 45_000,
      unit: 'seconds',
      samples: 2,
      unrestored: 0,
      computed:
        "median over 2 failed deploys of (the next deployment or rollback that went live and was not marked bad − the failed deploy's success status)"
    })
  })
})

describe('deliveryMetrics: figures that cannot be known say why, never a guess', () => {
  it('an empty window of exactly one day', () => {
    const m = deliveryMetrics(input([], {}, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'))
    expect(m.deploys).toBe(0)
    expect(m.deploymentFrequency).toEqual({
      value: 0,
      unit: 'deploys per day',
      computed:
        '0 successful deploys between 2026-11-01 and 2026-11-02 (1.0 days), divided by the days; rollbacks and failed deploys are not counted'
    })
    expect(m.leadTime).toEqual({
      value: null,
      unit: 'seconds',
      samples: 0,
      unknown: 0,
      computed: 'unknown: no successful deploys in the window'
    })
    expect(m.changeFailureRate).toEqual({
      value: null,
      unit: 'share',
      failed: 0,
      computed: 'unknown: no successful deploys in the window'
    })
    expect(m.timeToRestore).toEqual({
      value: null,
      unit: 'seconds',
      samples: 0,
      unrestored: 0,
      computed: 'unknown: no deploy in the window was marked bad or rolled back'
    })
  })

  it('a window just short of a day has no frequency', () => {
    const m = deliveryMetrics(
      input(
        [[record(DEPLOYED, '2026-11-01T10:00:00Z'), 'live']],
        {},
        '2026-11-01T00:00:00Z',
        '2026-11-01T23:59:59Z'
      )
    )
    expect(m.deploymentFrequency).toEqual({
      value: null,
      unit: 'deploys per day',
      computed:
        'unknown: the window is shorter than a day (between 2026-11-01 and 2026-11-01 (1.0 days)); the history starts too recently'
    })
  })

  it('one deploy, no commit time, marked bad and never followed by a good one', () => {
    const m = deliveryMetrics(input([[record(BAD, '2026-11-01T10:00:00Z', 'c1'), 'live']]))
    expect(m.deploymentFrequency.computed).toMatch(/^1 successful deploy between /)
    expect(m.leadTime).toEqual({
      value: null,
      unit: 'seconds',
      samples: 0,
      unknown: 1,
      computed: 'unknown: no commit time known for the 1 successful deploy (git)'
    })
    expect(m.changeFailureRate).toMatchObject({
      value: 1,
      failed: 1,
      computed: '1 of 1 successful deploy later marked bad by a check or rolled back'
    })
    expect(m.timeToRestore).toEqual({
      value: null,
      unit: 'seconds',
      samples: 0,
      unrestored: 1,
      computed: 'unknown: none of the 1 failed deploy has been followed by a good deployment yet'
    })
  })

  it('a commit dated after its deploy went live is left out, not a negative lead time', () => {
    const r = record(DEPLOYED, '2026-11-01T10:00:00Z', 'c1')
    const m = deliveryMetrics(input([[r, 'live']], { c1: '2026-11-01T10:01:00.001Z' }))
    expect(m.leadTime).toMatchObject({ value: null, samples: 0, unknown: 1 })
    // Committed the very moment it went live: a lead time of 0 counts.
    const n = deliveryMetrics(input([[r, 'live']], { c1: '2026-11-01T10:01:00Z' }))
    expect(n.leadTime).toMatchObject({ value: 0, samples: 1, unknown: 0 })
    expect(n.leadTime.computed).toBe(
      "median over 1 deploy of (its success status − its commit's committer date, from git)"
    )
  })
})

describe('deliveryMetrics: what is a failure and what restores it', () => {
  it('a deploy restored later and one not restored yet: the median of the one, the other said', () => {
    const m = deliveryMetrics(
      input([
        [record(BAD, '2026-11-01T10:00:00Z'), 'bad'],
        [record(DEPLOYED, '2026-11-01T12:00:00Z'), 'unverified'],
        [record(DEPLOYED, '2026-11-02T10:00:00Z'), 'rolled-back']
      ])
    )
    expect(m.changeFailureRate).toMatchObject({ failed: 2 })
    expect(m.timeToRestore).toEqual({
      value: 7200,
      unit: 'seconds',
      samples: 1,
      unrestored: 1,
      computed:
        "median over 1 failed deploy of (the next deployment or rollback that went live and was not marked bad − the failed deploy's success status); 1 not restored yet left out"
    })
  })

  it.each<[string, DeploymentRecord, DeploymentStateName, number | null]>([
    ['a failed deploy does not restore', record(FAILED, '2026-11-01T11:00:00Z'), 'failed', null],
    ['a deployment marked bad does not restore', record(BAD, '2026-11-01T11:00:00Z'), 'bad', null],
    [
      'a deployment later rolled back does not restore',
      record(DEPLOYED, '2026-11-01T11:00:00Z'),
      'rolled-back',
      null
    ],
    ['a live deployment restores', record(DEPLOYED, '2026-11-01T11:00:00Z'), 'live', 3600],
    [
      'a rollback that went live restores',
      record(DEPLOYED, '2026-11-01T11:00:00Z', 'c0', 'rollback'),
      'unverified',
      3600
    ]
  ])('%s', (_label, later, state, restore) => {
    const m = deliveryMetrics(
      input([
        [record(BAD, '2026-11-01T10:00:00Z'), 'bad'],
        [later, state]
      ])
    )
    expect(m.timeToRestore.value).toBe(restore)
  })

  it('an earlier good deployment does not restore a later failure', () => {
    const m = deliveryMetrics(
      input([
        [record(DEPLOYED, '2026-11-01T09:00:00Z'), 'verified'],
        [record(BAD, '2026-11-01T10:00:00Z'), 'live']
      ])
    )
    expect(m.timeToRestore).toMatchObject({ value: null, unrestored: 1 })
  })

  it('a deploy whose statuses say bad is a failure whatever its state word', () => {
    const m = deliveryMetrics(input([[record(BAD, '2026-11-01T10:00:00Z'), 'live']]))
    expect(m.changeFailureRate).toMatchObject({ value: 1, failed: 1 })
  })

  it('a rollback that went live is not a deploy, and cannot fail the rate', () => {
    const m = deliveryMetrics(
      input([
        [record(DEPLOYED, '2026-11-01T10:00:00Z'), 'verified'],
        [record(BAD, '2026-11-01T11:00:00Z', 'c0', 'rollback'), 'bad']
      ])
    )
    expect(m.deploys).toBe(1)
    expect(m.changeFailureRate).toMatchObject({ value: 0, failed: 0 })
  })

  it('a deploy still running is not counted, and goes live at its success status', () => {
    const running = record(['in_progress'], '2026-11-01T12:00:00Z')
    const m = deliveryMetrics(
      input(
        [
          // Live at its success, 10:05, not at its creation.
          [
            record(
              [
                'in_progress',
                'in_progress',
                'in_progress',
                'in_progress',
                'in_progress',
                'success'
              ],
              '2026-11-01T10:00:00Z',
              'c1'
            ),
            'live'
          ],
          [running, 'in-progress']
        ],
        { c1: '2026-11-01T10:00:00Z' }
      )
    )
    expect(m.deploys).toBe(1)
    expect(m.leadTime.value).toBe(300)
  })
})
