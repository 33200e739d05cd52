import type { CheckSpec } from '../../../src/core/checks/check-spec.js'
import {
  checkSecrets,
  headersForRedirect,
  isCredentialHeader,
  maskCheckSecrets,
  maskUrl,
  shownHeaders
} from '../../../src/core/checks/credential-masking.js'

/**
 * Which header names and query keys are credentials, and what that means for what is shown,
 * what the redactor learns and what a redirect carries. The header rule (issue 12 item 3): the
 * name contains authorization, auth, token, secret, key, cookie, credential, password, passwd,
 * session or signature, in any case. The query rule is narrower (a URL is shown, and `keyword=`
 * or `monkey=` are common): the whole key is a credential word, or it ends in `-`/`_` and one.
 */

/** Only the URL and headers take part in the credential rules. */
const check = (url: string, headers: Record<string, string> = {}) =>
  ({ url, headers }) as unknown as CheckSpec

const HEADER_WORDS = [
  'authorization',
  'auth',
  'token',
  'secret',
  'key',
  'cookie',
  'credential',
  'password',
  'passwd',
  'session',
  'signature'
]

describe('a header is a credential when its name contains a credential word, in any case', () => {
  it.each(HEADER_WORDS.flatMap(w => [w, w.toUpperCase(), `X-${w}-Id`, `my${w}s`]))('%s', name =>
    expect(isCredentialHeader(name)).toBe(true)
  )

  it.each(['Accept', 'Content-Type', 'X-Request-Id', 'If-None-Match', 'User-Agent', 'X-Trace', ''])(
    '%s is not',
    name => expect(isCredentialHeader(name)).toBe(false)
  )
})

describe('a query key is a credential when it is a credential word, or ends in -word / _word', () => {
  it.each([
    'token',
    'access_token',
    'api_key',
    'apikey',
    'key',
    'secret',
    'password',
    'passwd',
    'sig',
    'signature',
    'auth',
    'code',
    'TOKEN',
    'Code',
    'x-token',
    'my_token',
    'deploy-key',
    'client_secret',
    'db-password',
    'hub_signature',
    'X-Signature'
  ])('%s=v is masked', key => {
    expect(maskUrl(`https://app.test/?${key}=v`)).toBe(`https://app.test/?${key}=***`)
  })

  it.each([
    'page',
    'tokens',
    'mytoken',
    'tokenx',
    'keyboard',
    'monkey',
    'my.token',
    'my token',
    'x-sig',
    'x-auth',
    'x-code',
    'x-passwd',
    'code2',
    'authx'
  ])('%s=v is shown as it is', key => {
    const url = `https://app.test/?${encodeURIComponent(key)}=v`
    expect(maskUrl(url)).toBe(new URL(url).toString())
  })
})

describe('maskUrl', () => {
  it.each([
    ['https://user:pa55@app.test/x', 'https://user:***@app.test/x'],
    ['https://t0ken@app.test/x', 'https://***@app.test/x'],
    ['https://app.test/x', 'https://app.test/x'],
    // An empty credential value hides nothing; `***` would suggest there was one.
    ['https://app.test/?token=', 'https://app.test/?token='],
    ['https://app.test/?token=a&page=2&key=b', 'https://app.test/?token=***&page=2&key=***'],
    ['not a url', 'not a url'],
    ['', '']
  ])('%s shows as %s', (url, shown) => {
    expect(maskUrl(url)).toBe(shown)
  })
})

describe('checkSecrets: every credential value a check carries, for the redactor', () => {
  it.each<[string, string, Record<string, string>, string[]]>([
    ['a credential header value', 'https://app.test/', { 'X-Api-Key': 'k1' }, ['k1']],
    [
      'the token of a scheme value as well',
      'https://app.test/',
      { Authorization: 'Bearer t0k' },
      ['Bearer t0k', 't0k']
    ],
    [
      'everything after the scheme, spaces and all',
      'https://app.test/',
      { Authorization: 'Digest  a=1, b=2' },
      ['Digest  a=1, b=2', 'a=1, b=2']
    ],
    ['no split without a space', 'https://app.test/', { Token: 'abc' }, ['abc']],
    ['no split of a trailing space', 'https://app.test/', { Token: 'abc ' }, ['abc ']],
    ['no split of a leading space', 'https://app.test/', { Token: ' abc' }, [' abc']],
    ['not a harmless header', 'https://app.test/', { Accept: 'text/plain' }, []],
    ['not an empty or blank value', 'https://app.test/', { Token: '', Cookie: '  ' }, []],
    [
      'a URL password, decoded and as written',
      'https://u:p%40ss@app.test/',
      {},
      ['p@ss', 'p%40ss']
    ],
    ['not a URL user name', 'https://u@app.test/', {}, []],
    [
      'credential query values only',
      'https://app.test/?token=q1&page=2&my_key=q2',
      {},
      ['q1', 'q2']
    ],
    ['nothing from a URL that does not parse', 'not a url', {}, []]
  ])('%s', (_label, url, headers, expected) => {
    expect(checkSecrets(check(url, headers))).toEqual(expected)
  })

  it('maskCheckSecrets hands every secret of every check to the redactor', () => {
    const added: string[] = []
    maskCheckSecrets(
      [check('https://a:pw@app.test/'), check('https://app.test/', { Cookie: 'c=1' })],
      { add: v => added.push(v) }
    )
    expect(added).toEqual(['pw', 'pw', 'c=1'])
  })
})

describe('shownHeaders', () => {
  it('shows every header, credential values as ***', () => {
    expect(shownHeaders({ Accept: 'text/plain', 'X-Session-Id': 's1', Cookie: '' })).toEqual([
      'Accept: text/plain',
      'X-Session-Id: ***',
      'Cookie: ***'
    ])
  })
})

describe('headersForRedirect', () => {
  const headers = { Authorization: 'Bearer t', 'X-Session': 's', Accept: '*/*' }

  it('keeps every header on the same origin', () => {
    expect(
      headersForRedirect(headers, new URL('https://app.test/a'), new URL('https://app.test/b'))
    ).toEqual(headers)
  })

  it('drops exactly the credential headers when the origin changes', () => {
    expect(
      headersForRedirect(headers, new URL('https://app.test/a'), new URL('https://other.test/a'))
    ).toEqual({ Accept: '*/*' })
  })
})
