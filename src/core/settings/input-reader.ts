import { InputError } from '../errors.js'
import { inputDef, type RawInputs } from '../inputs.js'

/** Shows a bad value in an error without letting it break the line or run on. */
export function showValue(value: string): string {
  const shown = JSON.stringify(value)
  return shown.length > 60 ? `${shown.slice(0, 57)}..."` : shown
}

/** C0 controls other than tab and line breaks, DEL, and the C1 controls (ESC's 8-bit twins). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

/**
 * Every input, before any is used: a control character in a `reason` or a version would reach
 * the terminal (ESC rewrites what a reader sees), the ledger, the summary and the webhook. The
 * value is never echoed: the input may be a secret.
 */
export function refuseControlCharacters(raw: RawInputs): void {
  for (const [name, value] of Object.entries(raw)) {
    const at = value?.search(CONTROL) ?? -1
    if (at < 0) continue
    const code = (value as string).charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')
    throw new InputError(
      name,
      `has the control character U+${code} at character ${at + 1}`,
      'text without control characters (tabs and line breaks are fine)'
    )
  }
}

/**
 * Reads raw input values (from INPUT_* or CLI flags) with the defaults of the input table.
 * Every method throws InputError naming the input, the problem and the accepted form.
 */
export class InputReader {
  constructor(private readonly raw: RawInputs) {
    refuseControlCharacters(raw)
  }

  /** The trimmed value, or the input's default, or ''. */
  string(name: string): string {
    const given = (this.raw[name] ?? '').trim()
    if (given !== '') return given
    return inputDef(name)?.default ?? ''
  }

  /** The value exactly as given (multi-line scripts keep their indentation). */
  text(name: string): string {
    const given = this.raw[name] ?? ''
    return given.trim() === '' ? (inputDef(name)?.default ?? '') : given
  }

  has(name: string): boolean {
    return (this.raw[name] ?? '').trim() !== ''
  }

  required(name: string, accepted: string, why = ''): string {
    const value = this.string(name)
    if (value === '') throw new InputError(name, `is required${why}`, accepted)
    return value
  }

  /** YAML 1.2 core schema booleans, as @actions/core getBooleanInput accepts. */
  bool(name: string): boolean {
    const value = this.string(name)
    if (['true', 'True', 'TRUE'].includes(value)) return true
    if (['false', 'False', 'FALSE'].includes(value)) return false
    throw new InputError(name, `is ${showValue(value)}`, '`true` or `false`')
  }

  optionalBool(name: string): boolean | undefined {
    return this.has(name) || inputDef(name)?.default ? this.bool(name) : undefined
  }

  int(name: string, min: number, max: number): number {
    const value = this.string(name)
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InputError(name, `is ${showValue(value)}`, `a whole number from ${min} to ${max}`)
    }
    return Number(value)
  }

  optionalNumber(name: string, min: number, max: number): number | undefined {
    return this.string(name) === '' ? undefined : this.number(name, min, max)
  }

  number(name: string, min: number, max: number): number {
    const value = this.string(name)
    const n = Number(value)
    if (value === '' || !/^[0-9.eE+-]+$/.test(value) || !Number.isFinite(n) || n < min || n > max) {
      throw new InputError(name, `is ${showValue(value)}`, `a number from ${min} to ${max}`)
    }
    return n
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T {
    const value = this.string(name)
    if (!(values as readonly string[]).includes(value)) {
      throw new InputError(
        name,
        `is ${showValue(value)}`,
        `one of ${values.map(v => `\`${v}\``).join(', ')}`
      )
    }
    return value as T
  }

  matching(name: string, pattern: RegExp, accepted: string): string {
    const value = this.string(name)
    if (!pattern.test(value)) throw new InputError(name, `is ${showValue(value)}`, accepted)
    return value
  }

  /** An http(s) URL. Secret URLs are never echoed back in the error. */
  url(name: string, secret = false): string | undefined {
    const value = this.string(name)
    if (value === '') return undefined
    let parsed: URL | undefined
    try {
      parsed = new URL(value)
    } catch {
      parsed = undefined
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || /\s/.test(value)) {
      const shown = secret
        ? 'not a valid URL (value hidden: it is a secret)'
        : `is ${showValue(value)}`
      throw new InputError(name, secret ? `is ${shown}` : shown, 'an http:// or https:// URL')
    }
    return value
  }
}
