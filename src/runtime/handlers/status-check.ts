import { parseStatusCheckSettings } from '../../core/settings/status-check-settings.js'
import { statusCheck } from '../../core/steps/status-check.js'
import {
  statusCheckFailure,
  statusCheckOutputs,
  statusCheckSummary
} from '../../report/status-check-report.js'
import { defineStep } from '../steps.js'

/** The status-check step, loaded only when it runs (see loadStepHandler). */
export const STATUS_CHECK = defineStep({
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
})
