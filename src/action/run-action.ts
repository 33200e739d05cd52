import * as core from '@actions/core'
import { Redactor, systemClock } from '../core/context.js'
import { CheckFailedError, errorMessage, UserError } from '../core/errors.js'
import { inputsFor, STATE, type RawInputs, type StepName } from '../core/inputs.js'
import { parseCommon } from '../core/settings/common.js'
import { removeSshLeftovers } from '../core/drivers/ssh-leftovers.js'
import { InputReader } from '../core/settings/input-reader.js'
import { createLedger } from '../runtime/ledger-factory.js'
import { readRunEnvironment } from '../runtime/run-environment.js'
import { runInfo } from '../runtime/script-environment.js'
import { createStepContext } from '../runtime/step-context.js'
import { loadStepHandler } from '../runtime/steps.js'
import { toMarkdown } from '../report/summary.js'
import { actionLogger } from './action-logger.js'

/** Reads this step's inputs; secrets are registered with the runner before anything is logged. */
function readInputs(step: StepName, secrets: Redactor): RawInputs {
  const raw: RawInputs = {}
  for (const input of inputsFor(step)) {
    const value = core.getInput(input.name, { trimWhitespace: false })
    if (input.secret) secrets.add(value)
    raw[input.name] = value
  }
  return raw
}

function newSecrets(): Redactor {
  const secrets = new Redactor()
  secrets.onAdd(value => core.setSecret(value))
  return secrets
}

/** Entry point of every step's bundle: the main run, or the post run after it. */
export async function runAction(step: StepName): Promise<void> {
  if (core.getState(STATE.isPost) === 'true') return runPost(step)
  core.saveState(STATE.isPost, 'true')

  const secrets = newSecrets()
  const logger = actionLogger(secrets)
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    logger.warning(
      `Received ${signal}: the job is being cancelled; stopping and recording the outcome.`
    )
    controller.abort(new Error('cancelled'))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    const raw = readInputs(step, secrets)
    const run = readRunEnvironment(process.env, process.cwd())
    const handler = await loadStepHandler(step)
    const settings = handler.parse(raw, run.defaults, run.workspace)
    const ctx = await createStepContext({
      settings,
      run,
      env: process.env,
      logger,
      secrets,
      signal: controller.signal,
      raw,
      onDeploymentStarted: id => core.saveState(STATE.deploymentId, id),
      onDeploymentFinished: () => core.saveState(STATE.finished, 'true')
    })
    const result = await handler.run(settings, ctx)
    for (const [name, value] of Object.entries(result.outputs))
      core.setOutput(name, secrets.redact(value))
    const summary = secrets.redact(toMarkdown(result.summary(run.runUrl)))
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write()
    if (result.failure) core.setFailed(secrets.redact(result.failure))
  } catch (err) {
    failWith(err, secrets)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** The one place an error becomes the step's failure: one line, stack only in debug. */
function failWith(err: unknown, secrets: Redactor): void {
  const message = secrets.redact(errorMessage(err))
  if (err instanceof UserError || err instanceof CheckFailedError) {
    core.setFailed(message)
  } else {
    core.debug(secrets.redact((err as Error)?.stack ?? ''))
    core.setFailed(`Shiprail failed unexpectedly: ${message}`)
  }
}

/**
 * The post run: if the main run was cancelled or killed after it created a deployment and
 * before it recorded an outcome, the deployment would stay "in progress" forever. Finish it.
 * (Pattern from github/branch-deploy's post step.) Before that, whatever a killed run left in
 * RUNNER_TEMP goes: SSH key directories, and the SSH masters behind their control sockets.
 */
async function runPost(step: StepName): Promise<void> {
  const secrets = newSecrets()
  const logger = actionLogger(secrets)
  const raw = readInputs(step, secrets)
  const run = readRunEnvironment(process.env, process.cwd())
  if (run.tempDir) {
    const removed = await removeSshLeftovers(run.tempDir, runInfo(run, process.env, raw).env)
    if (removed.length)
      logger.warning(
        `A run did not finish: removed ${removed.length} SSH key directory(ies) from RUNNER_TEMP and stopped their SSH connections.`
      )
  }
  const id = core.getState(STATE.deploymentId)
  if (!id || core.getState(STATE.finished) === 'true') return
  try {
    const common = parseCommon(new InputReader(raw), run.defaults, false)
    const ledger = await createLedger(common, {
      apiUrl: run.apiUrl,
      workspace: run.workspace,
      logger,
      clock: systemClock
    })
    await ledger.addStatus(id, {
      state: 'error',
      description: 'Cancelled before it finished; recorded by the post step',
      logUrl: run.runUrl
    })
    core.saveState(STATE.finished, 'true')
    logger.warning(`Deployment ${id} did not finish (job cancelled or killed); marked it as error.`)
  } catch (err) {
    // A post step must not hide the main step's result; warn instead of failing.
    logger.warning(`Could not finish deployment ${id}: ${secrets.redact(errorMessage(err))}`)
  }
}
