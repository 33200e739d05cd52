import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Context } from '../context.js'
import { CheckFailedError } from '../errors.js'
import { describeExit, runProcess } from '../process-runner.js'
import type { CommandDriverSettings } from '../settings/deploy-settings.js'
import { requestVariables, type Driver, type DriverOutcome, type DriverRequest } from './driver.js'

/** Lines of a failed script's output the summary shows. */
const TAIL_LINES = 10

/**
 * Runs the user's bash script the way a `run:` step does (`bash -eo pipefail file`), with every
 * value in environment variables so no version or environment name becomes shell text.
 */
export function createCommandDriver(
  settings: CommandDriverSettings,
  baseEnv: NodeJS.ProcessEnv
): Driver {
  const scriptFor = (request: DriverRequest) =>
    request.operation === 'rollback' && settings.rollbackRun.trim() !== ''
      ? settings.rollbackRun
      : settings.run

  return {
    name: 'command',

    async preflight() {},

    plan(request) {
      const label =
        request.operation === 'rollback' && settings.rollbackRun.trim() ? 'rollback-run' : 'run'
      return [
        `run the \`${label}\` script with bash -eo pipefail (timeout ${settings.timeoutSeconds} s)`,
        ...Object.entries(requestVariables(request)).map(([k, v]) => `  ${k}=${v}`)
      ]
    },

    async apply(request: DriverRequest, ctx: Context): Promise<DriverOutcome> {
      const dir = await mkdtemp(join(ctx.run.tempDir ?? tmpdir(), 'shiprail-run-'))
      try {
        const file = join(dir, 'script.sh')
        await writeFile(file, scriptFor(request), { mode: 0o600 })
        const timeoutMs = settings.timeoutSeconds * 1000
        const tail: string[] = []
        const result = await runProcess('bash', {
          args: ['--noprofile', '--norc', '-eo', 'pipefail', file],
          cwd: ctx.run.workspace,
          env: { ...baseEnv, ...requestVariables(request) },
          timeoutMs,
          signal: ctx.signal,
          onLine: line => {
            const masked = ctx.secrets.redact(line)
            ctx.logger.info(masked)
            tail.push(masked)
            if (tail.length > TAIL_LINES) tail.shift()
          }
        })
        if (result.exitCode !== 0) {
          throw new CheckFailedError(
            `The ${request.operation} script ${describeExit(result, timeoutMs)}.`,
            tail
          )
        }
        return {}
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
}
