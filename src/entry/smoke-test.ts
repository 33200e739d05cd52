import { runAction } from '../action/run-action.js'

await runAction('smoke-test')
process.exit()
