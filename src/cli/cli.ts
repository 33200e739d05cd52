import { Redactor, type Clock } from '../core/context.js'
import { CheckFailedError, errorMessage, UserError } from '../core/errors.js'
import { readRunEnvironment } from '../runtime/run-environment.js'
import { createStepContext } from '../runtime/step-context.js'
import { toText } from '../report/summary.js'
import { helpText, parseArgs } from './args.js'
import { handlerFor } from './commands.js'
import { terminalLogger } from './terminal-logger.js'

export const EXIT = { passed: 0, failed: 1, usage: 2 } as const

export interface CliIo {
  argv: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
  version: string
  /** The real clock unless a test passes its own. */
  clock?: Clock
}

/** The CLI: same engine and same results as the action; returns the exit status. */
export async function runCli(io: CliIo): Promise<number> {
  const secrets = new Redactor()
  const controller = new AbortController()
  const onSignal = () => controller.abort(new Error('cancelled'))
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const args = parseArgs(io.argv, io.env, value => secrets.add(value))
    if (args.version) {
      io.stdout(`shiprail ${io.version}\n`)
      return EXIT.passed
    }
    if (args.help || !args.step) {
      io.stdout(helpText(args.step) + '\n')
      return args.help ? EXIT.passed : EXIT.usage
    }
    const logger = terminalLogger(
      secrets,
      io.stderr,
      io.env.RUNNER_DEBUG === '1' || io.env.SHIPRAIL_DEBUG === '1'
    )
    const run = readRunEnvironment(io.env, io.cwd)
    const handler = handlerFor(args.step)
    const settings = handler.parse(args.inputs, run.defaults, run.workspace)
    const ctx = await createStepContext({
      settings,
      run,
      env: io.env,
      logger,
      secrets,
      signal: controller.signal,
      clock: io.clock,
      raw: args.inputs
    })
    const result = await handler.run(settings, ctx)
    if (args.json) io.stdout(secrets.redact(JSON.stringify(result.data, null, 2)) + '\n')
    else io.stdout(secrets.redact(toText(result.summary(run.runUrl))))
    if (result.failure) {
      io.stderr(`error: ${secrets.redact(result.failure)}\n`)
      return EXIT.failed
    }
    return EXIT.passed
  } catch (err) {
    const message = secrets.redact(errorMessage(err))
    if (err instanceof UserError) {
      io.stderr(`error: ${message}\n`)
      return EXIT.usage
    }
    if (err instanceof CheckFailedError) {
      io.stderr(`error: ${message}\n`)
      return EXIT.failed
    }
    io.stderr(`error: Shiprail failed unexpectedly: ${message}\n`)
    if (io.env.SHIPRAIL_DEBUG === '1') io.stderr(secrets.redact((err as Error)?.stack ?? '') + '\n')
    return EXIT.failed
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
