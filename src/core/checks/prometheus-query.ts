import { joinUrl } from './check-spec.js'
import { httpProbe } from './http-probe.js'

/**
 * One instant query through Prometheus' HTTP API (`GET /api/v1/query`), read into a single
 * number or a named reason why there is none. A threshold needs one number: an answer with no
 * series, or with several, is not silently read as 0 or as the first series. Which of the two
 * it was is kept, because the fixes differ (wait for traffic / aggregate with `sum`).
 * https://prometheus.io/docs/prometheus/latest/querying/api/#instant-queries
 */

/** Why a query gave no number to judge. */
export type NoDataKind = 'no data' | 'not a single value'

export type QueryOutcome =
  | { type: 'value'; value: number }
  | { type: 'no-data'; kind: NoDataKind; detail: string }
  | {
      type: 'error'
      message: string
      /** True when asking again cannot help (a query Prometheus cannot parse, a wrong URL). */
      final: boolean
    }

export interface QueryOptions {
  /** Limit for the whole request; also sent as Prometheus' own evaluation `timeout`. */
  timeoutMs: number
  signal?: AbortSignal
}

type Plain = Record<string, unknown>

function isMap(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Prometheus writes sample values as strings: "0.5", "NaN", "+Inf". */
function sampleValue(pair: unknown): number | undefined {
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[1] !== 'string') return undefined
  const text = pair[1]
  if (text === 'NaN') return NaN
  if (text === '+Inf' || text === 'Inf') return Infinity
  if (text === '-Inf') return -Infinity
  const n = Number(text)
  return text.trim() === '' || Number.isNaN(n) ? undefined : n
}

/** `{code="500", job="app"}` for a series' labels, shortened. */
function showLabels(metric: unknown): string {
  if (!isMap(metric)) return '{}'
  const text = `{${Object.entries(metric)
    .map(([k, v]) => `${k}=${JSON.stringify(String(v))}`)
    .join(', ')}}`
  return text.length > 80 ? `${text.slice(0, 77)}...}` : text
}

function numberOrNoData(value: number): QueryOutcome {
  if (Number.isNaN(value)) {
    return {
      type: 'no-data',
      kind: 'no data',
      detail: 'the value is NaN (e.g. 0/0: no traffic in the range)'
    }
  }
  return { type: 'value', value }
}

/** HTTP statuses after which asking again is pointless: the request itself is wrong. */
function finalStatus(status: number): boolean {
  return status >= 400 && status < 500 && ![408, 422, 429].includes(status)
}

/**
 * Reads one reply of /api/v1/query. Pure, so every shape Prometheus (or something else at that
 * URL) can answer is tested table-driven.
 */
export function readQueryReply(status: number, body: string): QueryOutcome {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    json = undefined
  }
  if (!isMap(json) || (json.status !== 'success' && json.status !== 'error')) {
    const start = body.replace(/\s+/g, ' ').trim().slice(0, 60)
    return {
      type: 'error',
      message: `answered ${status} with something other than the Prometheus API${start ? ` (${JSON.stringify(start)})` : ''}; check prometheus-url`,
      final: finalStatus(status) || (status >= 200 && status < 300)
    }
  }
  if (json.status === 'error') {
    const kind = typeof json.errorType === 'string' ? `${json.errorType}: ` : ''
    const text = typeof json.error === 'string' ? json.error : 'no error text'
    return {
      type: 'error',
      message: `Prometheus answered ${status}: ${kind}${text}`,
      final: json.errorType === 'bad_data' || finalStatus(status)
    }
  }
  const data = json.data
  if (!isMap(data) || typeof data.resultType !== 'string') {
    return { type: 'error', message: 'Prometheus answered without data.resultType', final: false }
  }
  const result = data.result
  switch (data.resultType) {
    case 'scalar': {
      const value = sampleValue(result)
      if (value === undefined)
        return { type: 'error', message: 'Prometheus sent a malformed scalar', final: false }
      return numberOrNoData(value)
    }
    case 'vector': {
      if (!Array.isArray(result))
        return { type: 'error', message: 'Prometheus sent a malformed vector', final: false }
      if (result.length === 0)
        return { type: 'no-data', kind: 'no data', detail: 'the query returned no series' }
      if (result.length > 1) {
        const shown = result
          .slice(0, 2)
          .map(s => showLabels(isMap(s) ? s.metric : undefined))
          .join(', ')
        return {
          type: 'no-data',
          kind: 'not a single value',
          detail: `the query returned ${result.length} series (${shown}${result.length > 2 ? ', ...' : ''}); aggregate them, e.g. with sum(...)`
        }
      }
      const only: unknown = result[0]
      const value = isMap(only) ? sampleValue(only.value) : undefined
      if (value === undefined)
        return { type: 'error', message: 'Prometheus sent a malformed sample', final: false }
      return numberOrNoData(value)
    }
    case 'matrix':
      return {
        type: 'no-data',
        kind: 'not a single value',
        detail:
          'the query returned a range vector (matrix); wrap it in a function such as rate(...[5m]) or max_over_time(...)'
      }
    default:
      return {
        type: 'no-data',
        kind: 'not a single value',
        detail: `the query returned a ${data.resultType}, not a number`
      }
  }
}

/** The query URL: `<prometheus-url>/api/v1/query?query=...&timeout=...`. */
export function queryUrl(baseUrl: string, query: string, timeoutMs: number): string {
  const url = new URL(joinUrl(baseUrl, '/api/v1/query'))
  url.searchParams.set('query', query)
  // Prometheus stops evaluating at its own timeout too, instead of working on after we gave up.
  url.searchParams.set('timeout', `${Math.max(1, Math.floor(timeoutMs / 1000))}s`)
  return url.toString()
}

/**
 * Runs one instant query at "now" and reads the answer. Never throws: a transport failure is an
 * outcome like any other, with the words http-probe uses for it.
 */
export async function queryPrometheus(
  baseUrl: string,
  query: string,
  options: QueryOptions
): Promise<QueryOutcome> {
  const result = await httpProbe({
    url: queryUrl(baseUrl, query, options.timeoutMs),
    method: 'GET',
    headers: { accept: 'application/json' },
    timeoutMs: options.timeoutMs,
    signal: options.signal
  })
  // Refused, reset, timed out: Prometheus or the way to it may be back at the next round.
  if (result.type === 'error') return { type: 'error', message: result.message, final: false }
  return readQueryReply(result.status, result.body)
}

/** A query's bounds: the value must be at most max and at least min. */
export interface MetricBounds {
  min?: number
  max?: number
}

/** 0.0123 → "0.0123", 1234.5678 → "1235", Infinity → "+Inf". */
export function showNumber(n: number): string {
  if (n === Infinity) return '+Inf'
  if (n === -Infinity) return '-Inf'
  if (Number.isNaN(n)) return 'NaN'
  if (Number.isInteger(n)) return String(n)
  const abs = Math.abs(n)
  if (abs >= 1000) return String(Math.round(n))
  return String(Number(n.toPrecision(4)))
}

/** "≤ 0.05", "≥ 10", "10 to 20". */
export function describeBounds(bounds: MetricBounds): string {
  const { min, max } = bounds
  if (min !== undefined && max !== undefined) return `${showNumber(min)} to ${showNumber(max)}`
  if (max !== undefined) return `≤ ${showNumber(max)}`
  if (min !== undefined) return `≥ ${showNumber(min)}`
  return 'any'
}

/** Judges one value against its bounds; both ends are inclusive. */
export function judgeValue(value: number, bounds: MetricBounds): { ok: boolean; reason: string } {
  if (Number.isNaN(value)) return { ok: false, reason: 'the value is NaN' }
  if (bounds.max !== undefined && value > bounds.max)
    return { ok: false, reason: `${showNumber(value)} is over max ${showNumber(bounds.max)}` }
  if (bounds.min !== undefined && value < bounds.min)
    return { ok: false, reason: `${showNumber(value)} is under min ${showNumber(bounds.min)}` }
  return { ok: true, reason: `${showNumber(value)} is within ${describeBounds(bounds)}` }
}
