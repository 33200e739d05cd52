import { parseSmokeTestSettings } from '../../core/settings/smoke-test-settings.js'
import { smokeTest } from '../../core/steps/smoke-test.js'
import {
  smokeTestFailure,
  smokeTestOutputs,
  smokeTestSummary
} from '../../report/smoke-test-report.js'
import { defineStep } from '../steps.js'

/** The smoke-test step, loaded only when it runs (see loadStepHandler). */
export const SMOKE_TEST = defineStep({
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
})
