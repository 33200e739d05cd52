import {
  systemClock,
  type Clock,
  type Context,
  type Logger,
  type Redactor
} from '../core/context.js'
import type { CommonSettings } from '../core/settings/common.js'
import { createLedger } from './ledger-factory.js'
import type { RunEnvironment } from './run-environment.js'

/** What an edge (the action or the CLI) knows when it is about to run a step. */
export interface ContextParts {
  settings: CommonSettings
  run: RunEnvironment
  /** The process environment scripts the user gives inherit. */
  env: NodeJS.ProcessEnv
  logger: Logger
  secrets: Redactor
  /** Aborted when the job is cancelled. */
  signal: AbortSignal
  /** The real clock unless a test passes its own. */
  clock?: Clock
  onDeploymentStarted?(id: string): void
  onDeploymentFinished?(id: string): void
}

/** The one place a step's Context is built, so the action and the CLI run the same engine. */
export async function createStepContext(parts: ContextParts): Promise<Context> {
  const clock = parts.clock ?? systemClock
  const ledger = await createLedger(parts.settings, {
    apiUrl: parts.run.apiUrl,
    workspace: parts.run.workspace,
    logger: parts.logger,
    clock
  })
  const ctx: Context = {
    logger: parts.logger,
    clock,
    ledger,
    secrets: parts.secrets,
    signal: parts.signal,
    run: {
      runUrl: parts.run.runUrl,
      actor: parts.run.actor,
      workspace: parts.run.workspace,
      env: parts.env,
      manual: parts.run.defaults.manual
    }
  }
  if (parts.onDeploymentStarted) ctx.onDeploymentStarted = parts.onDeploymentStarted
  if (parts.onDeploymentFinished) ctx.onDeploymentFinished = parts.onDeploymentFinished
  return ctx
}
