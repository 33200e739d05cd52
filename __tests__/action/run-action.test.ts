import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../../src/action/run-action.js'
import type { StepName } from '../../src/core/inputs.js'
import { parseCommandFile, prepareRunner } from '../support/action-runner.js'

/**
 * The action edge in-process: @actions/core reads the runner's environment and writes its file
 * commands for real (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY). The environment is
 * swapped for the runner's during each run and restored after; stdout (where the runner's log
 * commands go) is captured. The bundle tests (`*-action.test.ts`) run dist/ the same way.
 */

interface InProcessRun {
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  log: string
  failed: boolean
}

async function runInProcess(
  step: StepName,
  inputs: Record<string, string>,
  options: { cwd?: string; state?: Record<string, string> } = {}
): Promise<InProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), 'shiprail-action-'))
  const { env, files } = prepareRunner(dir, { inputs, cwd: options.cwd, state: options.state })
  const saved = process.env
  const savedExitCode = process.exitCode
  const written: string[] = []
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  }) as typeof process.stdout.write
  process.env = { ...env }
  process.exitCode = undefined
  try {
    await runAction(step)
    return {
      outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      log: written.join(''),
      failed: process.exitCode === 1
    }
  } finally {
    process.stdout.write = write
    process.env = saved
    process.exitCode = savedExitCode
  }
}

describe('runAction (in-process)', () => {
  it('deploys with the file ledger: outputs, state for the post run, summary', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-action-ws-'))
    const run = await runInProcess(
      'deploy',
      {
        environment: 'staging',
        version: '1.2.3',
        ledger: 'file',
        run: 'echo "live $SHIPRAIL_VERSION"'
      },
      { cwd }
    )
    expect(run.failed).toBe(false)
    expect(run.log).toContain('live 1.2.3')
    expect(run.outputs).toMatchObject({ version: '1.2.3', 'previous-version': '' })
    expect(run.outputs['deployment-id']).not.toBe('')
    expect(JSON.parse(run.outputs.result)).toMatchObject({ outcome: 'success', ledger: 'file' })
    expect(run.state).toEqual({
      isPost: 'true',
      deploymentId: run.outputs['deployment-id'],
      finished: 'true'
    })
    expect(run.summary).toContain('### Shiprail deploy')
    expect(run.summary).toContain('✅ Deployed **1.2.3** to **staging**')
    const ledger = JSON.parse(readFileSync(join(cwd, '.shiprail/ledger.json'), 'utf8'))
    expect(ledger.deployments).toHaveLength(1)
  })

  it('fails the step with one line naming the input, and changes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-action-ws-'))
    const run = await runInProcess(
      'deploy',
      { environment: 'staging', version: 'bad version', ledger: 'file', run: 'true' },
      { cwd }
    )
    expect(run.failed).toBe(true)
    expect(run.log.split('\n').filter(l => l.startsWith('::error::'))).toEqual([
      expect.stringMatching(/^::error::Input 'version' is "bad version"; expected /)
    ])
    expect(run.outputs).toEqual({})
  })

  it('fails the step when the script fails, with the step failure line', async () => {
    const run = await runInProcess('deploy', {
      environment: 'staging',
      version: '1.0.0',
      ledger: 'file',
      run: 'exit 5'
    })
    expect(run.failed).toBe(true)
    expect(run.log).toContain(
      '::error::Deploy of 1.0.0 to staging failed: The deploy script exited with status 5.'
    )
    expect(run.state.finished).toBe('true')
  })

  it('masks secret inputs in everything it writes', async () => {
    const hook = 'http://127.0.0.1:9/hooks/s3cr3t-webhook-path'
    const run = await runInProcess('deploy', {
      environment: 'staging',
      version: '1.0.0',
      ledger: 'file',
      run: `echo "${hook}"`,
      'notify-url': hook
    })
    expect(run.log).toContain(`::add-mask::${hook}`)
    const shown = run.log.split('\n').filter(l => !l.startsWith('::add-mask::'))
    expect(shown.join('\n')).not.toContain('s3cr3t-webhook-path')
    expect(JSON.stringify(run.outputs)).not.toContain('s3cr3t-webhook-path')
  })

  it('runs the post step: finishes a deployment the main run left in progress', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-action-ws-'))
    const main = await runInProcess(
      'deploy',
      { environment: 'staging', version: '1.0.0', ledger: 'file', run: 'true' },
      { cwd }
    )
    const post = await runInProcess(
      'deploy',
      { environment: 'staging', version: '1.0.0', ledger: 'file', run: 'true' },
      { cwd, state: { isPost: 'true', deploymentId: main.outputs['deployment-id'] } }
    )
    expect(post.failed).toBe(false)
    expect(post.log).toContain(`Deployment ${main.outputs['deployment-id']} did not finish`)
    const ledger = JSON.parse(readFileSync(join(cwd, '.shiprail/ledger.json'), 'utf8'))
    expect(ledger.deployments[0].statuses.map((s: { state: string }) => s.state)).toEqual([
      'in_progress',
      'success',
      'error'
    ])
  })
})
