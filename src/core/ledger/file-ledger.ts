import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname } from 'node:path'
import type { Clock } from '../context.js'
import { errorMessage, UserError } from '../errors.js'
import { FileEnvironmentLock } from './file-environment-lock.js'
import type { DeploymentRecord, Ledger, NewDeployment, NewStatus } from './ledger.js'
import { ledgerFileProblem } from './ledger-file-schema.js'

interface LedgerFile {
  schema: 1
  nextId: number
  deployments: DeploymentRecord[]
}

/** What the file system says when a path cannot be written (or its directory made). */
const UNWRITABLE_CODES = ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR']

/**
 * A path this job cannot write is said as such, naming the ledger file and the input, not as
 * an unexpected error about its lock file.
 */
function cannotWrite(path: string, err: unknown): unknown {
  if (!UNWRITABLE_CODES.includes((err as NodeJS.ErrnoException).code ?? '')) return err
  return new UserError(
    `Cannot write the ledger file ${path} (${errorMessage(err)}): set ledger-file to a path in a directory this job can write.`
  )
}

/** How long a writer may hold the lock before another process treats it as abandoned. */
const STALE_LOCK_MS = 30_000
/** How long a writer waits for the lock before giving up. */
const LOCK_WAIT_MS = 15_000

/**
 * `ledger: file`: the deploy history as one JSON file. Every change is a read-modify-write under
 * an exclusive lock file, written to a temporary file and renamed into place, so a reader never
 * sees half a file and two processes never lose each other's records.
 */
export class FileLedger implements Ledger {
  readonly kind = 'file' as const

  readonly commitSource = 'the local git repository (git show -s --format=%cI)'

  readonly locking: FileEnvironmentLock

  constructor(
    readonly path: string,
    private readonly clock: Clock,
    /** Reads a commit's time where the deployments' commits live (the local repository). */
    readonly commitTime?: (ref: string) => Promise<Date | undefined>,
    /**
     * Wall time for the lock's wait limit and staleness, which compare with file times; a test
     * passes its own to reach the limits without waiting them out.
     */
    private readonly wallTime: () => number = Date.now
  ) {
    this.locking = new FileEnvironmentLock(path, (id, description) =>
      this.addStatus(id, { state: 'error', description })
    )
  }

  async *history(environment: string): AsyncIterable<DeploymentRecord> {
    const data = await this.read()
    const records = data.deployments.filter(d => d.environment === environment)
    for (let i = records.length - 1; i >= 0; i--) yield records[i]
  }

  async create(deployment: NewDeployment): Promise<DeploymentRecord> {
    return this.update(data => {
      const now = this.clock.now().toISOString()
      const record: DeploymentRecord = {
        id: String(data.nextId++),
        environment: deployment.environment,
        ref: deployment.ref,
        createdAt: now,
        payload: deployment.payload,
        statuses: [
          {
            state: 'in_progress',
            description: deployment.description,
            logUrl: deployment.logUrl,
            createdAt: now
          }
        ]
      }
      data.deployments.push(record)
      return record
    })
  }

  async addStatus(id: string, status: NewStatus): Promise<void> {
    await this.update(data => {
      const record = data.deployments.find(d => d.id === id)
      if (!record) throw new UserError(`Deployment ${id} is not in the ledger file ${this.path}.`)
      // Keep statuses strictly ordered even when two land in the same millisecond.
      const last = record.statuses[record.statuses.length - 1]?.createdAt ?? ''
      let createdAt = this.clock.now().toISOString()
      if (createdAt <= last) createdAt = new Date(Date.parse(last) + 1).toISOString()
      record.statuses.push({ ...status, createdAt })
    })
  }

  private async read(): Promise<LedgerFile> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return { schema: 1, nextId: 1, deployments: [] }
      // Only a missing file is an empty history: reading any other failure as one would let a
      // rollback pick from nothing and a deploy overwrite every record.
      throw new UserError(
        `The ledger file ${this.path} cannot be read (${code ?? errorMessage(err)}); fix or move it, or set ledger-file to a path this job can read and write.`
      )
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      throw new UserError(`The ledger file ${this.path} is not valid JSON; fix or move it.`)
    }
    const problem = ledgerFileProblem(data)
    if (problem) {
      throw new UserError(
        `The ledger file ${this.path} is not a Shiprail ledger: ${problem}; fix or move it.`
      )
    }
    return data as LedgerFile
  }

  private async update<T>(change: (data: LedgerFile) => T): Promise<T> {
    await mkdir(dirname(this.path), { recursive: true }).catch(err => {
      throw cannotWrite(this.path, err)
    })
    const release = await this.lock()
    try {
      const data = await this.read()
      const result = change(data)
      const tmp = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      await writeFile(tmp, JSON.stringify(data, null, 2) + '\n')
      await rename(tmp, this.path)
      return result
    } finally {
      await release()
    }
  }

  private async lock(): Promise<() => Promise<void>> {
    const lockPath = `${this.path}.lock`
    const deadline = this.wallTime() + LOCK_WAIT_MS
    for (;;) {
      try {
        const handle = await open(lockPath, 'wx')
        await handle.writeFile(
          JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })
        )
        await handle.close()
        return () => rm(lockPath, { force: true })
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(this.path, err)
      }
      if (await this.isStale(lockPath)) {
        await rm(lockPath, { force: true })
        continue
      }
      if (this.wallTime() > deadline) {
        throw new UserError(
          `The ledger file ${this.path} stayed locked for ${LOCK_WAIT_MS / 1000} s (${lockPath}).`
        )
      }
      await this.clock.sleep(10 + Math.random() * 40)
    }
  }

  private async isStale(lockPath: string): Promise<boolean> {
    try {
      const info = await stat(lockPath)
      if (this.wallTime() - info.mtimeMs > STALE_LOCK_MS) return true
      const holder = JSON.parse(await readFile(lockPath, 'utf8')) as { pid?: number; host?: string }
      if (holder.host === hostname() && typeof holder.pid === 'number') {
        try {
          process.kill(holder.pid, 0)
        } catch (err) {
          return (err as NodeJS.ErrnoException).code === 'ESRCH'
        }
      }
      return false
    } catch {
      // Vanished or half-written: let the next attempt decide.
      return false
    }
  }
}
