import * as core from '@actions/core'
import { runAction } from '../action/run-action.js'
import { STEP_INPUT, STEPS, type StepName } from '../core/inputs.js'
import { isMainModule } from './main-module.js'

/** The root action: `uses: shiprail/shiprail@v1` with `step:` choosing the step. */
export async function run(): Promise<void> {
  const step = core.getInput(STEP_INPUT).trim()
  if ((STEPS as readonly string[]).includes(step)) {
    await runAction(step as StepName)
  } else {
    core.setFailed(
      `Input 'step' is ${JSON.stringify(step)}; expected one of ${STEPS.map(s => `\`${s}\``).join(', ')}.`
    )
  }
}

// Exit once the step is done even if a client left a keep-alive socket or timer behind.
if (isMainModule(import.meta.url)) await run().then(() => process.exit())
