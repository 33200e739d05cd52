import type { DeploymentRecord } from '../../../src/core/ledger/ledger.js'
import {
  ROLLBACK_SCAN_LIMIT,
  readRollbackTarget
} from '../../../src/core/ledger/rollback-target.js'
import { DEPLOYED, FAILED, RUNNING, SUPERSEDED, rec } from './records.js'

/**
 * readRollbackTarget reads a history (newest first) only as far as the choice needs, and never
 * past ROLLBACK_SCAN_LIMIT records; what it read is what it returns.
 */

/** A history that counts how many records were asked for. */
function history(records: DeploymentRecord[]) {
  const read = { count: 0 }
  const iterable = {
    async *[Symbol.asyncIterator]() {
      for (const r of records) {
        read.count++
        yield r
      }
    }
  }
  return { iterable, read }
}

const UNVERIFIED: typeof DEPLOYED = ['in_progress', 'success', 'inactive']

describe('readRollbackTarget: how far it reads', () => {
  it.each<[string, DeploymentRecord[], { toVersion?: string }, number, string | undefined]>([
    [
      'stops at the first verified target after the live one',
      [rec('3', DEPLOYED), rec('2', SUPERSEDED), rec('1', SUPERSEDED)],
      {},
      2,
      '2'
    ],
    [
      'reads past a deploy still running to find what is live',
      [rec('4', RUNNING), rec('3', DEPLOYED), rec('2', SUPERSEDED), rec('1', SUPERSEDED)],
      {},
      3,
      '2'
    ],
    [
      'reads to the end when only unchecked targets are known',
      [rec('3', DEPLOYED), rec('2', UNVERIFIED), rec('1', UNVERIFIED)],
      {},
      3,
      '2'
    ],
    [
      'to-version: stops at that version’s deployment',
      [rec('3', DEPLOYED), rec('2', SUPERSEDED), rec('1', UNVERIFIED), rec('0', UNVERIFIED)],
      { toVersion: '1' },
      3,
      '1'
    ],
    [
      'to-version: reads past a failed deploy of that version',
      [rec('3', DEPLOYED), rec('1', FAILED), rec('1', UNVERIFIED), rec('0', UNVERIFIED)],
      { toVersion: '1' },
      3,
      '1'
    ],
    [
      'to-version before anything is live: keeps reading',
      [rec('1', RUNNING), rec('3', DEPLOYED), rec('1', UNVERIFIED), rec('0', UNVERIFIED)],
      { toVersion: '1' },
      3,
      '1'
    ]
  ])('%s', async (_label, records, options, expectedRead, target) => {
    const h = history(records)
    const { choice, records: read } = await readRollbackTarget(h.iterable, 'prod', options)
    expect(h.read.count).toBe(expectedRead)
    expect(read).toEqual(records.slice(0, expectedRead))
    expect(choice.ok ? choice.target.payload.version : undefined).toBe(target)
  })

  it(`never reads more than ${ROLLBACK_SCAN_LIMIT} records`, async () => {
    const records = [rec('live', DEPLOYED)]
    for (let i = 0; i < 150; i++) records.push(rec(`v${i}`, UNVERIFIED))
    const h = history(records)
    const { choice, records: read } = await readRollbackTarget(h.iterable, 'prod')
    expect(h.read.count).toBe(ROLLBACK_SCAN_LIMIT)
    expect(read).toHaveLength(ROLLBACK_SCAN_LIMIT)
    expect(choice).toMatchObject({ ok: true, verified: false })
  })

  it('an empty history: nothing is live', async () => {
    const { choice, records } = await readRollbackTarget(history([]).iterable, 'prod')
    expect(records).toEqual([])
    expect(choice).toEqual({
      ok: false,
      reason: expect.stringMatching(/^nothing is live in prod to roll back from/)
    })
  })
})
