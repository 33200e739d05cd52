import { parseRollbackSettings } from '../../core/settings/rollback-settings.js'
import { rollback } from '../../core/steps/rollback.js'
import { rollbackFailure, rollbackOutputs, rollbackSummary } from '../../report/rollback-report.js'
import { defineStep } from '../steps.js'

/** The rollback step, loaded only when it runs (see loadStepHandler). */
export const ROLLBACK = defineStep({
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
})
