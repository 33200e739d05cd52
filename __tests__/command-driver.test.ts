import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCommandDriver } from '../src/core/drivers/command-driver.js'
import { HOOK_VARIABLES } from '../src/core/drivers/driver.js'
import type { DriverRequest } from '../src/core/drivers/driver.js'
import { CheckFailedError } from '../src/core/errors.js'
import { testContext } from './support/context.js'

const request: DriverRequest = {
  operation: 'deploy',
  environment: 'staging',
  version: '1.2.3',
  previousVersion: '1.2.2',
  ref: 'c'.repeat(40),
  deploymentId: '17'
}
const settings = {
  kind: 'command' as const,
  run: '',
  rollbackRun: '',
  timeoutSeconds: 30,
  lockTimeoutSeconds: 0
}

/** Running, not a zombie (PID 1 in a container may never reap an orphan). */
function pidAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) [ZX]/.test(stat)
  } catch {
    return false
  }
}

describe('command driver', () => {
  it('gives the script every SHIPRAIL_ variable, as data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmd-'))
    const ctx = testContext({ run: { workspace: dir, env: { PATH: process.env.PATH } } })
    const hostile: DriverRequest = {
      ...request,
      environment: 'env',
      version: '1.0',
      previousVersion: '$(touch pwned); `touch pwned2`'
    }
    const run =
      'env | grep ^SHIPRAIL_ | sort > vars.txt; echo "previous=$SHIPRAIL_PREVIOUS_VERSION"'
    await createCommandDriver({ ...settings, run }, ctx.run.env).apply(hostile, ctx)
    const vars = readFileSync(join(dir, 'vars.txt'), 'utf8')
    expect(vars).toContain('SHIPRAIL_OPERATION=deploy\n')
    expect(vars).toContain('SHIPRAIL_DEPLOYMENT_ID=17\n')
    expect(vars).toContain(`SHIPRAIL_REF=${'c'.repeat(40)}\n`)
    expect(ctx.logger.text()).toContain('previous=$(touch pwned); `touch pwned2`')
    expect(() => readFileSync(join(dir, 'pwned'))).toThrow()
    // Exactly the variables the documented list gives every script.
    expect(
      vars
        .split('\n')
        .filter(Boolean)
        .map(line => line.split('=')[0])
    ).toEqual(
      HOOK_VARIABLES.filter(v => v.scope === 'every')
        .map(v => v.name)
        .sort()
    )
  })

  it.each([
    ['a failing command', 'echo start; false; echo never', /exited with status 1/],
    ['a failure inside a pipe (pipefail)', 'false | cat', /exited with status 1/],
    ['an explicit exit code', 'exit 42', /exited with status 42/],
    ['an unset command', 'no-such-command-shiprail', /exited with status 127/]
  ])('fails the step on %s', async (_label, run, message) => {
    const ctx = testContext()
    const driver = createCommandDriver({ ...settings, run }, { PATH: process.env.PATH })
    const err = await driver.apply(request, ctx).catch(e => e)
    expect(err).toBeInstanceOf(CheckFailedError)
    expect(err.message).toMatch(message)
    expect(ctx.logger.text()).not.toContain('never')
  })

  it('stops the whole process group at the timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmd-'))
    const ctx = testContext({ run: { workspace: dir, env: { PATH: process.env.PATH } } })
    const run = '(sleep 60 & echo $! > child.pid; wait) '
    const driver = createCommandDriver({ ...settings, run, timeoutSeconds: 1 }, ctx.run.env)
    await expect(driver.apply(request, ctx)).rejects.toThrow(/stopped after 1 s \(timeout\)/)
    const pid = Number(readFileSync(join(dir, 'child.pid'), 'utf8'))
    await new Promise(r => setTimeout(r, 200))
    expect(pidAlive(pid)).toBe(false)
  })

  it('stops when the job is cancelled', async () => {
    const controller = new AbortController()
    const ctx = testContext({ signal: controller.signal })
    const driver = createCommandDriver({ ...settings, run: 'sleep 30' }, { PATH: process.env.PATH })
    setTimeout(() => controller.abort(new Error('cancelled')), 300)
    await expect(driver.apply(request, ctx)).rejects.toThrow(/job was cancelled/)
  })

  it('uses rollback-run for rollbacks and run otherwise', async () => {
    const ctx = testContext()
    const driver = createCommandDriver(
      {
        ...settings,
        run: 'echo "deploy $SHIPRAIL_OPERATION"',
        rollbackRun: 'echo "undo $SHIPRAIL_VERSION"'
      },
      { PATH: process.env.PATH }
    )
    await driver.apply(request, ctx)
    await driver.apply({ ...request, operation: 'rollback', version: '1.2.2' }, ctx)
    expect(ctx.logger.lines).toEqual(
      expect.arrayContaining(['info: deploy deploy', 'info: undo 1.2.2'])
    )
    expect(driver.plan({ ...request, operation: 'rollback' })[0]).toMatch(/rollback-run/)
  })

  it('masks secrets in the script output', async () => {
    const ctx = testContext()
    ctx.secrets.add('hunter2-secret')
    await createCommandDriver(
      { ...settings, run: 'echo "token is hunter2-secret"' },
      { PATH: process.env.PATH }
    ).apply(request, ctx)
    expect(ctx.logger.text()).toContain('token is ***')
    expect(ctx.logger.text()).not.toContain('hunter2')
  })
})
