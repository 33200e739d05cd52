import type { Logger, Redactor } from '../core/context.js'

/** Progress to stderr, so stdout carries only the summary (or the JSON result). */
export function terminalLogger(
  secrets: Redactor,
  write: (text: string) => void,
  verbose: boolean
): Logger {
  let depth = 0
  const line = (prefix: string, m: string) =>
    write(`${'  '.repeat(depth)}${prefix}${secrets.redact(m)}\n`)
  return {
    info: m => line('', m),
    warning: m => line('warning: ', m),
    error: m => line('error: ', m),
    debug: m => {
      if (verbose) line('debug: ', m)
    },
    async group(title, fn) {
      const start = Date.now()
      line('▸ ', title)
      depth++
      try {
        return await fn()
      } finally {
        depth--
        line('  ', `${title} took ${((Date.now() - start) / 1000).toFixed(1)} s`)
      }
    }
  }
}
