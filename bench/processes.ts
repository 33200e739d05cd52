import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TimedRun {
  code: number | null
  stdout: string
  stderr: string
  /** From spawn to exit, measured here (what a user waits for). */
  wallMs: number
  /** Peak resident memory of the child in KiB, when measureMemory was asked for. */
  maxRssKiB?: number
}

export interface RunOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  input?: string
  /** The child is killed and the run fails after this long. */
  timeoutMs: number
  /** Wraps the child in GNU time to read its peak RSS (the child's, not the wrapper's). */
  measureMemory?: boolean
}

export const GNU_TIME = '/usr/bin/time'

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME)
}

/** Runs a program (argument array, no shell) and times it. */
export async function timedRun(
  command: string,
  args: string[],
  options: RunOptions
): Promise<TimedRun> {
  let timeFile: string | undefined
  let tempDir: string | undefined
  let program = command
  let argv = args
  if (options.measureMemory) {
    if (!hasGnuTime()) throw new Error(`${GNU_TIME} is needed to measure peak memory`)
    tempDir = await mkdtemp(join(tmpdir(), 'shiprail-bench-time-'))
    timeFile = join(tempDir, 'rss')
    // %M: maximum resident set size of the process in KiB (GNU time).
    argv = ['-f', '%M', '-o', timeFile, '--', command, ...args]
    program = GNU_TIME
  }
  try {
    const result = await new Promise<TimedRun>((resolve, reject) => {
      const started = process.hrtime.bigint()
      const child = spawn(program, argv, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
      })
      let stdout = ''
      let stderr = ''
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        child.kill('SIGKILL')
      }, options.timeoutMs)
      child.stdout?.on('data', d => (stdout += d))
      child.stderr?.on('data', d => (stderr += d))
      child.on('error', err => {
        clearTimeout(timer)
        reject(err)
      })
      child.on('close', code => {
        const wallMs = Number(process.hrtime.bigint() - started) / 1e6
        clearTimeout(timer)
        if (timedOut) {
          reject(
            new Error(
              `${command} timed out after ${options.timeoutMs} ms: ${lastLines(stderr || stdout)}`
            )
          )
        } else resolve({ code, stdout, stderr, wallMs })
      })
      if (child.stdin) {
        // A child that exits without reading its input must not crash the bench with EPIPE.
        child.stdin.on('error', () => undefined)
        child.stdin.end(options.input)
      }
    })
    if (timeFile) {
      const text = await readFile(timeFile, 'utf8')
      const kib = Number(text.trim().split('\n').pop())
      if (Number.isFinite(kib)) result.maxRssKiB = kib
    }
    return result
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  }
}

/** Like timedRun, but a non-zero exit is an error that shows the end of the output. */
export async function mustRun(
  command: string,
  args: string[],
  options: RunOptions
): Promise<TimedRun> {
  const result = await timedRun(command, args, options)
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.slice(0, 2).join(' ')} exited with ${result.code}: ${lastLines(result.stderr || result.stdout)}`
    )
  }
  return result
}

export function lastLines(text: string, count = 5): string {
  return text.trim().split('\n').slice(-count).join(' | ')
}
