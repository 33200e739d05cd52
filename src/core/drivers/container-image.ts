import { copyFile, link, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { Context } from '../context.js'
import type { ContainersDriverSettings } from '../settings/containers-settings.js'
import { ensureImage, loadArchive, type ContainerHost } from './container-host.js'
import { failIfAny, forEachHost, timed } from './host-fleet.js'

const UPLOAD_TIMEOUT_MS = 3600_000

/**
 * Puts the image on every host: pulled unless present (a digest reference pins it), or a
 * `docker save` tarball uploaded over the host's connection and loaded. Records the image ID
 * each host will run: a tag can point elsewhere tomorrow, the ID cannot.
 */
export async function imageOntoHosts(
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
