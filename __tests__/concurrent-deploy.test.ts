/**
 * Trap 0 of issue 17: one deploy per environment at a time, with the command driver (no hosts)
 * and the file ledger. Two real CLI processes through dist/cli/index.js; the deploy script
 * holds until the test lets it go, so "at the same time" is certain, not timed.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { deploymentState, isLive } from '../src/core/ledger/deployment-state.js'
import type { DeploymentRecord } from '../src/core/ledger/ledger.js'
import { ROOT, runCliBundle, type CliRun } from './support/action-runner.js'

// Marks its start, waits for go-<version> (at most 60 s), then puts the version "live".
const SCRIPT = `echo "start $SHIPRAIL_VERSION" >> ops.log
for _ in $(seq 1 600); do [[ -e "go-$SHIPRAIL_VERSION" ]] && break; sleep 0.1; done
echo "$SHIPRAIL_VERSION" > current
echo "end $SHIPRAIL_VERSION" >> ops.log`

let cwd: string
const children: ChildProcess[] = []
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'shiprail-concurrent-'))
})
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(cwd, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

const args = (version: string, extra: string[] = []) => [
  'deploy',
  '--environment',
  'staging',
  '--version',
  version,
  '--run',
  SCRIPT,
  ...extra
]

/** A deploy in the background; resolves when it exits. */
function start(
  version: string,
  extra: string[] = []
): { child: ChildProcess; done: Promise<CliRun> } {
  return startCli(args(version, extra))
}

function startCli(argv: string[]): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/cli/index.js'), ...argv], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd }
  })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', d => (stdout += d))
  child.stderr?.on('data', d => (stderr += d))
  const done = new Promise<CliRun>(res => child.on('close', code => res({ code, stdout, stderr })))
  return { child, done }
}

async function until(what: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !what(); i++) await new Promise(r => setTimeout(r, 100))
  expect(what()).toBe(true)
}

const ops = () =>
  existsSync(join(cwd, 'ops.log')) ? readFileSync(join(cwd, 'ops.log'), 'utf8') : ''
const go = (version: string) => writeFileSync(join(cwd, `go-${version}`), '')
const records = (): DeploymentRecord[] =>
  JSON.parse(readFileSync(join(cwd, '.shiprail', 'ledger.json'), 'utf8')).deployments
const live = () =>
  records()
    .filter(isLive)
    .map(r => r.payload.version)
const outcome = (version: string) =>
  records()
    .filter(r => r.payload.version === version)
    .map(r => deploymentState(r).outcome?.state ?? 'in_progress')

describe('one deploy per environment at a time (command driver, file ledger)', () => {
  it('refuses a second deploy at once, naming the holder; the ledger shows only what ran', async () => {
    const first = start('1.0.0')
    await until(() => ops().includes('start 1.0.0'))
    const second = await runCliBundle(args('2.0.0'), { cwd })
    expect(second.code).toBe(1)
    expect(second.stderr).toMatch(
      /staging is locked by another deploy: deployment 1 of 1\.0\.0 \(run none recorded, pid \d+@[^,]+, .*ledger\.json\.staging\.lock\), since \d{4}-\d\d-\d\dT/
    )
    go('1.0.0')
    expect((await first.done).code).toBe(0)
    // 2.0.0's script never ran; its record ended as error, so it is not live.
    expect(ops()).toBe('start 1.0.0\nend 1.0.0\n')
    expect(outcome('2.0.0')).toEqual(['error'])
    expect(live()).toEqual(['1.0.0'])
    expect(readFileSync(join(cwd, 'current'), 'utf8').trim()).toBe('1.0.0')
    expect(existsSync(join(cwd, '.shiprail', 'ledger.json.staging.lock'))).toBe(false)
  }, 90_000)

  it('with lock-timeout, waits for the holder and then runs: one live deployment, the one that ran last', async () => {
    const first = start('1.0.0')
    await until(() => ops().includes('start 1.0.0'))
    const second = start('2.0.0', ['--lock-timeout', '60'])
    await until(() => outcome('2.0.0').length === 1)
    // Held back while 1.0.0 runs: its script has not started.
    await new Promise(r => setTimeout(r, 1500))
    expect(ops()).toBe('start 1.0.0\n')
    go('1.0.0')
    go('2.0.0')
    expect((await first.done).code).toBe(0)
    const waited = await second.done
    expect(waited.code).toBe(0)
    expect(waited.stderr + waited.stdout).toContain(
      'Waiting up to 60 s for staging, held by deployment 1 of 1.0.0'
    )
    expect(ops()).toBe('start 1.0.0\nend 1.0.0\nstart 2.0.0\nend 2.0.0\n')
    expect(live()).toEqual(['2.0.0'])
    expect(readFileSync(join(cwd, 'current'), 'utf8').trim()).toBe('2.0.0')
  }, 90_000)

  it('takes over the lock of a deploy whose process died, and ends that deployment as error', async () => {
    const killed = start('1.0.0')
    await until(() => ops().includes('start 1.0.0'))
    killed.child.kill('SIGKILL')
    await killed.done
    expect(existsSync(join(cwd, '.shiprail', 'ledger.json.staging.lock'))).toBe(true)
    go('2.0.0')
    const next = await runCliBundle(args('2.0.0'), { cwd })
    expect(next.code).toBe(0)
    expect(next.stderr + next.stdout).toMatch(
      /Removing the stale lock of staging .*: deployment 1 of 1\.0\.0, process \d+@\S+ is gone/
    )
    expect(outcome('1.0.0')).toEqual(['error'])
    expect(live()).toEqual(['2.0.0'])
    go('1.0.0') // lets the killed deploy's orphaned script end
  }, 90_000)

  it('a rollback that waited for the lock refuses when another version went live meanwhile', async () => {
    for (const version of ['0.9.0', '1.0.0']) {
      go(version)
      expect((await runCliBundle(args(version), { cwd })).code).toBe(0)
    }
    rmSync(join(cwd, 'go-1.0.0'))
    const deploying = start('2.0.0')
    await until(() => ops().includes('start 2.0.0'))
    // Chosen while 1.0.0 is live: back to 0.9.0. Then it waits for 2.0.0's deploy.
    const back = startCli([
      'rollback',
      '--environment',
      'staging',
      '--run',
      SCRIPT,
      '--lock-timeout',
      '60'
    ])
    await until(() => records().some(r => r.payload.operation === 'rollback'))
    go('2.0.0')
    expect((await deploying.done).code).toBe(0)
    const refused = await back.done
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'staging changed while this rollback waited for it: 2.0.0 (deployment 3) is live now, not 1.0.0; nothing was rolled back'
    )
    // 2.0.0 stays live and unmarked; the rollback's record ended as error; its script never ran.
    expect(live()).toEqual(['2.0.0'])
    expect(deploymentState(records().find(r => r.payload.version === '2.0.0')!).bad).toBe(false)
    expect(
      records()
        .filter(r => r.payload.operation === 'rollback')
        .map(r => deploymentState(r).outcome?.state)
    ).toEqual(['error'])
    expect(ops()).toBe(['0.9.0', '1.0.0', '2.0.0'].map(v => `start ${v}\nend ${v}\n`).join(''))
    expect(readFileSync(join(cwd, 'current'), 'utf8').trim()).toBe('2.0.0')
    expect(existsSync(join(cwd, '.shiprail', 'ledger.json.staging.lock'))).toBe(false)
  }, 90_000)

  it('does not hold other environments', async () => {
    const first = start('1.0.0')
    await until(() => ops().includes('start 1.0.0'))
    go('9.0.0')
    const other = await runCliBundle(
      ['deploy', '--environment', 'qa', '--version', '9.0.0', '--run', SCRIPT],
      { cwd }
    )
    expect(other.code).toBe(0)
    go('1.0.0')
    expect((await first.done).code).toBe(0)
  }, 90_000)
})
