import { runAction } from '../action/run-action.js'

await runAction('status-check')
process.exit()
