import { runAction } from '../action/run-action.js'

await runAction('deploy')
process.exit()
