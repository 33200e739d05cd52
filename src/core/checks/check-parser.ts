import { InputError } from '../errors.js'
import {
  CHECK_FIELDS,
  checkField,
  HTTP_METHODS,
  REGEX_FORM,
  URL_FORM,
  type CheckFieldName
} from './check-fields.js'
import {
  joinUrl,
  type CheckSpec,
  type HeaderExpectation,
  type HttpMethod,
  type JsonExpectation
} from './check-spec.js'
import { CHECKS_FORM, readChecksDocument } from './checks-document.js'
import { maskUrl } from './credential-masking.js'
import { parseStatusRange, StatusRangeError, type StatusRange } from './status-range.js'
import {
  BOOL_WORDS,
  CheckLabel,
  describeType,
  isMap,
  isScalar,
  parseJsonPath,
  parseRegex,
  scalarText,
  show,
  stringList,
  suggestField
} from './yaml-fields.js'

/**
 * The checks smoke-test and status-check run: parsed and validated in full before
 * any request is sent, so a typo fails the step at once with one line naming the check and
 * the field instead of after a two-minute readiness wait.
 */

const MAX_CHECKS = 1000

/** The accepted form of a field, as docs/checks.md states it. */
const form = (field: CheckFieldName): string => checkField(field).type
/** A field's default from the table (only read for fields that have one). */
const fallback = (field: CheckFieldName): string => checkField(field).default ?? ''

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
    text.name === undefined ? undefined : scalarText(unnamed, 'name', text.name, form('name'))
  if (
    nameText !== undefined &&
    (nameText.trim() === '' || /[\r\n]/.test(nameText) || nameText.length > 100)
  ) {
    throw unnamed.error('name', show(nameText), form('name'))
  }
  const label = new CheckLabel(index, nameText, source)

  for (const field of Object.keys(text)) {
    if (!(CHECK_FIELDS as readonly string[]).includes(field)) {
      const guess = suggestField(field, CHECK_FIELDS)
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
      ? fallback('method')
      : scalarText(label, 'method', text.method, form('method'))
  const method = methodText.toUpperCase() as HttpMethod
  if (!HTTP_METHODS.includes(method)) throw label.error('method', show(methodText), form('method'))

  let url: string
  let shownPath: string
  if (text.url !== undefined && text.path !== undefined) {
    throw label.error(
      'url',
      'a value next to `path`',
      'either `url` (absolute) or `path` (joined to the `url` input), not both'
    )
  } else if (text.url !== undefined) {
    url = parseUrl(label, 'url', scalarText(label, 'url', text.url, form('url')))
    const parsed = new URL(maskUrl(url))
    shownPath = `${parsed.pathname}${parsed.search}`
  } else if (text.path !== undefined) {
    const path = scalarText(label, 'path', text.path, form('path'))
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
      throw label.error(
        'path',
        `${show(maskUrl(path))}, a full URL`,
        'a path such as `/health`; put full URLs in `url`'
      )
    }
    if (path.trim() === '' || /\s/.test(path)) throw label.error('path', show(path), form('path'))
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
      throw label.error('headers', `a ${describeType(text.headers)}`, form('headers'))
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
    const status = text['expect-status'] ?? fallback('expect-status')
    if (!isScalar(status) && !(Array.isArray(status) && status.every(isScalar)))
      throw new StatusRangeError(`a ${describeType(status)}`)
    expectStatus = parseStatusRange(status as string | string[])
  } catch (err) {
    if (!(err instanceof StatusRangeError)) throw err
    throw label.error('expect-status', err.message, form('expect-status'))
  }

  const expectBodyContains =
    text['expect-body-contains'] === undefined
      ? []
      : stringList(
          label,
          'expect-body-contains',
          text['expect-body-contains'],
          form('expect-body-contains')
        )
  const expectBodyRegex =
    text['expect-body-regex'] === undefined
      ? []
      : stringList(
          label,
          'expect-body-regex',
          text['expect-body-regex'],
          form('expect-body-regex')
        ).map(r => {
          try {
            return parseRegex(r)
          } catch (err) {
            throw label.error(
              'expect-body-regex',
              `the bad regular expression ${show(r)} (${(err as Error).message})`,
              form('expect-body-regex')
            )
          }
        })

  const expectJson: JsonExpectation[] = []
  if (text['expect-json'] !== undefined) {
    const typedJson = typed['expect-json']
    const map = text['expect-json']
    if (!isMap(map) || !isMap(typedJson) || Object.keys(map).length === 0) {
      throw label.error('expect-json', `a ${describeType(map)}`, form('expect-json'))
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
    const accepted = form('expect-header')
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
      form('max-latency-ms')
    )
    maxLatencyMs = Number(value)
    if (!/^\d+(\.\d+)?$/.test(value) || maxLatencyMs < 1 || maxLatencyMs > 600_000) {
      throw label.error('max-latency-ms', show(value), form('max-latency-ms'))
    }
  }

  let expectVersion: string | undefined
  if (text['expect-version'] !== undefined) {
    expectVersion = scalarText(
      label,
      'expect-version',
      text['expect-version'],
      form('expect-version')
    )
    if (expectVersion.trim() === '' || /\s/.test(expectVersion) || expectVersion.length > 128) {
      throw label.error('expect-version', show(expectVersion), form('expect-version'))
    }
  }

  const redirects =
    text['follow-redirects'] === undefined
      ? fallback('follow-redirects')
      : scalarText(label, 'follow-redirects', text['follow-redirects'], form('follow-redirects'))
  if (!Object.hasOwn(BOOL_WORDS, redirects))
    throw label.error('follow-redirects', show(redirects), form('follow-redirects'))
  const followRedirects = BOOL_WORDS[redirects]

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
  const { typed, texts, source } = readChecksDocument(raw, options.workspace)
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
