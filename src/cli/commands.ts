import { inputsFor, STEPS, type InputDef, type StepName } from '../core/inputs.js'
import { doctorInputs } from '../core/settings/doctor-settings.js'
import { loadStepHandler, type StepHandler } from '../runtime/steps.js'

/** Commands only the CLI has (no action.yml): they check, they do not deploy. */
export const CLI_ONLY_COMMANDS = ['doctor'] as const
export type CommandName = StepName | (typeof CLI_ONLY_COMMANDS)[number]
export const COMMANDS: readonly CommandName[] = [...STEPS, ...CLI_ONLY_COMMANDS]

/** The flags a command takes. */
export function flagsFor(command: CommandName): readonly InputDef[] {
  return command === 'doctor' ? doctorInputs() : inputsFor(command)
}

/** The command's handler, loaded when it runs (see loadStepHandler). */
export function handlerFor(command: CommandName): Promise<StepHandler> {
  return command === 'doctor'
    ? import('../runtime/doctor-command.js').then(m => m.DOCTOR_HANDLER)
    : loadStepHandler(command)
}
