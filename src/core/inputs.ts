/**
 * Every input of every step, defined once. The action.yml files, the CLI flags, the defaults
 * applied when a value is empty, and the README tables all come from this table
 * (`npm run generate` writes the action.yml files; a test checks they are fresh).
 */

export const STEPS = ['deploy', 'smoke-test', 'status-check', 'rollback', 'history'] as const
export type StepName = (typeof STEPS)[number]

export interface InputDef {
  name: string
  description: string
  /** Default applied by the engine when the value is empty (action and CLI alike). */
  default?: string
  /** Default written into action.yml when it differs (an expression the runner evaluates). */
  actionDefault?: string
  /** Steps that require it. */
  requiredFor?: readonly StepName[]
  /** Steps that accept it. */
  steps: readonly StepName[]
  /** Masked wherever it could be shown. */
  secret?: boolean
}

const ALL = STEPS
const DEPLOYING = ['deploy', 'rollback'] as const
const PROBING = ['smoke-test', 'status-check'] as const

const INPUT_LIST = [
  // Common (SPEC §2)
  {
    name: 'environment',
    description: 'GitHub environment name, e.g. `staging` or `production`.',
    requiredFor: ['deploy', 'rollback', 'status-check', 'history'],
    steps: ALL
  },
  {
    name: 'token',
    description: 'Token for the Deployments API (needs `deployments: write`).',
    actionDefault: '${{ github.token }}',
    steps: ALL,
    secret: true
  },
  {
    name: 'ledger',
    description:
      'Where deploy history lives: `github` (Deployments API), `file` (JSON file at `ledger-file`) or `none`. Default: `github` inside Actions, `file` elsewhere.',
    steps: ALL
  },
  {
    name: 'ledger-file',
    description: 'Path of the JSON ledger when `ledger: file`.',
    default: '.shiprail/ledger.json',
    steps: ALL
  },
  {
    name: 'dry-run',
    description: 'Print the plan; write nothing to hosts or to the ledger.',
    default: 'false',
    steps: ALL
  },
  // deploy (SPEC §3)
  {
    name: 'version',
    description:
      'Label of what is deployed (semver, SHA, image tag): `[A-Za-z0-9][A-Za-z0-9._+-]{0,127}`.',
    requiredFor: ['deploy'],
    steps: ['deploy']
  },
  {
    name: 'ref',
    description:
      "Commit recorded with the deployment, as a full 40-hex SHA. Default: the run's commit.",
    actionDefault: '${{ github.sha }}',
    steps: DEPLOYING
  },
  {
    name: 'driver',
    description:
      'How the version is put live: `command` (your script) or `releases` (release directories over SSH).',
    default: 'command',
    steps: DEPLOYING
  },
  {
    name: 'environment-url',
    description: 'URL shown on the Environments page and given back as an output.',
    steps: DEPLOYING
  },
  {
    name: 'production-environment',
    description:
      'Whether this is a production environment. Default: true when `environment` is `production` or `prod`.',
    steps: DEPLOYING
  },
  {
    name: 'notify-url',
    description:
      'Webhook (secret) that gets a Slack-compatible JSON message after the step, success or failure.',
    steps: DEPLOYING,
    secret: true
  },
  {
    name: 'promote-from',
    description:
      'Environment where this exact version must already have deployed and passed its checks; otherwise the deploy refuses.',
    steps: ['deploy']
  },
  {
    name: 'run',
    description:
      'command driver: bash script (`bash -eo pipefail`) that deploys `$SHIPRAIL_VERSION`. Gets `SHIPRAIL_ENVIRONMENT`, `SHIPRAIL_VERSION`, `SHIPRAIL_PREVIOUS_VERSION`, `SHIPRAIL_REF`, `SHIPRAIL_DEPLOYMENT_ID`, `SHIPRAIL_OPERATION`.',
    steps: DEPLOYING
  },
  {
    name: 'rollback-run',
    description: 'command driver: script used by rollback. Default: `run` with the target version.',
    steps: DEPLOYING
  },
  {
    name: 'run-timeout',
    description:
      'command driver: seconds the script may run before it is stopped and the step fails.',
    default: '1800',
    steps: DEPLOYING
  },
  {
    name: 'source',
    description: 'releases driver: a directory or a `.tar.gz`/`.tgz` on the runner.',
    steps: ['deploy']
  },
  {
    name: 'hosts',
    description:
      'releases driver: newline- or comma-separated `[user@]host[:port]`; `local` is this machine, no SSH.',
    default: 'local',
    steps: DEPLOYING
  },
  {
    name: 'path',
    description: 'releases driver: deploy root on every host.',
    steps: DEPLOYING
  },
  {
    name: 'ssh-key',
    description: 'releases driver: private SSH key (secret).',
    steps: DEPLOYING,
    secret: true
  },
  {
    name: 'known-hosts',
    description:
      'releases driver: known_hosts lines for the hosts. Required for remote hosts unless `ssh-strict-host-key-checking: false`.',
    steps: DEPLOYING
  },
  {
    name: 'ssh-strict-host-key-checking',
    description: 'releases driver: verify host keys. Turning it off is logged as a warning.',
    default: 'true',
    steps: DEPLOYING
  },
  {
    name: 'keep-releases',
    description:
      'releases driver: releases kept per host; the live one and the rollback target are never pruned.',
    default: '5',
    steps: ['deploy']
  },
  {
    name: 'shared-paths',
    description:
      'releases driver: paths linked from `<path>/shared/` into every release (`.env`, `storage/`).',
    steps: ['deploy']
  },
  {
    name: 'before-switch',
    description:
      'releases driver: command run on each host inside the new release before the switch.',
    steps: ['deploy']
  },
  {
    name: 'after-switch',
    description: 'releases driver: command run on each host after the switch (reload a service).',
    steps: DEPLOYING
  },
  {
    name: 'parallel',
    description: 'releases driver: hosts worked on at once.',
    default: '10',
    steps: DEPLOYING
  },
  {
    name: 'lock-timeout',
    description:
      "Seconds to wait for another deploy of the environment (its ledger lock, and the releases driver's host locks); 0 fails at once, naming the holder.",
    default: '0',
    steps: DEPLOYING
  },
  // smoke-test and status-check (SPEC §4, §5)
  {
    name: 'url',
    description:
      'Base URL; checks with a `path` are joined to it. Alone, it is one check that expects 2xx.',
    steps: PROBING
  },
  {
    name: 'checks',
    description: 'YAML list of checks, inline or a path to a YAML file.',
    steps: PROBING
  },
  {
    name: 'timeout',
    description: 'smoke-test: overall deadline in seconds.',
    default: '120',
    steps: ['smoke-test']
  },
  {
    name: 'request-timeout',
    description: 'Seconds one request may take.',
    default: '10',
    steps: PROBING
  },
  {
    name: 'retry-interval',
    description:
      'smoke-test: first wait between attempts in seconds, then exponential with jitter.',
    default: '1',
    steps: ['smoke-test']
  },
  {
    name: 'consecutive-successes',
    description: 'smoke-test: passes in a row a check needs.',
    default: '1',
    steps: ['smoke-test']
  },
  {
    name: 'concurrency',
    description: 'Checks run at once.',
    default: '8',
    steps: PROBING
  },
  {
    name: 'interval',
    description: 'status-check: seconds between rounds of probes and queries.',
    default: '10',
    steps: ['status-check']
  },
  {
    name: 'duration',
    description: 'status-check: length of the watch window in seconds.',
    default: '60',
    steps: ['status-check']
  },
  {
    name: 'min-success-rate',
    description: 'status-check: lowest share of probes that must pass, 0 to 1.',
    default: '1.0',
    steps: ['status-check']
  },
  {
    name: 'max-p95-latency-ms',
    description: 'status-check: highest allowed 95th-percentile probe latency.',
    steps: ['status-check']
  },
  {
    name: 'prometheus-url',
    description: 'status-check: base URL of a Prometheus server.',
    steps: ['status-check']
  },
  {
    name: 'prometheus-queries',
    description: 'status-check: YAML list of `name`, `query`, `max` and/or `min`.',
    steps: ['status-check']
  },
  {
    name: 'record-verdict',
    description:
      '`auto`: record the verdict on the live deployment only when this same workflow run created it (a check run by hand only reports); `true`: always; `false`: never.',
    default: 'auto',
    steps: PROBING
  },
  {
    name: 'on-no-data',
    description: 'status-check: what a query with no data means: `fail` or `pass`.',
    default: 'fail',
    steps: ['status-check']
  },
  {
    name: 'log-command',
    description:
      'status-check: command whose output is scanned for errors at the end of the window.',
    steps: ['status-check']
  },
  {
    name: 'log-error-pattern',
    description: 'status-check: regular expression a log line matches when it is an error.',
    default: '\\b(ERROR|FATAL|panic)\\b',
    steps: ['status-check']
  },
  {
    name: 'max-log-errors',
    description: 'status-check: error lines allowed.',
    default: '0',
    steps: ['status-check']
  },
  // rollback (SPEC §6)
  {
    name: 'to-version',
    description:
      'rollback: version to return to. Default: the newest version before the live one that deployed and verified successfully.',
    steps: ['rollback']
  },
  {
    name: 'reason',
    description:
      'rollback: why; recorded in the ledger. Required for a manual rollback of production (one of a deployment this run did not create).',
    steps: ['rollback']
  },
  {
    name: 'force',
    description: 'rollback: allow a `to-version` that never deployed successfully here.',
    default: 'false',
    steps: ['rollback']
  },
  // history (SPEC §9)
  {
    name: 'metrics',
    description:
      'history: also compute deployment frequency, lead time, change failure rate and time to restore.',
    default: 'false',
    steps: ['history']
  },
  {
    name: 'since',
    description:
      'history: only deployments created in this window: `30d`, `12h`, `2w`, or a date like `2026-11-01`. Default: all.',
    steps: ['history']
  }
] as const satisfies readonly InputDef[]

export const INPUTS: readonly InputDef[] = INPUT_LIST

export type InputName = (typeof INPUT_LIST)[number]['name']

/** The root action's extra input choosing the step. */
export const STEP_INPUT = 'step'

export function inputsFor(step: StepName): readonly InputDef[] {
  return INPUTS.filter(i => i.steps.includes(step))
}

export function inputDef(name: string): InputDef | undefined {
  return INPUTS.find(i => i.name === name)
}

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
  { name: 'result', description: 'The whole result as JSON.', steps: ALL }
] as const satisfies readonly OutputDef[]

export const OUTPUTS: readonly OutputDef[] = OUTPUT_LIST

export type OutputName = (typeof OUTPUT_LIST)[number]['name']

export function outputsFor(step: StepName): readonly OutputDef[] {
  return OUTPUTS.filter(o => o.steps.includes(step))
}

/** State names shared by the main and post runs of an action. */
export const STATE = {
  isPost: 'isPost',
  deploymentId: 'deploymentId',
  finished: 'finished',
  ledger: 'ledger'
} as const

/** Raw input values by name, as given (empty or missing means "use the default"). */
export type RawInputs = Partial<Record<string, string>>
