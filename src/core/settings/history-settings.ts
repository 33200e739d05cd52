import { InputError } from '../errors.js'
import type { RawInputs } from '../inputs.js'
import { parseCommon, type CommonSettings, type RunDefaults } from './common.js'
import { InputReader, showValue } from './input-reader.js'

/** The start of the window `since` asks for: a duration back from now, or a fixed date. */
export type SinceWindow = { text: string; durationMs: number } | { text: string; from: Date }

export interface HistorySettings extends CommonSettings {
  /** Also compute the four delivery metrics. */
  metrics: boolean
  /** Only deployments created in this window; undefined means all of the history. */
  since?: SinceWindow
}

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const
const SINCE_FORM = 'a duration like `30d`, `12h` or `2w`, or a date like `2026-11-01`'

export function parseSince(value: string): SinceWindow | undefined {
  if (value === '') return undefined
  const duration = /^([1-9][0-9]{0,4})([hdw])$/.exec(value)
  if (duration) {
    return {
      text: value,
      durationMs: Number(duration[1]) * UNIT_MS[duration[2] as 'h' | 'd' | 'w']
    }
  }
  const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)
    ? new Date(value)
    : undefined
  if (!date || Number.isNaN(date.getTime())) {
    throw new InputError('since', `is ${showValue(value)}`, SINCE_FORM)
  }
  return { text: value, from: date }
}

/** When the window starts, given the time now. */
export function windowStart(since: SinceWindow, now: Date): Date {
  return 'from' in since ? since.from : new Date(now.getTime() - since.durationMs)
}

export function parseHistorySettings(raw: RawInputs, defaults: RunDefaults): HistorySettings {
  const reader = new InputReader(raw)
  const common = parseCommon(reader, defaults, true)
  if (common.ledger === 'none') {
    throw new InputError('ledger', 'is `none`, but history needs a ledger', '`github` or `file`')
  }
  return {
    ...common,
    metrics: reader.bool('metrics'),
    since: parseSince(reader.string('since'))
  }
}
