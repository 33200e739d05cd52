import type { Context } from '../context.js'
import { CheckFailedError } from '../errors.js'
import type { ContainersDriverSettings } from '../settings/containers-settings.js'
import {
  removeContainers,
  startContainer,
  stopContainers,
  upstreamLine,
  waitHealthy,
  writeUpstream,
  type ContainerHost
} from './container-host.js'
import { healthCheck, publishedContainerPort } from './container-plan.js'
import { failIfAny, forEachHost, timed, warnFailures } from './host-fleet.js'

/**
 * The switch of the containers driver, all or nothing across hosts.
 * - nginx: every host's new container is already healthy; each host's upstream file is
 *   replaced and proxy-reload runs. If any host fails, the hosts already tried get their
 *   previous upstream file back (and a reload).
 * - none: on each host the old container stops, then the new one starts (`start`) and must
 *   turn healthy. If any host fails, every host already tried loses the new container and gets
 *   its old one started again.
 */
export async function switchNginx(
  hosts: ContainerHost[],
  settings: ContainersDriverSettings,
  ctx: Context
): Promise<void> {
  const results = await ctx.logger.group('Switch the upstream on every host', () =>
    forEachHost(hosts, settings.parallel, host =>
      timed(host, 'switch', async () => {
        host.switchTried = true
        await writeUpstream(
          host,
          settings.upstreamFile,
          upstreamLine(host.next!.port!),
          settings.proxyReload
        )
        ctx.logger.info(
          `${host.transport.label}: ${settings.upstreamFile} -> ${host.next!.name} (127.0.0.1:${host.next!.port})`
        )
      })
    )
  )
  if (results.every(r => r.ok)) return
  const back = hosts.filter(h => h.switchTried)
  const undo = await ctx.logger.group('Restore the previous upstream', () =>
    forEachHost(back, settings.parallel, host =>
      writeUpstream(host, settings.upstreamFile, host.upstream ?? '', settings.proxyReload)
    )
  )
  const stuck = back.filter((_, i) => !undo[i].ok).map(h => h.transport.label)
  warnFailures(back, undo, ctx)
  failIfAny(
    hosts,
    results,
    'The switch',
    stuck.length === 0
      ? 'Every host has its previous upstream file again.'
      : `Restoring the previous upstream FAILED on ${stuck.join(', ')}: check ${settings.upstreamFile} there.`
  )
}

/**
 * `proxy: none`: stop old, start new, health. `start(host)` creates or starts the new container
 * and returns its host port.
 */
export async function switchInPlace(
  hosts: ContainerHost[],
  settings: ContainersDriverSettings,
  ctx: Context,
  start: (host: ContainerHost) => Promise<number | undefined>
): Promise<void> {
  const results = await ctx.logger.group('Replace the container on every host', () =>
    forEachHost(hosts, settings.parallel, host =>
      timed(host, 'switch', async () => {
        host.switchTried = true
        if (host.live) await stopContainers(host, [host.live.name])
        const port = await start(host)
        host.next!.port = port
        await waitHealthy(host, host.next!.name, healthCheck(settings, port), t =>
          ctx.secrets.redact(t)
        )
        ctx.logger.info(
          `${host.transport.label}: ${host.live?.name ?? '(nothing)'} -> ${host.next!.name}`
        )
      })
    )
  )
  if (results.every(r => r.ok)) return
  const back = hosts.filter(h => h.switchTried)
  const undo = await ctx.logger.group('Start the old containers again', () =>
    forEachHost(back, settings.parallel, async host => {
      await restoreInPlace(host, settings)
    })
  )
  warnFailures(back, undo, ctx)
  const stuck = back.filter((_, i) => !undo[i].ok).map(h => h.transport.label)
  failIfAny(
    hosts,
    results,
    'The switch',
    stuck.length === 0
      ? 'Every host runs its old container again.'
      : `Starting the old container again FAILED on ${stuck.join(', ')}.`
  )
}

/** Undoes one host's in-place switch: the new container goes, the old one starts again. */
async function restoreInPlace(
  host: ContainerHost,
  settings: ContainersDriverSettings
): Promise<void> {
  if (host.created) await removeContainers(host, [host.next!.name])
  else await stopContainers(host, [host.next!.name])
  if (host.live) await startContainer(host, host.live.name, publishedContainerPort(settings))
}

/**
 * After the switch: the old containers keep serving requests already sent to them for
 * `drain-seconds`, then every running container of the service but the new one is stopped
 * (kept for rollback). Failures are warnings: the new release is live either way.
 */
export async function drainAndStop(
  hosts: ContainerHost[],
  settings: ContainersDriverSettings,
  ctx: Context
): Promise<void> {
  const old = (host: ContainerHost) =>
    host.containers
      .filter(c => c.state === 'running' && c.name !== host.next!.name)
      .map(c => c.name)
  if (!hosts.some(h => old(h).length > 0)) return
  if (settings.proxy === 'nginx' && settings.drainSeconds > 0) {
    ctx.logger.info(`Draining the old containers for ${settings.drainSeconds} s`)
    // Not cancellable: a cancelled job still stops the old containers cleanly.
    await ctx.clock.sleep(settings.drainSeconds * 1000)
  }
  const results = await ctx.logger.group('Stop the old containers (kept for rollback)', () =>
    forEachHost(hosts, settings.parallel, host =>
      timed(host, 'stop old', async () => {
        const names = old(host)
        await stopContainers(host, names)
        if (names.length) ctx.logger.info(`${host.transport.label}: stopped ${names.join(', ')}`)
      })
    )
  )
  warnFailures(hosts, results, ctx, ' (the next deploy stops it)')
}

export function cancelledBeforeSwitch(ctx: Context): void {
  if (ctx.signal.aborted)
    throw new CheckFailedError('The deploy was cancelled before the switch; no host was switched.')
}
