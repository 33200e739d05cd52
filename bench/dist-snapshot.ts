import { cp, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { timedRun } from './processes.js'

/** The bundles scripts/build.mjs makes; the bench needs every one of them. */
export const BUNDLES = [
  'deploy',
  'smoke-test',
  'status-check',
  'rollback',
  'history',
  'action',
  'cli'
]

export interface DistSnapshot {
  /** A copy of dist/ that no rebuild can change while the bench runs. */
  dir: string
  /** Whether dist/ in the working tree matched the commit (`git status` shows no change). */
  matchesCommit: boolean
}

async function newestChange(dir: string): Promise<number> {
  let newest = 0
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const s = await stat(join(entry.parentPath, entry.name)).catch(() => undefined)
    if (s) newest = Math.max(newest, s.mtimeMs)
  }
  return newest
}

async function complete(dist: string): Promise<string[]> {
  const missing: string[] = []
  for (const b of BUNDLES) {
    if (!(await stat(join(dist, b, 'index.js')).catch(() => undefined))) missing.push(b)
  }
  return missing
}

/**
 * Copies dist/ once it is complete and has not changed for a few seconds: `npm run build`
 * deletes and rewrites the bundles one by one, and a bench that started mid-build (or a build
 * started mid-bench) would otherwise measure half of one version and half of another.
 */
export async function snapshotDist(
  root: string,
  into: string,
  log: (message: string) => void
): Promise<DistSnapshot> {
  const dist = join(root, 'dist')
  const deadline = Date.now() + 180_000
  for (;;) {
    const missing = await complete(dist)
    const quietMs = Date.now() - (await newestChange(dist))
    if (missing.length === 0 && quietMs > 5_000) break
    if (Date.now() > deadline) {
      throw new Error(
        missing.length
          ? `dist/ lacks ${missing.join(', ')}; run npm run build`
          : 'dist/ keeps changing (a build running?)'
      )
    }
    log(
      missing.length
        ? `waiting for dist/${missing[0]} (a build running?)`
        : 'waiting for dist/ to settle'
    )
    await new Promise(r => setTimeout(r, 3_000))
  }
  const dir = join(into, 'dist')
  await cp(dist, dir, { recursive: true })
  const status = await timedRun('git', ['status', '--porcelain', '--', 'dist'], {
    cwd: root,
    timeoutMs: 10_000
  })
  return { dir, matchesCommit: status.code === 0 && status.stdout.trim() === '' }
}
