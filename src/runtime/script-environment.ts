import type { RunInfo } from '../core/context.js'
import { INPUTS, envNameFor, type RawInputs } from '../core/inputs.js'
import type { RunEnvironment } from './run-environment.js'

/**
 * The one place the environment of every program Shiprail starts for the user is built: the
 * `run` and `rollback-run` scripts, local before-switch/after-switch hooks, `log-command`, and
 * the ssh and rsync processes behind them.
 *
 * The rule: a child never receives a secret Shiprail was given, under any name. The runner hands
 * an action its inputs as INPUT_<NAME> variables (the token, the SSH key, the webhook URL among
 * them), and a CLI user hands them as SHIPRAIL_<NAME> or GITHUB_TOKEN; a deploy script runs npm
 * packages and kubectl plugins that could read all of it. So every INPUT_* variable, every
 * SHIPRAIL_<secret input> variable, and every variable whose value is a secret input's value is
 * dropped. Everything else the user set (their `env:`, cloud credentials, the OIDC request
 * variables) still reaches the script: that is how a script is meant to get its own credentials.
 */
export function scriptEnvironment(
  env: NodeJS.ProcessEnv,
  secretValues: readonly string[]
): Record<string, string> {
  const secrets = new Set(secretValues.map(normalise).filter(v => v !== ''))
  const secretNames = new Set(INPUTS.filter(i => i.secret).map(i => envNameFor(i.name)))
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue
    if (/^INPUT_/i.test(name) || secretNames.has(name)) continue
    if (secrets.has(normalise(value))) continue
    out[name] = value
  }
  return out
}

/** A pasted key may differ from its copy in a variable by line ends and surrounding blanks. */
function normalise(value: string): string {
  return value.replace(/\r\n/g, '\n').trim()
}

/** The values of the secret inputs among raw inputs (token, ssh-key, notify-url). */
export function secretInputValues(raw: RawInputs): string[] {
  return INPUTS.filter(i => i.secret)
    .map(i => raw[i.name] ?? '')
    .filter(v => v.trim() !== '')
}

/** What both adapters hand the engine about the run; `env` is the stripped script environment. */
export function runInfo(run: RunEnvironment, env: NodeJS.ProcessEnv, raw: RawInputs): RunInfo {
  return {
    runUrl: run.runUrl,
    actor: run.actor,
    workspace: run.workspace,
    env: scriptEnvironment(env, secretInputValues(raw)),
    tempDir: run.tempDir,
    manual: run.defaults.manual
  }
}
