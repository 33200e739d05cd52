import { parseChecks } from '../checks/check-parser.js'
import type { CheckSpec } from '../checks/check-spec.js'
import { InputError } from '../errors.js'
import type { RawInputs } from '../inputs.js'
import { RECORD_VERDICT_MODES, type RecordVerdictMode } from '../ledger/verdict.js'
import { parseCommon, type CommonSettings, type RunDefaults } from './common.js'
import { InputReader } from './input-reader.js'

export interface SmokeTestSettings extends CommonSettings {
  /** Base URL checks with a `path` are joined to ('' when not given). */
  url: string
  /** Every check, validated; a `url` given alone is one GET check expecting 2xx. */
  checks: CheckSpec[]
  /** Overall deadline for all checks, in ms (input `timeout`, seconds). */
  timeoutMs: number
  /** Limit for one request, in ms (input `request-timeout`, seconds). */
  requestTimeoutMs: number
  /** First wait after a failed attempt, in ms; then exponential with jitter. */
  retryIntervalMs: number
  /** Passes in a row a check needs. */
  consecutiveSuccesses: number
  /** Checks run at once. */
  concurrency: number
  /** When the verdict goes on the live deployment: `auto` only if this run created it. */
  recordVerdict: RecordVerdictMode
}

/** Reads and validates every smoke-test input; nothing is sent before this succeeds. */
export function parseSmokeTestSettings(
  raw: RawInputs,
  defaults: RunDefaults,
  workspace: string
): SmokeTestSettings {
  const reader = new InputReader(raw)
  const common = parseCommon(reader, defaults, false)
  const url = reader.url('url') ?? ''
  const checksText = reader.text('checks')
  if (url === '' && checksText.trim() === '') {
    throw new InputError(
      'url',
      'and `checks` are both empty',
      'a `url` to GET (expects 2xx), or a `checks` list, or both (then `path` in a check is joined to `url`)'
    )
  }
  const timeoutMs = reader.int('timeout', 1, 3600) * 1000
  const requestTimeoutMs = reader.int('request-timeout', 1, 600) * 1000
  const retryIntervalMs = Math.round(reader.number('retry-interval', 0.1, 60) * 1000)
  const consecutiveSuccesses = reader.int('consecutive-successes', 1, 100)
  const concurrency = reader.int('concurrency', 1, 100)
  return {
    ...common,
    url,
    checks: parseChecks({ url, checks: checksText, workspace }),
    timeoutMs,
    requestTimeoutMs,
    retryIntervalMs,
    consecutiveSuccesses,
    concurrency,
    recordVerdict: reader.oneOf('record-verdict', RECORD_VERDICT_MODES)
  }
}
