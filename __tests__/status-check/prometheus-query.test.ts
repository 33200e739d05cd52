import {
  describeBounds,
  judgeValue,
  queryUrl,
  readQueryReply,
  showNumber
} from '../../src/core/checks/prometheus-query.js'

const ok = (data: unknown) => JSON.stringify({ status: 'success', data })
const vector = (...samples: [Record<string, string>, string][]) =>
  ok({
    resultType: 'vector',
    result: samples.map(([metric, v]) => ({ metric, value: [1700000000.1, v] }))
  })

describe('readQueryReply', () => {
  it.each([
    [
      'a scalar',
      200,
      ok({ resultType: 'scalar', result: [1700000000, '0.25'] }),
      { type: 'value', value: 0.25 }
    ],
    ['a vector of one sample', 200, vector([{ job: 'app' }, '12']), { type: 'value', value: 12 }],
    ['+Inf', 200, vector([{}, '+Inf']), { type: 'value', value: Infinity }],
    ['-Inf', 200, vector([{}, '-Inf']), { type: 'value', value: -Infinity }],
    ['an exponent', 200, vector([{}, '1e-3']), { type: 'value', value: 0.001 }],
    [
      'an empty vector',
      200,
      ok({ resultType: 'vector', result: [] }),
      { type: 'no-data', kind: 'no data', detail: 'the query returned no series' }
    ],
    [
      'NaN (0/0)',
      200,
      vector([{}, 'NaN']),
      { type: 'no-data', kind: 'no data', detail: expect.stringContaining('NaN') }
    ],
    [
      'several series',
      200,
      vector([{ code: '200' }, '5'], [{ code: '500' }, '1'], [{ code: '503' }, '0']),
      {
        type: 'no-data',
        kind: 'not a single value',
        detail:
          'the query returned 3 series ({code="200"}, {code="500"}, ...); aggregate them, e.g. with sum(...)'
      }
    ],
    [
      'a matrix',
      200,
      ok({ resultType: 'matrix', result: [{ metric: {}, values: [[1, '1']] }] }),
      {
        type: 'no-data',
        kind: 'not a single value',
        detail: expect.stringContaining('range vector')
      }
    ],
    [
      'a string',
      200,
      ok({ resultType: 'string', result: [1, 'hello'] }),
      {
        type: 'no-data',
        kind: 'not a single value',
        detail: 'the query returned a string, not a number'
      }
    ],
    [
      'a parse error',
      400,
      JSON.stringify({
        status: 'error',
        errorType: 'bad_data',
        error: 'invalid parameter "query": 1:5: parse error: unclosed left parenthesis'
      }),
      {
        type: 'error',
        message:
          'Prometheus answered 400: bad_data: invalid parameter "query": 1:5: parse error: unclosed left parenthesis',
        final: true
      }
    ],
    [
      'an execution error',
      422,
      JSON.stringify({
        status: 'error',
        errorType: 'execution',
        error: 'many-to-many matching not allowed'
      }),
      {
        type: 'error',
        message: 'Prometheus answered 422: execution: many-to-many matching not allowed',
        final: false
      }
    ],
    [
      'a timeout',
      503,
      JSON.stringify({
        status: 'error',
        errorType: 'timeout',
        error: 'query timed out in expression evaluation'
      }),
      { type: 'error', message: expect.stringContaining('timeout: query timed out'), final: false }
    ],
    [
      'an HTML 404 (wrong URL)',
      404,
      '<html><body>Not Found</body></html>',
      {
        type: 'error',
        message: expect.stringMatching(
          /^answered 404 with something other than the Prometheus API .*check prometheus-url$/
        ),
        final: true
      }
    ],
    [
      'a 502 from a proxy',
      502,
      'Bad Gateway',
      { type: 'error', message: expect.stringContaining('answered 502'), final: false }
    ],
    [
      'a malformed sample',
      200,
      ok({ resultType: 'vector', result: [{ metric: {}, value: [1, 'abc'] }] }),
      { type: 'error', message: 'Prometheus sent a malformed sample', final: false }
    ]
  ])('%s', (_label, status, body, expected) => {
    expect(readQueryReply(status, body)).toEqual(expected)
  })
})

describe('judgeValue', () => {
  it.each([
    [0.01, { max: 0.05 }, true, '0.01 is within ≤ 0.05'],
    [0.05, { max: 0.05 }, true, '0.05 is within ≤ 0.05'],
    [0.0501, { max: 0.05 }, false, '0.0501 is over max 0.05'],
    [3, { min: 5 }, false, '3 is under min 5'],
    [5, { min: 5 }, true, '5 is within ≥ 5'],
    [15, { min: 10, max: 20 }, true, '15 is within 10 to 20'],
    [25, { min: 10, max: 20 }, false, '25 is over max 20'],
    [Infinity, { max: 1 }, false, '+Inf is over max 1'],
    [-Infinity, { min: 0 }, false, '-Inf is under min 0'],
    [NaN, { max: 1 }, false, 'the value is NaN']
  ])('%d against %j', (value, bounds, passes, reason) => {
    expect(judgeValue(value, bounds)).toEqual({ ok: passes, reason })
  })
})

describe('formatting', () => {
  it.each([
    [0, '0'],
    [12, '12'],
    [0.012345678, '0.01235'],
    [1234.5678, '1235'],
    [Infinity, '+Inf']
  ])('showNumber(%d) = %s', (n, text) => {
    expect(showNumber(n)).toBe(text)
  })

  it('describes bounds', () => {
    expect(describeBounds({ max: 0.01 })).toBe('≤ 0.01')
    expect(describeBounds({ min: 1 })).toBe('≥ 1')
    expect(describeBounds({ min: 1, max: 2 })).toBe('1 to 2')
  })

  it('builds the query URL under a path prefix, with Prometheus’ own timeout', () => {
    const url = new URL(
      queryUrl('https://mon.example.com/prometheus/', 'sum(rate(x{a="b"}[5m]))', 10_000)
    )
    expect(url.pathname).toBe('/prometheus/api/v1/query')
    expect(url.searchParams.get('query')).toBe('sum(rate(x{a="b"}[5m]))')
    expect(url.searchParams.get('timeout')).toBe('10s')
  })
})
