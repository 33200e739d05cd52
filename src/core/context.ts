import type { Ledger } from './ledger/ledger.js'

/** Where the engine writes what it does. Adapters decide how (runner log commands, terminal). */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  error(message: string): void
  debug(message: string): void
  /** Folds a phase of work; returns what fn returns. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
}

export interface Clock {
  now(): Date
  /** Resolves after ms, or rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Facts about the run the engine may record; the edges fill them from the runner or flags. */
export interface RunInfo {
  /** Link to the run that does the work (Actions run URL, CI job URL), if any. */
  runUrl?: string
  /** Who started the run. */
  actor?: string
  /** Working directory relative paths resolve against. */
  workspace: string
  /**
   * Environment handed to the scripts the user gives (deploy scripts, hooks, log commands), with
   * every secret Shiprail was given taken out (runtime/script-environment.ts).
   */
  env: Record<string, string | undefined>
  /** Directory for files that hold key material; the runner empties RUNNER_TEMP after the job. */
  tempDir?: string
  /** A person started this run by hand (workflow_dispatch, or the CLI outside CI). */
  manual?: boolean
}

/** Everything the engine needs besides its settings. It never reads process.env itself. */
export interface Context {
  logger: Logger
  clock: Clock
  ledger: Ledger
  secrets: Redactor
  run: RunInfo
  /** Aborted when the job is cancelled (SIGINT/SIGTERM). */
  signal: AbortSignal
  /** Called as soon as a deployment record exists, so a post step can finish it. */
  onDeploymentStarted?(id: string): void
  /** Called once the record has a terminal status. */
  onDeploymentFinished?(id: string): void
}

/** Remembers secrets and blanks them out of any text before it is shown. */
export class Redactor {
  private readonly values = new Set<string>()
  private readonly listeners: ((secret: string) => void)[] = []

  add(secret: string | undefined): void {
    if (!secret) return
    for (const value of [secret, ...secret.split(/\r?\n/)]) {
      const v = value.trim()
      // Very short values would blank out ordinary words; the runner applies the same rule.
      if (v.length < 4 || this.values.has(v)) continue
      this.values.add(v)
      for (const listener of this.listeners) listener(v)
    }
  }

  onAdd(listener: (secret: string) => void): void {
    this.listeners.push(listener)
    for (const v of this.values) listener(v)
  }

  redact(text: string): string {
    let out = text
    // Longest first, so a secret that contains another is blanked whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
      out = out.split(v).join('***')
    }
    return out
  }
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = () => {
        clearTimeout(timer)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}
