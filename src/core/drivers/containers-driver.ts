import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Context } from '../context.js'
import { CheckFailedError, UserError } from '../errors.js'
import type { ContainersDriverSettings } from '../settings/containers-settings.js'
import {
  findLive,
  inspectHost,
  recordHistory,
  removeContainers,
  runContainer,
  runHostHook,
  runOneOff,
  startContainer,
  stopContainers,
  waitHealthy,
  type ContainerHost
} from './container-host.js'
import {
  containerName,
  containerRelease,
  healthCheck,
  leftovers,
  pickTargets,
  pruneContainers,
  publishedContainerPort,
  runOptions,
  runRecord
} from './container-plan.js'
import {
  cancelledBeforeSwitch,
  drainAndStop,
  switchInPlace,
  switchNginx
} from './container-switch.js'
import { imageOntoHosts, recordedImages } from './container-image.js'
import { hookVariables, type Driver, type DriverOutcome, type DriverRequest } from './driver.js'
import {
  failIfAny,
  forEachHost,
  timed,
  warnFailures,
  afterSwitchAll,
  warnIfKeysUnverified,
  withFleet,
  withLockedFleet,
  type FleetHost
} from './host-fleet.js'
import { releaseName, type HistoryEntry } from './release-history.js'
import { requireTool } from './release-source.js'

function newHost(base: FleetHost): ContainerHost {
  return {
    ...base,
    containers: [],
    images: new Set(),
    history: [],
    created: false,
    switchTried: false
  }
}

/** The containers driver's hook variables (see HOOK_VARIABLES), as name, value pairs. */
export function containerHookVariables(
  request: DriverRequest,
  service: string,
  container: string
): string[] {
  return [...hookVariables(request), 'SHIPRAIL_SERVICE', service, 'SHIPRAIL_CONTAINER', container]
}

/** `driver: containers`: Docker containers behind a health-gated, all-or-nothing switch. */
export function createContainersDriver(settings: ContainersDriverSettings): Driver {
  const remote = settings.hosts.some(h => !h.local)
  const hookEnv = (request: DriverRequest, host: ContainerHost) =>
    containerHookVariables(request, settings.service, host.next?.name ?? '')
  const show = (ctx: Context, host: FleetHost) => (line: string) =>
    ctx.logger.info(ctx.secrets.redact(`[${host.transport.label}] ${line}`))

  async function inspectAll(hosts: ContainerHost[]): Promise<void> {
    const inspected = await forEachHost(hosts, settings.parallel, async host => {
      await inspectHost(host, settings.service, settings.upstreamFile)
      host.live = findLive(host, settings.proxy)
    })
    failIfAny(hosts, inspected, 'Inspecting the hosts', 'Nothing was changed.')
  }

  /** "The next deploy removes what it left": containers of an interrupted deploy go first. */
  async function removeLeftovers(hosts: ContainerHost[], ctx: Context): Promise<void> {
    const results = await forEachHost(hosts, settings.parallel, async host => {
      const names = leftovers(host).map(c => c.name)
      if (names.length === 0) return
      ctx.logger.info(
        `${host.transport.label}: removing ${names.join(', ')} (left by an interrupted deploy)`
      )
      await removeContainers(host, names)
      host.containers = host.containers.filter(c => !names.includes(c.name))
    })
    warnFailures(hosts, results, ctx)
  }

  async function deploy(
    hosts: ContainerHost[],
    request: DriverRequest,
    ctx: Context
  ): Promise<DriverOutcome> {
    const { logger } = ctx
    await inspectAll(hosts)
    await removeLeftovers(hosts, ctx)
    const taken = hosts.flatMap(h => [
      ...h.containers.map(c => c.release),
      ...h.history.map(e => e.release)
    ])
    const release = containerRelease(releaseName(ctx.clock.now(), request.version, taken))
    const name = containerName(settings.service, release)
    const options = runOptions(settings, release, request.version)
    for (const host of hosts) host.report.release = release
    await imageOntoHosts(hosts, settings, ctx, request.images)

    const entry = (host: ContainerHost, outcome: HistoryEntry['outcome']): HistoryEntry => ({
      release,
      version: request.version,
      ref: request.ref,
      operation: 'deploy',
      time: ctx.clock.now().toISOString(),
      outcome,
      deploymentId: request.deploymentId,
      image: host.imageId,
      runArgs: options
    })
    const create = async (host: ContainerHost) => {
      host.created = true
      host.next = { name }
      return runContainer(
        host,
        name,
        publishedContainerPort(settings),
        [...options, host.imageId!],
        ctx.signal
      )
    }

    try {
      if (settings.proxy === 'nginx') {
        const started = await logger.group(`Start ${name} on every host`, () =>
          forEachHost(hosts, settings.parallel, host =>
            timed(host, 'start', async () => {
              const port = await create(host)
              if (port === undefined)
                throw new CheckFailedError(
                  `${name} has no published port for ${settings.containerPort}`
                )
              host.next = { name, port }
            })
          )
        )
        failIfAny(
          hosts,
          started,
          'Starting the new container',
          'No host was switched; every host still serves its old container.'
        )
        const healthy = await logger.group('Wait until every new container is healthy', () =>
          forEachHost(hosts, settings.parallel, host =>
            timed(host, 'health', () =>
              waitHealthy(
                host,
                name,
                healthCheck(settings, host.next!.port),
                t => ctx.secrets.redact(t),
                ctx.signal
              )
            )
          )
        )
        failIfAny(
          hosts,
          healthy,
          'The health check',
          'No host was switched; every host still serves its old container.'
        )
      } else {
        for (const host of hosts) host.next = { name }
      }
      await beforeSwitch(hosts[0], request, ctx)
      cancelledBeforeSwitch(ctx)
      if (settings.proxy === 'nginx') await switchNginx(hosts, settings, ctx)
      else await switchInPlace(hosts, settings, ctx, create)
    } catch (err) {
      // Cleanup runs even when the job was cancelled: no signal here.
      const made = hosts.filter(h => h.created && !(settings.proxy === 'none' && h.switchTried))
      await logger.group('Remove the new containers', async () => {
        const removed = await forEachHost(made, settings.parallel, host =>
          removeContainers(host, [name])
        )
        warnFailures(made, removed, ctx, ' (the next deploy removes it)')
        const recorded = await forEachHost(
          hosts.filter(h => h.created),
          settings.parallel,
          host => recordHistory(host, [entry(host, 'failure')])
        )
        warnFailures(hosts, recorded, ctx)
      })
      throw err
    }

    await drainAndStop(hosts, settings, ctx)
    const after = await afterSwitch(hosts, request, ctx)
    await logger.group('Record history and prune', async () => {
      const results = await forEachHost(hosts, settings.parallel, async host => {
        const done = entry(host, after.ok ? 'success' : 'failure')
        const kept = [
          ...host.containers,
          {
            name,
            state: 'running',
            release,
            version: request.version,
            image: host.imageId!,
            ports: []
          }
        ]
        const prune = after.ok
          ? pruneContainers([...host.history, done], kept, release, settings.keepReleases)
          : { containers: [], images: [] }
        if (prune.containers.length)
          logger.info(`${host.transport.label}: removing ${prune.containers.join(', ')}`)
        await recordHistory(host, [done], prune.containers, prune.images)
      })
      warnFailures(hosts, results, ctx)
    })
    if (!after.ok) throw after.error
    return { release, hosts: hosts.map(h => h.report) }
  }

  /** before-switch: once, on the first host, in a one-off container of the new image. */
  async function beforeSwitch(
    host: ContainerHost,
    request: DriverRequest,
    ctx: Context
  ): Promise<void> {
    if (settings.beforeSwitch.trim() === '') return
    const env = hookEnv(request, host)
    const envArgs: string[] = []
    for (let i = 0; i < env.length; i += 2) envArgs.push(`--env=${env[i]}=${env[i + 1]}`)
    await ctx.logger.group('before-switch', async () => {
      try {
        await timed(host, 'before-switch', () =>
          runOneOff(
            host,
            [
              ...settings.dockerArgs,
              ...envArgs,
              '--entrypoint',
              '/bin/sh',
              host.imageId!,
              '-c',
              settings.beforeSwitch
            ],
            show(ctx, host),
            ctx.signal
          )
        )
      } catch (err) {
        throw new CheckFailedError(
          `before-switch failed: ${err instanceof Error ? err.message : String(err)}. No host was switched; every host still serves its old container.`
        )
      }
    })
  }

  function afterSwitch(hosts: ContainerHost[], request: DriverRequest, ctx: Context) {
    return afterSwitchAll(settings.afterSwitch, hosts, settings.parallel, ctx, 'container', host =>
      runHostHook(host, settings.afterSwitch, hookEnv(request, host), show(ctx, host), ctx.signal)
    )
  }

  async function rollback(
    hosts: ContainerHost[],
    request: DriverRequest,
    ctx: Context
  ): Promise<DriverOutcome> {
    await inspectAll(hosts)
    const targets = pickTargets(hosts, settings.service, request.version, request.images)
    if (!targets.ok) {
      throw new CheckFailedError(
        `Cannot roll back to ${request.version}: ${targets.problems.join('; ')}. Nothing was changed.`
      )
    }
    const port = publishedContainerPort(settings)
    const bring = async (host: ContainerHost): Promise<number | undefined> => {
      const target = host.next!.name
      if (host.containers.some(c => c.name === target)) return startContainer(host, target, port)
      const record = runRecord(host.history, host.report.release!)!
      host.created = true
      return runContainer(host, target, port, [...record.runArgs, record.image])
    }
    for (const host of hosts) {
      ctx.logger.info(
        `${host.transport.label}: ${host.live?.name ?? '(nothing live)'} -> ${host.next!.name}`
      )
    }
    const moving = hosts.filter(h => h.live?.name !== h.next!.name)
    try {
      if (settings.proxy === 'nginx') {
        const ready = await ctx.logger.group('Start the kept containers', () =>
          forEachHost(moving, settings.parallel, host =>
            timed(host, 'start', async () => {
              host.next!.port = await bring(host)
              await waitHealthy(
                host,
                host.next!.name,
                healthCheck(settings, host.next!.port),
                t => ctx.secrets.redact(t),
                ctx.signal
              )
            })
          )
        )
        failIfAny(
          moving,
          ready,
          'Starting the rollback target',
          'No host was switched; every host still serves its current container.'
        )
        await switchNginx(moving, settings, ctx)
      } else {
        await switchInPlace(moving, settings, ctx, bring)
      }
    } catch (err) {
      if (settings.proxy === 'nginx') {
        const stop = await forEachHost(moving, settings.parallel, async host => {
          if (host.created) await removeContainers(host, [host.next!.name])
          else await stopContainers(host, [host.next!.name])
        })
        warnFailures(moving, stop, ctx)
      }
      throw err
    }
    await drainAndStop(moving, settings, ctx)
    const after = await afterSwitch(hosts, request, ctx)
    const time = ctx.clock.now().toISOString()
    const recorded = await forEachHost(hosts, settings.parallel, async host => {
      const entries: HistoryEntry[] = []
      const from = host.live
      const to = host.report.release!
      const how = runRecord(host.history, to)
      if (how) host.report.image = how.image
      if (from && from.release !== to) {
        entries.push({
          release: from.release,
          version: from.version,
          ref: '',
          operation: 'rollback',
          time,
          outcome: 'rolled-back',
          deploymentId: request.deploymentId,
          bad: true
        })
      }
      entries.push({
        release: to,
        version: request.version,
        ref: request.ref,
        operation: 'rollback',
        time,
        outcome: after.ok ? 'success' : 'failure',
        deploymentId: request.deploymentId,
        ...(from && from.release !== to ? { rollbackOf: from.release } : {}),
        ...(how ? { image: how.image, runArgs: how.runArgs } : {})
      })
      await recordHistory(host, entries)
    })
    warnFailures(hosts, recorded, ctx)
    if (!after.ok) throw after.error
    return { release: hosts[0]?.report.release, hosts: hosts.map(h => h.report) }
  }

  return {
    name: 'containers',

    async preflight(ctx: Context): Promise<void> {
      ctx.secrets.add(settings.sshKey)
      warnIfKeysUnverified(settings, ctx.logger)
      if (remote) await requireTool('ssh', 'to reach remote hosts', ctx.run.env)
      if (settings.imageArchive) {
        const archive = resolve(ctx.run.workspace, settings.imageArchive)
        const info = await stat(archive).catch(() => undefined)
        if (!info?.isFile()) {
          throw new UserError(
            `Input 'image-archive' is ${JSON.stringify(settings.imageArchive)}, which is not a file; expected a \`docker save\` tarball on the runner.`
          )
        }
        if (remote) await requireTool('rsync', 'to upload the image archive', ctx.run.env)
      }
    },

    plan(request: DriverRequest): string[] {
      const hosts = settings.hosts.map(h => h.label).join(', ')
      const lines = [`hosts: ${hosts} (${settings.parallel} at a time); state in ${settings.path}`]
      if (request.operation === 'deploy') {
        const image = settings.imageArchive
          ? `upload ${settings.imageArchive} and docker load it on every host`
          : `pull ${settings.image} on every host where it is not present`
        lines.push(`${image}, before the deployment is recorded (its payload names the image ID)`)
      }
      lines.push(
        `lock ${settings.path}/.shiprail/lock on every host (wait up to ${settings.lockTimeoutSeconds} s)`
      )
      const health = settings.healthPath
        ? `until ${settings.healthPath} answers 2xx`
        : "until the image's HEALTHCHECK says healthy (or it still runs after 5 s)"
      if (request.operation === 'rollback') {
        lines.push(
          `start the kept container of ${request.version} on every host (or run its kept image), wait ${health}`
        )
      } else {
        lines.push(
          `run ${settings.service}-<UTC time>-${request.version} on every host and wait ${health} (at most ${settings.healthTimeoutSeconds} s)`,
          ...(settings.beforeSwitch.trim()
            ? ['run before-switch once, in a one-off container on the first host']
            : [])
        )
      }
      lines.push(
        settings.proxy === 'nginx'
          ? `when every host is ready, replace ${settings.upstreamFile} on every host, run \`${settings.proxyReload}\`, drain ${settings.drainSeconds} s, stop the old container (kept)`
          : 'on every host stop the old container, start the new one and wait until it is healthy; put the old one back everywhere if any host fails',
        ...(settings.afterSwitch.trim() ? ['run after-switch on every host'] : []),
        `record history in ${settings.path}/.shiprail/history.jsonl; keep ${settings.keepReleases} stopped containers (plus the rollback target)`,
        'unlock every host'
      )
      return lines
    },

    /** The image onto every host before the deployment is recorded, its ID into the payload. */
    async resolve(_request: DriverRequest, ctx: Context) {
      ctx.secrets.add(settings.sshKey)
      return withFleet(settings, settings.path, ctx, newHost, async hosts => {
        await imageOntoHosts(hosts, settings, ctx)
        return recordedImages(hosts)
      })
    },

    async apply(request: DriverRequest, ctx: Context): Promise<DriverOutcome> {
      ctx.secrets.add(settings.sshKey)
      return withLockedFleet(settings, settings.path, ctx, newHost, hosts =>
        request.operation === 'rollback'
          ? rollback(hosts, request, ctx)
          : deploy(hosts, request, ctx)
      )
    }
  }
}
