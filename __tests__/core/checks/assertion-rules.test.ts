import { evaluate, jsonAt, jsonMatches } from '../../../src/core/checks/assertions.js'
import { type CheckSpec } from '../../../src/core/checks/check-spec.js'
import { parseChecks } from '../../../src/core/checks/check-parser.js'
import type { ProbeResponse } from '../../../src/core/checks/http-probe.js'
import { parseStatusRange, statusMatches } from '../../../src/core/checks/status-range.js'

/** Edges of the assertion and status rules, one guarantee per test. */

function check(fields: string): CheckSpec {
  const yaml = `- path: /x\n  ${fields.trim().split('\n').join('\n  ')}`
  return parseChecks({ url: 'http://127.0.0.1:1', checks: yaml, workspace: '/' })[0]
}

function reply(over: Partial<ProbeResponse> = {}): ProbeResponse {
  return {
    type: 'response',
    status: 200,
    headers: {},
    body: '{"version":"2.0.0"}',
    truncated: false,
    latencyMs: 10,
    url: 'http://127.0.0.1:1/x',
    redirects: 0,
    ...over
  }
}

const reasons = (c: CheckSpec, r: ProbeResponse) => evaluate(c, r).reasons

describe('assertion edges', () => {
  it('shortens a long expected text in the reason to 60 characters', () => {
    const long = 'a'.repeat(70)
    expect(reasons(check(`expect-body-contains: "${long}"`), reply())).toEqual([
      `body does not contain "${'a'.repeat(56)}...`
    ])
  })

  it('shows a 58-character text whole (60 with its quotes)', () => {
    const text = 'b'.repeat(58)
    expect(reasons(check(`expect-body-contains: "${text}"`), reply())).toEqual([
      `body does not contain "${text}"`
    ])
  })

  it('names a redirect target only for a 3xx', () => {
    const c = check('expect-status: 200')
    expect(reasons(c, reply({ status: 500, headers: { location: 'https://x.example/' } }))).toEqual(
      ['expected status 200, got 500']
    )
    expect(reasons(c, reply({ status: 400, headers: { location: '/a' } }))).toEqual([
      'expected status 200, got 400'
    ])
    expect(reasons(c, reply({ status: 300, headers: { location: '/a' } }))).toEqual([
      'expected status 200, got 300 (redirect to /a)'
    ])
    expect(reasons(c, reply({ status: 399, headers: { location: '/b' } }))).toEqual([
      'expected status 200, got 399 (redirect to /b)'
    ])
    expect(reasons(c, reply({ status: 302, headers: {} }))).toEqual([
      'expected status 200, got 302'
    ])
  })

  it('passes at exactly max-latency-ms and fails a millisecond over', () => {
    const c = check('max-latency-ms: 100')
    expect(reasons(c, reply({ latencyMs: 100 }))).toEqual([])
    expect(reasons(c, reply({ latencyMs: 101 }))).toEqual(['latency 101 ms over max 100 ms'])
  })

  it('finds the version in any one header', () => {
    const c = check('expect-version: 2.0.0')
    const r = reply({ body: 'no version here', headers: { 'x-version': '2.0.0', server: 'nginx' } })
    expect(reasons(c, r)).toEqual([])
  })

  it('hints at what the reply says its version is, from a header or the JSON body', () => {
    const c = check('expect-version: 3.0.0')
    expect(reasons(c, reply({ headers: { 'x-build': 'b'.repeat(80) } }))).toEqual([
      `version 3.0.0 not found in body or headers (x-build: ${'b'.repeat(60)})`
    ])
    expect(reasons(c, reply({ body: '{"revision":"abc"}' }))).toEqual([
      'version 3.0.0 not found in body or headers (revision: abc)'
    ])
    expect(reasons(c, reply({ body: '{"commit":"c0ffee"}' }))).toEqual([
      'version 3.0.0 not found in body or headers (commit: c0ffee)'
    ])
    expect(reasons(c, reply({ body: '{"sha":"d00d"}' }))).toEqual([
      'version 3.0.0 not found in body or headers (sha: d00d)'
    ])
    expect(reasons(c, reply({ body: '{"build":42}' }))).toEqual([
      'version 3.0.0 not found in body or headers (build: 42)'
    ])
    expect(reasons(c, reply({ body: `{"version":"${'9'.repeat(80)}"}` }))).toEqual([
      `version 3.0.0 not found in body or headers (version: ${'9'.repeat(60)})`
    ])
    expect(reasons(c, reply({ body: '{"version":{"a":1},"other":"x"}' }))).toEqual([
      'version 3.0.0 not found in body or headers'
    ])
    expect(reasons(c, reply({ body: '["3.1"]' }))).toEqual([
      'version 3.0.0 not found in body or headers'
    ])
    expect(reasons(c, reply({ body: 'plain text' }))).toEqual([
      'version 3.0.0 not found in body or headers'
    ])
  })

  it('hides a credential header value when a regex does not match it', () => {
    const c = check('expect-header: {authorization: "/^Bearer/"}')
    expect(reasons(c, reply({ headers: { authorization: 'Basic s3cret' } }))).toEqual([
      'header authorization: "***" does not match /^Bearer/'
    ])
  })

  it('quotes the start of a body that is not JSON, cut at 40 characters', () => {
    const c = check('expect-json: {a: 1}')
    expect(reasons(c, reply({ body: `<html>${'x'.repeat(60)}` }))).toEqual([
      `body is not JSON (starts with "<html>${'x'.repeat(34)}"), so expect-json cannot hold`
    ])
  })

  it('does not read JSON when nothing needs it', () => {
    expect(reasons(check('expect-status: 200'), reply({ body: 'not json' }))).toEqual([])
  })
})

describe('jsonAt and jsonMatches edges', () => {
  const long = { list: Array.from({ length: 12 }, (_, i) => i * 10) }
  it('reads two-digit indexes', () => {
    expect(jsonAt(long, ['list', '10'])).toEqual({ found: true, value: 100 })
  })
  it('does not read an index into a map, nor a key into a list', () => {
    expect(jsonAt({ length: 5 }, ['1'])).toEqual({ found: false })
    expect(jsonAt({ a: [1, 2] }, ['a', 'x'])).toEqual({ found: false })
    expect(jsonAt({ a: { b: 1 } }, ['a', 'b'])).toEqual({ found: true, value: 1 })
    expect(jsonAt([1, 2], ['1'])).toEqual({ found: true, value: 2 })
    expect(jsonAt([1, 2], ['2'])).toEqual({ found: false })
  })
  it('needs every item of a list to match', () => {
    expect(jsonMatches([1, 2], [1, 3], ['1', '3'])).toBe(false)
    expect(jsonMatches([1, 2], [1, 2])).toBe(true)
  })
  it('needs every key of a map, present and matching', () => {
    expect(jsonMatches({ a: 1 }, { a: 2 }, { a: '2' })).toBe(false)
    expect(jsonMatches({}, { a: null }, {})).toBe(false)
    expect(jsonMatches({ a: 1 }, { a: 1 })).toBe(true)
  })
  it('matches null only with null, and a text by its text', () => {
    expect(jsonMatches(null, null)).toBe(true)
    expect(jsonMatches(null, undefined)).toBe(true)
    expect(jsonMatches(0, undefined)).toBe(false)
    expect(jsonMatches('x', null)).toBe(false)
    expect(jsonMatches('3', 3, '3')).toBe(true)
    expect(jsonMatches('3', 3)).toBe(true)
    expect(jsonMatches({ a: 1 }, 3, '3')).toBe(false)
    expect(jsonMatches([3], 3, '3')).toBe(false)
    expect(jsonMatches(4, 3, '3')).toBe(false)
  })
})

describe('status range edges', () => {
  it.each(['a2xx', '2xxb', 'x200', '200x'])('refuses %s', text => {
    expect(() => parseStatusRange(text)).toThrow('is not a status code')
  })
  it('accepts a one-code range and refuses one that runs backwards', () => {
    expect(parseStatusRange('200-200').text).toBe('200')
    expect(() => parseStatusRange('201-200')).toThrow('the range 201-200 runs backwards')
  })
  it('refuses codes outside 100-599, naming the whole value', () => {
    expect(() => parseStatusRange('099')).toThrow('"099" (99 is outside 100-599)')
    expect(() => parseStatusRange(['200', '600'])).toThrow('"200,600" (600 is outside 100-599)')
    expect(statusMatches(parseStatusRange('100'), 100)).toBe(true)
    expect(statusMatches(parseStatusRange('599'), 599)).toBe(true)
  })
  it('trims each part of a list', () => {
    expect(parseStatusRange(['200 ', ' 204']).text).toBe('200, 204')
  })
  it('names its error class', () => {
    try {
      parseStatusRange('x')
    } catch (err) {
      expect((err as Error).name).toBe('StatusRangeError')
    }
    expect.assertions(1)
  })
})
