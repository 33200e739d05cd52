import { InputError } from '../errors.js'
import type { LedgerKind } from '../ledger/ledger.js'
import type { InputReader } from './input-reader.js'
import { showValue } from './input-reader.js'

/** What the edge (action or CLI) knows about where it runs; used for defaults. */
export interface RunDefaults {
  /** True inside GitHub Actions. */
  insideActions: boolean
  /** The run's commit SHA, if known. */
  sha?: string
  /** owner/name of the repository, for the github ledger. */
  repository?: string
  /** A person started this run by hand (workflow_dispatch, or the CLI outside CI). */
  manual?: boolean
}

/** Inputs every step has: environment, token, ledger, ledger-file, dry-run. */
export interface CommonSettings {
  /** GitHub environment name; '' when the step does not need one. */
  environment: string
  /** Token for the Deployments API ('' when not given). */
  token: string
  /** Where deploy history lives. */
  ledger: LedgerKind
  /** Path of the JSON ledger (ledger: file). */
  ledgerFile: string
  /** Print the plan; change nothing. */
  dryRun: boolean
  /** owner/name for the github ledger. */
  repository: string
}

/**
 * GitHub allows most characters in environment names; we accept the ones people use so a name
 * can never carry shell syntax, a newline or a path trick into a log or a file name.
 */
export const ENVIRONMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/
const ENVIRONMENT_FORM =
  'letters, digits, `.`, `_`, `-` and `/`, starting with a letter or digit, with no `.`, `..` or empty part between slashes and no trailing `/` (e.g. `staging` or `eu/prod`)'

/**
 * Scripts get the name as $SHIPRAIL_ENVIRONMENT and put it in paths and namespaces, so a name
 * must not walk out of them: `a/../../etc`, `a//b`, `a/./b` and `a/` are refused.
 */
function isSafeEnvironmentName(value: string): boolean {
  return (
    ENVIRONMENT_PATTERN.test(value) &&
    value.split('/').every(part => part !== '' && part !== '.' && part !== '..')
  )
}

export function parseEnvironment(reader: InputReader, name: string, required: boolean): string {
  const value = reader.string(name)
  if (value === '') {
    if (required)
      throw new InputError(name, 'is required', `an environment name: ${ENVIRONMENT_FORM}`)
    return ''
  }
  if (!isSafeEnvironmentName(value)) {
    throw new InputError(name, `is ${showValue(value)}`, `an environment name: ${ENVIRONMENT_FORM}`)
  }
  return value
}

export function parseCommon(
  reader: InputReader,
  defaults: RunDefaults,
  environmentRequired: boolean
): CommonSettings {
  const environment = parseEnvironment(reader, 'environment', environmentRequired)
  const ledger = reader.has('ledger')
    ? reader.oneOf<LedgerKind>('ledger', ['github', 'file', 'none'])
    : defaults.insideActions
      ? 'github'
      : 'file'
  const token = reader.string('token')
  const repository = defaults.repository ?? ''
  if (ledger === 'github' && !reader.bool('dry-run')) {
    if (token === '') {
      throw new InputError(
        'token',
        'is required with `ledger: github`',
        'a token with `deployments: write` (default `${{ github.token }}`)'
      )
    }
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
      throw new InputError(
        'ledger',
        'is `github` but the repository is unknown',
        '`file` or `none` outside GitHub Actions, or GITHUB_REPOSITORY=owner/name'
      )
    }
  }
  const ledgerFile = reader.string('ledger-file')
  if (/[\0\n\r]/.test(ledgerFile)) {
    throw new InputError('ledger-file', `is ${showValue(ledgerFile)}`, 'a file path')
  }
  return { environment, token, ledger, ledgerFile, dryRun: reader.bool('dry-run'), repository }
}
