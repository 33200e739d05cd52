import { suggestField } from '../core/checks/yaml-fields.js'
import { UserError } from '../core/errors.js'
import { envNameFor, INPUTS, STEPS, type RawInputs } from '../core/inputs.js'
import { COMMANDS, flagsFor, type CommandName } from './commands.js'

export interface CliArgs {
  step?: CommandName
  inputs: RawInputs
  json: boolean
  help: boolean
  version: boolean
}

/** A flag or step name that can be shown in an error; anything else could be a pasted secret. */
function shown(word: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/.test(word) ? word : undefined
}

const BOOL_WORDS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE']

/**
 * `shiprail <step> --<input> value ...`: every action input is a flag of the same name
 * (`--name=value` works too). A flag that takes a value takes the next argument whatever it
 * starts with: a PEM or OpenSSH key starts with `-----`. A `true`/`false` flag alone means
 * `true`. Values not given as flags are read from SHIPRAIL_<INPUT> variables; `token` also from
 * GITHUB_TOKEN. `onSecret` gets every secret value as soon as it is read, and no usage error
 * repeats an argument that is not a plain flag or step name, so no key reaches the terminal.
 */
export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  onSecret: (value: string) => void = () => {}
): CliArgs {
  for (const input of INPUTS) if (input.secret) onSecret(env[envNameFor(input.name)] ?? '')
  onSecret(env.GITHUB_TOKEN ?? '')
  const args: CliArgs = { inputs: {}, json: false, help: false, version: false }
  const rest = [...argv]
  if (rest[0] && !rest[0].startsWith('-')) {
    const step = rest.shift() as string
    if (!(COMMANDS as readonly string[]).includes(step)) {
      const name = shown(step)
      throw new UserError(
        `Unknown step${name ? ` ${JSON.stringify(name)}` : ' (not shown: it is not a step name)'}${didYouMean(step, COMMANDS, '')}; expected one of ${COMMANDS.join(', ')}. Try: shiprail --help`
      )
    }
    args.step = step as CommandName
  }
  const known = new Map(args.step ? flagsFor(args.step).map(i => [i.name, i]) : [])
  while (rest.length) {
    const arg = rest.shift() as string
    if (arg === '--json') args.json = true
    else if (arg === '--help' || arg === '-h') args.help = true
    // `version` is also the deploy input; it means the program's version only without a step.
    else if (arg === '--version' && !args.step) args.version = true
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
      const flag = shown(name) ? `--${name}` : 'an argument starting with `--` (not shown)'
      if (!args.step) throw new UserError(`Give the step before ${flag}, e.g. shiprail deploy ...`)
      const def = known.get(name)
      if (!def) {
        throw new UserError(
          `Unknown flag ${flag} for ${args.step}${didYouMean(name, [...known.keys(), 'json', 'help'], '--')}; see: shiprail ${args.step} --help`
        )
      }
      let value: string
      if (eq >= 0) value = arg.slice(eq + 1)
      else if (!def.boolean) {
        if (!rest.length) throw new UserError(`Flag --${name} needs a value.`)
        value = rest.shift() as string
      } else if (rest.length && BOOL_WORDS.includes(rest[0])) value = rest.shift() as string
      else value = 'true'
      if (def.secret) onSecret(value)
      if (args.inputs[name] !== undefined) throw new UserError(`Flag --${name} is given twice.`)
      args.inputs[name] = value
    } else {
      // A stray value may be a secret that lost its flag (`--ssh-key` misspelt): never echo it.
      throw new UserError(
        `Unexpected argument (not shown; it is not a flag): flags look like --version 1.2.3, and a value follows its flag.`
      )
    }
  }
  if (args.step) {
    for (const input of flagsFor(args.step)) {
      if (args.inputs[input.name] !== undefined) continue
      const fromEnv =
        env[envNameFor(input.name)] ?? (input.name === 'token' ? env.GITHUB_TOKEN : undefined)
      if (fromEnv === undefined) continue
      if (input.secret) onSecret(fromEnv)
      args.inputs[input.name] = fromEnv
    }
  }
  return args
}

/** ` (did you mean --environment?)` for a near miss; the words offered are ours, never the user's. */
function didYouMean(word: string, words: readonly string[], prefix: string): string {
  const guess = suggestField(word, words)
  return guess ? ` (did you mean ${prefix}${guess}?)` : ''
}

export function helpText(step?: CommandName): string {
  if (!step) {
    return [
      'Usage: shiprail <step> --<input> value ... [--json]',
      '',
      `Steps: ${STEPS.join(', ')}`,
      'Checks: doctor (read-only: are the hosts and the URL ready for a deploy?)',
      'Every action input is a flag of the same name; `shiprail <step> --help` lists them.',
      'Inputs can also come from SHIPRAIL_<INPUT> variables (e.g. SHIPRAIL_SSH_KEY), token from GITHUB_TOKEN.',
      '',
      'Exit status: 0 passed, 1 the step failed, 2 bad input or usage.'
    ].join('\n')
  }
  const lines = [`Usage: shiprail ${step} [flags] [--json]`, '']
  for (const input of flagsFor(step)) {
    const def = input.default !== undefined ? ` (default: ${input.default})` : ''
    const req = (input.requiredFor as readonly string[] | undefined)?.includes(step)
      ? ' (required)'
      : ''
    lines.push(`  --${input.name}${req}${def}`, `      ${input.description}`)
  }
  return lines.join('\n')
}
