import { spawnSync } from 'node:child_process'
import { hostScript, parseRsyncStats, shellQuote } from '../../src/core/drivers/host-transport.js'
import {
  parseHistory,
  pickRollbackRelease,
  releaseName,
  releasesToPrune,
  type HistoryEntry
} from '../../src/core/drivers/release-history.js'
import { staleReason, type LockInfo } from '../../src/core/drivers/release-lock.js'
import { symlinkStaysInside } from '../../src/core/drivers/releases-driver.js'
import { InputError } from '../../src/core/errors.js'
import { parseHosts } from '../../src/core/settings/deploy-settings.js'

const r = (n: number, v = `v${n}`) => `2026010${n}T000000Z-${v}`
function line(
  n: number,
  outcome: HistoryEntry['outcome'] = 'success',
  extra: Partial<HistoryEntry> = {},
  v = `v${n}`
): HistoryEntry {
  return {
    release: r(n, v),
    version: v,
    ref: '',
    operation: 'deploy',
    time: '',
    outcome,
    deploymentId: '',
    ...extra
  }
}

describe('pickRollbackRelease', () => {
  const deployed = [line(1), line(2), line(3)]
  test.each<[string, HistoryEntry[], string, string[] | undefined, string | RegExp]>([
    ['the release of the version', deployed, 'v2', undefined, r(2)],
    [
      'only if it still exists',
      deployed,
      'v2',
      [r(1), r(3)],
      /release of version v2 was pruned .*still kept: v1, v3/
    ],
    [
      'never a rolled-back release',
      [...deployed, line(3, 'rolled-back', { operation: 'rollback' })],
      'v3',
      undefined,
      /no release that deployed successfully/
    ],
    [
      'never a failed deploy',
      [line(1), line(2, 'failure')],
      'v2',
      [r(1), r(2)],
      /no release that deployed successfully .*still kept: v1$/
    ],
    [
      'the newest of a redeployed version',
      [line(1, 'success', {}, 'x'), line(2, 'success', {}, 'x'), line(3)],
      'x',
      undefined,
      r(2, 'x')
    ],
    [
      'skips a bad newer release of the version',
      [line(1, 'success', {}, 'x'), line(2, 'success', {}, 'x'), line(2, 'rolled-back', {}, 'x')],
      'x',
      undefined,
      r(1, 'x')
    ],
    [
      'a bad: true line marks bad',
      [line(1), line(1, 'success', { bad: true })],
      'v1',
      undefined,
      /no release that deployed/
    ],
    [
      'a version never deployed',
      deployed,
      'v9',
      [r(1), r(2), r(3)],
      /v9 was never deployed here; releases still kept: v1, v2, v3/
    ],
    ['nothing kept at all', deployed, 'v1', [], /pruned .*no known-good release is kept/]
  ])('%s', (_name, history, version, existing, expected) => {
    const pick = pickRollbackRelease(history, version, existing)
    if (typeof expected === 'string') expect(pick).toEqual({ ok: true, release: expected })
    else {
      expect(pick.ok).toBe(false)
      expect(!pick.ok && pick.reason).toMatch(expected)
    }
  })
})

describe('releasesToPrune', () => {
  const all = [1, 2, 3, 4, 5].map(n => line(n))
  const dirs = [1, 2, 3, 4, 5].map(n => r(n))
  test.each<[string, HistoryEntry[], string[], string | undefined, number, string[]]>([
    ['keeps the newest `keep`', all, dirs, r(5), 3, [r(1), r(2)]],
    ['keep 1 still keeps the rollback target', all, dirs, r(5), 1, [r(1), r(2), r(3)]],
    [
      'failed releases do not count and go',
      [...all, line(6, 'failure')],
      [...dirs, r(6)],
      r(5),
      2,
      [r(1), r(2), r(3), r(6)]
    ],
    ['a release missing from history (killed upload) goes', all, [...dirs, r(6)], r(5), 5, [r(6)]],
    [
      'after a rollback: live is old, its predecessor is kept',
      [...all, line(5, 'rolled-back'), line(4, 'rolled-back')],
      dirs,
      r(3),
      1,
      [r(1), r(4), r(5)]
    ],
    [
      'the newest release of another version is kept after redeploys',
      [line(1), line(2, 'success', {}, 'x'), line(3, 'success', {}, 'x')].map((e, i) => ({
        ...e,
        release: r(i + 1, e.version)
      })),
      [r(1), r(2, 'x'), r(3, 'x')],
      r(3, 'x'),
      1,
      []
    ],
    ['directories that are not releases stay', all, [...dirs, 'manual-backup'], r(5), 5, []],
    [
      'never the live release, even unknown to history',
      all,
      [...dirs, r(6)],
      r(6),
      1,
      [r(1), r(2), r(3), r(4)]
    ]
  ])('%s', (_name, history, existing, live, keep, expected) => {
    expect(releasesToPrune(history, existing, live, keep).sort()).toEqual(expected.sort())
  })
})

test('release names sort by time and stay unique within a second', () => {
  const now = new Date('2026-11-22T05:30:12.345Z')
  expect(releaseName(now, '1.4.2')).toBe('20261122T053012Z-1.4.2')
  expect(releaseName(now, '1.4.2', ['20261122T053012Z-1.4.2'])).toBe('20261122T053012Z-1.4.2-2')
  expect(releaseName(now, '1.4.2', ['20261122T053012Z-1.4.2', '20261122T053012Z-1.4.2-2'])).toBe(
    '20261122T053012Z-1.4.2-3'
  )
  expect(releaseName(now, 'a/b c')).toBe('20261122T053012Z-a_b_c')
  expect(releaseName(new Date('2026-11-22T05:30:13Z'), 'x') > releaseName(now, 'x')).toBe(true)
})

test('parseHistory skips cut and foreign lines', () => {
  const text = [
    'garbage',
    JSON.stringify(line(1)),
    '{"release":"x","version":"1","outcome":"weird"}',
    JSON.stringify(line(2)).slice(0, 20)
  ].join('\n')
  expect(parseHistory(text)).toEqual([line(1)])
})

describe('parseHistory keeps a containers line’s image and run arguments only when well-formed', () => {
  const base = { release: 'r1', version: '1', outcome: 'success' }
  const ID = `sha256:${'c'.repeat(64)}`
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['an image ID', { image: ID }, { image: ID }],
    ['an image that is not text', { image: 7 }, {}],
    [
      'run arguments, all text',
      { runArgs: ['--env-file=/e', '-v', '/d:/d'] },
      { runArgs: ['--env-file=/e', '-v', '/d:/d'] }
    ],
    ['no run arguments (an empty list)', { runArgs: [] }, { runArgs: [] }],
    ['run arguments with one that is not text', { runArgs: ['-v', 3] }, {}],
    ['run arguments that are not a list', { runArgs: '--rm' }, {}],
    ['both', { image: ID, runArgs: ['--init'] }, { image: ID, runArgs: ['--init'] }]
  ])('%s', (_label, extra, kept) => {
    const [entry] = parseHistory(JSON.stringify({ ...base, ...extra }))
    expect(entry).toEqual({
      release: 'r1',
      version: '1',
      ref: '',
      operation: 'deploy',
      time: '',
      outcome: 'success',
      deploymentId: '',
      ...kept
    })
  })
})

describe('staleReason', () => {
  const self = { host: 'runner-1', bootId: 'boot-a' }
  const now = new Date('2026-01-01T12:00:00Z')
  const lock = (over: Partial<LockInfo>): LockInfo => ({
    holder: 'a',
    runUrl: '',
    pid: 42,
    host: 'runner-1',
    bootId: 'boot-a',
    since: '2026-01-01T11:59:00Z',
    token: 't',
    ...over
  })
  test.each<[string, Partial<LockInfo>, boolean, RegExp | undefined]>([
    ['same machine, process alive', {}, true, undefined],
    ['same machine, process gone', {}, false, /process 42 on runner-1 is gone/],
    ['other machine, pid unknown there', { host: 'runner-2' }, false, undefined],
    ['same host name after a reboot is not judged by pid', { bootId: 'boot-b' }, false, undefined],
    ['older than 6 h', { host: 'runner-2', since: '2026-01-01T05:00:00Z' }, true, /older than 6 h/]
  ])('%s', (_name, over, alive, expected) => {
    const reason = staleReason(lock(over), self, now, () => alive)
    if (expected) expect(reason).toMatch(expected)
    else expect(reason).toBeUndefined()
  })
})

describe('values reach host scripts as data', () => {
  const hostile = [
    'plain',
    'with space',
    "it's",
    '"dq"',
    '$(touch /tmp/pwned)',
    '`id`',
    'new\nline',
    "a'\\''b",
    '-rf',
    '*',
    '',
    '; rm -rf /',
    '\\'
  ]
  test('shellQuote + hostScript: bash receives every value unchanged', () => {
    const script = hostScript('for a in "$@"; do printf "%s\\0" "$a"; done', hostile)
    const out = spawnSync('bash', ['--noprofile', '--norc', '-s'], {
      input: script,
      encoding: 'utf8'
    })
    expect(out.status).toBe(0)
    expect(out.stdout.split('\0').slice(0, -1)).toEqual(hostile)
  })
  test('a NUL byte is refused', () => {
    expect(() => shellQuote('a\0b')).toThrow(/NUL/)
  })
})

test('parseRsyncStats reads bytes with or without digit grouping', () => {
  expect(
    parseRsyncStats('Number of regular files transferred: 3\nTotal bytes sent: 1,234,567\n')
  ).toEqual({ bytesSent: 1234567, filesTransferred: 3 })
  expect(
    parseRsyncStats('Number of regular files transferred: 0\nTotal bytes sent: 987\n')
  ).toEqual({ bytesSent: 987, filesTransferred: 0 })
})

describe('symlinkStaysInside (link at /r/a/link, release /r)', () => {
  test.each<[string, string | undefined, boolean]>([
    ['index.html', '/r/a/index.html', true],
    ['../index.html', '/r/index.html', true],
    ['/etc/passwd', '/etc/passwd', false],
    ['../../etc', '/etc', false],
    ['inner/../../../x', undefined, false],
    ['missing', undefined, true],
    ['../missing', undefined, false],
    ['looks/inside', '/elsewhere', false]
  ])('%j (resolves to %j)', (target, real, expected) => {
    expect(symlinkStaysInside('/r', '/r/a/link', target, real)).toBe(expected)
  })
})

describe('parseHosts refuses hosts that could carry shell or ssh syntax', () => {
  test.each([
    'host;rm -rf /',
    '$(id)',
    'a b',
    '-oProxyCommand=sh',
    'user@host:22:33',
    "ho'st",
    'host`id`',
    'host\\x',
    'us er@host'
  ])('%j', value => {
    expect(() => parseHosts(value)).toThrow(InputError)
  })
  test('accepts the documented forms', () => {
    expect(
      parseHosts('local, deploy@web-1.example.com:2222\n10.0.0.5\n[::1]:22').map(h => [
        h.user,
        h.host,
        h.port,
        h.local
      ])
    ).toEqual([
      [undefined, 'local', undefined, true],
      ['deploy', 'web-1.example.com', 2222, false],
      [undefined, '10.0.0.5', undefined, false],
      [undefined, '::1', 22, false]
    ])
  })
})
