import { join } from 'node:path'
import { lastLines, timedRun } from './processes.js'

/** What the bench reads from `--json` (see src/core/steps/*.ts for the full objects). */
export interface CliJson {
  outcome?: string
  passed?: boolean
  durationMs: number
  driverMs?: number
  version?: string
  phases?: { name: string; ms: number }[]
  hosts?: {
    host: string
    bytesSent?: number
    filesLinked?: number
    phases: Record<string, number>
  }[]
  checks?: { name: string; passed: boolean; attempts: number; latencyMs: number | null }[]
}

export interface CliRun {
  /** Spawn to exit of `node dist/cli/index.js ...`: what a user in a terminal or CI waits. */
  wallMs: number
  json: CliJson
  stderr: string
  /**
   * The log groups' own timings (`▸ Lock` ... `Lock took 0.4 s`), in ms, by group title (a
   * release id at the end of a title is dropped). Read from the terminal log, so only as exact
   * as its 0.1 s and only as stable as its wording; the bench uses it for detail, never for a
   * headline number.
   */
  groups: Record<string, number>
}

export function groupTimings(log: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of log.matchAll(/^\s*(.+?) took (\d+(?:\.\d+)?) s$/gm)) {
    const title = m[1].replace(/ \d{8}T\d{6}Z-\S+$/, '')
    out[title] = (out[title] ?? 0) + Number(m[2]) * 1000
  }
  return out
}

/**
 * Runs the committed CLI bundle as a user types it, with `--json`, and fails on a non-zero exit.
 * Secrets go in SHIPRAIL_<INPUT> variables (as the CLI documents), not on the command line.
 */
export async function shiprail(
  dist: string,
  step: string,
  flags: Record<string, string>,
  options: { cwd: string; env?: Record<string, string>; timeoutMs: number }
): Promise<CliRun> {
  const args = [join(dist, 'cli', 'index.js'), step]
  for (const [name, value] of Object.entries(flags)) args.push(`--${name}`, value)
  args.push('--json')
  const run = await timedRun(process.execPath, args, {
    cwd: options.cwd,
    timeoutMs: options.timeoutMs,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? options.cwd,
      ...options.env
    }
  })
  if (run.code !== 0) {
    throw new Error(`shiprail ${step} exited with ${run.code}: ${lastLines(run.stderr, 8)}`)
  }
  let json: CliJson
  try {
    json = JSON.parse(run.stdout) as CliJson
  } catch {
    throw new Error(`shiprail ${step} --json printed no JSON: ${lastLines(run.stdout)}`)
  }
  return { wallMs: run.wallMs, json, stderr: run.stderr, groups: groupTimings(run.stderr) }
}
