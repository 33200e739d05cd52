import type { Context } from '../core/context.js'
import type { RawInputs, StepName } from '../core/inputs.js'
import type { CommonSettings, RunDefaults } from '../core/settings/common.js'
import type { SummaryDoc } from '../report/summary.js'

/** What an edge (action or CLI) needs to run one step: parse, run, and present. */
export interface StepHandler {
  parse(raw: RawInputs, defaults: RunDefaults, workspace: string): CommonSettings
  run(settings: CommonSettings, ctx: Context): Promise<StepResult>
}

export interface StepResult {
  /** The whole result, as printed by --json and the `result` output. */
  data: unknown
  outputs: Record<string, string>
  summary(runUrl?: string): SummaryDoc
  /** One line saying why the step failed, or undefined when it passed. */
  failure?: string
}

/** Ties a step's parser to its runner so each sees its own settings type. */
export function defineStep<S extends CommonSettings>(handler: {
  parse(raw: RawInputs, defaults: RunDefaults, workspace: string): S
  run(settings: S, ctx: Context): Promise<StepResult>
}): StepHandler {
  return handler as unknown as StepHandler
}

/**
 * The step's handler, loaded when it runs: a command evaluates only its own step's code (and a
 * deploy reaches its first SSH connection sooner), not every step's, checks' and YAML's.
 */
export function loadStepHandler(step: StepName): Promise<StepHandler> {
  switch (step) {
    case 'deploy':
      return import('./handlers/deploy.js').then(m => m.DEPLOY)
    case 'smoke-test':
      return import('./handlers/smoke-test.js').then(m => m.SMOKE_TEST)
    case 'status-check':
      return import('./handlers/status-check.js').then(m => m.STATUS_CHECK)
    case 'rollback':
      return import('./handlers/rollback.js').then(m => m.ROLLBACK)
    case 'history':
      return import('./handlers/history.js').then(m => m.HISTORY)
  }
}
