import { InputError } from '../errors.js'

/**
 * Reading hand-written YAML fields: type checks that name what was found instead, values shown
 * short in errors, regular expressions and JSON paths as users write them, and a label that
 * names one list item in every message.
 */

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

export function show(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

export type Plain = Record<string, unknown>

/** A YAML mapping (not a list, not null). */
export function isMap(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isScalar(value: unknown): value is string | number | boolean {
  return ['string', 'number', 'boolean'].includes(typeof value)
}

export function editDistance(a: string, b: string): number {
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

/** The field of `fields` closest to a misspelt one (`expect_status`, `expct-status`). */
export function suggestField(field: string, fields: readonly string[]): string | undefined {
  const normal = field.toLowerCase().replace(/[_ ]/g, '-')
  let best: [string, number] | undefined
  for (const f of fields) {
    const d = normal === f ? 0 : editDistance(normal, f)
    if (d <= 3 && (!best || d < best[1])) best = [f, d]
  }
  return best?.[0]
}

/** Names one check in messages: `check 2 ("health")` or `check 2 of smoke.yml`. */
export class CheckLabel {
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

export function scalarText(
  label: CheckLabel,
  field: string,
  value: unknown,
  accepted: string
): string {
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

export function stringList(
  label: CheckLabel,
  field: string,
  value: unknown,
  accepted: string
): string[] {
  const items = Array.isArray(value) ? value : [value]
  if (items.length === 0) throw label.error(field, 'an empty list', accepted)
  return items.map(v => {
    const text = scalarText(label, field, v, accepted)
    if (text === '') throw label.error(field, 'an empty string', accepted)
    return text
  })
}

export const BOOL_WORDS: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false
}
