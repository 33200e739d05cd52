import { existsSync, readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { DriverRequest } from '../../src/core/drivers/driver.js'
import { parseHistory, type HistoryEntry } from '../../src/core/drivers/release-history.js'
import type { ReleasesDriverSettings } from '../../src/core/settings/deploy-settings.js'

export function releasesSettings(
  overrides: Partial<ReleasesDriverSettings>
): ReleasesDriverSettings {
  return {
    kind: 'releases',
    source: '',
    hosts: [{ label: 'local', local: true, host: 'local' }],
    path: '/nonexistent',
    sshKey: '',
    knownHosts: '',
    strictHostKeyChecking: true,
    keepReleases: 5,
    shared: [],
    sharedPathsInput: false,
    beforeSwitch: '',
    beforeSwitchOnce: '',
    afterSwitch: '',
    parallel: 10,
    lockTimeoutSeconds: 0,
    ...overrides
  }
}

export function request(
  version: string,
  operation: 'deploy' | 'rollback' = 'deploy'
): DriverRequest {
  return {
    operation,
    environment: 'staging',
    version,
    ref: 'a'.repeat(40),
    deploymentId: `id-${version}`
  }
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `shiprail-${prefix}-`))
}

/** A release whose every file carries its version, so a whole release can be recognised. */
export async function writeRelease(
  dir: string,
  version: string,
  extra: Record<string, string> = {}
): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  await mkdir(join(dir, 'assets'), { recursive: true })
  await writeFile(join(dir, 'index.html'), pageBody(version))
  await writeFile(join(dir, 'assets', 'app.js'), assetBody(version))
  for (const [name, content] of Object.entries(extra)) {
    await mkdir(dirname(join(dir, name)), { recursive: true })
    await writeFile(join(dir, name), content)
  }
}

export const pageBody = (version: string) => `<html><body>release ${version}</body></html>\n`
/** Big enough that nginx is still sending it while a switch happens. */
export const assetBody = (version: string) =>
  `/* ${version} */\n` + `var v=${JSON.stringify(version)};\n`.repeat(4000)

/** The release directory `current` points to, or undefined. */
export function liveRelease(root: string): string | undefined {
  const link = join(root, 'current')
  if (!existsSync(link)) return undefined
  return basename(realpathSync(link))
}

export function currentLink(root: string): string | undefined {
  try {
    return readlinkSync(join(root, 'current'))
  } catch {
    return undefined
  }
}

export function releaseDirs(root: string): string[] {
  if (!existsSync(join(root, 'releases'))) return []
  // releases/.trash holds pruned releases while they are removed in the background.
  return readdirSync(join(root, 'releases'))
    .filter(n => !n.startsWith('.'))
    .sort()
}

export function history(root: string): HistoryEntry[] {
  const file = join(root, '.shiprail', 'history.jsonl')
  return existsSync(file) ? parseHistory(readFileSync(file, 'utf8')) : []
}

export function servedVersion(root: string): string | undefined {
  const file = join(root, 'current', 'index.html')
  if (!existsSync(file)) return undefined
  return /release ([^<\s]+)</.exec(readFileSync(file, 'utf8'))?.[1]
}

/** Waits for the prelinked tree a deploy to `root` starts in the background (see PRELINK_PERL). */
export async function prelinkDone(root: string, release: string): Promise<void> {
  const done = join(root, 'releases', `.prelink-${release}.done`)
  for (let waited = 0; !existsSync(done); waited += 10) {
    if (waited > 20_000) throw new Error(`no ${done}`)
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}
