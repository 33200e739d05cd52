import { homedir } from 'node:os'
import type { Context } from '../context.js'
import { CheckFailedError, UserError, errorMessage } from '../errors.js'
import { describeExit, type RunResult } from '../process-runner.js'
import type { HostSpec } from '../settings/deploy-settings.js'
import type { HostReport } from './driver.js'
import {
  HostError,
  LocalTransport,
  SshCredentials,
  SshTransport,
  lastLines,
  type HostTransport
} from './host-transport.js'
import { acquireLocks, newLockInfo, releaseLock } from './release-lock.js'

/**
 * A set of hosts worked on together: one connection per host (host-transport), the deploy
 * lock on every host (release-lock, all hosts at once), and the "run on every host, then
 * fail naming each host that failed" pattern that makes a phase all-or-nothing.
 */
export interface FleetHost {
  transport: HostTransport
  report: HostReport
  /** State directory on this host (lock, history). */
  root: string
}

export type Settled = { ok: true } | { ok: false; error: unknown }

export interface FleetSettings {
  hosts: HostSpec[]
  sshKey: string
  knownHosts: string
  strictHostKeyChecking: boolean
  parallel: number
  lockTimeoutSeconds: number
}

const CONNECT_TIMEOUT_MS = 30_000

/** Runs fn for each host, at most `limit` at once, and waits for all of them. */
export async function forEachHost<H>(
  hosts: H[],
  limit: number,
  fn: (host: H) => Promise<void>
): Promise<Settled[]> {
  const results: Settled[] = new Array(hosts.length)
  let next = 0
  const worker = async () => {
    while (next < hosts.length) {
      const i = next++
      try {
        await fn(hosts[i])
        results[i] = { ok: true }
      } catch (error) {
        results[i] = { ok: false, error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, hosts.length) }, worker))
  return results
}

export function hostMessage(host: Pick<FleetHost, 'transport'>, error: unknown): string {
  const message = errorMessage(error)
  return message.startsWith(`${host.transport.label}: `)
    ? message
    : `${host.transport.label}: ${message}`
}

/** Throws one error naming every host where `phase` failed; UserError when any was the user's. */
export function failIfAny(
  hosts: Pick<FleetHost, 'transport'>[],
  results: Settled[],
  phase: string,
  consequence: string
): void {
  const failed = results
    .map((r, i) => (r.ok ? undefined : hostMessage(hosts[i], r.error)))
    .filter((m): m is string => m !== undefined)
  if (failed.length === 0) return
  const user = results.find(r => !r.ok && r.error instanceof UserError)
  const text = `${phase} failed on ${failed.length} of ${hosts.length} host(s): ${failed.join('; ')}. ${consequence}`
  if (user) throw new UserError(text)
  throw new CheckFailedError(text)
}

/**
 * Runs the after-switch hook on every host (nothing when `hook` is empty). A failure is
 * returned, not thrown: the switch is done, and the caller still writes history first.
 */
export async function afterSwitchAll<H extends Pick<FleetHost, 'transport' | 'report'>>(
  hook: string,
  hosts: H[],
  parallel: number,
  ctx: Context,
  live: 'release' | 'container',
  run: (host: H) => Promise<void>
): Promise<Settled> {
  if (hook.trim() === '') return { ok: true }
  const results = await ctx.logger.group('after-switch', () =>
    forEachHost(hosts, parallel, host => timed(host, 'after-switch', () => run(host)))
  )
  try {
    failIfAny(
      hosts,
      results,
      'after-switch',
      `The new ${live} stays live on every host (the switch is done); roll back if it is broken.`
    )
    return { ok: true }
  } catch (error) {
    return { ok: false, error }
  }
}

/** Logs each failure as a warning: for cleanup whose failure must not hide the real error. */
export function warnFailures(
  hosts: FleetHost[],
  results: Settled[],
  ctx: Context,
  suffix = ''
): void {
  results.forEach((r, i) => {
    if (!r.ok) ctx.logger.warning(`${hostMessage(hosts[i], r.error)}${suffix}`)
  })
}

export async function timed(
  host: Pick<FleetHost, 'report'>,
  phase: string,
  fn: () => Promise<void>
): Promise<void> {
  const started = Date.now()
  try {
    await fn()
  } finally {
    host.report.phases[phase] = (host.report.phases[phase] ?? 0) + Date.now() - started
  }
}

export function requireOk(
  host: Pick<FleetHost, 'transport'>,
  what: string,
  result: RunResult,
  timeoutMs: number
): void {
  if (result.exitCode === 0) return
  const detail = lastLines(result.stderr || result.stdout)
  throw new HostError(host.transport.label, `${what} ${describeExit(result, timeoutMs)}: ${detail}`)
}

/**
 * `~/x` is the login user's home on the host: this machine's home for `local`, and a path
 * relative to the SSH session's start directory (the home) for a remote host.
 */
export function resolveHomePath(path: string, local: boolean): string {
  if (!path.startsWith('~/')) return path
  return local ? `${homedir()}/${path.slice(2)}` : path.slice(2)
}

/** Connected hosts and how to let go of them. */
export interface OpenFleet<H> {
  hosts: H[]
  /** Closes every connection and removes the SSH files; also after a failure. */
  close(): Promise<void>
}

/**
 * Says that host keys are not verified, once per step (from the driver's preflight: a step may
 * connect more than once, as the containers driver does to resolve its image first).
 */
export function warnIfKeysUnverified(
  settings: Pick<FleetSettings, 'hosts' | 'strictHostKeyChecking'>,
  logger: Context['logger']
): void {
  if (settings.hosts.some(h => !h.local) && !settings.strictHostKeyChecking) {
    logger.warning(
      'ssh-strict-host-key-checking is false: host keys are not verified, so a machine in the middle could receive this deploy. Set known-hosts to verify them.'
    )
  }
}

/** A fleet whose connections are under way: `connected` settles when each host has answered. */
export interface StartingFleet<H> extends OpenFleet<H> {
  connected: Promise<Settled[]>
  /** When the connections were started (ms since the epoch). */
  startedAt: number
}

/**
 * Starts connecting to every host: one transport each (SSH ones sharing one set of credentials
 * files), built into the caller's host state by `make`. Logs nothing, so that it can run beside
 * other work; connectFleet waits for it.
 */
export async function startFleet<H extends Pick<FleetHost, 'transport' | 'report'>>(
  settings: Omit<FleetSettings, 'lockTimeoutSeconds'>,
  ctx: Context,
  make: (transport: HostTransport, spec: HostSpec) => H
): Promise<StartingFleet<H>> {
  const env = ctx.run.env
  const remote = settings.hosts.some(h => !h.local)
  const credentials = remote
    ? await SshCredentials.create(
        settings.sshKey,
        settings.knownHosts,
        settings.strictHostKeyChecking,
        ctx.run.tempDir
      )
    : undefined
  const hosts = settings.hosts.map((spec, i) =>
    make(spec.local ? new LocalTransport(env) : new SshTransport(spec, credentials!, i, env), spec)
  )
  const connected = forEachHost(hosts, settings.parallel, host =>
    timed(host, 'connect', () => host.transport.connect(CONNECT_TIMEOUT_MS, ctx.signal))
  )
  const close = async () => {
    // Never while a connection is still being made: its master would outlive the close.
    await connected
    await Promise.all(hosts.map(h => h.transport.close()))
    await credentials?.dispose()
  }
  return { hosts, close, connected, startedAt: Date.now() }
}

/**
 * Connects to every host (or waits for the connections `started` began), failing naming every
 * host that could not be reached, having closed whatever it opened.
 */
export async function connectFleet<H extends Pick<FleetHost, 'transport' | 'report'>>(
  settings: Omit<FleetSettings, 'lockTimeoutSeconds'>,
  ctx: Context,
  make: (transport: HostTransport, spec: HostSpec) => H,
  started?: StartingFleet<H>
): Promise<OpenFleet<H>> {
  const fleet = started ?? (await startFleet(settings, ctx, make))
  try {
    const connected = await ctx.logger.group('Connect to hosts', () => fleet.connected)
    failIfAny(fleet.hosts, connected, 'Connecting', 'Nothing was changed.')
  } catch (err) {
    await fleet.close()
    throw err
  }
  return { hosts: fleet.hosts, close: fleet.close }
}

/**
 * Connections warm started longer ago than this are made again: a master with no client for
 * ControlPersist (120 s) exits, e.g. while the ledger waited for another deploy.
 */
const WARM_MAX_AGE_MS = 60_000

/**
 * A driver's connections started early (Driver.warm) and taken over by apply (`take`, which
 * throws what starting threw); `dispose` closes them when apply never took them.
 */
export function fleetWarmer<H extends Pick<FleetHost, 'transport' | 'report'>>(
  settings: Omit<FleetSettings, 'lockTimeoutSeconds'> & { sshKey: string },
  make: (transport: HostTransport, spec: HostSpec) => H
) {
  let warming: Promise<StartingFleet<H>> | undefined
  return {
    warm(ctx: Context): void {
      if (warming) return
      ctx.secrets.add(settings.sshKey)
      warming = startFleet(settings, ctx, make)
      // Its failure is apply's to report, or nobody's when the step ends before apply.
      warming.catch(() => undefined)
    },
    async take(): Promise<StartingFleet<H> | undefined> {
      const started = warming
      warming = undefined
      const fleet = await started
      if (fleet && Date.now() - fleet.startedAt > WARM_MAX_AGE_MS) {
        await fleet.close()
        return undefined
      }
      return fleet
    },
    async dispose(): Promise<void> {
      const started = warming
      warming = undefined
      await started?.then(
        fleet => fleet.close(),
        () => undefined
      )
    }
  }
}

/**
 * Connects to every host, locks every host (all at once; see acquireLocks for how two deploys
 * started together settle on one), runs `work`, then unlocks and disconnects whatever happened.
 */
export async function withLockedFleet<H extends FleetHost, T>(
  settings: FleetSettings,
  path: string,
  ctx: Context,
  extend: (base: FleetHost) => H,
  work: (hosts: H[]) => Promise<T>
): Promise<T> {
  return withFleet(settings, path, ctx, extend, async hosts => {
    const { logger } = ctx
    const lock = newLockInfo(ctx.run.actor, ctx.run.runUrl, ctx.clock.now())
    const started = Date.now()
    // On failure acquireLocks lets go of every lock it took; from here on they are ours.
    await logger.group('Lock', () =>
      acquireLocks(hosts, lock, {
        timeoutSeconds: settings.lockTimeoutSeconds,
        logger,
        clock: ctx.clock,
        signal: ctx.signal,
        parallel: settings.parallel
      })
    )
    for (const host of hosts) host.report.phases.lock = Date.now() - started
    try {
      return await work(hosts)
    } finally {
      await forEachHost(hosts, settings.parallel, host =>
        releaseLock(host.transport, host.root, lock, logger)
      )
    }
  })
}

/**
 * Connects to every host, runs `work` (which changes nothing that serves: no lock is taken),
 * then disconnects whatever happened.
 */
export async function withFleet<H extends FleetHost, T>(
  settings: FleetSettings,
  path: string,
  ctx: Context,
  extend: (base: FleetHost) => H,
  work: (hosts: H[]) => Promise<T>
): Promise<T> {
  const { hosts, close } = await connectFleet(settings, ctx, (transport, spec) =>
    extend({
      transport,
      report: { host: spec.label, phases: {} },
      root: resolveHomePath(path, spec.local)
    })
  )
  try {
    return await work(hosts)
  } finally {
    await close()
  }
}
