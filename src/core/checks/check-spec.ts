/**
 * The checks smoke-test and status-check run: what one check asks and expects.
 * check-parser.ts builds these from the `url` and `checks` inputs; credential-masking.ts says
 * which parts of one may never be shown.
 */
import type { StatusRange } from './status-range.js'
import { isCredentialHeader } from './credential-masking.js'
import type { HTTP_METHODS } from './check-fields.js'

export type HttpMethod = (typeof HTTP_METHODS)[number]

/** One expected response header. */
export interface HeaderExpectation {
  /** Lower-case header name. */
  name: string
  /** Substring the value must contain ('' = the header must be present). */
  contains: string
  /** Set when written as `/regex/flags`; then the value must match it instead. */
  regex?: RegExp
}

/** One expected value in a JSON body. */
export interface JsonExpectation {
  /** As written, e.g. `items.0.id`. */
  path: string
  /** Keys and array indexes to walk. */
  segments: string[]
  /** The value as YAML typed it (numbers, booleans, null, maps, lists). */
  expected: unknown
  /** The same value with every scalar kept as written (`1.10` stays "1.10"). */
  expectedText: unknown
}

export interface CheckSpec {
  /** Shown in logs, the report and the summary. */
  name: string
  /** Absolute http(s) URL requested. */
  url: string
  /** The URL as shown: a password or a credential-named query value replaced by `***`. */
  shownUrl: string
  method: HttpMethod
  /** Request headers as given. */
  headers: Record<string, string>
  /** Request body, if any (a YAML map or list is sent as JSON). */
  body?: string
  /** Accepted status codes (default 200-299). */
  expectStatus: StatusRange
  /** Substrings the body must contain, each. */
  expectBodyContains: string[]
  /** Regular expressions the body must match, each. */
  expectBodyRegex: RegExp[]
  /** Values the JSON body must hold at dotted paths. */
  expectJson: JsonExpectation[]
  /** Response headers and what they must carry. */
  expectHeader: HeaderExpectation[]
  /** Highest latency (time to the full body) that passes. */
  maxLatencyMs?: number
  /** Version string the body or a header must carry (catches the old revision still answering). */
  expectVersion?: string
  /** Follow 3xx redirects (default true); false lets a check assert the redirect itself. */
  followRedirects: boolean
}

/** Plain words for what a check expects, for the dry-run plan and the logs. */
export function describeExpectations(check: CheckSpec): string[] {
  const out = [`status ${check.expectStatus.text}`]
  for (const s of check.expectBodyContains) out.push(`body contains ${JSON.stringify(s)}`)
  for (const r of check.expectBodyRegex) out.push(`body matches ${String(r)}`)
  for (const j of check.expectJson) out.push(`json ${j.path} = ${showExpected(j)}`)
  for (const h of check.expectHeader) {
    if (h.regex) out.push(`header ${h.name} matches ${String(h.regex)}`)
    else if (h.contains === '') out.push(`header ${h.name} present`)
    else
      out.push(
        `header ${h.name} contains ${JSON.stringify(isCredentialHeader(h.name) ? '***' : h.contains)}`
      )
  }
  if (check.maxLatencyMs !== undefined) out.push(`latency at most ${check.maxLatencyMs} ms`)
  if (check.expectVersion) out.push(`version ${check.expectVersion} in body or headers`)
  return out
}

/** An expected JSON value as the user wrote it. */
export function showExpected(j: Pick<JsonExpectation, 'expected' | 'expectedText'>): string {
  if (
    typeof j.expected === 'number' &&
    typeof j.expectedText === 'string' &&
    String(j.expected) !== j.expectedText
  ) {
    return j.expectedText
  }
  return JSON.stringify(j.expected) ?? String(j.expected)
}

/** Joins a check's path onto the base URL: `https://x/app` + `/health` = `https://x/app/health`. */
export function joinUrl(base: string, path: string): string {
  const url = new URL(base)
  const cut = path.search(/[?#]/)
  const pathname = cut >= 0 ? path.slice(0, cut) : path
  const rest = cut >= 0 ? path.slice(cut) : ''
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${pathname.replace(/^\/+/, '')}`
  url.hash = ''
  if (rest.startsWith('?')) url.search = rest.replace(/#.*$/, '')
  return url.toString()
}
