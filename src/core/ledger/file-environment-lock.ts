import { mkdir, open, readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import type { Context } from '../context.js'
import type { EnvironmentLocking, LockAttempt, LockHolder } from './environment-lock.js'
import type { DeploymentRecord } from './ledger.js'
import { clampDescription, SHIPRAIL_MARK } from './ledger.js'

interface LockFile extends Omit<LockHolder, 'process'> {
  environment: string
  pid: number
  host: string
}

/**
 * `ledger: file`: one lock file per environment beside the ledger
 * (`<ledger-file>.<environment>.lock`), created exclusively (O_EXCL) and naming its holder.
 * A lock whose process is gone on this machine is stale: removed, its deployment ended with
 * `error`, said in the log. A lock from another machine cannot be checked and is never guessed
 * stale; the refusal names the file to remove.
 */
export class FileEnvironmentLock implements EnvironmentLocking {
  constructor(
    private readonly ledgerPath: string,
    /** Ends an abandoned holder's deployment. */
    private readonly endAbandoned: (id: string, description: string) => Promise<void>
  ) {}

  pathFor(environment: string): string {
    // Environment names may hold `/`; the lock stays one file beside the ledger.
    return `${this.ledgerPath}.${environment.replace(/\//g, '%2F')}.lock`
  }

  async tryLock(own: DeploymentRecord, ctx: Context): Promise<LockAttempt> {
    const path = this.pathFor(own.environment)
    await mkdir(dirname(path), { recursive: true })
    const mine: LockFile = {
      environment: own.environment,
      deploymentId: own.id,
      version: own.payload.version,
      runUrl: own.payload.run_url,
      since: ctx.clock.now().toISOString(),
      pid: process.pid,
      host: hostname()
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const handle = await open(path, 'wx')
        try {
          await handle.writeFile(JSON.stringify(mine, null, 2) + '\n')
        } finally {
          await handle.close()
        }
        return { acquired: true, release: () => this.release(path, own.id) }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const held = await readLock(path)
      // Vanished, or still being written: look again (a few times) before naming anyone.
      if (!held) {
        if (attempt < 5) continue
        return { acquired: false, holder: unknownHolder(path) }
      }
      if (attempt < 5 && isDeadHere(held)) {
        ctx.logger.warning(
          `Removing the stale lock of ${own.environment} (${path}): deployment ${held.deploymentId} of ${held.version}, process ${held.pid}@${held.host} is gone.`
        )
        await rm(path, { force: true })
        await this.endAbandoned(
          held.deploymentId,
          clampDescription(`${SHIPRAIL_MARK} abandoned: its process ${held.pid}@${held.host} died`)
        ).catch(() => undefined)
        continue
      }
      return {
        acquired: false,
        holder: {
          deploymentId: held.deploymentId,
          version: held.version,
          runUrl: held.runUrl,
          since: held.since,
          process: `pid ${held.pid}@${held.host}, ${path}`
        }
      }
    }
  }

  private async release(path: string, id: string): Promise<void> {
    // Only our own lock is removed: a lock taken over as stale belongs to someone else now.
    const held = await readLock(path)
    if (held?.deploymentId === id && held.pid === process.pid) await rm(path, { force: true })
  }
}

async function readLock(path: string): Promise<LockFile | undefined> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as Partial<LockFile>
    if (typeof data.pid !== 'number' || typeof data.deploymentId !== 'string') return undefined
    return data as LockFile
  } catch {
    return undefined
  }
}

function isDeadHere(held: LockFile): boolean {
  if (held.host !== hostname()) return false
  try {
    process.kill(held.pid, 0)
    return false
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

function unknownHolder(path: string): LockHolder {
  return {
    deploymentId: '?',
    version: '?',
    runUrl: null,
    since: '?',
    process: `unreadable ${path}`
  }
}
