import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Context } from '../context.js'
import { errorMessage } from '../errors.js'
import { describeExit, runProcess } from '../process-runner.js'
import { plural } from '../wording.js'

/**
 * status-check's log scan: the user's `log-command` (`kubectl logs`, `ssh host journalctl`,
 * `tail` of a file) is run once at the end of the window and every line it prints is matched
 * against `log-error-pattern`. Lines are counted as they stream, so a long log costs no memory;
 * only the first few matches are kept, with secrets blanked, for the report.
 */

/** How long the log command may run. */
export const LOG_COMMAND_TIMEOUT_MS = 60_000
/** Matching lines kept for the report. */
export const KEPT_MATCHES = 10
/** A kept line longer than this is cut: one stack-trace-sized line must not bloat the report. */
const MAX_LINE_CHARS = 500

export interface LogScanOptions {
  /** Bash script, run as `bash --noprofile --norc -eo pipefail <file>`. */
  command: string
  pattern: RegExp
  /** Error lines allowed. */
  maxErrors: number
  /** Extra variables for the script (window start, environment). */
  env?: Record<string, string>
  timeoutMs?: number
  keep?: number
}

export interface LogScanReport {
  /** The script as given, secrets shown as `***`. */
  command: string
  /** Lines that matched the pattern. */
  errorCount: number
  maxErrors: number
  /** Lines of output read (stdout and stderr). */
  linesScanned: number
  /** The first matching lines, secrets shown as `***`. */
  firstMatches: string[]
  passed: boolean
  /** Plain words: why it failed, or what was found. */
  reason: string
  /** The script's exit status (null when it was killed or never started). */
  exitCode: number | null
}

/** Counts the lines that match and keeps the first few. */
export class LogMatcher {
  count = 0
  lines = 0
  readonly first: string[] = []

  constructor(
    private readonly pattern: RegExp,
    private readonly keep = KEPT_MATCHES
  ) {}

  feed(line: string): void {
    this.lines++
    if (!this.pattern.test(line)) return
    this.count++
    if (this.first.length < this.keep) {
      this.first.push(line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line)
    }
  }
}

/** Counts matching lines of a text (pure; the same rules as a streamed scan). */
export function scanText(
  text: string,
  pattern: RegExp,
  keep = KEPT_MATCHES
): { count: number; lines: number; first: string[] } {
  const matcher = new LogMatcher(pattern, keep)
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  for (const line of lines) matcher.feed(line.replace(/\r$/, ''))
  return { count: matcher.count, lines: matcher.lines, first: matcher.first }
}

/**
 * Runs the log command and scans its output. Both streams are scanned, as a `run:` step shows
 * them: `docker logs` replays a container's stderr on stderr, where most services log. Never
 * throws for a failing command: a log scan that could not run is a failed scan with its reason,
 * since "no error lines" from a command that never read the logs would be a false all-clear.
 */
export async function runLogScan(options: LogScanOptions, ctx: Context): Promise<LogScanReport> {
  const redact = (text: string) => ctx.secrets.redact(text)
  const timeoutMs = options.timeoutMs ?? LOG_COMMAND_TIMEOUT_MS
  const matcher = new LogMatcher(options.pattern, options.keep ?? KEPT_MATCHES)
  const stderrTail: string[] = []
  const report = (passed: boolean, reason: string, exitCode: number | null): LogScanReport => ({
    command: redact(options.command),
    errorCount: matcher.count,
    maxErrors: options.maxErrors,
    linesScanned: matcher.lines,
    firstMatches: matcher.first.map(redact),
    passed,
    reason: redact(reason),
    exitCode
  })

  const dir = await mkdtemp(join(tmpdir(), 'shiprail-logs-'))
  try {
    const file = join(dir, 'log-command.sh')
    await writeFile(file, options.command, { mode: 0o600 })
    const env: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries({ ...ctx.run.env, ...options.env }))
      if (v !== undefined) env[k] = v
    let result
    try {
      result = await runProcess('bash', {
        args: ['--noprofile', '--norc', '-eo', 'pipefail', file],
        cwd: ctx.run.workspace,
        env,
        timeoutMs,
        signal: ctx.signal,
        onLine: (line, stream) => {
          matcher.feed(line)
          if (stream === 'stderr' && line.trim() !== '') {
            stderrTail.push(line.trim())
            if (stderrTail.length > 3) stderrTail.shift()
          }
        }
      })
    } catch (err) {
      return report(false, `log-command could not be started: ${errorMessage(err)}`, null)
    }
    if (result.exitCode !== 0) {
      const said = stderrTail.length ? `: ${stderrTail.join(' / ').slice(0, 300)}` : ''
      const partial = matcher.lines
        ? `; ${plural(matcher.count, 'error line')} in the ${plural(matcher.lines, 'line')} it printed`
        : ''
      return report(
        false,
        `log-command ${describeExit(result, timeoutMs)}${said}${partial}`,
        result.exitCode
      )
    }
    const within = matcher.count <= options.maxErrors
    const found = `${plural(matcher.count, 'error line')} in ${plural(matcher.lines, 'line')}`
    return report(
      within,
      within
        ? `${found}, at most ${options.maxErrors} allowed`
        : `${found}, over the ${options.maxErrors} allowed`,
      0
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
