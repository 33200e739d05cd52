import { InputError } from '../errors.js'
import type { RawInputs } from '../inputs.js'
import { parseCommon, type CommonSettings, type RunDefaults } from './common.js'
import {
  isProductionName,
  parseDriver,
  VERSION_FORM,
  VERSION_PATTERN,
  type DriverSettings
} from './deploy-settings.js'
import { InputReader, showValue } from './input-reader.js'

export interface RollbackSettings extends CommonSettings {
  /** Version to return to; '' picks the newest known-good one. */
  toVersion: string
  /** Why; recorded in the ledger. '' lets the step say who rolled back and how. */
  reason: string
  /** Allow a to-version that never deployed here or is marked bad. */
  force: boolean
  /** Whether the environment counts as production (a rollback by hand must say why). */
  productionEnvironment: boolean
  /** Shown on the Environments page. */
  environmentUrl?: string
  /** Webhook (secret) told about the outcome. */
  notifyUrl?: string
  /** How the target is put live again. */
  driver: DriverSettings
}

export function parseRollbackSettings(raw: RawInputs, defaults: RunDefaults): RollbackSettings {
  const reader = new InputReader(raw)
  const common = parseCommon(reader, defaults, true)
  const toVersion = reader.string('to-version')
  if (toVersion && !VERSION_PATTERN.test(toVersion)) {
    throw new InputError('to-version', `is ${showValue(toVersion)}`, VERSION_FORM)
  }
  const reason = reader.text('reason').replace(/\s+/g, ' ').trim()
  if (reason.length > 500)
    throw new InputError('reason', 'is longer than 500 characters', 'a short sentence')
  const production = reader.has('production-environment')
    ? reader.bool('production-environment')
    : isProductionName(common.environment)
  if (common.ledger === 'none') {
    throw new InputError(
      'ledger',
      'is `none`, but rollback needs the history',
      '`github` or `file`'
    )
  }
  return {
    ...common,
    toVersion,
    reason,
    force: reader.bool('force'),
    productionEnvironment: production,
    environmentUrl: reader.url('environment-url'),
    notifyUrl: reader.url('notify-url', true),
    driver: parseDriver(reader, 'rollback')
  }
}
