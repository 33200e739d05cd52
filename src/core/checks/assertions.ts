import { showExpected, type CheckSpec } from './check-spec.js'
import { isCredentialHeader, maskUrl } from './credential-masking.js'
import { MAX_BODY_BYTES, type ProbeResult } from './http-probe.js'
import { statusMatches } from './status-range.js'

/**
 * Judges one probe result against one check. Pure: no I/O, no clock, so every rule is tested
 * table-driven, and smoke-test and status-check judge a response the same way.
 */

export interface Evaluation {
  ok: boolean
  /** Why it failed, in plain words; empty when ok. */
  reasons: string[]
}

function show(value: unknown, max = 60): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  return text.length > max ? `${text.slice(0, max - 3)}...` : text
}

type Plain = Record<string, unknown>

function isMap(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function scalarText(value: unknown): string | undefined {
  return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : undefined
}

/** The value at a path of keys and indexes, or `missing`. */
export function jsonAt(
  root: unknown,
  segments: readonly string[]
): { found: boolean; value?: unknown } {
  let current = root
  for (const segment of segments) {
    if (Array.isArray(current) && /^\d+$/.test(segment) && Number(segment) < current.length) {
      current = current[Number(segment)]
    } else if (isMap(current) && Object.hasOwn(current, segment)) {
      current = current[segment]
    } else {
      return { found: false }
    }
  }
  return { found: true, value: current }
}

/**
 * Whether a JSON value matches what YAML said. Scalars also match by text, so `version: 1.10`
 * matches "1.10" and `count: "3"` matches 3; a map matches when it has the keys given (others
 * may exist); a list must match item by item.
 */
export function jsonMatches(actual: unknown, expected: unknown, expectedText?: unknown): boolean {
  if (Array.isArray(expected)) {
    const texts = Array.isArray(expectedText) ? expectedText : []
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => jsonMatches(actual[i], e, texts[i]))
    )
  }
  if (isMap(expected)) {
    const texts = isMap(expectedText) ? expectedText : {}
    return (
      isMap(actual) &&
      Object.entries(expected).every(
        ([k, e]) => Object.hasOwn(actual, k) && jsonMatches(actual[k], e, texts[k])
      )
    )
  }
  if (expected === null || expected === undefined) return actual === null
  if (actual === expected) return true
  const text = scalarText(actual)
  // What the user wrote decides: `version: 1.10` must not pass for "1.1".
  return (
    text !== undefined &&
    text === (typeof expectedText === 'string' ? expectedText : scalarText(expected))
  )
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g

/**
 * Whether text carries a version as a whole token: expecting `1.2` does not match `1.2.3` or
 * `11.2`, so the old revision cannot pass for the new one. A leading `v` is allowed. A hex
 * version (a short commit SHA) also matches the start of a longer SHA, case-insensitively.
 */
export function containsVersion(text: string, version: string): boolean {
  const escaped = version.replace(REGEX_SPECIAL, '\\$&')
  const sha = /^[0-9a-f]{7,40}$/i.test(version)
  const after = sha ? '(?![g-zG-Z_+-]|\\.[0-9A-Za-z])' : '(?![0-9A-Za-z_+-]|\\.[0-9A-Za-z])'
  const pattern = new RegExp(
    `(?<![0-9A-Za-z_.+-])(?:[vV](?=[0-9]))?${escaped}${after}`,
    sha ? 'i' : ''
  )
  return pattern.test(text)
}

/** What the reply says its version is, for a failed expect-version: "x-version: 1.1". */
function versionHint(headers: Record<string, string>, json: unknown): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (/version|revision|commit|build|sha/i.test(name) && !isCredentialHeader(name)) {
      return `${name}: ${value.slice(0, 60)}`
    }
  }
  if (isMap(json)) {
    for (const key of ['version', 'revision', 'commit', 'sha', 'build']) {
      const text = scalarText(json[key])
      if (text !== undefined) return `${key}: ${text.slice(0, 60)}`
    }
  }
  return undefined
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch {
    return { ok: false }
  }
}

/** Judges a probe result against a check: status, body, JSON, headers, latency and version. */
export function evaluate(check: CheckSpec, result: ProbeResult): Evaluation {
  if (result.type === 'error') return { ok: false, reasons: [result.message] }
  const reasons: string[] = []
  const { status, headers, body, truncated } = result
  const cut = truncated ? ` (only the first ${MAX_BODY_BYTES / 1024 / 1024} MiB was read)` : ''

  if (!statusMatches(check.expectStatus, status)) {
    const location =
      status >= 300 && status < 400 && headers.location
        ? ` (redirect to ${maskUrl(headers.location)})`
        : ''
    reasons.push(`expected status ${check.expectStatus.text}, got ${status}${location}`)
  }
  for (const text of check.expectBodyContains) {
    if (!body.includes(text)) reasons.push(`body does not contain ${show(text)}${cut}`)
  }
  for (const regex of check.expectBodyRegex) {
    if (!regex.test(body)) reasons.push(`body does not match ${String(regex)}${cut}`)
  }

  let json: unknown
  const needJson = check.expectJson.length > 0 || check.expectVersion !== undefined
  const parsed = needJson && !truncated ? parseJson(body) : { ok: false as const }
  if (parsed.ok) json = parsed.value
  if (check.expectJson.length > 0) {
    if (truncated) {
      reasons.push('body is over 1 MiB, so it was not read as JSON')
    } else if (!parsed.ok) {
      reasons.push(
        `body is not JSON (starts with ${show(body.slice(0, 40), 50)}), so expect-json cannot hold`
      )
    } else {
      for (const e of check.expectJson) {
        const at = jsonAt(json, e.segments)
        if (!at.found) reasons.push(`json ${e.path}: missing`)
        else if (!jsonMatches(at.value, e.expected, e.expectedText)) {
          reasons.push(`json ${e.path}: expected ${showExpected(e)}, got ${show(at.value)}`)
        }
      }
    }
  }

  for (const e of check.expectHeader) {
    const value = headers[e.name]
    const shown = isCredentialHeader(e.name) ? '"***"' : show(value ?? '')
    if (value === undefined) reasons.push(`header ${e.name} missing`)
    else if (e.regex && !e.regex.test(value))
      reasons.push(`header ${e.name}: ${shown} does not match ${String(e.regex)}`)
    else if (!e.regex && !value.includes(e.contains)) {
      const wanted = isCredentialHeader(e.name) ? '"***"' : show(e.contains)
      reasons.push(`header ${e.name}: expected to contain ${wanted}, got ${shown}`)
    }
  }

  if (check.maxLatencyMs !== undefined && result.latencyMs > check.maxLatencyMs) {
    reasons.push(`latency ${Math.round(result.latencyMs)} ms over max ${check.maxLatencyMs} ms`)
  }

  if (check.expectVersion !== undefined) {
    const inHeaders = Object.values(headers).some(v =>
      containsVersion(v, check.expectVersion as string)
    )
    if (!inHeaders && !containsVersion(body, check.expectVersion)) {
      const hint = versionHint(headers, json)
      reasons.push(
        `version ${check.expectVersion} not found in body or headers${hint ? ` (${hint})` : ''}${cut}`
      )
    }
  }

  return { ok: reasons.length === 0, reasons }
}
