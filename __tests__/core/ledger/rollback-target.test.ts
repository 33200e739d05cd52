import type { DeploymentRecord } from '../../../src/core/ledger/ledger.js'
import {
  badVersions,
  chooseRollbackTarget,
  describeHistory
} from '../../../src/core/ledger/rollback-target.js'
import { BAD, DEPLOYED, FAILED, RUNNING, SUPERSEDED, VERIFIED, rec } from './records.js'

/**
 * The rollback target rules, each stated as a guarantee: never the live version, never a bad
 * one without force, never a guess, and the newest verified before an unchecked one.
 * Histories are newest first, as every ledger returns them.
 */

const pick = (records: DeploymentRecord[], options: { toVersion?: string; force?: boolean } = {}) =>
  chooseRollbackTarget(records, 'production', options)

const target = (records: DeploymentRecord[], options = {}) => {
  const choice = pick(records, options)
  return choice.ok ? choice.target.payload.version : `refused: ${choice.reason}`
}

describe('chooseRollbackTarget without to-version', () => {
  it.each<[string, DeploymentRecord[], string]>([
    [
      'the newest verified before the live one',
      [rec('3', DEPLOYED), rec('2', SUPERSEDED), rec('1', SUPERSEDED)],
      '2'
    ],
    [
      'skips a version marked bad',
      [rec('3', DEPLOYED), rec('2', [...BAD, 'inactive']), rec('1', SUPERSEDED)],
      '1'
    ],
    [
      'skips a deploy that failed',
      [rec('3', DEPLOYED), rec('2', FAILED), rec('1', SUPERSEDED)],
      '1'
    ],
    [
      'skips one still deploying',
      [rec('3', DEPLOYED), rec('2', RUNNING), rec('1', SUPERSEDED)],
      '1'
    ],
    [
      'never the live version, even from an older deployment of it',
      [rec('3', DEPLOYED), rec('3', SUPERSEDED), rec('2', SUPERSEDED)],
      '2'
    ],
    [
      'prefers a verified version to a newer unchecked one',
      [rec('3', DEPLOYED), rec('2', [...DEPLOYED, 'inactive']), rec('1', SUPERSEDED)],
      '1'
    ],
    [
      'takes an unchecked one when nothing is verified',
      [
        rec('3', DEPLOYED),
        rec('2', [...DEPLOYED, 'inactive']),
        rec('1', [...DEPLOYED, 'inactive'])
      ],
      '2'
    ],
    [
      'judges a version by its newest deployment: redeployed and failed is bad',
      [
        rec('3', DEPLOYED),
        rec('2', [...BAD, 'inactive']),
        rec('2', SUPERSEDED),
        rec('1', SUPERSEDED)
      ],
      '1'
    ],
    [
      'a bad version redeployed and verified later is good again',
      [rec('3', DEPLOYED), rec('2', SUPERSEDED), rec('2', [...BAD, 'inactive'])],
      '2'
    ],
    [
      'reads past newer deployments to find the live one',
      [rec('4', FAILED), rec('3', DEPLOYED), rec('2', SUPERSEDED)],
      '2'
    ]
  ])('%s', (_label, records, expected) => {
    expect(target(records)).toBe(expected)
  })

  it('says whether the target was verified, with a note when it was not', () => {
    expect(pick([rec('2', DEPLOYED), rec('1', SUPERSEDED)])).toMatchObject({
      ok: true,
      verified: true
    })
    const unchecked = pick([rec('2', DEPLOYED), rec('1', [...DEPLOYED, 'inactive'])])
    expect(unchecked).toMatchObject({
      ok: true,
      verified: false,
      note: '1 deployed successfully but no check was recorded on it'
    })
    expect((pick([rec('2', DEPLOYED), rec('1', SUPERSEDED)]) as { note?: string }).note).toBe(
      undefined
    )
  })

  it.each<[string, DeploymentRecord[], RegExp]>([
    [
      'nothing live',
      [rec('2', FAILED), rec('1', RUNNING)],
      /^nothing is live in production to roll back from \(history: 2 \(failed\), 1 \(in-progress\)\)\.$/
    ],
    [
      'an empty history',
      [],
      /^nothing is live in production to roll back from \(history: no deployments\)\.$/
    ],
    [
      'only bad or failed before the live one',
      [rec('3', DEPLOYED), rec('2', [...BAD, 'inactive']), rec('1', FAILED)],
      /^no known-good version to roll back to in production \(history: 3 \(live\), 2 \(bad: failure 2\), 1 \(failed\)\)\.$/
    ],
    ['only the live version', [rec('1', DEPLOYED), rec('1', SUPERSEDED)], /^no known-good version/]
  ])('refuses, never guessing, with %s', (_label, records, reason) => {
    const choice = pick(records)
    expect(choice.ok).toBe(false)
    if (!choice.ok) expect(choice.reason).toMatch(reason)
  })
})

describe('chooseRollbackTarget with to-version', () => {
  const history = [
    rec('4', DEPLOYED, { id: 'd4' }),
    rec('3', [...BAD, 'inactive'], { id: 'd3' }),
    rec('2', SUPERSEDED, { id: 'd2' }),
    rec('2', [...FAILED], { id: 'd2-failed' }),
    rec('1', [...DEPLOYED, 'inactive'], { id: 'd1' }),
    rec('0', FAILED, { id: 'd0' })
  ]

  it.each<[string, { toVersion: string; force?: boolean }, string]>([
    ['a verified version', { toVersion: '2' }, 'd2'],
    ['an unchecked version', { toVersion: '1' }, 'd1'],
    ['a bad version with force', { toVersion: '3', force: true }, 'd3']
  ])('goes to %s', (_label, options, id) => {
    const choice = pick(history, options)
    expect(choice.ok && choice.target.id).toBe(id)
  })

  it.each<[string, { toVersion: string; force?: boolean }, string]>([
    ['the live version', { toVersion: '4' }, '4 is already live in production.'],
    [
      'the live version, even with force',
      { toVersion: '4', force: true },
      '4 is already live in production.'
    ],
    [
      'a bad version without force',
      { toVersion: '3' },
      '3 is marked bad in production (a check failed on it or it was rolled back from); set force: true to roll back to it anyway.'
    ],
    [
      'a version that only failed to deploy',
      { toVersion: '0' },
      '0 never deployed successfully in production (history: 4 (live), 3 (bad: failure 2), 2 (verified), 2 (failed), 1 (unverified), and 1 older); set force: true to roll back to it anyway.'
    ],
    ['an unknown version', { toVersion: '9' }, '9 never deployed successfully in production'],
    [
      'an unknown version, even with force',
      { toVersion: '9', force: true },
      '9 has no successful deployment in production to take its commit from; deploy it instead'
    ]
  ])('refuses %s', (_label, options, reason) => {
    const choice = pick(history, options)
    expect(choice.ok).toBe(false)
    if (!choice.ok) expect(choice.reason).toContain(reason)
  })

  it('reports a forced bad target with a note, and whether it was verified', () => {
    expect(pick(history, { toVersion: '3', force: true })).toMatchObject({
      ok: true,
      verified: false,
      note: 'forced: 3 is marked bad'
    })
    expect(pick(history, { toVersion: '2', force: true })).toMatchObject({
      ok: true,
      verified: true,
      note: undefined
    })
  })

  it('needs something live to roll back from', () => {
    const choice = pick([rec('2', FAILED), rec('1', SUPERSEDED)], { toVersion: '1' })
    expect(choice.ok).toBe(false)
  })
})

describe('badVersions', () => {
  it('judges each version by its newest completed deployment', () => {
    const bad = badVersions([
      rec('5', RUNNING),
      rec('4', FAILED),
      rec('3', BAD),
      rec('2', VERIFIED),
      rec('2', BAD),
      rec('1', BAD),
      rec('1', VERIFIED)
    ])
    expect([...bad].sort()).toEqual(['1', '3'])
  })
})

describe('describeHistory', () => {
  it.each<[string, DeploymentRecord[], string]>([
    ['empty', [], 'no deployments'],
    [
      'every state in words',
      [
        rec('7', RUNNING),
        rec('6', FAILED),
        rec('5', BAD),
        rec('4', SUPERSEDED),
        rec('3', [...DEPLOYED, 'inactive'])
      ],
      '7 (in-progress), 6 (failed), 5 (live: failure 2), 4 (verified), 3 (unverified)'
    ],
    ['live, verified', [rec('2', VERIFIED)], '2 (live)'],
    ['live', [rec('2', DEPLOYED)], '2 (live)'],
    [
      'the first five and how many older',
      ['7', '6', '5', '4', '3', '2', '1'].map(v => rec(v, FAILED)),
      '7 (failed), 6 (failed), 5 (failed), 4 (failed), 3 (failed), and 2 older'
    ]
  ])('%s', (_label, records, words) => {
    expect(describeHistory(records)).toBe(words)
  })

  it('takes a limit', () => {
    expect(describeHistory([rec('2', FAILED), rec('1', FAILED)], 1)).toBe('2 (failed), and 1 older')
  })
})
