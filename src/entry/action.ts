import * as core from '@actions/core'
import { runAction } from '../action/run-action.js'
import { STEP_INPUT, STEPS, type StepName } from '../core/inputs.js'

// The root action: `uses: shiprail/shiprail@v1` with `step:` choosing the step.
const step = core.getInput(STEP_INPUT).trim()
if ((STEPS as readonly string[]).includes(step)) {
  await runAction(step as StepName)
} else {
  core.setFailed(
    `Input 'step' is ${JSON.stringify(step)}; expected one of ${STEPS.map(s => `\`${s}\``).join(', ')}.`
  )
}
process.exit()
