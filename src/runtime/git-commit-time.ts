import { runProcess } from '../core/process-runner.js'

/** A commit is asked for by its SHA only, so nothing else can reach git's command line. */
const SHA = /^[0-9a-f]{7,64}$/i

/**
 * Commit times from the local git repository around the workspace, for the file ledger's lead
 * time. git gets no environment but PATH: it needs none of the run's variables (or secrets).
 */
export function gitCommitTime(workspace: string): (ref: string) => Promise<Date | undefined> {
  const cache = new Map<string, Promise<Date | undefined>>()
  const read = async (ref: string): Promise<Date | undefined> => {
    if (!SHA.test(ref)) return undefined
    const result = await runProcess('git', {
      args: ['-C', workspace, 'show', '-s', '--format=%cI', ref],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
      timeoutMs: 10_000,
      capture: true
    }).catch(() => undefined)
    const text = result?.exitCode === 0 ? result.stdout.trim() : ''
    const date = text ? new Date(text) : undefined
    return date && !Number.isNaN(date.getTime()) ? date : undefined
  }
  return ref => {
    let time = cache.get(ref)
    if (!time) {
      time = read(ref)
      cache.set(ref, time)
    }
    return time
  }
}
