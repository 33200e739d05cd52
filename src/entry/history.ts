import { runAction } from '../action/run-action.js'
import { isMainModule } from './main-module.js'

/** The history step (or its post run), as GitHub's action template exports it. */
export async function run(): Promise<void> {
  await runAction('history')
}

// Exit once the step is done even if a client left a keep-alive socket or timer behind.
if (isMainModule(import.meta.url)) await run().then(() => process.exit())
