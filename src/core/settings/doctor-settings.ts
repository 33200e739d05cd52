import { InputError } from '../errors.js'
import { inputDef, type InputDef, type RawInputs } from '../inputs.js'
import type { CommonSettings } from './common.js'
import {
  parseHosts,
  parsePathInput,
  type HostSpec,
  type ReleasesDriverSettings
} from './deploy-settings.js'
import { InputReader, showValue } from './input-reader.js'

/**
 * The deploy inputs `shiprail doctor` takes, by name. `service` and `image` belong to the
 * containers driver: they are flags of doctor only while the input table defines them.
 */
const DOCTOR_INPUT_NAMES = [
  'driver',
  'hosts',
  'path',
  'ssh-key',
  'known-hosts',
  'ssh-strict-host-key-checking',
  'source',
  'service',
  'image',
  'url'
] as const

/** Where doctor's meaning differs from the step's: its default driver, what `url` is for. */
const DOCTOR_OVERRIDES: Record<string, Partial<InputDef>> = {
  driver: { default: 'releases' },
  url: { description: 'URL that must answer a GET with a status below 400 (redirects followed).' }
}

/** Doctor's flags, described by the deploy input table (one description for one input). */
export function doctorInputs(): InputDef[] {
  return DOCTOR_INPUT_NAMES.map(name => inputDef(name))
    .filter((d): d is InputDef => !!d)
    .map(d => ({ ...d, ...DOCTOR_OVERRIDES[d.name] }))
}

const SERVICE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/

/** What doctor checks. It never writes, so the ledger settings are fixed to "none". */
export interface DoctorSettings extends CommonSettings {
  /** The driver whose hosts are checked; `command` has no hosts (only `url` is checked). */
  driver: 'command' | 'releases' | 'containers'
  /** Hosts to check (none for the command driver). */
  hosts: HostSpec[]
  /** Deploy root on every host; may start with `~/` (containers' default). */
  path: string
  /** Private key (secret), '' for the agent or default keys. */
  sshKey: string
  /** known_hosts lines; empty means every remote host key is unknown. */
  knownHosts: string
  /** Verify host keys (default true). */
  strictHostKeyChecking: boolean
  /** Directory or .tar.gz/.tgz whose size is compared with each host's free space, or ''. */
  source: string
  /** URL that must answer, or undefined. */
  url?: string
}

export function parseDoctorSettings(raw: RawInputs): DoctorSettings {
  const reader = new InputReader(raw)
  const drivers = inputDef('service')
    ? (['releases', 'containers', 'command'] as const)
    : (['releases', 'command'] as const)
  // Doctor is about hosts: without a driver it checks the releases driver's.
  const driver = reader.has('driver') ? reader.oneOf('driver', drivers) : 'releases'
  const url = reader.url('url')
  const common: CommonSettings = {
    environment: '',
    token: '',
    ledger: 'none',
    ledgerFile: '',
    dryRun: true,
    repository: ''
  }
  const base = {
    ...common,
    driver,
    hosts: [] as HostSpec[],
    path: '',
    sshKey: reader.text('ssh-key'),
    knownHosts: reader.text('known-hosts'),
    strictHostKeyChecking: reader.bool('ssh-strict-host-key-checking'),
    source: '',
    url
  }
  if (driver === 'command') {
    if (!url) {
      throw new InputError(
        'url',
        'is required with `driver: command` (it has no hosts to check)',
        'an http:// or https:// URL, or `driver: releases` with hosts and path'
      )
    }
    return base
  }
  let path: string
  if (driver === 'containers' && !reader.has('path')) {
    const service = reader.required(
      'service',
      '`[a-z0-9][a-z0-9_.-]{0,62}`',
      ' with `driver: containers`'
    )
    if (!SERVICE_PATTERN.test(service))
      throw new InputError('service', `is ${showValue(service)}`, '`[a-z0-9][a-z0-9_.-]{0,62}`')
    path = `~/.shiprail/${service}`
  } else {
    path = parsePathInput(reader, 'path')
  }
  const source = driver === 'releases' ? reader.string('source') : ''
  if (/[\0\n\r]/.test(source)) {
    throw new InputError('source', `is ${showValue(source)}`, 'a directory or a .tar.gz/.tgz file')
  }
  return { ...base, hosts: parseHosts(reader.string('hosts')), path, source }
}

/** What a deploy's dry run checks on its hosts: the same as doctor with the deploy's inputs. */
export function doctorSettingsForDeploy(driver: ReleasesDriverSettings): DoctorSettings {
  return {
    environment: '',
    token: '',
    ledger: 'none',
    ledgerFile: '',
    dryRun: true,
    repository: '',
    driver: 'releases',
    hosts: driver.hosts,
    path: driver.path,
    sshKey: driver.sshKey,
    knownHosts: driver.knownHosts,
    strictHostKeyChecking: driver.strictHostKeyChecking,
    source: driver.source
  }
}
