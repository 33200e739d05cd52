import { DEPLOYING, PROBING, STEPS, type StepName } from './inputs.js'

/** Every step output, in one table: action.yml files and the README's output tables come from it. */
export interface OutputDef {
  name: string
  description: string
  steps: readonly StepName[]
}

const OUTPUT_LIST = [
  { name: 'deployment-id', description: 'Ledger id of the deployment made.', steps: DEPLOYING },
  { name: 'version', description: 'The version now live.', steps: DEPLOYING },
  {
    name: 'previous-version',
    description: 'The version live before the deploy.',
    steps: ['deploy']
  },
  { name: 'from-version', description: 'The version rolled back from.', steps: ['rollback'] },
  { name: 'environment-url', description: 'The environment URL recorded.', steps: ['deploy'] },
  { name: 'release', description: 'Release directory name (releases driver).', steps: ['deploy'] },
  { name: 'passed', description: '`true` when every check passed.', steps: ['smoke-test'] },
  {
    name: 'healthy',
    description: '`true` when the environment stayed healthy.',
    steps: ['status-check']
  },
  {
    name: 'success-rate',
    description: 'Share of probes that passed, 0 to 1.',
    steps: ['status-check']
  },
  { name: 'p95-ms', description: '95th-percentile probe latency in ms.', steps: ['status-check'] },
  { name: 'report', description: 'JSON report per check.', steps: PROBING },
  { name: 'live-version', description: 'The version live now.', steps: ['history'] },
  {
    name: 'rollback-version',
    description: 'The version a rollback would pick now (empty when there is none).',
    steps: ['history']
  },
  {
    name: 'metrics',
    description: 'Delivery metrics as JSON (with `metrics: true`).',
    steps: ['history']
  },
  { name: 'result', description: 'The whole result as JSON.', steps: STEPS }
] as const satisfies readonly OutputDef[]

export const OUTPUTS: readonly OutputDef[] = OUTPUT_LIST

export type OutputName = (typeof OUTPUT_LIST)[number]['name']

export function outputsFor(step: StepName): readonly OutputDef[] {
  return OUTPUTS.filter(o => o.steps.includes(step))
}

/** State names shared by the main and post runs of an action. */
