import { setMaxListeners } from 'node:events'
import {
  systemClock,
  type Clock,
  type Context,
  type Logger,
  type Redactor
} from '../core/context.js'
import type { RawInputs } from '../core/inputs.js'
import type { CommonSettings } from '../core/settings/common.js'
import { createLedger } from './ledger-factory.js'
import type { RunEnvironment } from './run-environment.js'
import { runInfo } from './script-environment.js'

/** What an edge (the action or the CLI) knows when it is about to run a step. */
export interface ContextParts {
  settings: CommonSettings
  run: RunEnvironment
  /** The process environment; scripts inherit it with every secret taken out. */
  env: NodeJS.ProcessEnv
  /** The step's raw inputs: the secret ones' values are kept from every child process. */
  raw: RawInputs
  logger: Logger
  secrets: Redactor
  /** Aborted when the job is cancelled. */
  signal: AbortSignal
  /** The real clock unless a test passes its own. */
  clock?: Clock
  onDeploymentStarted?(id: string): void
  onDeploymentFinished?(id: string): void
}

/** Listeners the cancellation signal may have at once (hosts x commands, and margin). */
export const STEP_LISTENERS = 1000

/** The one place a step's Context is built, so the action and the CLI run the same engine. */
export async function createStepContext(parts: ContextParts): Promise<Context> {
  const clock = parts.clock ?? systemClock
  // Every process a step runs listens to the cancellation (one per host and command at once):
  // a deploy to 8 hosts passes Node's default of 10 and would print a leak warning.
  setMaxListeners(STEP_LISTENERS, parts.signal)
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
    run: runInfo(parts.run, parts.env, parts.raw)
  }
  if (parts.onDeploymentStarted) ctx.onDeploymentStarted = parts.onDeploymentStarted
  if (parts.onDeploymentFinished) ctx.onDeploymentFinished = parts.onDeploymentFinished
  return ctx
}
