import { parseDeploySettings } from '../../core/settings/deploy-settings.js'
import { deploy } from '../../core/steps/deploy.js'
import { deployFailure, deployOutputs, deploySummary } from '../../report/deploy-report.js'
import { defineStep } from '../steps.js'

/** The deploy step, loaded only when it runs (see loadStepHandler). */
export const DEPLOY = defineStep({
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
})
