import { parseHistorySettings } from '../../core/settings/history-settings.js'
import { history } from '../../core/steps/history.js'
import { historyOutputs, historySummary } from '../../report/history-report.js'
import { defineStep } from '../steps.js'

/** The history step, loaded only when it runs (see loadStepHandler). */
export const HISTORY = defineStep({
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
