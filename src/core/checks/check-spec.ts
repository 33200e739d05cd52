import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse, YAMLParseError } from 'yaml'
import { InputError } from '../errors.js'
import {
  DEFAULT_STATUS,
  parseStatusRange,
  STATUS_FORM,
  StatusRangeError,
  type StatusRange
} from './status-range.js'

/**
 * The checks smoke-test and status-check run: parsed and validated in full before
 * any request is sent, so a typo fails the step at once with one line naming the check and
 * the field instead of after a two-minute readiness wait.
 */

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const
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

export const CHECK_FIELDS = [
  'name',
  'url',
  'path',
  'method',
  'headers',
  'body',
  'expect-status',
  'expect-body-contains',
  'expect-body-regex',
  'expect-json',
  'expect-header',
  'max-latency-ms',
  'expect-version',
  'follow-redirects'
] as const

const CHECKS_FORM =
  'a YAML list of checks (e.g. `- path: /health`), or a path to a .yml/.yaml file holding one'
const URL_FORM = 'an absolute http:// or https:// URL'
const REGEX_FORM =
  'a JavaScript regular expression, optionally written `/pattern/flags` (flags i, m, s, u)'
const MAX_CHECKS = 1000

/**
 * Header names whose values are credentials: masked wherever they could be shown, and not sent
 * on to another origin when a redirect leaves the one they were meant for.
 */
const CREDENTIAL_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey|token|secret|password|x-auth)$|[-_](token|key|secret|password|passwd|auth|signature)$/i
const CREDENTIAL_QUERY =
  /^(token|access_token|api_key|apikey|key|secret|password|passwd|sig|signature|auth|code)$|[-_](token|key|secret|password|signature)$/i

export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADER.test(name.trim())
}

/** The URL with its password and credential-named query values replaced by `***`. */
export function maskUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (parsed.password) parsed.password = '***'
  else if (parsed.username) parsed.username = '***'
  for (const key of [...parsed.searchParams.keys()]) {
    if (CREDENTIAL_QUERY.test(key) && parsed.searchParams.get(key))
      parsed.searchParams.set(key, '***')
  }
  // searchParams.set encodes `*`; keep the mask readable.
  return parsed.toString().replace(/%2A%2A%2A/g, '***')
}

/** Credential values a check carries, for the redactor: header values, URL passwords, tokens. */
export function checkSecrets(check: CheckSpec): string[] {
  const out: string[] = []
  for (const [name, value] of Object.entries(check.headers)) {
    if (!isCredentialHeader(name)) continue
    out.push(value)
    // `Bearer abc`: the token alone may be echoed by a server or a tool.
    const scheme = /^\S+\s+(\S.*)$/.exec(value)
    if (scheme) out.push(scheme[1])
  }
  try {
    const parsed = new URL(check.url)
    if (parsed.password) out.push(decodeURIComponent(parsed.password), parsed.password)
    for (const [key, value] of parsed.searchParams) if (CREDENTIAL_QUERY.test(key)) out.push(value)
  } catch {
    // The URL was validated when the check was parsed.
  }
  return out.filter(v => v.trim() !== '')
}

/** Request headers as they may be shown: credential values replaced by `***`. */
export function shownHeaders(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([k, v]) => `${k}: ${isCredentialHeader(k) ? '***' : v}`)
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

/** `/pattern/flags` or a bare pattern. Throws with the engine's own words for a bad one. */
export function parseRegex(text: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(text)
  const [source, flags] = literal ? [literal[1], literal[2]] : [text, '']
  // g and y make test() stateful (lastIndex), which would make a check pass every other time.
  if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) {
    throw new SyntaxError(`flags "${flags}" are not allowed`)
  }
  try {
    return new RegExp(source, flags)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    throw new SyntaxError(message.replace(/^Invalid regular expression: /, ''), { cause: err })
  }
}

/** Splits `items.0.id`, `items[0].id` or `$.items[0].id` into keys and indexes. */
export function parseJsonPath(path: string): string[] {
  const normal = path
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '')
  const segments = normal.split('.')
  if (normal === '' || segments.some(s => s === '')) throw new SyntaxError('has an empty segment')
  return segments
}

function show(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

export type Plain = Record<string, unknown>

/** A YAML mapping (not a list, not null). */
export function isMap(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isScalar(value: unknown): value is string | number | boolean {
  return ['string', 'number', 'boolean'].includes(typeof value)
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = keep
    }
  }
  return row[b.length]
}

function suggestField(field: string): string | undefined {
  const normal = field.toLowerCase().replace(/[_ ]/g, '-')
  let best: [string, number] | undefined
  for (const f of CHECK_FIELDS) {
    const d = normal === f ? 0 : editDistance(normal, f)
    if (d <= 3 && (!best || d < best[1])) best = [f, d]
  }
  return best?.[0]
}

/** Names one check in messages: `check 2 ("health")` or `check 2 of smoke.yml`. */
class CheckLabel {
  constructor(
    readonly index: number,
    readonly name: string | undefined,
    readonly source: string
  ) {}

  toString(): string {
    const name = this.name ? ` (${show(this.name)})` : ''
    return `check ${this.index + 1}${name}${this.source ? ` of ${this.source}` : ''}`
  }

  error(field: string, problem: string, accepted: string): InputError {
    return new InputError('checks', `has ${problem} in \`${field}\` of ${this}`, accepted)
  }
}

function scalarText(label: CheckLabel, field: string, value: unknown, accepted: string): string {
  if (!isScalar(value)) throw label.error(field, `a ${describeType(value)}`, accepted)
  return String(value)
}

/** How a YAML value that has the wrong type is named in an error. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'missing value'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'object') return 'map'
  return typeof value
}

function stringList(label: CheckLabel, field: string, value: unknown, accepted: string): string[] {
  const items = Array.isArray(value) ? value : [value]
  if (items.length === 0) throw label.error(field, 'an empty list', accepted)
  return items.map(v => {
    const text = scalarText(label, field, v, accepted)
    if (text === '') throw label.error(field, 'an empty string', accepted)
    return text
  })
}

function parseUrl(label: CheckLabel, field: string, text: string): string {
  let parsed: URL | undefined
  try {
    parsed = new URL(text)
  } catch {
    parsed = undefined
  }
  if (
    !parsed ||
    !['http:', 'https:'].includes(parsed.protocol) ||
    /\s/.test(text) ||
    !parsed.hostname
  ) {
    throw label.error(field, `${show(maskUrl(text))}, not an http(s) URL`, URL_FORM)
  }
  return parsed.toString()
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

const BOOL_WORDS: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false
}

/**
 * Parses one check. `typed` is the item as YAML's core schema reads it (numbers, booleans);
 * `text` is the same item with every scalar kept as written, so `expect-version: 1.10` means
 * "1.10" and not the number 1.1.
 */
function parseCheck(
  typed: unknown,
  text: unknown,
  index: number,
  base: string | undefined,
  source: string
): Omit<CheckSpec, 'name'> & { name?: string; defaultName: string } {
  if (typeof text === 'string') {
    // Shorthand: `- /health` or `- https://example.com/health`.
    const key = /^https?:\/\//i.test(text) ? 'url' : 'path'
    return parseCheck({ [key]: text }, { [key]: text }, index, base, source)
  }
  const unnamed = new CheckLabel(index, undefined, source)
  if (!isMap(text) || !isMap(typed)) {
    throw new InputError(
      'checks',
      `has a ${describeType(text)} as ${unnamed}`,
      'each check to be a map of fields, e.g. `- path: /health`'
    )
  }
  const nameText =
    text.name === undefined ? undefined : scalarText(unnamed, 'name', text.name, 'a short name')
  if (
    nameText !== undefined &&
    (nameText.trim() === '' || /[\r\n]/.test(nameText) || nameText.length > 100)
  ) {
    throw unnamed.error('name', show(nameText), 'a one-line name of at most 100 characters')
  }
  const label = new CheckLabel(index, nameText, source)

  for (const field of Object.keys(text)) {
    if (!(CHECK_FIELDS as readonly string[]).includes(field)) {
      const guess = suggestField(field)
      throw new InputError(
        'checks',
        `has an unknown field \`${field}\` in ${label}`,
        guess
          ? `\`${guess}\` (did you mean it?)`
          : `one of ${CHECK_FIELDS.map(f => `\`${f}\``).join(', ')}`
      )
    }
  }

  const methodText =
    text.method === undefined
      ? 'GET'
      : scalarText(label, 'method', text.method, HTTP_METHODS.join(', '))
  const method = methodText.toUpperCase() as HttpMethod
  if (!HTTP_METHODS.includes(method)) {
    throw label.error('method', show(methodText), `one of ${HTTP_METHODS.join(', ')}`)
  }

  let url: string
  let shownPath: string
  if (text.url !== undefined && text.path !== undefined) {
    throw label.error(
      'url',
      'a value next to `path`',
      'either `url` (absolute) or `path` (joined to the `url` input), not both'
    )
  } else if (text.url !== undefined) {
    url = parseUrl(label, 'url', scalarText(label, 'url', text.url, URL_FORM))
    const parsed = new URL(maskUrl(url))
    shownPath = `${parsed.pathname}${parsed.search}`
  } else if (text.path !== undefined) {
    const path = scalarText(label, 'path', text.path, 'a path such as `/health`')
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
      throw label.error(
        'path',
        `${show(maskUrl(path))}, a full URL`,
        'a path such as `/health`; put full URLs in `url`'
      )
    }
    if (path.trim() === '' || /\s/.test(path))
      throw label.error('path', show(path), 'a path such as `/health`, without spaces')
    if (!base) {
      throw label.error(
        'path',
        `${show(path)} but no base URL`,
        'the `url` input set to a base URL (e.g. `https://staging.example.com`), or a full `url` in the check'
      )
    }
    url = joinUrl(base, path)
    const parsed = new URL(maskUrl(url))
    shownPath = `${parsed.pathname}${parsed.search}`
  } else {
    throw new InputError(
      'checks',
      `has no \`url\` or \`path\` in ${label}`,
      '`path: /health` (joined to the `url` input) or `url: https://...`'
    )
  }

  const headers: Record<string, string> = {}
  if (text.headers !== undefined) {
    if (!isMap(text.headers))
      throw label.error(
        'headers',
        `a ${describeType(text.headers)}`,
        'a map of header name to value'
      )
    const seen = new Set<string>()
    for (const [name, value] of Object.entries(text.headers)) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
        throw label.error(
          'headers',
          `the header name ${show(name)}`,
          'header names made of letters, digits and `-`'
        )
      }
      if (seen.has(name.toLowerCase()))
        throw label.error('headers', `${show(name)} twice`, 'each header once')
      seen.add(name.toLowerCase())
      // Values are never echoed: they may be credentials.
      if (!isScalar(value))
        throw label.error(
          'headers',
          `a ${describeType(value)} for ${show(name)}`,
          'a text value per header'
        )
      if (/[\r\n\0]/.test(String(value)))
        throw label.error(
          'headers',
          `a line break in the value of ${show(name)}`,
          'a one-line value'
        )
      headers[name] = String(value)
    }
  }

  let body: string | undefined
  if (text.body !== undefined && text.body !== null) {
    if (method === 'HEAD')
      throw label.error('body', 'a body for a HEAD request', 'no `body` with `method: HEAD`')
    if (isScalar(text.body)) {
      body = String(text.body)
    } else {
      body = JSON.stringify(typed.body)
      if (!Object.keys(headers).some(h => h.toLowerCase() === 'content-type'))
        headers['Content-Type'] = 'application/json'
    }
  }

  let expectStatus: StatusRange
  try {
    const status = text['expect-status'] ?? DEFAULT_STATUS
    if (!isScalar(status) && !(Array.isArray(status) && status.every(isScalar)))
      throw new StatusRangeError(`a ${describeType(status)}`)
    expectStatus = parseStatusRange(status as string | string[])
  } catch (err) {
    if (!(err instanceof StatusRangeError)) throw err
    throw label.error('expect-status', err.message, STATUS_FORM)
  }

  const expectBodyContains =
    text['expect-body-contains'] === undefined
      ? []
      : stringList(
          label,
          'expect-body-contains',
          text['expect-body-contains'],
          'a string or a list of strings'
        )
  const expectBodyRegex =
    text['expect-body-regex'] === undefined
      ? []
      : stringList(label, 'expect-body-regex', text['expect-body-regex'], REGEX_FORM).map(r => {
          try {
            return parseRegex(r)
          } catch (err) {
            throw label.error(
              'expect-body-regex',
              `the bad regular expression ${show(r)} (${(err as Error).message})`,
              REGEX_FORM
            )
          }
        })

  const expectJson: JsonExpectation[] = []
  if (text['expect-json'] !== undefined) {
    const typedJson = typed['expect-json']
    const map = text['expect-json']
    if (!isMap(map) || !isMap(typedJson) || Object.keys(map).length === 0) {
      throw label.error(
        'expect-json',
        `a ${describeType(map)}`,
        'a map of dotted path to value, e.g. `status: ok` or `items.0.id: 7`'
      )
    }
    for (const path of Object.keys(map)) {
      let segments: string[]
      try {
        segments = parseJsonPath(path)
      } catch {
        throw label.error(
          'expect-json',
          `the path ${show(path)}`,
          'a dotted path such as `data.version` or `items.0.id`'
        )
      }
      expectJson.push({ path, segments, expected: typedJson[path], expectedText: map[path] })
    }
  }

  const expectHeader: HeaderExpectation[] = []
  if (text['expect-header'] !== undefined) {
    const map = text['expect-header']
    const accepted = 'a map of header name to a substring or `/regex/`'
    if (!isMap(map) || Object.keys(map).length === 0)
      throw label.error('expect-header', `a ${describeType(map)}`, accepted)
    for (const [name, value] of Object.entries(map)) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
        throw label.error('expect-header', `the header name ${show(name)}`, accepted)
      const expected = value === null ? '' : scalarText(label, 'expect-header', value, accepted)
      let regex: RegExp | undefined
      if (/^\/.+\/[a-z]*$/s.test(expected)) {
        try {
          regex = parseRegex(expected)
        } catch (err) {
          throw label.error(
            'expect-header',
            `the bad regular expression ${show(expected)} for ${name} (${(err as Error).message})`,
            REGEX_FORM
          )
        }
      }
      expectHeader.push({ name: name.toLowerCase(), contains: regex ? '' : expected, regex })
    }
  }

  let maxLatencyMs: number | undefined
  if (text['max-latency-ms'] !== undefined) {
    const value = scalarText(
      label,
      'max-latency-ms',
      text['max-latency-ms'],
      'milliseconds from 1 to 600000'
    )
    maxLatencyMs = Number(value)
    if (!/^\d+(\.\d+)?$/.test(value) || maxLatencyMs < 1 || maxLatencyMs > 600_000) {
      throw label.error('max-latency-ms', show(value), 'milliseconds from 1 to 600000, e.g. `500`')
    }
  }

  let expectVersion: string | undefined
  if (text['expect-version'] !== undefined) {
    expectVersion = scalarText(label, 'expect-version', text['expect-version'], 'a version string')
    if (expectVersion.trim() === '' || /\s/.test(expectVersion) || expectVersion.length > 128) {
      throw label.error(
        'expect-version',
        show(expectVersion),
        'a version string without spaces, e.g. `1.4.2` or a commit SHA'
      )
    }
  }

  let followRedirects = true
  if (text['follow-redirects'] !== undefined) {
    const value = scalarText(
      label,
      'follow-redirects',
      text['follow-redirects'],
      '`true` or `false`'
    )
    if (!Object.hasOwn(BOOL_WORDS, value))
      throw label.error('follow-redirects', show(value), '`true` or `false`')
    followRedirects = BOOL_WORDS[value]
  }

  return {
    name: nameText,
    defaultName: `${method} ${shownPath}`,
    url,
    shownUrl: maskUrl(url),
    method,
    headers,
    body,
    expectStatus,
    expectBodyContains,
    expectBodyRegex,
    expectJson,
    expectHeader,
    maxLatencyMs,
    expectVersion,
    followRedirects
  }
}

/** The one check of a `url` given alone: GET it and expect 2xx. */
export function checkFromUrl(url: string): CheckSpec {
  const check = parseCheck({ url }, { url }, 0, undefined, '')
  const { defaultName, ...rest } = check
  return { ...rest, name: defaultName }
}

function yamlProblem(err: unknown): string {
  if (err instanceof YAMLParseError) return err.message.split('\n')[0].replace(/:$/, '')
  return err instanceof Error ? err.message : String(err)
}

/** `checks` holds a file path when it is one line ending in .yml/.yaml; otherwise inline YAML. */
export function isChecksFile(value: string): boolean {
  return !/[\r\n]/.test(value.trim()) && /\.ya?ml$/i.test(value.trim())
}

function readChecksText(value: string, workspace: string): { text: string; source: string } {
  if (!isChecksFile(value)) return { text: value, source: '' }
  const file = value.trim()
  const full = resolve(workspace, file)
  try {
    return { text: readFileSync(full, 'utf8'), source: file }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const problem =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot be read (${code ?? yamlProblem(err)})`
    throw new InputError(
      'checks',
      `names the file ${show(file)}, which ${problem} (looked at ${full})`,
      CHECKS_FORM
    )
  }
}

export interface ParseChecksOptions {
  /** The `url` input: the base URL, and alone one check expecting 2xx. */
  url?: string
  /** The `checks` input: inline YAML or a path to a YAML file. */
  checks?: string
  /** Directory a relative `checks` file path resolves against. */
  workspace: string
}

/**
 * Builds every check from the `url` and `checks` inputs. Throws InputError (input `checks` or
 * `url`) naming the check and field for anything that is not right, before any request.
 */
export function parseChecks(options: ParseChecksOptions): CheckSpec[] {
  const base = options.url?.trim() || undefined
  if (base) parseUrlInput(base)
  const raw = options.checks?.trim() ? options.checks : undefined
  if (!raw) {
    if (!base)
      throw new InputError(
        'url',
        'is required when `checks` is empty',
        'a base URL (e.g. `https://staging.example.com/health`) or a `checks` list'
      )
    return [checkFromUrl(base)]
  }
  const { text, source } = readChecksText(raw, options.workspace)
  let typed: unknown
  let texts: unknown
  try {
    typed = parse(text)
    texts = parse(text, { schema: 'failsafe' })
  } catch (err) {
    throw new InputError(
      'checks',
      `is not valid YAML${source ? ` in ${source}` : ''} (${yamlProblem(err)})`,
      CHECKS_FORM
    )
  }
  if (!Array.isArray(typed) || !Array.isArray(texts)) {
    throw new InputError(
      'checks',
      `is a ${describeType(typed)}${source ? ` in ${source}` : ''}, not a list`,
      CHECKS_FORM
    )
  }
  if (typed.length === 0)
    throw new InputError('checks', `is an empty list${source ? ` in ${source}` : ''}`, CHECKS_FORM)
  if (typed.length > MAX_CHECKS)
    throw new InputError('checks', `has ${typed.length} checks`, `at most ${MAX_CHECKS} checks`)

  const parsed = typed.map((item, i) => parseCheck(item, texts[i], i, base, source))
  const names = new Map<string, number>()
  for (const [i, c] of parsed.entries()) {
    if (c.name === undefined) continue
    const other = names.get(c.name)
    if (other !== undefined) {
      throw new InputError(
        'checks',
        `names ${show(c.name)} twice (checks ${other + 1} and ${i + 1})`,
        'a unique `name` per check'
      )
    }
    names.set(c.name, i)
  }
  // Unnamed checks are called after their request; two of the same get the full URL, then a number.
  const taken = new Set(names.keys())
  return parsed.map(({ defaultName, ...c }) => {
    let name = c.name ?? defaultName
    if (c.name === undefined && taken.has(name)) name = `${c.method} ${c.shownUrl}`
    for (let n = 2; c.name === undefined && taken.has(name); n++)
      name = `${c.method} ${c.shownUrl} (${n})`
    taken.add(name)
    return { ...c, name }
  })
}

function parseUrlInput(value: string): void {
  let parsed: URL | undefined
  try {
    parsed = new URL(value)
  } catch {
    parsed = undefined
  }
  if (
    !parsed ||
    !['http:', 'https:'].includes(parsed.protocol) ||
    /\s/.test(value) ||
    !parsed.hostname
  ) {
    throw new InputError('url', `is ${show(maskUrl(value))}`, URL_FORM)
  }
}

/** Registers every credential the checks carry, before anything about them is logged. */
export function maskCheckSecrets(
  checks: readonly CheckSpec[],
  secrets: { add(value: string): void }
): void {
  for (const check of checks) for (const secret of checkSecrets(check)) secrets.add(secret)
}
