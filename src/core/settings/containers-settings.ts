import { InputError } from '../errors.js'
import { parseHostAccess, type HostSpec } from './deploy-settings.js'
import { showValue, type InputReader } from './input-reader.js'

/** Inputs of the containers driver, parsed once into one typed object. */
export interface ContainersDriverSettings {
  kind: 'containers'
  /** Image reference to run ('' for rollback, which runs kept containers and images). */
  image: string
  /** `docker save` tarball on the runner, loaded instead of a pull; ''. */
  imageArchive: string
  /** Service name; containers are `<service>-<release>`. */
  service: string
  hosts: HostSpec[]
  /** State directory on every host; `~/` is the login user's home there. */
  path: string
  /** Private key (secret), '' for the agent or default keys. */
  sshKey: string
  knownHosts: string
  strictHostKeyChecking: boolean
  /** Port the app listens on in the container; undefined when not given. */
  containerPort?: number
  /** HTTP path polled until 2xx; '' uses HEALTHCHECK or "still running after 5 s". */
  healthPath: string
  healthTimeoutSeconds: number
  /** Extra `docker run` arguments, one per element. */
  dockerArgs: string[]
  proxy: 'nginx' | 'none'
  /** `docker run --publish` value of the live container with `proxy: none`; ''. */
  publish: string
  /** Absolute path of the file nginx includes in its upstream block; ''. */
  upstreamFile: string
  /** Command run on each host after its upstream file changed. */
  proxyReload: string
  drainSeconds: number
  /** Stopped containers kept per host for rollback. */
  keepReleases: number
  /** Run once in a one-off container of the new image before the switch. */
  beforeSwitch: string
  /** Run on each host after the switch. */
  afterSwitch: string
  parallel: number
  lockTimeoutSeconds: number
}

export const SERVICE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/

/** Docker's reference grammar, simplified: [registry[:port]/]path[:tag][@sha256:digest]. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
export const IMAGE_PATTERN = new RegExp(
  `^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\\d{1,5})?/)?${COMPONENT}(?:/${COMPONENT})*` +
    `(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`
)
const IMAGE_FORM = '`name:tag`, `registry/name:tag` or `name@sha256:<64 hex>`'

const PUBLISH_PATTERN =
  /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\]):)?(?:\d{1,5}:)?\d{1,5}(?:\/(?:tcp|udp))?$/

/** Flags whose job Shiprail does; a user value would break naming, publishing or cleanup. */
const OWN_LONG_FLAGS = ['--name', '--publish', '--detach', '--rm']
/** Short flags that take no value: a cluster like `-itd` is read letter by letter. */
const SHORT_BOOLEAN = new Set(['i', 't', 'P', 'q'])
const OWN_SHORT = new Set(['p', 'd'])

/** The reason a docker-args line is refused, or undefined when it is accepted. Pure. */
export function dockerArgProblem(arg: string): string | undefined {
  if (/[\0\r\n]/.test(arg)) return 'contains a control character'
  if (!arg.startsWith('-') || arg === '--' || arg === '-')
    return 'is not an option (one `--flag=value` per line)'
  if (arg.startsWith('--')) {
    const flag = arg.split('=')[0]
    if (OWN_LONG_FLAGS.includes(flag)) return `sets ${flag}, which Shiprail manages`
    return undefined
  }
  for (const letter of arg.slice(1)) {
    if (OWN_SHORT.has(letter)) return `sets -${letter}, which Shiprail manages`
    if (!SHORT_BOOLEAN.has(letter)) break
  }
  return undefined
}

export function parseDockerArgs(text: string): string[] {
  const args = text
    .split('\n')
    .map(s => s.trim())
    .filter(Boolean)
  for (const arg of args) {
    const problem = dockerArgProblem(arg)
    if (problem) {
      throw new InputError(
        'docker-args',
        `has ${showValue(arg)}, which ${problem}`,
        'extra `docker run` options, one `--flag=value` per line, without `--name`, `--publish`/`-p`, `--detach`/`-d` or `--rm`'
      )
    }
  }
  return args
}

function parseStatePath(reader: InputReader, service: string): string {
  const value = reader.string('path')
  if (value === '') return `~/.shiprail/${service}`
  const ok =
    (value.startsWith('/') || value.startsWith('~/')) &&
    !/[\0\n\r]/.test(value) &&
    !value.split('/').includes('..')
  if (!ok) {
    throw new InputError(
      'path',
      `is ${showValue(value)}`,
      'an absolute path or one under `~/`, without `..` (default `~/.shiprail/<service>`)'
    )
  }
  return value.replace(/\/+$/, '') || '/'
}

function parseAbsoluteFile(reader: InputReader, name: string, why: string): string {
  const value = reader.string(name)
  if (value === '') throw new InputError(name, `is required${why}`, 'an absolute file path')
  if (!value.startsWith('/') || /[\0\n\r]/.test(value) || value.split('/').includes('..')) {
    throw new InputError(name, `is ${showValue(value)}`, 'an absolute file path without `..`')
  }
  return value
}

export function parseContainersDriver(
  reader: InputReader,
  operation: 'deploy' | 'rollback'
): ContainersDriverSettings {
  const service = reader.required(
    'service',
    '`[a-z0-9][a-z0-9_.-]{0,62}`',
    ' with `driver: containers`'
  )
  if (!SERVICE_PATTERN.test(service))
    throw new InputError('service', `is ${showValue(service)}`, '`[a-z0-9][a-z0-9_.-]{0,62}`')
  const image =
    operation === 'deploy' ? reader.required('image', IMAGE_FORM, ' with `driver: containers`') : ''
  if (image && !IMAGE_PATTERN.test(image))
    throw new InputError('image', `is ${showValue(image)}`, IMAGE_FORM)
  const imageArchive = operation === 'deploy' ? reader.string('image-archive') : ''
  if (
    imageArchive &&
    (!/\.(tar|tar\.gz|tgz)$/.test(imageArchive) || /[\0\n\r]/.test(imageArchive))
  ) {
    throw new InputError(
      'image-archive',
      `is ${showValue(imageArchive)}`,
      'a `docker save` tarball (`.tar` or `.tar.gz`) on the runner'
    )
  }
  // Set for a migration, it would be silently skipped: this driver's before-switch is the one.
  if (reader.text('before-switch-once').trim() !== '') {
    throw new InputError(
      'before-switch-once',
      'is for `driver: releases`; with `driver: containers`, `before-switch` already runs once, on the first host',
      '`before-switch` for a migration'
    )
  }
  const { hosts, strict, knownHosts } = parseHostAccess(reader)
  const proxy = reader.oneOf('proxy', ['none', 'nginx'] as const)
  const containerPort = reader.has('container-port')
    ? reader.int('container-port', 1, 65535)
    : undefined
  const publish = reader.string('publish')
  if (publish && !PUBLISH_PATTERN.test(publish)) {
    throw new InputError(
      'publish',
      `is ${showValue(publish)}`,
      'a `docker run --publish` value such as `80:8080` or `127.0.0.1:3000:3000`'
    )
  }
  if (publish && proxy === 'nginx') {
    throw new InputError(
      'publish',
      'is set with `proxy: nginx`, which publishes each container on a free 127.0.0.1 port itself',
      '`container-port` with `proxy: nginx`, or `publish` with `proxy: none`'
    )
  }
  let upstreamFile = ''
  if (proxy === 'nginx') {
    upstreamFile = parseAbsoluteFile(reader, 'upstream-file', ' with `proxy: nginx`')
    if (containerPort === undefined) {
      throw new InputError(
        'container-port',
        'is required with `proxy: nginx`',
        'the port the app listens on inside the container, e.g. `8080`'
      )
    }
  }
  const healthPath = reader.string('health-path')
  if (healthPath && (!/^\/[\x21-\x7e]*$/.test(healthPath) || healthPath.length > 500)) {
    throw new InputError(
      'health-path',
      `is ${showValue(healthPath)}`,
      'an HTTP path such as `/health`'
    )
  }
  if (healthPath && proxy === 'none' && !publish) {
    throw new InputError(
      'health-path',
      'needs a port to poll, but `proxy: none` has no `publish`',
      '`publish` (e.g. `127.0.0.1:3000:3000`), or no health-path'
    )
  }
  return {
    kind: 'containers',
    image,
    imageArchive,
    service,
    hosts,
    path: parseStatePath(reader, service),
    sshKey: reader.text('ssh-key'),
    knownHosts,
    strictHostKeyChecking: strict,
    containerPort,
    healthPath,
    healthTimeoutSeconds: reader.int('health-timeout', 1, 3600),
    dockerArgs: parseDockerArgs(reader.text('docker-args')),
    proxy,
    publish,
    upstreamFile,
    proxyReload: reader.text('proxy-reload'),
    drainSeconds: reader.int('drain-seconds', 0, 3600),
    keepReleases: reader.int('keep-releases', 1, 1000),
    beforeSwitch: reader.text('before-switch'),
    afterSwitch: reader.text('after-switch'),
    parallel: reader.int('parallel', 1, 256),
    lockTimeoutSeconds: reader.int('lock-timeout', 0, 24 * 3600)
  }
}
