import { runAction } from '../action/run-action.js'

await runAction('rollback')
process.exit()
