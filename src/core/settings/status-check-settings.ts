import { parse, YAMLParseError } from 'yaml'
import { parseChecks } from '../checks/check-parser.js'
import type { CheckSpec } from '../checks/check-spec.js'
import { describeType, isMap, parseRegex } from '../checks/yaml-fields.js'
import { InputError } from '../errors.js'
import type { RawInputs } from '../inputs.js'
import { RECORD_VERDICT_MODES, type RecordVerdictMode } from '../ledger/verdict.js'
import { parseCommon, type CommonSettings, type RunDefaults } from './common.js'
import { InputReader, showValue } from './input-reader.js'

/** One entry of `prometheus-queries`. */
export interface PrometheusQuerySpec {
  /** Shown in logs, the report and the summary. */
  name: string
  /** PromQL run as an instant query each round; it must come to one number. */
  query: string
  /** Highest value that passes (inclusive). */
  max?: number
  /** Lowest value that passes (inclusive). */
  min?: number
}

export type OnNoData = 'fail' | 'pass'

export interface StatusCheckSettings extends CommonSettings {
  /** When the verdict goes on the live deployment: `auto` only if this run created it. */
  recordVerdict: RecordVerdictMode
  /** Base URL checks with a `path` are joined to ('' when not given). */
  url: string
  /** Probes sent every round; empty when only metrics or logs are watched. */
  checks: CheckSpec[]
  /** Time between the starts of two rounds, in ms (input `interval`, seconds). */
  intervalMs: number
  /** Length of the watch window, in ms (input `duration`, seconds); at least intervalMs. */
  durationMs: number
  /** Lowest share of a check's probes that must pass, 0 to 1. */
  minSuccessRate: number
  /** Failed probes in a row a check may have; one more fails it (a blip is not an outage). */
  maxConsecutiveFailures: number
  /** Highest 95th-percentile probe latency of a check that passes, in ms. */
  maxP95LatencyMs?: number
  /** Limit for one probe or one Prometheus query, in ms (input `request-timeout`, seconds). */
  requestTimeoutMs: number
  /** Probes (and, separately, queries) sent at once. */
  concurrency: number
  /** Base URL of the Prometheus server ('' when not given). */
  prometheusUrl: string
  /** Queries evaluated every round. */
  prometheusQueries: PrometheusQuerySpec[]
  /** What a query that gives no single number means. */
  onNoData: OnNoData
  /** Bash script whose output is scanned at the end of the window ('' = no log scan). */
  logCommand: string
  /** A line of that output is an error line when it matches this. */
  logErrorPattern: RegExp
  /** Error lines allowed. */
  maxLogErrors: number
}

const QUERY_FIELDS = ['name', 'query', 'max', 'min'] as const
const QUERIES_FORM =
  'a YAML list of queries, each with `name`, `query` and `max` and/or `min`, e.g. `- {name: error-rate, query: "sum(rate(http_requests_total{code=~\\"5..\\"}[5m])) / sum(rate(http_requests_total[5m]))", max: 0.01}`'
const REGEX_FORM =
  'a JavaScript regular expression, optionally written `/pattern/flags` (flags i, m, s, u)'
const MAX_QUERIES = 100

function queryError(index: number, name: unknown, problem: string, accepted: string): InputError {
  const label = typeof name === 'string' && name.trim() !== '' ? ` (${showValue(name)})` : ''
  return new InputError(
    'prometheus-queries',
    `has ${problem} in query ${index + 1}${label}`,
    accepted
  )
}

/** A YAML number, or a string holding one ("0.05", "1e-3"); finite only. */
function bound(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value))
    return undefined
  return Number(value)
}

/** Parses `prometheus-queries`: a YAML list, validated in full before the window starts. */
export function parsePrometheusQueries(text: string): PrometheusQuerySpec[] {
  if (text.trim() === '') return []
  let items: unknown
  try {
    items = parse(text)
  } catch (err) {
    const problem =
      err instanceof YAMLParseError
        ? err.message.split('\n')[0].replace(/:$/, '')
        : (err as Error).message
    throw new InputError('prometheus-queries', `is not valid YAML (${problem})`, QUERIES_FORM)
  }
  if (!Array.isArray(items))
    throw new InputError(
      'prometheus-queries',
      `is a ${describeType(items)}, not a list`,
      QUERIES_FORM
    )
  if (items.length === 0)
    throw new InputError('prometheus-queries', 'is an empty list', QUERIES_FORM)
  if (items.length > MAX_QUERIES) {
    throw new InputError(
      'prometheus-queries',
      `has ${items.length} queries`,
      `at most ${MAX_QUERIES}`
    )
  }
  const seen = new Map<string, number>()
  return items.map((item: unknown, i) => {
    if (!isMap(item)) {
      throw queryError(
        i,
        undefined,
        `a ${describeType(item)} instead of a map`,
        'each query to be a map with `name`, `query` and `max` and/or `min`'
      )
    }
    const rawName = item.name
    for (const field of Object.keys(item)) {
      if (!(QUERY_FIELDS as readonly string[]).includes(field)) {
        throw queryError(
          i,
          rawName,
          `an unknown field \`${field}\``,
          `only ${QUERY_FIELDS.map(f => `\`${f}\``).join(', ')}`
        )
      }
    }
    if (
      rawName !== undefined &&
      (typeof rawName !== 'string' ||
        rawName.trim() === '' ||
        /[\r\n]/.test(rawName) ||
        rawName.length > 100)
    ) {
      throw queryError(
        i,
        undefined,
        `a bad \`name\` (${typeof rawName === 'string' ? showValue(rawName) : `a ${describeType(rawName)}`})`,
        'a one-line name of at most 100 characters'
      )
    }
    const query = item.query
    if (query === undefined || query === null)
      throw queryError(i, rawName, 'no `query`', 'a PromQL expression in `query`')
    if (typeof query !== 'string' || query.trim() === '') {
      throw queryError(
        i,
        rawName,
        `a ${typeof query === 'string' ? 'blank' : describeType(query)} \`query\``,
        'a PromQL expression in `query`'
      )
    }
    const limits: { max?: number; min?: number } = {}
    for (const field of ['max', 'min'] as const) {
      if (item[field] === undefined) continue
      const n = bound(item[field])
      if (n === undefined) {
        const given = item[field]
        throw queryError(
          i,
          rawName,
          `a bad \`${field}\` (${typeof given === 'string' ? showValue(given) : `a ${describeType(given)}`})`,
          `a number in \`${field}\`, e.g. \`0.01\``
        )
      }
      limits[field] = n
    }
    if (limits.max === undefined && limits.min === undefined) {
      throw queryError(
        i,
        rawName,
        'neither `max` nor `min`',
        '`max` and/or `min`: the bounds the value must stay within'
      )
    }
    if (limits.max !== undefined && limits.min !== undefined && limits.min > limits.max) {
      throw queryError(
        i,
        rawName,
        `\`min\` ${limits.min} above \`max\` ${limits.max}`,
        '`min` at most `max`'
      )
    }
    const name = typeof rawName === 'string' ? rawName.trim() : `query ${i + 1}`
    const other = seen.get(name)
    if (other !== undefined) {
      throw new InputError(
        'prometheus-queries',
        `names ${showValue(name)} twice (queries ${other + 1} and ${i + 1})`,
        'a unique `name` per query'
      )
    }
    seen.set(name, i)
    return { name, query: query.trim(), ...limits }
  })
}

/** Reads and validates every status-check input; nothing is sent before this succeeds. */
export function parseStatusCheckSettings(
  raw: RawInputs,
  defaults: RunDefaults,
  workspace: string
): StatusCheckSettings {
  const reader = new InputReader(raw)
  const common = parseCommon(reader, defaults, true)

  const intervalS = reader.int('interval', 1, 3600)
  const durationS = reader.int('duration', 1, 86_400)
  if (durationS < intervalS) {
    throw new InputError(
      'duration',
      `is ${durationS} s, shorter than \`interval\` (${intervalS} s)`,
      'a window at least one interval long'
    )
  }
  const minSuccessRate = reader.number('min-success-rate', 0, 1)
  const maxConsecutiveFailures = reader.int('max-consecutive-failures', 0, 1000)
  const maxP95LatencyMs = reader.optionalNumber('max-p95-latency-ms', 1, 600_000)
  const requestTimeoutMs = reader.int('request-timeout', 1, 600) * 1000
  const concurrency = reader.int('concurrency', 1, 100)
  const onNoData = reader.oneOf<OnNoData>('on-no-data', ['fail', 'pass'])

  const url = reader.url('url') ?? ''
  const checksText = reader.text('checks')
  const checks =
    url === '' && checksText.trim() === ''
      ? []
      : parseChecks({ url, checks: checksText, workspace })

  // A password in the URL must not be echoed back in an error.
  const prometheusUrl =
    reader.url('prometheus-url', /@/.test(reader.string('prometheus-url'))) ?? ''
  const prometheusQueries = parsePrometheusQueries(reader.text('prometheus-queries'))
  if (prometheusQueries.length > 0 && prometheusUrl === '') {
    throw new InputError(
      'prometheus-url',
      'is required with `prometheus-queries`',
      'the base URL of a Prometheus server, e.g. `http://prometheus:9090`'
    )
  }

  const logCommand = reader.text('log-command')
  const patternText = reader.string('log-error-pattern')
  let logErrorPattern: RegExp
  try {
    logErrorPattern = parseRegex(patternText)
  } catch (err) {
    throw new InputError(
      'log-error-pattern',
      `is ${showValue(patternText)}, not a valid regular expression (${(err as Error).message})`,
      REGEX_FORM
    )
  }
  const maxLogErrors = reader.int('max-log-errors', 0, 1_000_000)

  if (checks.length === 0 && prometheusQueries.length === 0 && logCommand.trim() === '') {
    throw new InputError(
      'url',
      'and `checks`, `prometheus-queries` and `log-command` are all empty',
      'something to watch: `url`/`checks` (probes), `prometheus-queries` with `prometheus-url` (metrics), or `log-command` (logs)'
    )
  }

  return {
    ...common,
    url,
    checks,
    intervalMs: intervalS * 1000,
    durationMs: durationS * 1000,
    minSuccessRate,
    maxConsecutiveFailures,
    maxP95LatencyMs,
    requestTimeoutMs,
    concurrency,
    prometheusUrl,
    prometheusQueries,
    onNoData,
    logCommand: logCommand.trim() === '' ? '' : logCommand,
    logErrorPattern,
    maxLogErrors,
    recordVerdict: reader.oneOf('record-verdict', RECORD_VERDICT_MODES)
  }
}
