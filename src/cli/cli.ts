import { Redactor, type Clock } from '../core/context.js'
import { CheckFailedError, errorMessage, UserError } from '../core/errors.js'
import { readRunEnvironment } from '../runtime/run-environment.js'
import { createStepContext } from '../runtime/step-context.js'
import { toText } from '../report/summary.js'
import { helpText, parseArgs } from './args.js'
import { COMMANDS, handlerFor } from './commands.js'
import { terminalLogger } from './terminal-logger.js'
import { painter, summaryStyle, wantsColour } from './terminal-style.js'

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
  /** Whether stdout and stderr are terminals: colour only then (and without NO_COLOR). */
  stdoutIsTTY?: boolean
  stderrIsTTY?: boolean
}

/**
 * What `--json` prints when there is no step result (bad input, usage, an unexpected error), so
 * a script reading stdout gets one JSON object on every exit.
 */
export interface CliErrorJson {
  step: string | null
  outcome: 'bad-input' | 'failure' | 'error'
  exitCode: number
  error: string
}

/** The CLI: same engine and same results as the action; returns the exit status. */
export async function runCli(io: CliIo): Promise<number> {
  const secrets = new Redactor()
  // Known before the arguments are parsed, so even a parse error answers in JSON.
  const json = io.argv.includes('--json')
  const stepWord = (COMMANDS as readonly string[]).includes(io.argv[0]) ? io.argv[0] : null
  const paintOut = painter(wantsColour(io.stdoutIsTTY, io.env))
  const paintErr = painter(wantsColour(io.stderrIsTTY, io.env))
  const fail = (code: number, outcome: CliErrorJson['outcome'], message: string): number => {
    io.stderr(`${paintErr('red', 'error:')} ${message}\n`)
    if (json) {
      const body: CliErrorJson = { step: stepWord, outcome, exitCode: code, error: message }
      io.stdout(JSON.stringify(body, null, 2) + '\n')
    }
    return code
  }
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
    if (args.help) {
      io.stdout(helpText(args.step) + '\n')
      return EXIT.passed
    }
    if (!args.step) {
      if (json) return fail(EXIT.usage, 'bad-input', 'Give a step, e.g. shiprail deploy ...')
      io.stdout(helpText() + '\n')
      return EXIT.usage
    }
    const logger = terminalLogger(
      secrets,
      io.stderr,
      io.env.RUNNER_DEBUG === '1' || io.env.SHIPRAIL_DEBUG === '1',
      paintErr
    )
    const run = readRunEnvironment(io.env, io.cwd)
    const handler = await handlerFor(args.step)
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
    else io.stdout(secrets.redact(toText(result.summary(run.runUrl), summaryStyle(paintOut))))
    if (result.failure) {
      io.stderr(`${paintErr('red', 'error:')} ${secrets.redact(result.failure)}\n`)
      return EXIT.failed
    }
    return EXIT.passed
  } catch (err) {
    const message = secrets.redact(errorMessage(err))
    if (err instanceof UserError) return fail(EXIT.usage, 'bad-input', message)
    if (err instanceof CheckFailedError) return fail(EXIT.failed, 'failure', message)
    const code = fail(EXIT.failed, 'error', `Shiprail failed unexpectedly: ${message}`)
    if (io.env.SHIPRAIL_DEBUG === '1') io.stderr(secrets.redact((err as Error)?.stack ?? '') + '\n')
    return code
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
