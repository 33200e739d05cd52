import {
  formatHistoryLine,
  goodReleases,
  isReleaseName,
  parseHistory,
  pickRollbackRelease,
  releaseName,
  releasesToPrune,
  type HistoryEntry
} from '../../../src/core/drivers/release-history.js'

/** history.jsonl rules, stated one by one: what is good, what is bad, what is kept. */

const r = (n: number, v = `v${n}`) => `2026010${n}T000000Z-${v}`
function line(n: number, over: Partial<HistoryEntry> = {}, v = `v${n}`): HistoryEntry {
  return {
    release: r(n, v),
    version: v,
    ref: '',
    operation: 'deploy',
    time: '',
    outcome: 'success',
    deploymentId: '',
    ...over
  }
}

describe('parseHistory', () => {
  it('reads whole entries and fills what a line leaves out', () => {
    const text = [
      '',
      '   ',
      JSON.stringify({ release: r(1), version: 'v1', outcome: 'success' }),
      JSON.stringify({
        release: r(2),
        version: 'v2',
        outcome: 'rolled-back',
        operation: 'rollback',
        ref: 'f'.repeat(40),
        time: '2026-01-02T00:00:00Z',
        deploymentId: '17',
        rollbackOf: r(3),
        bad: true
      }),
      JSON.stringify({
        release: r(3),
        version: 'v3',
        outcome: 'failure',
        operation: 'other',
        ref: 5,
        time: 7,
        deploymentId: 9,
        rollbackOf: 4,
        bad: 'yes'
      })
    ].join('\n')
    expect(parseHistory(text)).toEqual([
      {
        release: r(1),
        version: 'v1',
        ref: '',
        operation: 'deploy',
        time: '',
        outcome: 'success',
        deploymentId: ''
      },
      {
        release: r(2),
        version: 'v2',
        ref: 'f'.repeat(40),
        operation: 'rollback',
        time: '2026-01-02T00:00:00Z',
        outcome: 'rolled-back',
        deploymentId: '17',
        rollbackOf: r(3),
        bad: true
      },
      {
        release: r(3),
        version: 'v3',
        ref: '',
        operation: 'deploy',
        time: '',
        outcome: 'failure',
        deploymentId: ''
      }
    ])
  })

  it.each([
    ['no release', { version: 'v1', outcome: 'success' }],
    ['a release that is not text', { release: 1, version: 'v1', outcome: 'success' }],
    ['no version', { release: r(1), outcome: 'success' }],
    ['an unknown outcome', { release: r(1), version: 'v1', outcome: 'maybe' }],
    ['no outcome', { release: r(1), version: 'v1' }]
  ])('skips a line with %s', (_label, value) => {
    expect(parseHistory(JSON.stringify(value))).toEqual([])
  })

  it('round-trips what formatHistoryLine writes, one line per entry', () => {
    const entries = [line(1), line(2, { outcome: 'rolled-back', rollbackOf: r(1), bad: true })]
    const text = entries.map(formatHistoryLine).join('\n') + '\n'
    expect(text.split('\n')).toHaveLength(3)
    expect(parseHistory(text)).toEqual(entries)
  })
})

describe('release names', () => {
  it.each([
    ['20260101T000000Z-v1', true],
    ['20260101T000000Z-1.4.2+build.7', true],
    ['20260101T000000Z-', false],
    ['20260101T000000Z-.hidden', false],
    ['20260101T000000-v1', false],
    ['2026011T000000Z-v1', false],
    ['x20260101T000000Z-v1', false],
    ['20260101T000000Z-v1/..', false],
    [`20260101T000000Z-a${'b'.repeat(140)}`, true],
    [`20260101T000000Z-a${'b'.repeat(141)}`, false]
  ])('%s is a release name: %s', (name, ok) => {
    expect(isReleaseName(name)).toBe(ok)
  })

  it('makes a safe, bounded name from any version', () => {
    const now = new Date('2026-11-22T05:30:12.345Z')
    expect(releaseName(now, '')).toBe('20261122T053012Z-release')
    expect(releaseName(now, 'v'.repeat(200))).toBe(`20261122T053012Z-${'v'.repeat(128)}`)
    expect(releaseName(now, 'a:b;c')).toBe('20261122T053012Z-a_b_c')
    expect(releaseName(new Date('2026-11-22T05:30:12Z'), '1')).toBe('20261122T053012Z-1')
    expect(isReleaseName(releaseName(now, '1.0.0'))).toBe(true)
  })
})

describe('goodReleases', () => {
  it('keeps only releases that went live and were never marked bad, oldest first', () => {
    const history = [
      line(5),
      line(1),
      line(2, { outcome: 'failure' }),
      line(3),
      line(3, { outcome: 'rolled-back', operation: 'rollback' }),
      line(4),
      line(4, { bad: true }),
      line(6, { outcome: 'failure', operation: 'rollback' }),
      line(6)
    ]
    expect(
      goodReleases(history, [r(6), r(5), r(4), r(3), r(2), r(1), r(7), 'not-a-release'])
    ).toEqual([r(1), r(5), r(6)])
  })

  it('counts a deploy that failed after its switch as bad even though it went live once', () => {
    expect(goodReleases([line(1), line(1, { outcome: 'failure' })], [r(1)])).toEqual([])
  })

  it('lists a release once, whatever the duplicates', () => {
    expect(goodReleases([line(1)], [r(1), r(1)])).toEqual([r(1)])
  })
})

describe('pickRollbackRelease without a directory listing', () => {
  it('says why without naming kept releases', () => {
    const pick = pickRollbackRelease([line(1)], 'v9')
    expect(pick).toEqual({
      ok: false,
      reason: 'version v9 was never deployed here',
      keptVersions: []
    })
  })

  it('lists each kept version once', () => {
    const history = [line(1, {}, 'x'), line(2, {}, 'x'), line(3)]
    const pick = pickRollbackRelease(history, 'v9', [r(1, 'x'), r(2, 'x'), r(3)])
    expect(!pick.ok && pick.keptVersions).toEqual(['x', 'v3'])
  })

  it('never picks a directory that is not a release name', () => {
    const history = [{ ...line(1), release: 'manual' }]
    expect(pickRollbackRelease(history, 'v1').ok).toBe(false)
  })
})

describe('releasesToPrune', () => {
  const all = [1, 2, 3, 4, 5].map(n => line(n))
  const dirs = [1, 2, 3, 4, 5].map(n => r(n))

  it.each<[string, string | undefined, number, string[]]>([
    ['nothing live: the newest `keep` stay', undefined, 2, [r(1), r(2), r(3)]],
    ['keep 0 still keeps the live release and the rollback target', r(5), 0, [r(1), r(2), r(3)]],
    ['keep larger than what exists removes nothing', r(5), 10, []],
    ['the live release in the middle: its predecessor stays', r(3), 1, [r(1), r(4)]]
  ])('%s', (_label, live, keep, pruned) => {
    expect(releasesToPrune(all, dirs, live, keep)).toEqual(pruned)
  })

  it('goes through duplicates once, oldest first', () => {
    expect(releasesToPrune(all, [...dirs, r(1)], r(5), 2)).toEqual([r(1), r(2), r(3)])
  })
})
