import { recordedImageId, type RecordedImages } from '../ledger/ledger.js'
import type { ContainersDriverSettings } from '../settings/containers-settings.js'
import type { ContainerHost, ContainerInfo, HealthCheck } from './container-host.js'
import { pickRollbackRelease, releasesToPrune, type HistoryEntry } from './release-history.js'

/**
 * Pure decisions of the containers driver: names, `docker run` arguments, what a deploy left
 * behind, what to prune. Tested table-driven; the driver only carries them out.
 */

/** Docker names allow [a-zA-Z0-9_.-]: a `+` of a version becomes `_` in the release name. */
export function containerRelease(release: string): string {
  return release.replace(/\+/g, '_')
}

export function containerName(service: string, release: string): string {
  return `${service}-${release}`
}

/**
 * The `docker run` options of a release's container (the image goes after them). With
 * `proxy: nginx` each container gets a free 127.0.0.1 port of its host, chosen by docker.
 */
export function runOptions(
  settings: ContainersDriverSettings,
  release: string,
  version: string
): string[] {
  const publish =
    settings.proxy === 'nginx' ? `127.0.0.1::${settings.containerPort}` : settings.publish
  return [
    '--detach',
    '--name',
    containerName(settings.service, release),
    '--label',
    `shiprail.service=${settings.service}`,
    '--label',
    `shiprail.version=${version}`,
    '--label',
    `shiprail.release=${release}`,
    ...settings.dockerArgs,
    ...(publish ? ['--publish', publish] : [])
  ]
}

/** The port inside the container whose host port `docker port` should report. */
export function publishedContainerPort(settings: ContainersDriverSettings): number | undefined {
  if (settings.proxy === 'nginx') return settings.containerPort
  if (!settings.publish) return undefined
  return Number(
    settings.publish
      .replace(/\/(tcp|udp)$/, '')
      .split(':')
      .pop()
  )
}

/** How a new container's health is judged, given the host port it was published on. */
export function healthCheck(
  settings: ContainersDriverSettings,
  hostPort: number | undefined
): HealthCheck {
  let addr = '127.0.0.1'
  if (settings.proxy === 'none' && settings.publish) {
    // `ip:host:container` binds one address; 0.0.0.0 (every address) includes loopback.
    const ip = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\]):/.exec(settings.publish)?.[1]
    if (ip && ip !== '0.0.0.0' && ip !== '[::]') addr = ip.replace(/^\[|\]$/g, '')
  }
  return {
    mode: settings.healthPath ? 'http' : 'auto',
    addr,
    port: hostPort,
    path: settings.healthPath,
    timeoutSeconds: settings.healthTimeoutSeconds
  }
}

/** Releases that went live at least once on this host (a success line in its history). */
function wentLive(history: readonly HistoryEntry[]): Set<string> {
  return new Set(history.filter(e => e.outcome === 'success').map(e => e.release))
}

/**
 * Containers an earlier, interrupted deploy left: never live (no success line) and not serving
 * now. They are removed before a new deploy starts.
 */
export function leftovers(host: ContainerHost): ContainerInfo[] {
  const live = wentLive(host.history)
  return host.containers.filter(c => c.name !== host.live?.name && !live.has(c.release))
}

/**
 * Containers to remove after a release `live` went live: releasesToPrune's rule (the live one,
 * the rollback target and the newest `keep` good ones stay), applied to the kept containers,
 * and the images only they used.
 */
export function pruneContainers(
  history: readonly HistoryEntry[],
  containers: readonly ContainerInfo[],
  live: string,
  keep: number
): { containers: string[]; images: string[] } {
  const remove = new Set(
    releasesToPrune(
      history,
      containers.map(c => c.release),
      live,
      keep
    )
  )
  const gone = containers.filter(c => remove.has(c.release) && c.release !== live)
  const stay = containers.filter(c => !gone.includes(c))
  const usedImages = new Set(stay.map(c => c.image))
  // Only an image that once ran a live release is an old release's image. A container that never
  // went live (a failed or killed deploy) may run the very image the next deploy asks for (a
  // retry): removing it would untag that image and force a pull, or fail without a registry.
  const wentLive = new Set(history.filter(e => e.outcome !== 'failure').map(e => e.release))
  return {
    containers: gone.map(c => c.name),
    images: [...new Set(gone.filter(c => wentLive.has(c.release)).map(c => c.image))].filter(
      i => !usedImages.has(i)
    )
  }
}

/** Releases a rollback can return to here: a kept container, or a kept image with its arguments. */
export function rollbackCandidates(host: ContainerHost): string[] {
  const fromContainers = host.containers.map(c => c.release)
  const fromImages = host.history
    .filter(e => e.image && e.runArgs && host.images.has(e.image))
    .map(e => e.release)
  return [...new Set([...fromContainers, ...fromImages])]
}

/** The newest history line of a release that carries how its container was run. */
export function runRecord(
  history: readonly HistoryEntry[],
  release: string
): { image: string; runArgs: string[] } | undefined {
  const entry = [...history].reverse().find(e => e.release === release && e.image && e.runArgs)
  return entry ? { image: entry.image!, runArgs: entry.runArgs! } : undefined
}

/**
 * Picks each host's rollback target (release-history's rule, over the releases this host can
 * still run) and names its container; the problems when any host has none, or when the target
 * would run another image than the ID the ledger recorded for the version (`recorded`).
 */
export function pickTargets(
  hosts: ContainerHost[],
  service: string,
  version: string,
  recorded?: RecordedImages
): { ok: true } | { ok: false; problems: string[] } {
  const problems: string[] = []
  for (const host of hosts) {
    const pick = pickRollbackRelease(host.history, version, rollbackCandidates(host))
    if (!pick.ok) {
      problems.push(`${host.transport.label}: ${pick.reason}`)
      continue
    }
    const want = recordedImageId(recorded, host.transport.label)
    const has =
      host.containers.find(c => c.release === pick.release)?.image ??
      runRecord(host.history, pick.release)?.image
    if (want !== undefined && has !== undefined && has !== want) {
      problems.push(
        `${host.transport.label}: ${pick.release} runs ${has}, not ${want}, the image ID the ledger recorded for ${version}`
      )
      continue
    }
    host.report.release = pick.release
    host.next = { name: containerName(service, pick.release) }
  }
  return problems.length ? { ok: false, problems } : { ok: true }
}
