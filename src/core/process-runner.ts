import { spawn } from 'node:child_process'
import { StringDecoder } from 'node:string_decoder'

export interface RunOptions {
  /** Arguments passed as an array: nothing is ever parsed by a shell on our side. */
  args: string[]
  /**
   * The child's whole environment. Required, so no call can fall back to inheriting Shiprail's
   * own environment and the secrets in it: callers pass the context's script environment
   * (every secret taken out) or a minimal one.
   */
  env: Record<string, string | undefined>
  cwd?: string
  /** Written to stdin, then stdin is closed. */
  input?: string | Buffer
  /** Milliseconds before the process group is stopped (SIGTERM, then SIGKILL after 5 s). */
  timeoutMs: number
  signal?: AbortSignal
  /** Called with each complete line of output, stdout and stderr alike. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void
  /** Each piece of stdout as it arrives (cheaper than onLine for a long output read early). */
  onStdout?: (text: string) => void
  /** Keep the output in the result (bounded). */
  capture?: boolean
  /** The bound, per stream (default 1 MiB): what a script is expected to print at most. */
  captureLimit?: number
}

export interface RunResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  aborted: boolean
  stdout: string
  stderr: string
  durationMs: number
}

const CAPTURE_LIMIT = 1024 * 1024

/**
 * Runs a program and waits for it, with an explicit timeout. The child gets its own process
 * group so a timeout or a cancelled job stops the whole tree (a deploy script's children too).
 */
export function runProcess(command: string, options: RunOptions): Promise<RunResult> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true
    })
    let timedOut = false
    let aborted = false
    let killTimer: NodeJS.Timeout | undefined
    const captured = { stdout: '', stderr: '' }
    const pending = { stdout: '', stderr: '' }

    const stop = () => {
      if (child.pid === undefined || child.exitCode !== null) return
      killGroup(child.pid, 'SIGTERM')
      killTimer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'), 5000)
      killTimer.unref()
    }
    const timer = setTimeout(() => {
      timedOut = true
      stop()
    }, options.timeoutMs)
    const onAbort = () => {
      aborted = true
      stop()
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })
    if (options.signal?.aborted) onAbort()

    const limit = options.captureLimit ?? CAPTURE_LIMIT
    // A character split between two reads is decoded whole, with the second one.
    const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') }
    const feed = (stream: 'stdout' | 'stderr') => (chunk: Buffer) =>
      handle(stream, decoders[stream].write(chunk))
    const handle = (stream: 'stdout' | 'stderr', text: string) => {
      if (text === '') return
      if (options.capture && captured[stream].length < limit) {
        captured[stream] += text.slice(0, limit - captured[stream].length)
      }
      if (stream === 'stdout') options.onStdout?.(text)
      if (!options.onLine) return
      const lines = (pending[stream] + text).split('\n')
      pending[stream] = lines.pop() ?? ''
      for (const line of lines) options.onLine(line.replace(/\r$/, ''), stream)
    }
    child.stdout.on('data', feed('stdout'))
    child.stderr.on('data', feed('stderr'))
    child.stdin.on('error', () => {
      // The program may exit without reading its input; that is its business.
    })
    child.stdin.end(options.input ?? '')

    child.on('error', err => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      reject(err)
    })
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer)
      if (killTimer) clearTimeout(killTimer)
      options.signal?.removeEventListener('abort', onAbort)
      for (const stream of ['stdout', 'stderr'] as const) {
        handle(stream, decoders[stream].end())
        if (pending[stream] && options.onLine) options.onLine(pending[stream], stream)
      }
      resolve({
        exitCode,
        signal,
        timedOut,
        aborted,
        stdout: captured.stdout,
        stderr: captured.stderr,
        durationMs: Date.now() - started
      })
    })
  })
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/** "exited with status 3", "was stopped after 30 s (timeout)", ... */
export function describeExit(result: RunResult, timeoutMs: number): string {
  if (result.timedOut) return `was stopped after ${Math.round(timeoutMs / 1000)} s (timeout)`
  if (result.aborted) return 'was stopped because the job was cancelled'
  if (result.signal) return `was killed by ${result.signal}`
  return `exited with status ${result.exitCode}`
}
