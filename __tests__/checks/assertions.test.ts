import { containsVersion, evaluate, jsonAt, jsonMatches } from '../../src/core/checks/assertions.js'
import { parseChecks } from '../../src/core/checks/check-parser.js'
import type { CheckSpec } from '../../src/core/checks/check-spec.js'
import type { ProbeResponse, ProbeResult } from '../../src/core/checks/http-probe.js'

/** A check from the YAML fields of one list item, e.g. `expect-status: 204`. */
function check(fields = ''): CheckSpec {
  const yaml = `- path: /x${fields ? `\n  ${fields.trim().split('\n').join('\n  ')}` : ''}`
  return parseChecks({ url: 'http://127.0.0.1:1', checks: yaml, workspace: '/' })[0]
}

function response(over: Partial<ProbeResponse> = {}): ProbeResponse {
  return {
    type: 'response',
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"status":"ok","version":"1.2.3","items":[{"id":7,"tags":["a","b"]},{"id":8}],"n":3,"on":true,"none":null,"ratio":1.1}',
    truncated: false,
    latencyMs: 42,
    url: 'http://127.0.0.1:1/x',
    redirects: 0,
    ...over
  }
}

describe('evaluate', () => {
  it.each<[string, string, Partial<ProbeResponse>, string[]]>([
    // kind, check fields, response overrides, expected reasons ([] = passes)
    ['status default 2xx, 200', '', {}, []],
    ['status default 2xx, 204', '', { status: 204 }, []],
    ['status default 2xx, 503', '', { status: 503 }, ['expected status 200-299, got 503']],
    ['status list', 'expect-status: 200,204,301-302', { status: 302 }, []],
    [
      'status list miss',
      'expect-status: 200,204',
      { status: 201 },
      ['expected status 200, 204, got 201']
    ],
    [
      'status redirect shows where',
      'expect-status: 200',
      { status: 301, headers: { location: 'https://example.com/login?token=abc' } },
      ['expected status 200, got 301 (redirect to https://example.com/login?token=***)']
    ],
    ['body contains', 'expect-body-contains: "\\"status\\":\\"ok\\""', {}, []],
    [
      'body contains miss',
      'expect-body-contains: healthy',
      {},
      ['body does not contain "healthy"']
    ],
    [
      'body contains all of a list',
      'expect-body-contains: [ok, nope]',
      {},
      ['body does not contain "nope"']
    ],
    [
      'body contains on a truncated body',
      'expect-body-contains: tail',
      { truncated: true },
      ['body does not contain "tail" (only the first 1 MiB was read)']
    ],
    ['body regex', 'expect-body-regex: \'"version":"1\\.\\d+\\.\\d+"\'', {}, []],
    ['body regex flags', 'expect-body-regex: /STATUS/i', {}, []],
    ['body regex miss', 'expect-body-regex: ^<html', {}, ['body does not match /^<html/']],
    ['json string', 'expect-json: {status: ok}', {}, []],
    ['json number', 'expect-json: {n: 3, items.0.id: 7, "items[1].id": 8}', {}, []],
    ['json number written as text', 'expect-json: {n: "3"}', {}, []],
    ['json bool and null', 'expect-json: {on: true, none: null}', {}, []],
    ['json list', 'expect-json: {items.0.tags: [a, b]}', {}, []],
    ['json map subset', 'expect-json: {items.0: {id: 7}}', {}, []],
    ['json version string', 'expect-json: {version: 1.2.3}', {}, []],
    ['json number typed', 'expect-json: {ratio: 1.1}', {}, []],
    [
      'json mismatch',
      'expect-json: {version: "1.2"}',
      {},
      ['json version: expected "1.2", got "1.2.3"']
    ],
    [
      'json mismatch keeps YAML text',
      'expect-json: {version: 1.10}',
      {},
      ['json version: expected 1.10, got "1.2.3"']
    ],
    ['json wrong type', 'expect-json: {on: false}', {}, ['json on: expected false, got true']],
    ['json null vs value', 'expect-json: {n: null}', {}, ['json n: expected null, got 3']],
    [
      'json list length',
      'expect-json: {items.0.tags: [a]}',
      {},
      ['json items.0.tags: expected ["a"], got ["a","b"]']
    ],
    [
      'json missing',
      'expect-json: {items.5.id: 1, nope: 1}',
      {},
      ['json items.5.id: missing', 'json nope: missing']
    ],
    [
      'json on a non-JSON body',
      'expect-json: {status: ok}',
      { body: '<html>Bad Gateway</html>' },
      ['body is not JSON (starts with "<html>Bad Gateway</html>"), so expect-json cannot hold']
    ],
    [
      'json on a truncated body',
      'expect-json: {status: ok}',
      { truncated: true },
      ['body is over 1 MiB, so it was not read as JSON']
    ],
    ['header substring', 'expect-header: {Content-Type: json}', {}, []],
    ['header present', 'expect-header: {content-type: ""}', {}, []],
    [
      'header regex',
      "expect-header: {x-version: '/^1\\.2\\./'}",
      { headers: { 'x-version': '1.2.3' } },
      []
    ],
    ['header missing', 'expect-header: {x-version: "1"}', {}, ['header x-version missing']],
    [
      'header substring miss',
      'expect-header: {content-type: html}',
      {},
      ['header content-type: expected to contain "html", got "application/json"']
    ],
    [
      'header regex miss',
      "expect-header: {x-version: '/^2/'}",
      { headers: { 'x-version': '1.2.3' } },
      ['header x-version: "1.2.3" does not match /^2/']
    ],
    [
      'credential header values are not shown',
      'expect-header: {set-cookie: session=expected}',
      { headers: { 'set-cookie': 'session=actual-secret' } },
      ['header set-cookie: expected to contain "***", got "***"']
    ],
    ['latency under max', 'max-latency-ms: 100', { latencyMs: 99 }, []],
    [
      'latency over max',
      'max-latency-ms: 500',
      { latencyMs: 812.4 },
      ['latency 812 ms over max 500 ms']
    ],
    ['version in body', 'expect-version: 1.2.3', {}, []],
    [
      'version in a header',
      'expect-version: 2.0.0',
      { body: 'ok', headers: { 'x-app-version': 'v2.0.0' } },
      []
    ],
    [
      'version absent, header hint',
      'expect-version: 1.2.4',
      { body: 'ok', headers: { 'x-version': '1.2.3' } },
      ['version 1.2.4 not found in body or headers (x-version: 1.2.3)']
    ],
    [
      'version absent, JSON hint',
      'expect-version: 1.2',
      {},
      ['version 1.2 not found in body or headers (version: 1.2.3)']
    ],
    [
      'several failures at once',
      'expect-status: 200\nmax-latency-ms: 10',
      { status: 500 },
      ['expected status 200, got 500', 'latency 42 ms over max 10 ms']
    ]
  ])('%s', (_kind, fields, over, reasons) => {
    const result = evaluate(check(fields), response(over))
    expect(result.reasons).toEqual(reasons)
    expect(result.ok).toBe(reasons.length === 0)
  })

  it.each<[ProbeResult, string]>([
    [
      {
        type: 'error',
        kind: 'refused',
        message: 'connection refused by 127.0.0.1:1',
        latencyMs: 1
      },
      'connection refused by 127.0.0.1:1'
    ],
    [
      { type: 'error', kind: 'timeout', message: 'no response within 10 s', latencyMs: 10000 },
      'no response within 10 s'
    ],
    [
      {
        type: 'error',
        kind: 'dns',
        message: 'DNS lookup failed for x (no such host)',
        latencyMs: 3
      },
      'DNS lookup failed for x (no such host)'
    ]
  ])('a failed request (%#) fails with its own words', (result, reason) => {
    expect(evaluate(check('expect-status: 200-599'), result)).toEqual({
      ok: false,
      reasons: [reason]
    })
  })
})

describe('containsVersion', () => {
  it.each<[string, string, boolean]>([
    ['{"version":"1.2.3"}', '1.2.3', true],
    ['version 1.2.3.', '1.2.3', true],
    ['app/v1.2.3 (linux)', '1.2.3', true],
    ['1.2.3', '1.2', false],
    ['11.2', '1.2', false],
    ['1.2.3-rc.1', '1.2.3', false],
    ['1.2.30', '1.2.3', false],
    ['x1.2.3', '1.2.3', false],
    ['v2.0.0', 'v2.0.0', true],
    ['release-2024-01-05 build', 'release-2024-01-05', true],
    ['revision a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0', 'a1b2c3d', true],
    ['revision A1B2C3D', 'a1b2c3d', true],
    ['revision a1b2c3dz', 'a1b2c3d', false],
    ['revision 0a1b2c3d', 'a1b2c3d', false],
    ['image tag main-42', 'main-4', false],
    ['1.2.3+build.5', '1.2.3+build.5', true]
  ])('%j carries %s: %s', (text, version, yes) => {
    expect(containsVersion(text, version)).toBe(yes)
  })
})

describe('json helpers', () => {
  const doc = { a: { b: [10, { c: 'x' }] } }
  it.each<[string[], { found: boolean; value?: unknown }]>([
    [['a', 'b', '0'], { found: true, value: 10 }],
    [['a', 'b', '1', 'c'], { found: true, value: 'x' }],
    [['a', 'b', '2'], { found: false }],
    [['a', 'x'], { found: false }],
    [['a', 'b', 'length'], { found: false }],
    [['constructor'], { found: false }]
  ])('jsonAt %j', (segments, result) => {
    expect(jsonAt(doc, segments)).toEqual(result)
  })

  it.each<[unknown, unknown, unknown, boolean]>([
    ['1.10', 1.1, '1.10', true],
    [1.1, 1.1, '1.10', true],
    ['1.1', 1.1, '1.10', false],
    ['1.10', 1.1, '1.1', false],
    [3, '3', '3', true],
    [true, true, 'true', true],
    ['true', true, 'true', true],
    [null, null, '~', true],
    [0, null, 'null', false],
    [{ a: 1, b: 2 }, { a: 1 }, { a: '1' }, true],
    [{ a: 1 }, { a: 1, b: 2 }, { a: '1', b: '2' }, false],
    [[1, 2], [1, 2], ['1', '2'], true],
    [[1, 2], [2, 1], ['2', '1'], false],
    [{ a: 1 }, 'x', 'x', false]
  ])('jsonMatches(%j, %j, %j) = %s', (actual, expected, text, yes) => {
    expect(jsonMatches(actual, expected, text)).toBe(yes)
  })
})
