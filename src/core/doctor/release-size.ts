import { lstat, open, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '../errors.js'

/**
 * Bytes a first deploy of `source` writes on a host: the sum of its files' sizes (a directory),
 * or the uncompressed size of a .tar.gz/.tgz, from the gzip trailer (ISIZE, RFC 1952 §2.3.1:
 * the size modulo 2^32, so an archive over 4 GiB is counted at least at its compressed size).
 * Later deploys hard-link unchanged files and need less: this is the upper bound.
 */
export async function releaseSize(source: string): Promise<number> {
  const info = await lstat(source).catch(() => undefined)
  if (!info) {
    throw new UserError(
      `Input 'source' is ${JSON.stringify(source)}, which does not exist; expected a directory or a .tar.gz/.tgz file.`
    )
  }
  if (info.isDirectory()) return directorySize(source)
  if (info.isFile() && /\.(tar\.gz|tgz)$/.test(source)) {
    const handle = await open(source, 'r')
    try {
      const trailer = Buffer.alloc(4)
      await handle.read(trailer, 0, 4, Math.max(0, info.size - 4))
      return Math.max(trailer.readUInt32LE(0), info.size)
    } finally {
      await handle.close()
    }
  }
  throw new UserError(
    `Input 'source' is ${JSON.stringify(source)}; expected a directory or a .tar.gz/.tgz file.`
  )
}

async function directorySize(root: string): Promise<number> {
  let total = 0
  const pending = [root]
  while (pending.length) {
    const dir = pending.pop()!
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) pending.push(full)
      else if (entry.isFile()) total += (await lstat(full)).size
    }
  }
  return total
}
