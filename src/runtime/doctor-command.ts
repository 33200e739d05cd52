import { parseDoctorSettings } from '../core/settings/doctor-settings.js'
import { doctor } from '../core/steps/doctor.js'
import { doctorFailure, doctorSummary } from '../report/doctor-report.js'
import type { StepHandler } from './steps.js'

/**
 * `shiprail doctor`: a CLI command run like a step, so it shares the CLI's flags,
 * secrets masking, --json and exit codes. It is not an action step: it changes nothing and
 * records nothing, and a workflow can run the CLI.
 */
export const DOCTOR_HANDLER: StepHandler = {
  parse: raw => parseDoctorSettings(raw),
  async run(settings, ctx) {
    const result = await doctor(settings as ReturnType<typeof parseDoctorSettings>, ctx)
    return {
      data: result,
      outputs: {},
      summary: () => doctorSummary(result),
      failure: doctorFailure(result)
    }
  }
}
