import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/core/errors.js'
import type { RawInputs } from '../../src/core/inputs.js'
import type { RunDefaults } from '../../src/core/settings/common.js'
import { parseSmokeTestSettings } from '../../src/core/settings/smoke-test-settings.js'

const outside: RunDefaults = { insideActions: false }
const workspace = mkdtempSync(join(tmpdir(), 'shiprail-smoke-settings-'))

function parseError(raw: RawInputs): string {
  try {
    parseSmokeTestSettings(raw, outside, workspace)
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as Error).message
  }
  throw new Error('expected an InputError')
}

describe('smoke-test settings', () => {
  it('applies the defaults of the input table', () => {
    const s = parseSmokeTestSettings(
      { url: 'https://staging.example.com/health' },
      outside,
      workspace
    )
    expect(s).toMatchObject({
      environment: '',
      ledger: 'file',
      dryRun: false,
      url: 'https://staging.example.com/health',
      timeoutMs: 120_000,
      requestTimeoutMs: 10_000,
      retryIntervalMs: 1000,
      consecutiveSuccesses: 1,
      concurrency: 8
    })
    expect(s.checks.map(c => [c.name, c.url])).toEqual([
      ['GET /health', 'https://staging.example.com/health']
    ])
  })

  it('reads every run-control input', () => {
    const s = parseSmokeTestSettings(
      {
        url: 'https://x.example.com',
        checks: '- path: /a\n- path: /b',
        timeout: '30',
        'request-timeout': '2',
        'retry-interval': '0.25',
        'consecutive-successes': '3',
        concurrency: '2',
        environment: 'staging',
        ledger: 'none'
      },
      outside,
      workspace
    )
    expect(s).toMatchObject({
      environment: 'staging',
      timeoutMs: 30_000,
      requestTimeoutMs: 2000,
      retryIntervalMs: 250,
      consecutiveSuccesses: 3,
      concurrency: 2
    })
    expect(s.checks.map(c => c.url)).toEqual(['https://x.example.com/a', 'https://x.example.com/b'])
  })

  it('takes checks from a file in the workspace, with absolute URLs and no base', () => {
    writeFileSync(
      join(workspace, 'checks.yaml'),
      '- url: https://a.example.com/ping\n  expect-status: 204\n'
    )
    const s = parseSmokeTestSettings({ checks: 'checks.yaml' }, outside, workspace)
    expect(s.url).toBe('')
    expect(s.checks[0].expectStatus.text).toBe('204')
  })

  it.each<[RawInputs, RegExp]>([
    [{}, /^Input 'url' and `checks` are both empty; expected a `url` to GET/],
    [{ url: 'ftp://x.example.com' }, /^Input 'url' is "ftp:\/\/x.example.com"; expected an http/],
    [
      { url: 'https://x', timeout: '0' },
      /^Input 'timeout' is "0"; expected a whole number from 1 to 3600\.$/
    ],
    [{ url: 'https://x', timeout: '3601' }, /^Input 'timeout' is "3601"/],
    [{ url: 'https://x', timeout: '1m' }, /^Input 'timeout' is "1m"/],
    [
      { url: 'https://x', 'request-timeout': '601' },
      /^Input 'request-timeout' is "601"; expected a whole number from 1 to 600/
    ],
    [
      { url: 'https://x', 'retry-interval': '0.05' },
      /^Input 'retry-interval' is "0.05"; expected a number from 0.1 to 60/
    ],
    [{ url: 'https://x', 'retry-interval': '61' }, /^Input 'retry-interval' is "61"/],
    [
      { url: 'https://x', 'consecutive-successes': '0' },
      /^Input 'consecutive-successes' is "0"; expected a whole number from 1 to 100/
    ],
    [
      { url: 'https://x', concurrency: '101' },
      /^Input 'concurrency' is "101"; expected a whole number from 1 to 100/
    ],
    [{ url: 'https://x', 'dry-run': 'yes' }, /^Input 'dry-run' is "yes"/],
    [{ url: 'https://x', environment: 'bad name' }, /^Input 'environment' is "bad name"/],
    [
      { url: 'https://x', checks: '- path: /a\n  expect-stauts: 200' },
      /^Input 'checks' has an unknown field `expect-stauts` in check 1; expected `expect-status`/
    ]
  ])('%j fails with one line naming the input', (raw, message) => {
    const text = parseError({ ledger: 'none', ...raw })
    expect(text).toMatch(message)
    expect(text).not.toContain('\n')
  })
})
