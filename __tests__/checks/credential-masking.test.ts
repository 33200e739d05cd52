import { parseChecks } from '../../src/core/checks/check-parser.js'
import {
  headersForRedirect,
  isCredentialHeader,
  shownHeaders
} from '../../src/core/checks/credential-masking.js'
import { describeExpectations } from '../../src/core/checks/check-spec.js'

// Issue 12, item 3: a header is a credential when its name contains one of the words below, in
// any case. A list of known names missed X-Deploy-Credential, X-Session-Token and the like.

describe('credential headers by any name', () => {
  it.each([
    'X-Authorization',
    'X-Deploy-Credential',
    'X-Auth-Token',
    'Proxy-Authorization',
    'X-Api-Secret',
    'X-Session-Id',
    'X-Session',
    'X-Signature',
    'X-Hub-Signature-256',
    'x-passwd',
    'X-Password-Hash',
    'X-Cookie-Jar',
    'AUTHTOKEN',
    'x-apikey',
    'Private-Key-Id',
    'X-Credentials'
  ])('%s is a credential header', name => {
    expect(isCredentialHeader(name)).toBe(true)
  })

  it.each(['Accept', 'Content-Type', 'X-Version', 'If-None-Match', 'User-Agent', 'X-Request-Id'])(
    '%s is not',
    name => expect(isCredentialHeader(name)).toBe(false)
  )

  it('masks them in the dry-run plan lines and in what a check expects', () => {
    const [check] = parseChecks({
      url: 'https://staging.example.com',
      checks:
        '- path: /health\n  headers: {X-Deploy-Credential: dc-secret-1, X-Session-Id: sess-2, Accept: text/plain}\n  expect-header: {X-Signature: sig-3}',
      workspace: '/'
    })
    const shown = [...shownHeaders(check.headers), ...describeExpectations(check)].join('\n')
    expect(shown).not.toMatch(/dc-secret-1|sess-2|sig-3/)
    expect(shown).toContain('X-Deploy-Credential: ***')
    expect(shown).toContain('Accept: text/plain')
  })
})

describe('headers on a redirect', () => {
  const headers = { Authorization: 'Bearer t', 'X-Deploy-Credential': 'c', Accept: '*/*' }
  const kept = { Accept: '*/*' }

  it.each<[string, string, Record<string, string>]>([
    ['http://app.test/a', 'http://app.test/b', headers],
    ['https://app.test/a', 'https://app.test:443/b', headers],
    // Same host, other scheme: another origin, and a credential meant for http stays there.
    ['http://app.test/a', 'https://app.test/a', kept],
    ['https://app.test/a', 'http://app.test/a', kept],
    ['http://app.test/a', 'http://app.test:8080/a', kept],
    ['http://app.test/a', 'http://evil.test/a', kept],
    ['http://app.test/a', 'http://sub.app.test/a', kept]
  ])('%s -> %s', (from, to, expected) => {
    expect(headersForRedirect(headers, new URL(from), new URL(to))).toEqual(expected)
  })
})
