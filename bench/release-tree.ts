import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** A generated release: `files` files spread over directories, sizes fixed by a seed. */
export interface ReleaseTree {
  dir: string
  files: number
  totalBytes: number
  /** The file `changeOneFile` rewrites (relative to dir). */
  changingFile: string
}

export interface TreeShape {
  files: number
  /** Sizes are drawn uniformly from [minBytes, maxBytes] (a PRNG seeded with `seed`). */
  minBytes: number
  maxBytes: number
  seed?: number
}

/** mulberry32: a small seeded PRNG, so the same shape gives the same sizes in every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Writes a release tree: 100 files per directory, two levels deep, like an app with its
 * dependencies. Contents are random bytes (incompressible, so neither ssh nor rsync gets a
 * free ride from compression).
 */
export async function writeReleaseTree(dir: string, shape: TreeShape): Promise<ReleaseTree> {
  await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  const random = prng(shape.seed ?? 1)
  const pool = randomBytes(Math.max(shape.maxBytes, 1) * 4)
  let totalBytes = 0
  let changingFile = ''
  const perDir = 100
  for (let start = 0; start < shape.files; start += perDir) {
    const d = Math.floor(start / perDir)
    const sub = join(`pkg-${Math.floor(d / 10)}`, `mod-${d % 10}`)
    await mkdir(join(dir, sub), { recursive: true })
    const writes: Promise<void>[] = []
    for (let i = start; i < Math.min(start + perDir, shape.files); i++) {
      const size = shape.minBytes + Math.floor(random() * (shape.maxBytes - shape.minBytes + 1))
      const offset = Math.floor(random() * (pool.length - size))
      const name = join(sub, `file-${i}.bin`)
      if (i === 0) changingFile = name
      totalBytes += size
      writes.push(writeFile(join(dir, name), pool.subarray(offset, offset + size)))
    }
    await Promise.all(writes)
  }
  return { dir, files: shape.files, totalBytes, changingFile }
}

/** Rewrites one file with new content: the "one-line fix" redeploy. */
export async function changeOneFile(tree: ReleaseTree, generation: number): Promise<void> {
  const content = Buffer.from(`generation ${generation} ${randomBytes(16).toString('hex')}\n`)
  await writeFile(join(tree.dir, tree.changingFile), content)
}

/** Gives every file a new modification time, as a fresh CI checkout does. */
export async function freshTimestamps(tree: ReleaseTree): Promise<void> {
  const now = new Date()
  const dirs = [tree.dir]
  while (dirs.length > 0) {
    const dir = dirs.pop()!
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) dirs.push(full)
      else await utimes(full, now, now)
    }
  }
}
