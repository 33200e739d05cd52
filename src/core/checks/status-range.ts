/**
 * Which HTTP status codes a check accepts: codes, ranges and lists, written the way people
 * write them in YAML (`200`, `200-299`, `2xx`, `200,204,301-302`, or a YAML list of those).
 */
export interface StatusRange {
  /** Inclusive [low, high] pairs. */
  ranges: [number, number][]
  /** Canonical text for messages, e.g. `200-299` or `200, 204, 301-302`. */
  text: string
}

export const STATUS_FORM =
  'a status code (`200`), a range (`200-299` or `2xx`) or a list (`200,204,301-302`)'

export const DEFAULT_STATUS = '200-299'

/** Why a status text was refused; the caller names the check and field. */
export class StatusRangeError extends Error {
  override name = 'StatusRangeError'
}

function code(text: string, whole: string): number {
  if (!/^\d{3}$/.test(text)) {
    throw new StatusRangeError(
      `${JSON.stringify(whole)} (${JSON.stringify(text)} is not a status code)`
    )
  }
  const n = Number(text)
  if (n < 100 || n > 599)
    throw new StatusRangeError(`${JSON.stringify(whole)} (${n} is outside 100-599)`)
  return n
}

function parsePart(part: string, whole: string): [number, number] {
  const xx = /^([1-5])xx$/i.exec(part)
  if (xx) return [Number(xx[1]) * 100, Number(xx[1]) * 100 + 99]
  const dash = part.split('-').map(s => s.trim())
  if (dash.length === 1) {
    const n = code(dash[0], whole)
    return [n, n]
  }
  if (dash.length !== 2) {
    throw new StatusRangeError(`${JSON.stringify(whole)} (${JSON.stringify(part)} is not a range)`)
  }
  const [low, high] = [code(dash[0], whole), code(dash[1], whole)]
  if (low > high)
    throw new StatusRangeError(`${JSON.stringify(whole)} (the range ${part} runs backwards)`)
  return [low, high]
}

function describe(ranges: [number, number][]): string {
  return ranges.map(([low, high]) => (low === high ? String(low) : `${low}-${high}`)).join(', ')
}

/** Parses a status expectation; throws StatusRangeError saying what is wrong. */
export function parseStatusRange(
  value: string | number | readonly (string | number)[]
): StatusRange {
  const items = Array.isArray(value) ? value : [value]
  const whole = items.map(String).join(',')
  const parts = items
    .flatMap(item => String(item).split(','))
    .map(s => s.trim())
    .filter(s => s !== '')
  if (parts.length === 0) throw new StatusRangeError('an empty value')
  const ranges = parts.map(p => parsePart(p, whole))
  return { ranges, text: describe(ranges) }
}

export function statusMatches(range: StatusRange, status: number): boolean {
  return range.ranges.some(([low, high]) => status >= low && status <= high)
}
