import { runAction } from '../action/run-action.js'

await runAction('history')
process.exit()
