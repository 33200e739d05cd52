import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/core/errors.js'
import type { RawInputs } from '../../src/core/inputs.js'
import type { RunDefaults } from '../../src/core/settings/common.js'
import { parseStatusCheckSettings } from '../../src/core/settings/status-check-settings.js'

const outside: RunDefaults = { insideActions: false }
const workspace = mkdtempSync(join(tmpdir(), 'shiprail-status-settings-'))
const base: RawInputs = { environment: 'staging', url: 'https://staging.example.com/health' }

function parse(raw: RawInputs) {
  return parseStatusCheckSettings({ ...base, ...raw }, outside, workspace)
}

function parseError(raw: RawInputs): string {
  try {
    parseStatusCheckSettings(raw, outside, workspace)
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    const message = (err as Error).message
    expect(message).not.toContain('\n')
    return message
  }
  throw new Error('expected an InputError')
}

describe('status-check settings', () => {
  it('applies the defaults of the input table', () => {
    const s = parse({})
    expect(s).toMatchObject({
      environment: 'staging',
      ledger: 'file',
      intervalMs: 10_000,
      durationMs: 60_000,
      minSuccessRate: 0.85,
      maxConsecutiveFailures: 1,
      maxP95LatencyMs: undefined,
      requestTimeoutMs: 10_000,
      concurrency: 8,
      prometheusUrl: '',
      prometheusQueries: [],
      onNoData: 'fail',
      logCommand: '',
      maxLogErrors: 0
    })
    expect(s.checks.map(c => c.name)).toEqual(['GET /health'])
    expect(s.logErrorPattern.test('2024 ERROR db down')).toBe(true)
    expect(s.logErrorPattern.test('no errors here')).toBe(false)
    expect(s.logErrorPattern.test('kernel panic')).toBe(true)
  })

  it('reads every input', () => {
    const s = parse({
      checks: '- path: /a\n- path: /b\n  expect-status: 200',
      interval: '5',
      duration: '30',
      'min-success-rate': '0.95',
      'max-consecutive-failures': '2',
      'max-p95-latency-ms': '250',
      'request-timeout': '3',
      concurrency: '2',
      'prometheus-url': 'http://prometheus:9090',
      'prometheus-queries': [
        '- name: error-rate',
        '  query: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
        '  max: 0.01',
        '- name: throughput',
        '  query: sum(rate(http_requests_total[5m]))',
        '  min: "1e-3"',
        '  max: 1000'
      ].join('\n'),
      'on-no-data': 'pass',
      'log-command': 'kubectl logs deploy/app --since="${SHIPRAIL_WINDOW_SECONDS}s"\n',
      'log-error-pattern': '/level=(error|fatal)/i',
      'max-log-errors': '3'
    })
    expect(s).toMatchObject({
      intervalMs: 5000,
      durationMs: 30_000,
      minSuccessRate: 0.95,
      maxConsecutiveFailures: 2,
      maxP95LatencyMs: 250,
      requestTimeoutMs: 3000,
      concurrency: 2,
      prometheusUrl: 'http://prometheus:9090',
      onNoData: 'pass',
      maxLogErrors: 3
    })
    expect(s.checks.map(c => c.url)).toEqual([
      'https://staging.example.com/health/a',
      'https://staging.example.com/health/b'
    ])
    expect(s.prometheusQueries).toEqual([
      {
        name: 'error-rate',
        query:
          'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
        max: 0.01
      },
      { name: 'throughput', query: 'sum(rate(http_requests_total[5m]))', min: 0.001, max: 1000 }
    ])
    expect(s.logCommand).toContain('SHIPRAIL_WINDOW_SECONDS')
    expect(s.logErrorPattern.test('LEVEL=Error msg=x')).toBe(true)
  })

  it('watches metrics or logs alone, without probes', () => {
    const metricsOnly = parseStatusCheckSettings(
      {
        environment: 'prod',
        'prometheus-url': 'http://127.0.0.1:9090',
        'prometheus-queries': '- {name: up, query: up, min: 1}'
      },
      outside,
      workspace
    )
    expect(metricsOnly.checks).toEqual([])
    expect(metricsOnly.prometheusQueries).toEqual([{ name: 'up', query: 'up', min: 1 }])
    const logsOnly = parseStatusCheckSettings(
      { environment: 'prod', 'log-command': 'tail -n 100 "$APP_LOG"' },
      outside,
      workspace
    )
    expect(logsOnly.checks).toEqual([])
    expect(logsOnly.logCommand).toBe('tail -n 100 "$APP_LOG"')
  })

  it('names a query by its position when it has no name', () => {
    expect(
      parse({ 'prometheus-url': 'http://p:9090', 'prometheus-queries': '- {query: up, min: 1}' })
        .prometheusQueries[0].name
    ).toBe('query 1')
  })

  it.each<[string, RawInputs, string]>([
    ['environment missing', { url: 'https://x.example.com' }, "Input 'environment' is required"],
    [
      'nothing to watch',
      { environment: 'staging' },
      "Input 'url' and `checks`, `prometheus-queries` and `log-command` are all empty"
    ],
    [
      'interval 0',
      { ...base, interval: '0' },
      'Input \'interval\' is "0"; expected a whole number from 1 to 3600.'
    ],
    ['interval too long', { ...base, interval: '3601' }, 'Input \'interval\' is "3601"'],
    [
      'duration too long',
      { ...base, duration: '86401' },
      'Input \'duration\' is "86401"; expected a whole number from 1 to 86400.'
    ],
    [
      'duration under interval',
      { ...base, interval: '30', duration: '10' },
      "Input 'duration' is 10 s, shorter than `interval` (30 s); expected a window at least one interval long."
    ],
    [
      'rate over 1',
      { ...base, 'min-success-rate': '1.5' },
      'Input \'min-success-rate\' is "1.5"; expected a number from 0 to 1.'
    ],
    [
      'rate as percent',
      { ...base, 'min-success-rate': '95%' },
      'Input \'min-success-rate\' is "95%"'
    ],
    [
      'p95 zero',
      { ...base, 'max-p95-latency-ms': '0' },
      'Input \'max-p95-latency-ms\' is "0"; expected a number from 1 to 600000.'
    ],
    [
      'p95 text',
      { ...base, 'max-p95-latency-ms': 'fast' },
      'Input \'max-p95-latency-ms\' is "fast"'
    ],
    ['request-timeout', { ...base, 'request-timeout': '0' }, 'Input \'request-timeout\' is "0"'],
    ['concurrency', { ...base, concurrency: '0' }, 'Input \'concurrency\' is "0"'],
    [
      'on-no-data',
      { ...base, 'on-no-data': 'ignore' },
      'Input \'on-no-data\' is "ignore"; expected one of `fail`, `pass`.'
    ],
    [
      'bad prometheus-url',
      { ...base, 'prometheus-url': 'prometheus:9090' },
      'Input \'prometheus-url\' is "prometheus:9090"; expected an http:// or https:// URL.'
    ],
    [
      'prometheus-url with a password',
      { ...base, 'prometheus-url': 'ftp://u:hunter22@p' },
      "Input 'prometheus-url' is not a valid URL (value hidden: it is a secret)"
    ],
    [
      'queries without url',
      { ...base, 'prometheus-queries': '- {name: up, query: up, min: 1}' },
      "Input 'prometheus-url' is required with `prometheus-queries`"
    ],
    [
      'queries not YAML',
      { ...base, 'prometheus-url': 'http://p:9090', 'prometheus-queries': '- name: [a' },
      "Input 'prometheus-queries' is not valid YAML"
    ],
    [
      'queries a map',
      { ...base, 'prometheus-url': 'http://p:9090', 'prometheus-queries': 'name: up' },
      "Input 'prometheus-queries' is a map, not a list"
    ],
    [
      'query a string',
      { ...base, 'prometheus-url': 'http://p:9090', 'prometheus-queries': '- up' },
      "Input 'prometheus-queries' has a string instead of a map in query 1"
    ],
    [
      'unknown field',
      {
        ...base,
        'prometheus-url': 'http://p:9090',
        'prometheus-queries': '- {name: errors, query: up, maximum: 1}'
      },
      'Input \'prometheus-queries\' has an unknown field `maximum` in query 1 ("errors"); expected only `name`, `query`, `max`, `min`.'
    ],
    [
      'missing query',
      {
        ...base,
        'prometheus-url': 'http://p:9090',
        'prometheus-queries': '- {name: up, min: 1}\n- {name: errors, max: 1}'
      },
      'Input \'prometheus-queries\' has no `query` in query 1 ("up"); expected a PromQL expression in `query`.'
    ],
    [
      'blank query',
      {
        ...base,
        'prometheus-url': 'http://p:9090',
        'prometheus-queries': '- {name: up, query: "  ", min: 1}'
      },
      'has a blank `query` in query 1 ("up")'
    ],
    [
      'no bounds',
      {
        ...base,
        'prometheus-url': 'http://p:9090',
        'prometheus-queries': '- {name: up, query: up}'
      },
      'has neither `max` nor `min` in query 1 ("up")'
    ],
    [
      'bad max',
      {
        ...base,
        'prometheus-url': 'http://p:9090',
        'prometheus-queries': '- {name: up, query: up, max: high}'
      },
      'has a bad `max` ("high") in query 1 ("up"); expected a number in `max`'
    ],
    [
      'max a list',
      {
        ...base,
        'prometheus-url': 'http://p:9090',
        'prometheus-queries': '- {name: up, query: up, max: [1]}'
      },
      'has a bad `max` (a list) in query 1'
    ],
    [
      'min above max',
      {
        ...base,
        'prometheus-url': 'http://p:9090',
        'prometheus-queries': '- {name: up, query: up, min: 5, max: 1}'
      },
      'has `min` 5 above `max` 1 in query 1 ("up")'
    ],
    [
      'same name twice',
      {
        ...base,
        'prometheus-url': 'http://p:9090',
        'prometheus-queries': '- {name: up, query: up, min: 1}\n- {name: up, query: up, max: 2}'
      },
      'names "up" twice (queries 1 and 2)'
    ],
    [
      'bad pattern',
      { ...base, 'log-error-pattern': '(ERROR' },
      'Input \'log-error-pattern\' is "(ERROR", not a valid regular expression'
    ],
    [
      'stateful flag',
      { ...base, 'log-error-pattern': '/ERROR/g' },
      'Input \'log-error-pattern\' is "/ERROR/g", not a valid regular expression (flags "g" are not allowed)'
    ],
    [
      'max-log-errors negative',
      { ...base, 'max-log-errors': '-1' },
      'Input \'max-log-errors\' is "-1"'
    ],
    [
      'a bad check',
      { ...base, checks: '- path: /a\n  expect-stauts: 200' },
      "Input 'checks' has an unknown field `expect-stauts`"
    ]
  ])('rejects %s', (_label, raw, message) => {
    expect(parseError(raw)).toContain(message)
  })
})
