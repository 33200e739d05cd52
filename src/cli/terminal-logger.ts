import type { Logger, Redactor } from '../core/context.js'
import type { Paint } from './terminal-style.js'

/** A phase this quick printed "took 0.0 s": noise, so its time is left out. */
const QUIET_MS = 50

/** Progress to stderr, so stdout carries only the summary (or the JSON result). */
export function terminalLogger(
  secrets: Redactor,
  write: (text: string) => void,
  verbose: boolean,
  paint: Paint = (_code, text) => text
): Logger {
  let depth = 0
  const line = (prefix: string, m: string) =>
    write(`${'  '.repeat(depth)}${prefix}${secrets.redact(m)}\n`)
  return {
    info: m => line('', m),
    warning: m => line(paint('yellow', 'warning: '), m),
    error: m => line(paint('red', 'error: '), m),
    debug: m => {
      if (verbose) line(paint('dim', 'debug: '), m)
    },
    async group(title, fn) {
      const start = Date.now()
      line(paint('bold', '▸ '), paint('bold', title))
      depth++
      try {
        return await fn()
      } finally {
        depth--
        const ms = Date.now() - start
        if (ms >= QUIET_MS) line('  ', paint('dim', `${title} took ${(ms / 1000).toFixed(1)} s`))
      }
    }
  }
}
