import { deploymentState, isLive } from '../../../src/core/ledger/deployment-state.js'
import type { StatusState } from '../../../src/core/ledger/ledger.js'
import { rec } from './records.js'

/** One status list → what it means. The first terminal status is the deploy's own outcome. */
describe('deploymentState: the one reading of a status list', () => {
  it.each<[string, StatusState[], Record<string, boolean>, boolean]>([
    [
      'nothing yet',
      [],
      { deployed: false, inProgress: true, inactive: false, verified: false, bad: false },
      false
    ],
    [
      'in progress',
      ['in_progress'],
      { deployed: false, inProgress: true, inactive: false, verified: false, bad: false },
      false
    ],
    ['queued then pending', ['queued', 'pending'], { deployed: false, inProgress: true }, false],
    [
      'deployed, unchecked',
      ['in_progress', 'success'],
      { deployed: true, inProgress: false, inactive: false, verified: false, bad: false },
      true
    ],
    [
      'deployed and verified',
      ['in_progress', 'success', 'success'],
      { deployed: true, verified: true, bad: false },
      true
    ],
    [
      'deployed, a check failed',
      ['in_progress', 'success', 'failure'],
      { deployed: true, verified: false, bad: true },
      true
    ],
    [
      'deployed, a check errored',
      ['in_progress', 'success', 'error'],
      { deployed: true, verified: false, bad: true },
      true
    ],
    [
      'one check passed, a later one failed',
      ['in_progress', 'success', 'success', 'failure'],
      { verified: false, bad: true },
      true
    ],
    [
      'a check failed, a later one passed: still bad',
      ['in_progress', 'success', 'failure', 'success'],
      { verified: false, bad: true },
      true
    ],
    [
      'deploy failed',
      ['in_progress', 'failure'],
      { deployed: false, inProgress: false, verified: false, bad: false },
      false
    ],
    ['deploy errored', ['in_progress', 'error'], { deployed: false, inProgress: false }, false],
    [
      'deploy failed, then a stray success: not deployed',
      ['in_progress', 'failure', 'success'],
      { deployed: false, verified: false, bad: false },
      false
    ],
    [
      'superseded',
      ['in_progress', 'success', 'success', 'inactive'],
      { deployed: true, inactive: true, verified: true, inProgress: false },
      false
    ],
    [
      'cancelled before finishing (inactive, no outcome)',
      ['in_progress', 'inactive'],
      { deployed: false, inProgress: false, inactive: true },
      false
    ],
    [
      'inactive, then live again (success after inactive)',
      ['in_progress', 'success', 'inactive', 'success'],
      { deployed: true, inactive: false },
      true
    ],
    [
      'a pending status after the outcome is not a verdict',
      ['in_progress', 'success', 'pending'],
      { deployed: true, verified: false, bad: false },
      true
    ]
  ])('%s', (_label, states, expected, live) => {
    const record = rec('1.0.0', states)
    expect(deploymentState(record)).toMatchObject(expected)
    expect(isLive(record)).toBe(live)
  })

  it('lists the verdicts after the outcome, oldest first, skipping non-terminal statuses', () => {
    const state = deploymentState(
      rec('1.0.0', ['in_progress', 'success', 'pending', 'success', 'failure', 'inactive'])
    )
    expect(state.verdicts.map(v => v.state)).toEqual(['success', 'failure'])
    expect(state.verdicts.map(v => v.description)).toEqual(['success 3', 'failure 4'])
  })

  it('has no verdicts before an outcome', () => {
    expect(deploymentState(rec('1.0.0', ['in_progress'])).verdicts).toEqual([])
  })
})
