import { UserError } from '../core/errors.js'
import { envNameFor, inputsFor, STEPS, type RawInputs, type StepName } from '../core/inputs.js'

export interface CliArgs {
  step?: StepName
  inputs: RawInputs
  json: boolean
  help: boolean
  version: boolean
}

/**
 * `shiprail <step> --<input> value ...`: every action input is a flag of the same name
 * (`--name=value` works too; a flag without a value means `true`). Values not given as flags
 * are read from SHIPRAIL_<INPUT> variables; `token` also from GITHUB_TOKEN.
 */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): CliArgs {
  const args: CliArgs = { inputs: {}, json: false, help: false, version: false }
  const rest = [...argv]
  if (rest[0] && !rest[0].startsWith('-')) {
    const step = rest.shift() as string
    if (!(STEPS as readonly string[]).includes(step)) {
      throw new UserError(
        `Unknown step ${JSON.stringify(step)}; expected one of ${STEPS.join(', ')}. Try: shiprail --help`
      )
    }
    args.step = step as StepName
  }
  const known = new Set(args.step ? inputsFor(args.step).map(i => i.name) : [])
  while (rest.length) {
    const arg = rest.shift() as string
    if (arg === '--json') args.json = true
    else if (arg === '--help' || arg === '-h') args.help = true
    // `version` is also the deploy input; it means the program's version only without a step.
    else if (arg === '--version' && !args.step) args.version = true
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
      if (!args.step)
        throw new UserError(`Give the step before --${name}, e.g. shiprail deploy --${name} ...`)
      if (!known.has(name)) {
        throw new UserError(
          `Unknown flag --${name} for ${args.step}; see: shiprail ${args.step} --help`
        )
      }
      let value: string
      if (eq >= 0) value = arg.slice(eq + 1)
      else if (rest.length && !rest[0].startsWith('--')) value = rest.shift() as string
      else value = 'true'
      if (args.inputs[name] !== undefined) throw new UserError(`Flag --${name} is given twice.`)
      args.inputs[name] = value
    } else {
      throw new UserError(
        `Unexpected argument ${JSON.stringify(arg)}; flags look like --version 1.2.3.`
      )
    }
  }
  if (args.step) {
    for (const input of inputsFor(args.step)) {
      if (args.inputs[input.name] !== undefined) continue
      const fromEnv =
        env[envNameFor(input.name)] ?? (input.name === 'token' ? env.GITHUB_TOKEN : undefined)
      if (fromEnv !== undefined) args.inputs[input.name] = fromEnv
    }
  }
  return args
}

export function helpText(step?: StepName): string {
  if (!step) {
    return [
      'Usage: shiprail <step> --<input> value ... [--json]',
      '',
      'Steps: deploy, smoke-test, status-check, rollback',
      'Every action input is a flag of the same name; `shiprail <step> --help` lists them.',
      'Inputs can also come from SHIPRAIL_<INPUT> variables (e.g. SHIPRAIL_SSH_KEY), token from GITHUB_TOKEN.',
      '',
      'Exit status: 0 passed, 1 the step failed, 2 bad input or usage.'
    ].join('\n')
  }
  const lines = [`Usage: shiprail ${step} [flags] [--json]`, '']
  for (const input of inputsFor(step)) {
    const def = input.default !== undefined ? ` (default: ${input.default})` : ''
    const req = input.requiredFor?.includes(step) ? ' (required)' : ''
    lines.push(`  --${input.name}${req}${def}`, `      ${input.description}`)
  }
  return lines.join('\n')
}
