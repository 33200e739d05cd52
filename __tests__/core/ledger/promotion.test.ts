import { checkPromotion } from '../../../src/core/ledger/promotion.js'
import type { DeploymentRecord } from '../../../src/core/ledger/ledger.js'
import { BAD, DEPLOYED, FAILED, rec, VERIFIED } from './records.js'

/**
 * promote-from: only a version verified in the source environment, from the same commit, and
 * only by its newest record there. Records newest first; the promoted commit is `a…a`.
 */

const A = 'a'.repeat(40)

describe('checkPromotion', () => {
  const verified = rec('1.1', VERIFIED)
  const unchecked = rec('1.0', DEPLOYED)
  const failedChecks = rec('1.2', BAD)
  const failedDeploy = rec('1.3', FAILED)

  it.each<[string, DeploymentRecord[], string, boolean, string | RegExp | undefined]>([
    ['verified version', [verified, unchecked], '1.1', true, undefined],
    [
      'never deployed',
      [verified],
      '9.9',
      false,
      'version 9.9 was never deployed to staging (staging has: 1.1 (live)).'
    ],
    ['nothing there at all', [], '1.0', false, /staging has no deployments/],
    [
      'deployed but not checked',
      [verified, unchecked],
      '1.0',
      false,
      'version 1.0 is not verified in staging: 1.0 (unverified), no check has recorded a verdict on it (staging also has: 1.1 (live)).'
    ],
    [
      'the only record, not checked: nothing else named',
      [unchecked],
      '1.0',
      false,
      'version 1.0 is not verified in staging: 1.0 (live), no check has recorded a verdict on it.'
    ],
    [
      'not checked, with more history: the three newest others are named',
      [rec('2.0', DEPLOYED), rec('1.9', VERIFIED), rec('1.8', VERIFIED), rec('1.7', VERIFIED)],
      '2.0',
      false,
      'version 2.0 is not verified in staging: 2.0 (live), no check has recorded a verdict on it (staging also has: 1.9 (verified), 1.8 (verified)).'
    ],
    [
      'failed its checks: the failure is the reason, not a missing check',
      [failedChecks, verified],
      '1.2',
      false,
      /^version 1\.2 is not verified in staging: 1\.2 \(live: [^)]*\) \(staging also has: 1\.1 \([a-z-]+\)\)\.$/
    ],
    ['failed to deploy', [failedDeploy, verified], '1.3', false, /1\.3 \(failed\)/],
    // The newest record of the version decides: a later failed redeploy blocks promotion.
    ['redeployed and failed', [rec('1.1', FAILED), verified], '1.1', false, /1\.1 \(failed\)/],
    // A version label reused for another commit proves nothing.
    [
      'same label, verified from another commit',
      [rec('1.1', VERIFIED, { ref: 'b'.repeat(40) })],
      '1.1',
      false,
      'version 1.1 in staging verified commit bbbbbbbbbbbb, not aaaaaaaaaaaa: the same label was built from another commit (staging has: 1.1 (live)).'
    ],
    [
      'same label rebuilt from another commit, not verified, after a verified one',
      [rec('1.1', DEPLOYED, { ref: 'c'.repeat(40) }), verified],
      '1.1',
      false,
      /in staging is commit cccccccccccc \(1\.1 \(live\)\); it verified commit aaaaaaaaaaaa before that, not aaaaaaaaaaaa/
    ],
    [
      'same label from another commit, never verified anywhere',
      [rec('1.1', DEPLOYED, { ref: 'c'.repeat(40) })],
      '1.1',
      false,
      'version 1.1 in staging is commit cccccccccccc (1.1 (live)), not aaaaaaaaaaaa: the same label was built from another commit (staging has: 1.1 (live)).'
    ],
    [
      'same label from another commit; only another version was verified',
      [rec('1.1', DEPLOYED, { ref: 'c'.repeat(40) }), rec('1.0', VERIFIED)],
      '1.1',
      false,
      'version 1.1 in staging is commit cccccccccccc (1.1 (live)), not aaaaaaaaaaaa: the same label was built from another commit (staging has: 1.1 (live), 1.0 (verified)).'
    ],
    [
      'a record without a commit',
      [rec('1.1', VERIFIED, { ref: '' })],
      '1.1',
      false,
      /verified commit \(no commit recorded\), not aaaaaaaaaaaa/
    ],
    [
      'the same commit in capitals',
      [rec('1.1', VERIFIED, { ref: A.toUpperCase() })],
      '1.1',
      true,
      undefined
    ]
  ])('%s', (_label, records, version, allowed, reason) => {
    const verdict = checkPromotion(records, version, A, 'staging')
    expect(verdict.allowed).toBe(allowed)
    if (verdict.allowed) expect(verdict.from).toBe(records.find(r => r.payload.version === version))
    else if (typeof reason === 'string') expect(verdict.reason).toBe(reason)
    else expect(verdict.reason).toMatch(reason!)
  })
})
