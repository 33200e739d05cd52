import {
  clampDescription,
  environmentUrlOf,
  recordedImageId,
  shiprailInactive,
  SHIPRAIL_MARK,
  type DeploymentStatus,
  type RecordedImages
} from '../../../src/core/ledger/ledger.js'
import { NoneLedger } from '../../../src/core/ledger/none-ledger.js'
import { checkPromotion } from '../../../src/core/ledger/promotion.js'
import { BAD, DEPLOYED, FAILED, RUNNING, VERIFIED, rec } from './records.js'

describe('clampDescription: GitHub takes one line of at most 140 characters', () => {
  it.each<[string, string, string]>([
    ['short text unchanged', 'Deployed 1.0.0', 'Deployed 1.0.0'],
    ['whitespace runs folded, ends trimmed', '  a\n\tb   c \r\n', 'a b c'],
    ['exactly 140 kept whole', 'x'.repeat(140), 'x'.repeat(140)],
    ['141 cut to 139 and an ellipsis', 'y'.repeat(141), `${'y'.repeat(139)}…`]
  ])('%s', (_label, text, clamped) => {
    expect(clampDescription(text)).toBe(clamped)
  })
})

describe('recordedImageId: what a containers rollback runs again on each host', () => {
  const A = `sha256:${'a'.repeat(64)}`
  const B = `sha256:${'b'.repeat(64)}`
  it.each<[string, RecordedImages | undefined, string, string | undefined]>([
    ['nothing recorded', undefined, 'h1', undefined],
    ['one ID for every host', { image_id: A }, 'h1', A],
    ['no ID (an older record)', { image_id: null }, 'h1', undefined],
    [
      'hosts that ran different IDs: this host’s',
      { image_id: null, image_ids: { h1: B } },
      'h1',
      B
    ],
    [
      'hosts that ran different IDs: a host not listed',
      { image_id: null, image_ids: { h1: B } },
      'h2',
      undefined
    ],
    ['a host’s own ID wins over the common one', { image_id: A, image_ids: { h1: B } }, 'h1', B],
    ['the common one for a host not listed', { image_id: A, image_ids: { h1: B } }, 'h2', A],
    ['an empty host map', { image_id: A, image_ids: null }, 'h1', A]
  ])('%s', (_label, recorded, host, id) => {
    expect(recordedImageId(recorded, host)).toBe(id)
  })
})

describe('environmentUrlOf: the URL the newest status that gave one', () => {
  const status = (environmentUrl?: string): DeploymentStatus => ({
    state: 'success',
    description: '',
    createdAt: '2026-11-30T00:00:00Z',
    ...(environmentUrl ? { environmentUrl } : {})
  })
  it.each<[string, DeploymentStatus[], string | undefined]>([
    ['no statuses', [], undefined],
    ['none gave a URL', [status(), status()], undefined],
    ['the only status', [status('https://a')], 'https://a'],
    ['the oldest, when later ones gave none', [status('https://a'), status()], 'https://a'],
    [
      'the newest that gave one',
      [status('https://a'), status(), status('https://b'), status()],
      'https://b'
    ],
    ['the newest of all', [status('https://a'), status('https://b')], 'https://b']
  ])('%s', (_label, statuses, url) => {
    const record = { ...rec('1', []), statuses }
    expect(environmentUrlOf(record)).toBe(url)
  })
})

describe('shiprailInactive', () => {
  it('marks the status as Shiprail’s own, so ledgers tell it from GitHub’s', () => {
    expect(shiprailInactive('superseded by deployment 7')).toEqual({
      state: 'inactive',
      description: `${SHIPRAIL_MARK} superseded by deployment 7`
    })
    expect(SHIPRAIL_MARK).toBe('Shiprail:')
  })

  it('clamps a long reason', () => {
    expect(shiprailInactive('r'.repeat(300)).description).toHaveLength(140)
  })
})

describe('checkPromotion: only a version verified in the source environment is promoted', () => {
  it.each<[string, ReturnType<typeof rec>[], boolean, string]>([
    ['verified', [rec('2', VERIFIED)], true, ''],
    [
      'deployed but never checked',
      [rec('2', DEPLOYED)],
      false,
      'version 2 is not verified in staging: 2 (live), no check has recorded a verdict on it.'
    ],
    [
      'a check failed',
      [rec('2', BAD, { description: ['a', 'b', 'smoke-test failed: 500'] })],
      false,
      'version 2 is not verified in staging: 2 (live: smoke-test failed: 500)'
    ],
    [
      'failed to deploy',
      [rec('2', FAILED)],
      false,
      'version 2 is not verified in staging: 2 (failed)'
    ],
    [
      'still deploying',
      [rec('2', RUNNING)],
      false,
      'version 2 is not verified in staging: 2 (in-progress)'
    ],
    [
      'the newest record of the version counts: a later failed redeploy blocks',
      [rec('2', FAILED), rec('2', VERIFIED)],
      false,
      '2 (failed) (staging also has: 2 (live))'
    ],
    [
      'never deployed there, naming the three newest',
      [rec('5', VERIFIED), rec('4', DEPLOYED), rec('3', FAILED), rec('1', VERIFIED)],
      false,
      'version 2 was never deployed to staging (staging has: 5 (live), 4 (unverified), 3 (failed)).'
    ],
    [
      'an empty environment',
      [],
      false,
      'version 2 was never deployed to staging (staging has no deployments).'
    ]
  ])('%s', (_label, records, allowed, reason) => {
    const verdict = checkPromotion(records, '2', 'a'.repeat(40), 'staging')
    expect(verdict.allowed).toBe(allowed)
    if (verdict.allowed) expect(verdict.from).toBe(records[0])
    else expect(verdict.reason).toContain(reason)
  })

  it('names the failed verdict generically when it has no description', () => {
    const record = rec('2', BAD)
    record.statuses[2].description = undefined as unknown as string
    const verdict = checkPromotion([record], '2', 'a'.repeat(40), 'staging')
    expect(!verdict.allowed && verdict.reason).toContain('2 (live: a check failed)')
  })
})

describe('NoneLedger: records nothing, remembers nothing', () => {
  it('has no history and hands back a record without an id', async () => {
    const ledger = new NoneLedger()
    expect(ledger.kind).toBe('none')
    const payload = {
      version: '1',
      driver: 'command',
      previous_version: null,
      operation: 'deploy' as const,
      run_url: null
    }
    const record = await ledger.create({
      environment: 'qa',
      ref: 'abc',
      description: 'd',
      productionEnvironment: false,
      payload
    })
    expect(record).toMatchObject({ id: '', environment: 'qa', ref: 'abc', payload, statuses: [] })
    await ledger.addStatus()
    const seen: unknown[] = []
    for await (const r of ledger.history()) seen.push(r)
    expect(seen).toEqual([])
  })
})
