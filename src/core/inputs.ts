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
  /** `true`/`false`: the CLI flag may stand alone (`--dry-run` means `--dry-run true`). */
  boolean?: boolean
}

const ALL = STEPS
export const DEPLOYING = ['deploy', 'rollback'] as const
export const PROBING = ['smoke-test', 'status-check'] as const

const INPUT_LIST = [
  // Common: every step has these.
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
    steps: ALL,
    boolean: true
  },
  // deploy: what goes live, how (driver), and where the record goes.
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
      'How the version is put live: `command` (your script), `releases` (release directories over SSH) or `containers` (Docker containers behind a health-gated switch).',
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
    steps: DEPLOYING,
    boolean: true
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
      'Environment where this exact version, from the same commit (`ref`), must already have deployed and passed its checks; otherwise the deploy refuses.',
    steps: ['deploy']
  },
  {
    name: 'run',
    description:
      "command driver: bash script (`bash -eo pipefail`) that deploys `$SHIPRAIL_VERSION`. Gets `SHIPRAIL_ENVIRONMENT`, `SHIPRAIL_VERSION`, `SHIPRAIL_PREVIOUS_VERSION`, `SHIPRAIL_REF`, `SHIPRAIL_DEPLOYMENT_ID`, `SHIPRAIL_OPERATION`, and the job's environment without Shiprail's secrets (no `INPUT_*`, no token, key or webhook URL).",
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
    description:
      'releases driver: deploy root on every host. containers driver: state directory (lock, history) on every host; default `~/.shiprail/<service>`.',
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
    steps: DEPLOYING,
    boolean: true
  },
  {
    name: 'keep-releases',
    description:
      'releases driver: releases kept per host; the live one and the rollback target are never pruned.',
    default: '5',
    steps: ['deploy']
  },
  // Files and directories apart (Capistrano's linked_files / linked_dirs): a missing shared file
  // must fail the deploy, never become an empty directory the app then trips over.
  {
    name: 'shared-files',
    description:
      'releases driver: files linked from `<path>/shared/` into every release (`.env`, `config/master.key`). One missing on a host (and not in the build, which would seed it) fails the deploy before the switch.',
    steps: ['deploy']
  },
  {
    name: 'shared-dirs',
    description:
      'releases driver: directories linked from `<path>/shared/` into every release (`storage`, `public/uploads`); created (seeded from the build, or empty) when missing.',
    steps: ['deploy']
  },
  {
    name: 'shared-paths',
    description:
      'releases driver, deprecated: use `shared-files` and `shared-dirs`. An entry ending in `/` is a directory, any other a file.',
    steps: ['deploy']
  },
  {
    name: 'before-switch',
    description:
      'releases driver: command run on each host inside the new release before the switch. containers driver: run once, on the first host, in a one-off container of the new image (migrations).',
    steps: ['deploy']
  },
  {
    name: 'before-switch-once',
    description:
      'releases driver: command run once, on the first host of `hosts`, inside its new release, after its `before-switch` and before the other hosts run theirs (migrations). A failure switches no host.',
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
  // containers driver; hosts, path, ssh-*, parallel, lock-timeout, keep-releases and
  // the switch hooks are shared with the releases driver above.
  {
    name: 'image',
    description:
      'containers driver: image to run (`name:tag`, `registry/name:tag` or `…@sha256:…`); pulled on each host unless present.',
    steps: ['deploy']
  },
  {
    name: 'image-archive',
    description:
      'containers driver: a `docker save` tarball (`.tar`, `.tar.gz`) on the runner, uploaded and `docker load`ed on each host instead of a pull.',
    steps: ['deploy']
  },
  {
    name: 'service',
    description:
      'containers driver: service name on the hosts, `[a-z0-9][a-z0-9_.-]{0,62}`; containers are named `<service>-<release>`.',
    steps: DEPLOYING
  },
  {
    name: 'container-port',
    description:
      'containers driver: port the app listens on inside the container; with `proxy: nginx` it is published on a free 127.0.0.1 port of each host.',
    steps: DEPLOYING
  },
  {
    name: 'health-path',
    description:
      "containers driver: HTTP path polled on each new container until it answers 2xx. Without it the image's `HEALTHCHECK` is awaited, else the container must still run after 5 s.",
    steps: DEPLOYING
  },
  {
    name: 'health-timeout',
    description:
      'containers driver: seconds for every new container to become healthy, else the deploy fails and the new containers are removed.',
    default: '60',
    steps: DEPLOYING
  },
  {
    name: 'docker-args',
    description:
      'containers driver: extra `docker run` arguments, one per line (`--env-file=/etc/app.env`); `--name`, `--publish`/`-p`, `--detach`/`-d` and `--rm` are refused.',
    steps: DEPLOYING
  },
  {
    name: 'proxy',
    description:
      'containers driver: `nginx` (switch an upstream file, then drain the old container) or `none` (stop the old container, start the new one).',
    default: 'none',
    steps: DEPLOYING
  },
  {
    name: 'publish',
    description:
      "containers driver: with `proxy: none`, the live container's `docker run --publish` value (`80:8080`, `127.0.0.1:3000:3000`).",
    steps: DEPLOYING
  },
  {
    name: 'upstream-file',
    description:
      'containers driver: required with `proxy: nginx`; the file an nginx `upstream { include …; }` block includes, replaced atomically.',
    steps: DEPLOYING
  },
  {
    name: 'proxy-reload',
    description: 'containers driver: command run on each host after its upstream file changes.',
    default: 'nginx -s reload',
    steps: DEPLOYING
  },
  {
    name: 'drain-seconds',
    description:
      'containers driver: seconds the old container keeps running after the switch before it is stopped (kept for rollback).',
    default: '10',
    steps: DEPLOYING
  },
  // smoke-test and status-check: the checks both run, and each one's run control.
  {
    name: 'url',
    description:
      'Base URL; checks with a `path` are joined to it. Alone, it is one check that expects 2xx.',
    steps: PROBING
  },
  {
    name: 'checks',
    description:
      'List of checks (format: docs/checks.md): inline YAML, or a path to a `.yml`, `.yaml` or `.json` file.',
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
  // One blip is not an outage: the defaults let a single failed probe of the default window's 7
  // per check through, and fail on two in a row or on two of 7 (docs: "What the defaults tolerate").
  {
    name: 'min-success-rate',
    description:
      "status-check: lowest share of each check's probes that must pass, 0 to 1. The default lets 1 failed probe of 7 through (the default 60 s window, every 10 s).",
    default: '0.85',
    steps: ['status-check']
  },
  {
    name: 'max-consecutive-failures',
    description:
      'status-check: failed probes in a row a check may have; one more is an outage, not a blip, and ends the window unhealthy.',
    default: '1',
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
  // rollback: the target (default: newest known-good before the live one) and why.
  {
    name: 'to-version',
    description:
      'rollback: version to return to. Default: the newest known-good version before the live one (a verified one first, else one with no check recorded).',
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
    steps: ['rollback'],
    boolean: true
  },
  // history: an environment's deployments and delivery metrics.
  {
    name: 'metrics',
    description:
      'history: also compute deployment frequency, lead time, change failure rate and time to restore.',
    default: 'false',
    steps: ['history'],
    boolean: true
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

/** Variable a CLI input can also come from, so secrets need not be on the command line. */
export function envNameFor(input: string): string {
  return `SHIPRAIL_${input.toUpperCase().replace(/-/g, '_')}`
}

/** The root action's extra input choosing the step. */
export const STEP_INPUT = 'step'

export function inputsFor(step: StepName): readonly InputDef[] {
  return INPUTS.filter(i => i.steps.includes(step))
}

export function inputDef(name: string): InputDef | undefined {
  return INPUTS.find(i => i.name === name)
}

export const STATE = {
  isPost: 'isPost',
  deploymentId: 'deploymentId',
  finished: 'finished'
} as const

/** Raw input values by name, as given (empty or missing means "use the default"). */
export type RawInputs = Partial<Record<string, string>>
