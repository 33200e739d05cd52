import { deliveryMetrics } from '../../src/core/ledger/delivery-metrics.js'
import {
  describeRecord,
  stateNames,
  type DeploymentStateName
} from '../../src/core/ledger/deployment-state.js'
import type { DeploymentRecord, StatusState } from '../../src/core/ledger/ledger.js'

let nextId = 1
/** A record with statuses a minute apart from `at`; newest-first lists are built by the caller. */
function record(
  version: string,
  states: (StatusState | [StatusState, string])[],
  extra: Partial<DeploymentRecord['payload']> = {},
  at = '2026-11-01T10:00:00Z'
): DeploymentRecord {
  const start = Date.parse(at)
  return {
    id: String(nextId++),
    environment: 'production',
    ref: 'a'.repeat(40),
    createdAt: at,
    payload: {
      version,
      driver: 'command',
      previous_version: null,
      operation: 'deploy',
      run_url: null,
      ...extra
    },
    statuses: states.map((s, i) => {
      const [state, description] = Array.isArray(s) ? s : [s, '']
      return { state, description, createdAt: new Date(start + i * 60_000).toISOString() }
    })
  }
}

describe('stateNames', () => {
  // Each row: a history (newest first) and the state word of each record.
  it.each<[string, () => DeploymentRecord[], DeploymentStateName[]]>([
    ['a deploy still running', () => [record('1', ['in_progress'])], ['in-progress']],
    [
      'a deploy that never finished and was superseded',
      () => [record('2', ['in_progress', 'success']), record('1', ['in_progress', 'inactive'])],
      ['live', 'inactive']
    ],
    ['a failed deploy', () => [record('1', ['in_progress', 'error'])], ['failed']],
    [
      'the live deployment stays live when a check fails on it (its verdicts say so)',
      () => [
        record('2', ['in_progress', 'success', 'failure']),
        record('1', ['in_progress', 'success', 'inactive'])
      ],
      ['live', 'unverified']
    ],
    [
      'superseded: verified, unverified, bad',
      () => [
        record('4', ['in_progress', 'success']),
        record('3', ['in_progress', 'success', 'success', 'inactive']),
        record('2', ['in_progress', 'success', 'inactive']),
        record('1', ['in_progress', 'success', 'success', 'failure', 'inactive'])
      ],
      ['live', 'verified', 'unverified', 'bad']
    ],
    [
      'a rollback leaves the deployment rolled back, not just bad',
      () => {
        const bad = record('2', ['in_progress', 'success', 'failure', 'failure', 'inactive'])
        return [
          record('1', ['in_progress', 'success'], { operation: 'rollback', rollback_of: bad.id }),
          bad,
          record('1', ['in_progress', 'success', 'success', 'inactive'])
        ]
      },
      ['live', 'rolled-back', 'inactive']
    ],
    [
      'a failed rollback rolls nothing back',
      () => {
        const live = record('2', ['in_progress', 'success', 'failure'])
        return [
          record('1', ['in_progress', 'failure'], { operation: 'rollback', rollback_of: live.id }),
          live
        ]
      },
      ['failed', 'live']
    ],
    [
      'a failed rollback of a deployment later superseded leaves it as its checks say',
      () => {
        const two = record('2', ['in_progress', 'success', 'success', 'inactive'])
        return [
          record('3', ['in_progress', 'success']),
          record('1', ['in_progress', 'failure'], { operation: 'rollback', rollback_of: two.id }),
          two
        ]
      },
      ['live', 'failed', 'verified']
    ],
    [
      'a failed redeploy of a version does not make its older good deployment inactive',
      () => [
        record('3', ['in_progress', 'success']),
        record('2', ['in_progress', 'failure']),
        record('2', ['in_progress', 'success', 'success', 'inactive'])
      ],
      ['live', 'failed', 'verified']
    ]
  ])('%s', (_label, history, expected) => {
    expect(stateNames(history())).toEqual(expected)
  })

  it('a rolled-back deployment is described by its word alone, whatever check failed on it', () => {
    const r = record('2.0.0', ['in_progress', 'success', ['failure', 'status-check failed: 5xx']])
    expect(describeRecord(r, 'rolled-back')).toBe('2.0.0 (rolled-back)')
  })

  it('describes a deployment with its word, naming the check that failed on it', () => {
    const r = record('2.0.0', ['in_progress', 'success', ['failure', 'status-check failed: 5xx']])
    expect(describeRecord(r, 'live')).toBe('2.0.0 (live: status-check failed: 5xx)')
    expect(describeRecord(record('1.0.0', ['in_progress', 'success']), 'unverified')).toBe(
      '1.0.0 (unverified)'
    )
  })
})

describe('deliveryMetrics', () => {
  const windowStart = new Date('2026-11-01T00:00:00Z')
  const windowEnd = new Date('2026-11-03T00:00:00Z')

  it('leaves out a commit dated after its deploy went live instead of a negative lead time', () => {
    const r = record('1', ['in_progress', 'success'], {}, '2026-11-01T10:00:00Z')
    const m = deliveryMetrics({
      records: [r],
      states: ['live'],
      commitTimes: new Map([[r.ref, new Date('2026-11-02T00:00:00Z')]]),
      commitSource: 'git',
      windowStart,
      windowEnd
    })
    expect(m.leadTime).toMatchObject({ value: null, samples: 0, unknown: 1 })
    expect(m.deploymentFrequency.value).toBe(0.5)
  })

  it('gives no frequency for a window shorter than a day', () => {
    const m = deliveryMetrics({
      records: [],
      states: [],
      commitTimes: new Map(),
      commitSource: 'git',
      windowStart,
      windowEnd: new Date('2026-11-01T12:00:00Z')
    })
    expect(m.deploymentFrequency).toMatchObject({ value: null })
    expect(m.deploymentFrequency.computed).toMatch(/^unknown: the window is shorter than a day/)
  })

  it('does not count a rollback or a failed deploy as a deploy', () => {
    const records = [
      record('3', ['in_progress', 'failure'], {}, '2026-11-02T12:00:00Z'),
      record('1', ['in_progress', 'success'], { operation: 'rollback' }, '2026-11-02T10:00:00Z'),
      record('2', ['in_progress', 'success', 'failure', 'inactive'], {}, '2026-11-02T09:00:00Z')
    ]
    const m = deliveryMetrics({
      records,
      states: stateNames(records),
      commitTimes: new Map(),
      commitSource: 'git',
      windowStart,
      windowEnd
    })
    expect(m.deploys).toBe(1)
    expect(m.changeFailureRate).toMatchObject({ value: 1, failed: 1 })
    // Restored by the rollback going live: 10:01 − 09:01.
    expect(m.timeToRestore).toMatchObject({ value: 3600, samples: 1, unrestored: 0 })
  })
})
