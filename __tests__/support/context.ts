import { Redactor, systemClock, type Context, type Logger } from '../../src/core/context.js'
import type { Ledger } from '../../src/core/ledger/ledger.js'
import { NoneLedger } from '../../src/core/ledger/none-ledger.js'

/** A logger that keeps every line, for assertions. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = []
  info(m: string) {
    this.lines.push(`info: ${m}`)
  }
  warning(m: string) {
    this.lines.push(`warning: ${m}`)
  }
  error(m: string) {
    this.lines.push(`error: ${m}`)
  }
  debug(m: string) {
    this.lines.push(`debug: ${m}`)
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`group: ${title}`)
    return fn()
  }
  text(): string {
    return this.lines.join('\n')
  }
}

export function testContext(
  overrides: Partial<Context> & { ledger?: Ledger } = {}
): Context & { logger: MemoryLogger } {
  return {
    logger: new MemoryLogger(),
    clock: systemClock,
    ledger: new NoneLedger(),
    secrets: new Redactor(),
    run: {
      workspace: process.cwd(),
      runUrl: 'https://github.com/o/r/actions/runs/1',
      env: { PATH: process.env.PATH, HOME: process.env.HOME }
    },
    signal: new AbortController().signal,
    ...overrides
  } as Context & { logger: MemoryLogger }
}
