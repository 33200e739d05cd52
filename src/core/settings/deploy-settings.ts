import { InputError } from '../errors.js'
import type { RawInputs } from '../inputs.js'
import { parseCommon, parseEnvironment, type CommonSettings, type RunDefaults } from './common.js'
import { parseContainersDriver, type ContainersDriverSettings } from './containers-settings.js'
import { InputReader, showValue } from './input-reader.js'

export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/
export const VERSION_FORM =
  '`[A-Za-z0-9][A-Za-z0-9._+-]{0,127}` (e.g. `1.4.2`, `a1b2c3d`, `v2.0.0-rc.1`)'

/** A deploy target of the releases driver. */
export interface HostSpec {
  /** As written by the user, for messages. */
  label: string
  /** True for `local`: this machine's filesystem, no SSH. */
  local: boolean
  user?: string
  host: string
  port?: number
}

/** Inputs of the command driver. */
export interface CommandDriverSettings {
  kind: 'command'
  /** Bash script that deploys $SHIPRAIL_VERSION. */
  run: string
  /** Script used by rollback; '' means `run`. */
  rollbackRun: string
  /** Seconds the script may run. */
  timeoutSeconds: number
  /** Seconds to wait for another deploy holding the environment. */
  lockTimeoutSeconds: number
}

/** One entry of shared-files / shared-dirs: a path inside the release, without a trailing slash. */
export interface SharedPath {
  path: string
  /** A missing shared file fails the deploy; a missing directory is created. */
  kind: 'file' | 'dir'
}

/** Inputs of the releases driver. */
export interface ReleasesDriverSettings {
  kind: 'releases'
  /** Directory or .tar.gz/.tgz on the runner (deploy only; '' for rollback). */
  source: string
  /** Where to deploy. */
  hosts: HostSpec[]
  /** Deploy root on every host. */
  path: string
  /** Private key (secret), '' for the agent or default keys. */
  sshKey: string
  /** known_hosts lines. */
  knownHosts: string
  /** Verify host keys (default true). */
  strictHostKeyChecking: boolean
  /** Releases kept per host. */
  keepReleases: number
  /** Files and directories linked from <path>/shared into each release. */
  shared: SharedPath[]
  /** The deprecated `shared-paths` input was given (the driver warns). */
  sharedPathsInput: boolean
  /** Run in the new release before the switch. */
  beforeSwitch: string
  /** Run once, on the first host, after its beforeSwitch and before the other hosts' (migrations). */
  beforeSwitchOnce: string
  /** Run after the switch. */
  afterSwitch: string
  /** Hosts worked on at once. */
  parallel: number
  /** Seconds to wait for another deploy's lock. */
  lockTimeoutSeconds: number
}

export type DriverSettings =
  CommandDriverSettings | ReleasesDriverSettings | ContainersDriverSettings

export interface DeploySettings extends CommonSettings {
  /** Label of what is deployed. */
  version: string
  /** Full 40-hex commit SHA, or '' when unknown and not needed. */
  ref: string
  /** Shown on the Environments page. */
  environmentUrl?: string
  /** Whether GitHub should treat the environment as production. */
  productionEnvironment: boolean
  /** Webhook (secret) told about the outcome. */
  notifyUrl?: string
  /** Environment where this version must already be verified. */
  promoteFrom: string
  /** How the version is put live. */
  driver: DriverSettings
}

const HOST_PATTERN =
  /^(?:(?<user>[A-Za-z_][A-Za-z0-9._-]{0,31})@)?(?<host>[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]+\])(?::(?<port>\d{1,5}))?$/

export function parseHosts(text: string): HostSpec[] {
  const items = text
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
  if (items.length === 0)
    throw new InputError(
      'hosts',
      'is empty',
      '`local` or `[user@]host[:port]`, one per line or comma-separated'
    )
  const hosts = items.map(item => {
    if (item === 'local') return { label: item, local: true, host: 'local' }
    const m = HOST_PATTERN.exec(item)
    const port = m?.groups?.port ? Number(m.groups.port) : undefined
    if (!m?.groups || (port !== undefined && (port < 1 || port > 65535))) {
      throw new InputError(
        'hosts',
        `has ${showValue(item)}`,
        '`local` or `[user@]host[:port]`, one per line or comma-separated'
      )
    }
    return {
      label: item,
      local: false,
      user: m.groups.user,
      host: m.groups.host.replace(/^\[|\]$/g, ''),
      port
    }
  })
  const labels = new Set<string>()
  for (const h of hosts) {
    if (labels.has(h.label))
      throw new InputError('hosts', `lists ${showValue(h.label)} twice`, 'each host once')
    labels.add(h.label)
  }
  return hosts
}

export function parsePathInput(reader: InputReader, name: string): string {
  const value = reader.required(
    name,
    'an absolute path, e.g. `/srv/app`',
    ' with `driver: releases`'
  )
  if (!value.startsWith('/') || /[\0\n\r]/.test(value) || value.split('/').includes('..')) {
    throw new InputError(
      name,
      `is ${showValue(value)}`,
      'an absolute path without `..`, e.g. `/srv/app`'
    )
  }
  return value.replace(/\/+$/, '') || '/'
}

export function parseDriver(reader: InputReader, operation: 'deploy' | 'rollback'): DriverSettings {
  const kind = reader.oneOf('driver', ['command', 'releases', 'containers'] as const)
  if (kind === 'containers') return parseContainersDriver(reader, operation)
  if (kind === 'command') {
    const run = reader.text('run')
    const rollbackRun = reader.text('rollback-run')
    if (run.trim() === '' && !(operation === 'rollback' && rollbackRun.trim() !== '')) {
      throw new InputError(
        'run',
        'is required with `driver: command`',
        'a bash script that deploys $SHIPRAIL_VERSION'
      )
    }
    return {
      kind,
      run,
      rollbackRun,
      timeoutSeconds: reader.int('run-timeout', 1, 6 * 3600),
      lockTimeoutSeconds: reader.int('lock-timeout', 0, 24 * 3600)
    }
  }
  const { hosts, strict, knownHosts } = parseHostAccess(reader)
  const source =
    operation === 'deploy'
      ? reader.required('source', 'a directory or a .tar.gz/.tgz file', ' with `driver: releases`')
      : ''
  if (source && /[\0\n\r]/.test(source)) {
    throw new InputError('source', `is ${showValue(source)}`, 'a directory or a .tar.gz/.tgz file')
  }
  const shared = parseSharedPaths(reader)
  return {
    kind,
    source,
    hosts,
    path: parsePathInput(reader, 'path'),
    sshKey: reader.text('ssh-key'),
    knownHosts,
    strictHostKeyChecking: strict,
    keepReleases: reader.int('keep-releases', 1, 1000),
    shared,
    sharedPathsInput: reader.text('shared-paths').trim() !== '',
    beforeSwitch: reader.text('before-switch'),
    beforeSwitchOnce: reader.text('before-switch-once'),
    afterSwitch: reader.text('after-switch'),
    parallel: reader.int('parallel', 1, 256),
    lockTimeoutSeconds: reader.int('lock-timeout', 0, 24 * 3600)
  }
}

/**
 * shared-files, shared-dirs, and the deprecated shared-paths (an entry ending in `/` is a
 * directory, any other a file: so a forgotten `.env` fails instead of becoming a directory).
 */
function parseSharedPaths(reader: InputReader): SharedPath[] {
  const listed = (name: string) =>
    reader
      .text(name)
      .split(/[\n,]/)
      .map(s => s.trim())
      .filter(Boolean)
      .map(text => ({ name, text }))
  const entries = [...listed('shared-files'), ...listed('shared-dirs'), ...listed('shared-paths')]
  const seen = new Map<string, string>()
  return entries.map(({ name, text }) => {
    // `.` or `a/./.` names the release itself (or a parent): linking it would replace the
    // release with the shared directory, and the host refuses it only after the upload.
    const path = text.replace(/\/+$/, '')
    const parts = text.replace(/\/$/, '').split('/')
    if (
      text.startsWith('/') ||
      parts.some(s => ['', '.', '..'].includes(s)) ||
      /[\0\n\r]/.test(text)
    ) {
      throw new InputError(
        name,
        `has ${showValue(text)}`,
        'paths inside the release such as `.env` or `storage`, without `.`, `..` or empty parts'
      )
    }
    const other = seen.get(path)
    if (other !== undefined) {
      throw new InputError(
        name,
        `has ${showValue(path)}, already in ${other}`,
        'each shared path once'
      )
    }
    seen.set(path, name)
    const dir = name === 'shared-dirs' || (name === 'shared-paths' && text.endsWith('/'))
    return { path, kind: dir ? 'dir' : 'file' }
  })
}

export function parseRef(reader: InputReader, defaults: RunDefaults, required: boolean): string {
  const value = reader.has('ref') ? reader.string('ref') : (defaults.sha ?? '')
  if (value === '') {
    if (required)
      throw new InputError(
        'ref',
        'is required with `ledger: github`',
        "a full 40-character commit SHA (default: the run's commit)"
      )
    return ''
  }
  if (!/^[0-9a-fA-F]{40}$/.test(value)) {
    throw new InputError(
      'ref',
      `is ${showValue(value)}`,
      'a full 40-character commit SHA, e.g. `${{ github.sha }}`'
    )
  }
  return value.toLowerCase()
}

export function isProductionName(environment: string): boolean {
  return ['production', 'prod'].includes(environment.toLowerCase())
}

export function parseDeploySettings(raw: RawInputs, defaults: RunDefaults): DeploySettings {
  const reader = new InputReader(raw)
  const common = parseCommon(reader, defaults, true)
  const version = reader.required('version', VERSION_FORM)
  if (!VERSION_PATTERN.test(version))
    throw new InputError('version', `is ${showValue(version)}`, VERSION_FORM)
  const production = reader.has('production-environment')
    ? reader.bool('production-environment')
    : isProductionName(common.environment)
  const promoteFrom = parseEnvironment(reader, 'promote-from', false)
  if (promoteFrom !== '' && promoteFrom === common.environment) {
    throw new InputError(
      'promote-from',
      `names the environment being deployed (${showValue(promoteFrom)})`,
      'the environment the version comes from, e.g. `staging`'
    )
  }
  if (promoteFrom !== '' && common.ledger === 'none') {
    throw new InputError(
      'promote-from',
      'needs a ledger to check',
      '`ledger: github` or `ledger: file`'
    )
  }
  // promote-from compares commits, so the commit being deployed must be known.
  const ref = parseRef(reader, defaults, common.ledger === 'github' && !common.dryRun)
  if (promoteFrom !== '' && ref === '') {
    throw new InputError(
      'ref',
      'is required with `promote-from`',
      "the full 40-character commit SHA of the build (default: the run's commit)"
    )
  }
  return {
    ...common,
    version,
    ref,
    environmentUrl: reader.url('environment-url'),
    productionEnvironment: production,
    notifyUrl: reader.url('notify-url', true),
    promoteFrom,
    driver: parseDriver(reader, 'deploy')
  }
}

/**
 * The hosts and how their keys are checked, for every driver that works on hosts: remote hosts
 * need `known-hosts` unless verification was turned off explicitly.
 */
export function parseHostAccess(reader: InputReader): {
  hosts: HostSpec[]
  strict: boolean
  knownHosts: string
} {
  const hosts = parseHosts(reader.string('hosts'))
  const strict = reader.bool('ssh-strict-host-key-checking')
  const knownHosts = reader.text('known-hosts')
  if (strict && knownHosts.trim() === '' && hosts.some(h => !h.local)) {
    throw new InputError(
      'known-hosts',
      'is required for remote hosts',
      'known_hosts lines (ssh-keyscan output you have checked), or `ssh-strict-host-key-checking: false` to skip verification'
    )
  }
  return { hosts, strict, knownHosts }
}
