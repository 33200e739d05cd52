import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHECK_FIELD_TABLE, checkField } from '../../src/core/checks/check-fields.js'
import { parseChecks } from '../../src/core/checks/check-parser.js'
import { describeExpectations, joinUrl, type CheckSpec } from '../../src/core/checks/check-spec.js'
import {
  checkSecrets,
  isCredentialHeader,
  maskUrl,
  shownHeaders
} from '../../src/core/checks/credential-masking.js'
import { parseJsonPath, parseRegex } from '../../src/core/checks/yaml-fields.js'
import { InputError } from '../../src/core/errors.js'
import { fillChecksDoc } from '../../scripts/generate.js'
import { ROOT } from '../support/action-runner.js'

const base = 'https://staging.example.com'
const workspace = mkdtempSync(join(tmpdir(), 'shiprail-checks-'))

function parse(checks: string, url: string | undefined = base): CheckSpec[] {
  return parseChecks({ url, checks, workspace })
}

function parseError(checks: string | undefined, url: string | undefined = base): string {
  try {
    parseChecks({ url, checks, workspace })
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as Error).message
  }
  throw new Error('expected an InputError')
}

describe('parseChecks: what is accepted', () => {
  it('makes one GET check expecting 2xx from a url alone', () => {
    const [check] = parseChecks({ url: 'https://example.com/health', workspace })
    expect(check).toMatchObject({
      name: 'GET /health',
      url: 'https://example.com/health',
      method: 'GET',
      followRedirects: true,
      expectBodyContains: [],
      expectJson: []
    })
    expect(check.expectStatus.text).toBe('200-299')
  })

  it('joins paths onto the base url and names checks by method and path', () => {
    const checks = parse('- path: /health\n- path: ready?deep=1\n  method: head', `${base}/app/`)
    expect(checks.map(c => [c.name, c.url])).toEqual([
      ['GET /app/health', `${base}/app/health`],
      ['HEAD /app/ready?deep=1', `${base}/app/ready?deep=1`]
    ])
  })

  it('reads every field a check can have', () => {
    const [check] = parse(`
- name: api
  url: https://api.example.com/v1/status
  method: post
  headers: { Authorization: Bearer abc123456, X-Count: 5 }
  body: { ping: true, n: 1 }
  expect-status: [200, 201-202]
  expect-body-contains: ok
  expect-body-regex: /"status":\\s*"up"/i
  expect-json: { version: 1.10, items.0.id: 7, "items[1].tags": [a, b], ok: true, gone: null }
  expect-header: { Content-Type: json, X-Version: '/^1\\.\\d+$/' }
  max-latency-ms: 500
  expect-version: 1.10
  follow-redirects: false
`)
    expect(check.name).toBe('api')
    expect(check.method).toBe('POST')
    expect(check.headers).toEqual({
      Authorization: 'Bearer abc123456',
      'X-Count': '5',
      'Content-Type': 'application/json'
    })
    expect(JSON.parse(check.body as string)).toEqual({ ping: true, n: 1 })
    expect(check.expectStatus.text).toBe('200, 201-202')
    expect(check.expectBodyContains).toEqual(['ok'])
    expect(check.expectBodyRegex.map(String)).toEqual(['/"status":\\s*"up"/i'])
    expect(check.expectJson).toEqual([
      { path: 'version', segments: ['version'], expected: 1.1, expectedText: '1.10' },
      { path: 'items.0.id', segments: ['items', '0', 'id'], expected: 7, expectedText: '7' },
      {
        path: 'items[1].tags',
        segments: ['items', '1', 'tags'],
        expected: ['a', 'b'],
        expectedText: ['a', 'b']
      },
      { path: 'ok', segments: ['ok'], expected: true, expectedText: 'true' },
      { path: 'gone', segments: ['gone'], expected: null, expectedText: 'null' }
    ])
    expect(check.expectHeader).toEqual([
      { name: 'content-type', contains: 'json', regex: undefined },
      { name: 'x-version', contains: '', regex: /^1\.\d+$/ }
    ])
    expect(check.maxLatencyMs).toBe(500)
    // As written, not the number 1.1.
    expect(check.expectVersion).toBe('1.10')
    expect(check.followRedirects).toBe(false)
  })

  it('keeps a string body and a given content type', () => {
    const [a, b] = parse(
      '- {path: /a, method: PUT, body: "x=1"}\n- {path: /b, method: POST, body: [1], headers: {content-type: application/vnd+json}}'
    )
    expect(a.body).toBe('x=1')
    expect(a.headers).toEqual({})
    expect(b.headers).toEqual({ 'content-type': 'application/vnd+json' })
  })

  it('accepts shorthand items: a path or a full URL', () => {
    const checks = parse('- /health\n- https://other.example.com/ping')
    expect(checks.map(c => c.url)).toEqual([`${base}/health`, 'https://other.example.com/ping'])
  })

  it('accepts flow-style and JSON lists on one line', () => {
    expect(parse('[{path: /a}, {path: /b}]')).toHaveLength(2)
    expect(parse('[{"path": "/a", "expect-status": 204}]')[0].expectStatus.text).toBe('204')
  })

  it('gives unnamed checks of the same request distinct names', () => {
    const checks = parse('- path: /x\n- path: /x\n- path: /x')
    expect(new Set(checks.map(c => c.name)).size).toBe(3)
    expect(checks[0].name).toBe('GET /x')
  })

  it('reads checks from a .yml file relative to the workspace', () => {
    writeFileSync(join(workspace, 'smoke.yml'), '- path: /from-file\n  expect-status: 204\n')
    const checks = parseChecks({ url: base, checks: 'smoke.yml', workspace })
    expect(checks[0].url).toBe(`${base}/from-file`)
    expect(checks[0].expectStatus.text).toBe('204')
  })
})

describe('parseChecks: what is refused, before any request', () => {
  it.each<[string, string | undefined, RegExp]>([
    [
      '- path: /a\n  expect_status: 200',
      base,
      /unknown field `expect_status` in check 1.*`expect-status` \(did you mean it\?\)/
    ],
    [
      '- path: /a\n  name: health\n  status: 200',
      base,
      /unknown field `status` in check 1 \("health"\)/
    ],
    ['- path: /a\n  colour: red', base, /unknown field `colour`.*one of `name`, `url`, `path`/],
    [
      '- path: /a\n- path: /b\n  expect-body-regex: "(unclosed"',
      base,
      /bad regular expression "\(unclosed" .* in `expect-body-regex` of check 2/
    ],
    ['- path: /a\n  expect-body-regex: /x/g', base, /flags "g" are not allowed/],
    [
      '- path: /a\n  expect-header: {x-v: "/[/"}',
      base,
      /bad regular expression .* in `expect-header` of check 1/
    ],
    [
      '- path: /a\n  expect-status: 200-2x',
      base,
      /"200-2x" \("2x" is not a status code\) in `expect-status` of check 1; expected a status code/
    ],
    ['- path: /a\n  expect-status: 299-200', base, /runs backwards\) in `expect-status`/],
    ['- path: /a\n  expect-status: {a: 1}', base, /a map in `expect-status`/],
    ['- name: nothing\n  method: GET', base, /no `url` or `path` in check 1 \("nothing"\)/],
    ['- path: /a', '', /"\/a" but no base URL in `path` of check 1; expected the `url` input set/],
    [
      '- url: ftp://example.com/x',
      base,
      /"ftp:\/\/example.com\/x", not an http\(s\) URL in `url` of check 1/
    ],
    ['- url: /relative', base, /not an http\(s\) URL in `url`/],
    ['- path: https://x.example.com/a', base, /a full URL in `path`/],
    ['- {url: "https://a.example.com", path: /b}', base, /next to `path`/],
    [
      '- path: /a\n  method: FETCH',
      base,
      /"FETCH" in `method` of check 1; expected one of GET, HEAD/
    ],
    ['- path: /a\n  headers: {"bad name": x}', base, /header name "bad name" in `headers`/],
    ['- path: /a\n  headers: [x]', base, /a list in `headers`/],
    ['- path: /a\n  headers: {A: x, a: y}', base, /"a" twice in `headers`/],
    ['- path: /a\n  method: HEAD\n  body: x', base, /body for a HEAD request/],
    ['- path: /a\n  max-latency-ms: fast', base, /"fast" in `max-latency-ms`/],
    ['- path: /a\n  max-latency-ms: 0', base, /"0" in `max-latency-ms`/],
    ['- path: /a\n  expect-json: [a]', base, /a list in `expect-json`/],
    ['- path: /a\n  expect-json: {"a..b": 1}', base, /the path "a..b" in `expect-json`/],
    ['- path: /a\n  expect-header: x', base, /a string in `expect-header`/],
    ['- path: /a\n  expect-version: "1 2"', base, /"1 2" in `expect-version`/],
    ['- path: /a\n  follow-redirects: maybe', base, /"maybe" in `follow-redirects`/],
    ['- path: /a\n  expect-body-contains: []', base, /an empty list in `expect-body-contains`/],
    ['- path: /a\n  name: ""', base, /"" in `name` of check 1/],
    ['- {path: /a, name: x}\n- {path: /b, name: x}', base, /names "x" twice \(checks 1 and 2\)/],
    [
      '- "has space"',
      base,
      /"has space" in `path` of check 1; expected a path such as `\/health`, without spaces/
    ],
    ['- [a, b]', base, /has a list as check 1; expected each check to be a map/],
    ['path: /a', base, /is a map, not a list/],
    ['[]', base, /empty list/],
    ['- {path: /a\n  b: [', base, /is not valid YAML \(.*line 1/],
    ['- path: /a\n  path: /b', base, /is not valid YAML \(Map keys must be unique/],
    ['missing.yml', base, /names the file "missing.yml", which does not exist/]
  ])('%j fails with one line', (checks, url, message) => {
    const text = parseError(checks, url)
    expect(text).toMatch(message)
    expect(text).toMatch(/^Input '(checks|url)' /)
    expect(text).not.toContain('\n')
  })

  it('needs a url or checks', () => {
    expect(parseError(undefined, '')).toMatch(/Input 'url' is required when `checks` is empty/)
  })

  it('refuses a non-http base url', () => {
    expect(parseError('- path: /a', 'file:///etc/passwd')).toMatch(
      /Input 'url' is "file:\/\/\/etc\/passwd"/
    )
  })

  it('never echoes header values, which may be credentials', () => {
    const text = parseError('- path: /a\n  headers: {Authorization: [sekrit-value]}')
    expect(text).not.toContain('sekrit-value')
    expect(text).toMatch(/a list for "Authorization" in `headers`/)
  })

  it('never echoes a URL password', () => {
    const text = parseError('- url: "ftp://user:hunter22@example.com/"')
    expect(text).not.toContain('hunter22')
  })
})

describe('credentials', () => {
  it.each([
    ['Authorization', true],
    ['proxy-authorization', true],
    ['Cookie', true],
    ['Set-Cookie', true],
    ['X-Api-Key', true],
    ['api-key', true],
    ['X-Auth-Token', true],
    ['x-vault-token', true],
    ['X-Client-Secret', true],
    ['x-signing-key', true],
    ['password', true],
    ['Content-Type', false],
    ['Accept', false],
    ['X-Version', false],
    ['X-Request-Id', false],
    ['If-None-Match', false]
  ])('%s is a credential header: %s', (name, yes) => {
    expect(isCredentialHeader(name)).toBe(yes)
  })

  it('collects header values, bearer tokens, URL passwords and token query values', () => {
    const [check] = parse(
      '- url: "https://u:pa55word@example.com/x?token=tok-123456&page=2"\n  headers: {Authorization: Bearer abc.def.ghi, X-Api-Key: k-987654, Accept: text/plain}'
    )
    expect(checkSecrets(check).sort()).toEqual(
      ['Bearer abc.def.ghi', 'abc.def.ghi', 'k-987654', 'pa55word', 'pa55word', 'tok-123456'].sort()
    )
    expect(check.shownUrl).toBe('https://u:***@example.com/x?token=***&page=2')
    expect(shownHeaders(check.headers)).toEqual([
      'Authorization: ***',
      'X-Api-Key: ***',
      'Accept: text/plain'
    ])
    expect(check.name).toBe('GET /x?token=***&page=2')
  })

  it('masks URLs', () => {
    expect(maskUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1')
    expect(maskUrl('https://tokenonly@example.com/')).toBe('https://***@example.com/')
    expect(maskUrl('https://example.com/?api_key=zzz&sig=abc')).toBe(
      'https://example.com/?api_key=***&sig=***'
    )
  })
})

describe('helpers', () => {
  it.each([
    ['https://x.example.com', '/health', 'https://x.example.com/health'],
    ['https://x.example.com/', 'health', 'https://x.example.com/health'],
    ['https://x.example.com/app', '/health', 'https://x.example.com/app/health'],
    ['https://x.example.com/app/', '//health', 'https://x.example.com/app/health'],
    ['https://x.example.com/app?v=1', '/health', 'https://x.example.com/app/health?v=1'],
    [
      'https://x.example.com/app?v=1',
      '/health?deep=true',
      'https://x.example.com/app/health?deep=true'
    ],
    ['http://127.0.0.1:8080', '/', 'http://127.0.0.1:8080/']
  ])('joinUrl(%s, %s) = %s', (b, path, url) => {
    expect(joinUrl(b, path)).toBe(url)
  })

  it.each([
    ['a', ['a']],
    ['data.version', ['data', 'version']],
    ['items.0.id', ['items', '0', 'id']],
    ['items[0].id', ['items', '0', 'id']],
    ['$.items[2]', ['items', '2']],
    ['matrix[1][0]', ['matrix', '1', '0']]
  ])('parseJsonPath(%s)', (path, segments) => {
    expect(parseJsonPath(path)).toEqual(segments)
  })

  it.each(['', 'a..b', '.', 'a.'])('parseJsonPath(%j) is refused', path => {
    expect(() => parseJsonPath(path)).toThrow()
  })

  it.each([
    ['ok', 'ok', ''],
    ['/ok/i', 'ok', 'i'],
    ['/a\\/b/', 'a\\/b', ''],
    ['^v\\d+$', '^v\\d+$', '']
  ])('parseRegex(%s)', (text, source, flags) => {
    const r = parseRegex(text)
    expect([r.source, r.flags]).toEqual([source, flags])
  })

  it('describes what a check expects in plain words', () => {
    const [check] = parse(
      '- path: /a\n  expect-body-contains: ok\n  expect-json: {v: "1.2"}\n  expect-header: {x-a: "", x-b: /b/, Set-Cookie: s3cret-cookie}\n  max-latency-ms: 300\n  expect-version: 1.2.3'
    )
    expect(describeExpectations(check)).toEqual([
      'status 200-299',
      'body contains "ok"',
      'json v = "1.2"',
      'header x-a present',
      'header x-b matches /b/',
      'header set-cookie contains "***"',
      'latency at most 300 ms',
      'version 1.2.3 in body or headers'
    ])
  })
})

describe('the check field table (docs/checks.md is generated from it)', () => {
  it.each(CHECK_FIELD_TABLE.map(f => [f.name, f.example]))(
    '%s: the documented example parses',
    (name, example) => {
      const where = name === 'url' || name === 'path' ? '' : '  path: /x\n'
      const [check] = parse(`- ${example.trim()}\n${where}`)
      expect(check.url).toMatch(/^https:\/\//)
    }
  )

  it('the documented defaults are the ones applied', () => {
    const [check] = parse('- path: /x')
    expect(check.method).toBe(checkField('method').default)
    expect(check.expectStatus.text).toBe(checkField('expect-status').default)
    expect(String(check.followRedirects)).toBe(checkField('follow-redirects').default)
    expect(check.name).toBe('GET /x')
  })

  it('an unknown field is refused with every field of the table named', () => {
    expect(parseError('- path: /a\n  colour: red')).toContain(
      CHECK_FIELD_TABLE.map(f => `\`${f.name}\``).join(', ')
    )
  })
})

describe('.json check files', () => {
  it('are read like YAML ones, numbers kept as written', () => {
    writeFileSync(
      join(workspace, 'smoke.json'),
      '[\n  {"path": "/v", "expect-status": [200, "301-302"], "expect-json": {"v": 1.10}}\n]\n'
    )
    const [check] = parseChecks({ url: base, checks: 'smoke.json', workspace })
    expect(check.url).toBe(`${base}/v`)
    expect(check.expectStatus.text).toBe('200, 301-302')
    expect(check.expectJson[0].expectedText).toBe('1.10')
  })

  it.each([
    ['[\n  {"path": "/a",}\n]', /is not valid JSON in bad\.json \(.* at line 2, column 17\)/],
    ['[\n  {path: "/a"}\n]', /is not valid JSON in bad\.json \(.* at line 2, column 4\)/],
    ['[{"path": "/a", "path": "/b"}]', /is not valid JSON in bad\.json \(Map keys must be unique/],
    ['{"path": "/a"}', /is a map in bad\.json, not a list/]
  ])('%j fails with one line naming the file and where', (text, message) => {
    writeFileSync(join(workspace, 'bad.json'), text)
    const line = parseError('bad.json')
    expect(line).toMatch(message)
    expect(line).not.toContain('\n')
  })
})

describe('docs/checks.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/checks.md'), 'utf8')

  it('its field table is fresh (run `npm run generate`)', () => {
    expect(doc).toBe(fillChecksDoc(doc))
    for (const f of CHECK_FIELD_TABLE) expect(doc).toContain(`| \`${f.name}\` |`)
  })

  it.each(['yaml', 'json'])('its whole %s file parses', lang => {
    const block = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(doc)?.[1] ?? ''
    const file = `whole.${lang}`
    writeFileSync(join(workspace, file), block)
    expect(parseChecks({ url: base, checks: file, workspace }).length).toBeGreaterThan(1)
  })
})
