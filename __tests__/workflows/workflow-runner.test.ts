import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runWorkflow, type WorkflowRunOptions } from '../support/workflow-runner.js'

/*
 * The workflow runner the worked example's test uses (support/workflow-runner.ts) follows
 * GitHub's rules where Shiprail's workflows rely on them: typed inputs, `if:` with and without
 * status functions, job results through `needs`, outputs, and refusing what it cannot run.
 */
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiprail-runner-test-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }))

const options = (): WorkflowRunOptions => ({
  workspace: dir,
  artifacts: join(dir, 'artifacts'),
  github: { repository: 'octo-org/octo-app', run_id: '1', sha: 'a'.repeat(40) }
})

function workflow(text: string): string {
  const path = join(dir, 'wf.yml')
  writeFileSync(path, text)
  return path
}

const trace = () => readFileSync(join(dir, 'trace'), 'utf8')

const CALLED = `
on:
  workflow_call:
    inputs:
      n: { type: number, default: 0 }
      flag: { type: boolean, default: false }
      s: { type: string, default: x }
      needed: { type: string, required: true }
jobs:
  a:
    runs-on: ubuntu-24.04
    outputs:
      out: \${{ steps.one.outputs.v }}
    steps:
      - id: one
        env:
          N: \${{ inputs.n }}
          S: is \${{ inputs.s }}
        run: echo "v=$N-$S" >> "$GITHUB_OUTPUT"
      - if: inputs.n > 5
        run: echo big >> trace
      - if: inputs.n > 50
        run: echo huge >> trace
      - run: exit 3
      - run: echo after-failure >> trace
      - if: always()
        run: echo always >> trace
      - if: \${{ failure() && inputs.flag }}
        run: echo failure >> trace
  b:
    needs: a
    runs-on: ubuntu-24.04
    steps:
      - run: echo b >> trace
  c:
    needs: a
    if: always() && needs.a.result == 'failure'
    runs-on: ubuntu-24.04
    steps:
      - env:
          OUT: \${{ needs.a.outputs.out }}
        run: echo "c $OUT" >> trace
`

test('types inputs, runs if: as GitHub does after a failure, and passes results through needs', async () => {
  const run = await runWorkflow(workflow(CALLED), options(), {
    n: '10',
    flag: 'true',
    needed: 'y'
  })
  expect(trace()).toBe('big\nalways\nfailure\nc 10-is x\n')
  expect(run.result).toBe('failure')
  expect(run.jobs).toMatchObject({
    a: { result: 'failure', outputs: { out: '10-is x' } },
    b: { result: 'skipped' },
    c: { result: 'success' }
  })
})

test.each([
  ['an input the workflow does not declare', { needed: 'y', nope: '1' }, 'has no input nope'],
  ['a required input missing', {}, 'input needed is required']
])('refuses %s', async (_, given, message) => {
  await expect(runWorkflow(workflow(CALLED), options(), given)).rejects.toThrow(message)
})

test.each([
  [
    'a third-party action it does not know',
    '- uses: someone/else@v1',
    'does not run someone/else@v1'
  ],
  ['an expression inside a script', '- run: echo ${{ github.sha }}', 'an expression in run:']
])('refuses %s instead of running it wrong', async (_, step, message) => {
  const path = workflow(`on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      ${step}\n`)
  await expect(runWorkflow(path, options())).rejects.toThrow(message)
})
