import type { Context } from '../core/context.js'
import type { RawInputs, StepName } from '../core/inputs.js'
import type { CommonSettings, RunDefaults } from '../core/settings/common.js'
import { parseDeploySettings } from '../core/settings/deploy-settings.js'
import { deploy } from '../core/steps/deploy.js'
import { parseRollbackSettings } from '../core/settings/rollback-settings.js'
import { parseSmokeTestSettings } from '../core/settings/smoke-test-settings.js'
import { parseStatusCheckSettings } from '../core/settings/status-check-settings.js'
import { rollback } from '../core/steps/rollback.js'
import { smokeTest } from '../core/steps/smoke-test.js'
import { statusCheck } from '../core/steps/status-check.js'
import { deployFailure, deployOutputs, deploySummary } from '../report/deploy-report.js'
import { rollbackFailure, rollbackOutputs, rollbackSummary } from '../report/rollback-report.js'
import {
  smokeTestFailure,
  smokeTestOutputs,
  smokeTestSummary
} from '../report/smoke-test-report.js'
import {
  statusCheckFailure,
  statusCheckOutputs,
  statusCheckSummary
} from '../report/status-check-report.js'
import { historyOutputs, historySummary } from '../report/history-report.js'
import { parseHistorySettings } from '../core/settings/history-settings.js'
import { history } from '../core/steps/history.js'
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
function defineStep<S extends CommonSettings>(handler: {
  parse(raw: RawInputs, defaults: RunDefaults, workspace: string): S
  run(settings: S, ctx: Context): Promise<StepResult>
}): StepHandler {
  return handler as unknown as StepHandler
}

export const STEP_HANDLERS: Record<StepName, StepHandler> = {
  deploy: defineStep({
    parse: (raw, defaults) => parseDeploySettings(raw, defaults),
    async run(settings, ctx) {
      const result = await deploy(settings, ctx)
      return {
        data: result,
        outputs: deployOutputs(result),
        summary: runUrl => deploySummary(result, runUrl),
        failure: deployFailure(result)
      }
    }
  }),
  'smoke-test': defineStep({
    parse: (raw, defaults, workspace) => parseSmokeTestSettings(raw, defaults, workspace),
    async run(settings, ctx) {
      const result = await smokeTest(settings, ctx)
      return {
        data: result,
        outputs: smokeTestOutputs(result),
        summary: () => smokeTestSummary(result),
        failure: smokeTestFailure(result)
      }
    }
  }),
  'status-check': defineStep({
    parse: (raw, defaults, workspace) => parseStatusCheckSettings(raw, defaults, workspace),
    async run(settings, ctx) {
      const result = await statusCheck(settings, ctx)
      return {
        data: result,
        outputs: statusCheckOutputs(result),
        summary: runUrl => statusCheckSummary(result, runUrl),
        failure: statusCheckFailure(result)
      }
    }
  }),
  rollback: defineStep({
    parse: (raw, defaults) => parseRollbackSettings(raw, defaults),
    async run(settings, ctx) {
      const result = await rollback(settings, ctx)
      return {
        data: result,
        outputs: rollbackOutputs(result),
        summary: runUrl => rollbackSummary(result, runUrl),
        failure: rollbackFailure(result)
      }
    }
  }),
  history: defineStep({
    parse: (raw, defaults) => parseHistorySettings(raw, defaults),
    async run(settings, ctx) {
      const result = await history(settings, ctx)
      return {
        data: result,
        outputs: historyOutputs(result),
        summary: () => historySummary(result)
      }
    }
  })
}
