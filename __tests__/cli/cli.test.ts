import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXIT, runCli } from '../../src/cli/cli.js'
import { FakeClock } from '../support/fake-clock.js'

/**
 * The CLI edge in-process: runCli with the terminal's streams captured and a fake clock, so the
 * ledger's timestamps are exact. `__tests__/cli.test.ts` runs the bundle (dist/cli) the way
 * `npx shiprail` does.
 */

async function cli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = ''
  let stderr = ''
  const clock = new FakeClock()
  const code = await runCli({
    argv,
    env: { PATH: process.env.PATH, ...env },
    cwd,
    stdout: t => (stdout += t),
    stderr: t => (stderr += t),
    version: '0.0.0-test',
    clock
  })
  return { code, stdout, stderr }
}

const newDir = () => mkdtempSync(join(tmpdir(), 'shiprail-cli-inproc-'))

describe('runCli (in-process)', () => {
  it('deploys, rolls back, and prints the same result as JSON', async () => {
    const cwd = newDir()
    const deploy = (version: string) =>
      cli(['deploy', '--environment=qa', `--version=${version}`, '--run=true', '--json'], cwd)
    expect((await deploy('1.0.0')).code).toBe(EXIT.passed)
    const second = await deploy('2.0.0')
    expect(JSON.parse(second.stdout)).toMatchObject({
      outcome: 'success',
      version: '2.0.0',
      previousVersion: '1.0.0',
      startedAt: '2026-11-30T12:00:00.000Z'
    })
    const back = await cli(
      ['rollback', '--environment=qa', '--run=true', '--reason=bad build', '--json'],
      cwd
    )
    expect(back.code).toBe(EXIT.passed)
    expect(JSON.parse(back.stdout)).toMatchObject({
      outcome: 'success',
      version: '1.0.0',
      fromVersion: '2.0.0',
      reason: 'bad build'
    })
    const ledger = JSON.parse(readFileSync(join(cwd, '.shiprail/ledger.json'), 'utf8'))
    expect(ledger.deployments.map((d: { createdAt: string }) => d.createdAt)).toEqual([
      '2026-11-30T12:00:00.000Z',
      '2026-11-30T12:00:00.000Z',
      '2026-11-30T12:00:00.000Z'
    ])
  })

  it('prints the summary as text, with the rollback driver phase labelled as such', async () => {
    const cwd = newDir()
    await cli(['deploy', '--environment=qa', '--version=1.0.0', '--run=true'], cwd)
    await cli(['deploy', '--environment=qa', '--version=2.0.0', '--run=true'], cwd)
    const back = await cli(['rollback', '--environment=qa', '--run=true'], cwd)
    expect(back.stdout).toContain('⏪ Rolled qa back from 2.0.0 to 1.0.0')
    expect(back.stdout).toMatch(/Driver phase took +\d+ ms/)
    expect(back.stdout).not.toContain('Switch took')
  })

  it.each<[string, string[], number, RegExp]>([
    [
      'a failed deploy exits 1 with the failure line',
      ['deploy', '--environment', 's', '--version', '1', '--run', 'exit 4'],
      EXIT.failed,
      /^error: Deploy of 1 to s failed: The deploy script exited with status 4\.$/
    ],
    [
      'bad input exits 2 naming the input',
      ['deploy', '--environment', 's', '--version', '1;id', '--run', 'true'],
      EXIT.usage,
      /^error: Input 'version' is "1;id"; expected/
    ],
    [
      'nothing to roll back to exits 1',
      ['rollback', '--environment', 's', '--run', 'true'],
      EXIT.failed,
      /^error: Cannot roll back s: nothing is live in s/
    ]
  ])('%s', async (_label, argv, code, line) => {
    const run = await cli(argv, newDir())
    expect(run.code).toBe(code)
    expect(run.stderr.trim().split('\n').pop()).toMatch(line)
  })

  it('never prints a secret flag', async () => {
    const hook = 'http://127.0.0.1:9/hooks/cli-s3cr3t-path'
    const run = await cli(
      [
        'deploy',
        '--environment=qa',
        '--version=1.0.0',
        `--run=echo ${hook}`,
        `--notify-url=${hook}`,
        '--json'
      ],
      newDir()
    )
    expect(run.stdout + run.stderr).not.toContain('cli-s3cr3t-path')
  })

  it('prints help and the version', async () => {
    const help = await cli(['deploy', '--help'], newDir())
    expect(help.code).toBe(EXIT.passed)
    expect(help.stdout).toContain('--environment')
    const version = await cli(['--version'], newDir())
    expect(version.stdout).toBe('shiprail 0.0.0-test\n')
  })
})
