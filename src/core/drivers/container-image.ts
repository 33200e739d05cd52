import { copyFile, link, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { Context } from '../context.js'
import { recordedImageId, type RecordedImages } from '../ledger/ledger.js'
import type { ContainersDriverSettings } from '../settings/containers-settings.js'
import {
  ensureImage,
  hasImage,
  loadArchive,
  makeDirectory,
  type ContainerHost
} from './container-host.js'
import { failIfAny, forEachHost, timed } from './host-fleet.js'
import { HostError } from './host-transport.js'

const UPLOAD_TIMEOUT_MS = 3600_000

/**
 * Puts the image on every host: pulled unless present (a digest reference pins it), or a
 * `docker save` tarball uploaded over the host's connection and loaded. Records the image ID
 * each host will run: a tag can point elsewhere tomorrow, the ID cannot. With `recorded` (the
 * IDs the ledger record names), a host that still has its ID uses it as is; one that lost it
 * gets the image again, which must have the same ID.
 */
export async function imageOntoHosts(
  hosts: ContainerHost[],
  settings: ContainersDriverSettings,
  ctx: Context,
  recorded?: RecordedImages
): Promise<void> {
  const known = hosts.filter(h => recordedImageId(recorded, h.transport.label) !== undefined)
  const present = await forEachHost(known, settings.parallel, host =>
    timed(host, 'image', async () => {
      const id = recordedImageId(recorded, host.transport.label)!
      if (await hasImage(host, id)) host.imageId = host.report.image = id
    })
  )
  failIfAny(known, present, 'Checking the image', 'Nothing was changed.')
  const missing = hosts.filter(h => h.imageId === undefined)
  if (missing.length) await deliver(missing, settings, ctx)
  for (const host of missing) {
    const id = recordedImageId(recorded, host.transport.label)
    if (id !== undefined && id !== host.imageId)
      throw new HostError(
        host.transport.label,
        `${settings.image} is now ${host.imageId}, not the ${id} this deployment recorded (the reference moved meanwhile). Nothing was changed.`
      )
  }
}

/**
 * The payload fields naming what the hosts run: one `image_id` when every host has the same,
 * else each host's in `image_ids`.
 */
export function recordedImages(hosts: ContainerHost[]): RecordedImages {
  const ids = new Set(hosts.map(h => h.imageId))
  if (ids.size === 1) return { image_id: hosts[0].imageId ?? null }
  return {
    image_id: null,
    image_ids: Object.fromEntries(hosts.map(h => [h.transport.label, h.imageId!]))
  }
}

async function deliver(
  hosts: ContainerHost[],
  settings: ContainersDriverSettings,
  ctx: Context
): Promise<void> {
  let staged: string | undefined
  try {
    const archive = settings.imageArchive ? resolve(ctx.run.workspace, settings.imageArchive) : ''
    if (archive && hosts.some(h => h.transport.label !== 'local')) {
      staged = await mkdtemp(join(tmpdir(), 'shiprail-image-'))
      // rsync sends directories: stage the tarball alone in one (a hard link costs nothing).
      await link(archive, join(staged, basename(archive))).catch(() =>
        copyFile(archive, join(staged!, basename(archive)))
      )
    }
    const results = await ctx.logger.group(`Image ${settings.image} onto every host`, () =>
      forEachHost(hosts, settings.parallel, host =>
        timed(host, 'image', async () => {
          if (!archive) {
            host.imageId = await ensureImage(host, settings.image, ctx.signal)
          } else if (host.transport.label === 'local') {
            host.imageId = await loadArchive(host, archive, settings.image, '', ctx.signal)
          } else {
            const dir = `${host.root}/.shiprail/upload`
            // The first deploy to a host has no state directory yet; rsync makes only the last.
            await makeDirectory(host, dir)
            await host.transport.upload(staged!, dir, {
              timeoutMs: UPLOAD_TIMEOUT_MS,
              signal: ctx.signal
            })
            host.imageId = await loadArchive(
              host,
              `${dir}/${basename(archive)}`,
              settings.image,
              dir,
              ctx.signal
            )
          }
          host.report.image = host.imageId
          ctx.logger.info(`${host.transport.label}: ${settings.image} is ${host.imageId}`)
        })
      )
    )
    failIfAny(hosts, results, 'Getting the image', 'Nothing was changed.')
  } finally {
    if (staged) await rm(staged, { recursive: true, force: true })
  }
}
