import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, runCliBundle } from '../support/action-runner.js'

// The committed bundles, run the way users run them: `npx shiprail history` and the
// `history` step on the Actions runner.

async function deployTwice(cwd: string): Promise<void> {
  for (const version of ['1.0.0', '1.1.0']) {
    const deployed = await runCliBundle(
      ['deploy', '--environment', 'staging', '--version', version, '--run', 'true'],
      { cwd }
    )
    expect(deployed.code).toBe(0)
  }
}

describe('shiprail history (CLI bundle)', () => {
  it('prints the SPEC shape with --json and a table otherwise', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-history-cli-'))
    await deployTwice(cwd)

    const json = await runCliBundle(['history', '--environment', 'staging', '--json'], { cwd })
    expect(json.code).toBe(0)
    const data = JSON.parse(json.stdout)
    expect(data).toMatchObject({ environment: 'staging', ledger: 'file' })
    expect(
      data.deployments.map((d: { version: string; state: string; rollbackTarget: boolean }) => [
        d.version,
        d.state,
        d.rollbackTarget
      ])
    ).toEqual([
      ['1.1.0', 'live', false],
      ['1.0.0', 'unverified', true]
    ])
    expect(data.metrics).toBeUndefined()

    const table = await runCliBundle(['history', '--environment', 'staging', '--metrics'], { cwd })
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/^2\s+1\.1\.0\s+live\s/m)
    expect(table.stdout).toMatch(/^1\s+1\.0\.0\s+unverified\s+⏪/m)
    expect(table.stdout).toMatch(/change failure rate\s+0\.0 %\s+0 of 2 successful deploys/)
  })

  it('refuses a since it cannot read, naming the input and the accepted form', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-history-cli-'))
    const run = await runCliBundle(
      ['history', '--environment', 'staging', '--since', 'last week'],
      {
        cwd
      }
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      /^error: Input 'since' is "last week"; expected a duration like `30d`/
    )
  })
})

describe('history step (action bundle)', () => {
  it('gives the live version, the rollback version and the metrics as outputs', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-history-action-'))
    await deployTwice(cwd)
    const run = await runAction('dist/history/index.js', {
      cwd,
      inputs: { environment: 'staging', ledger: 'file', metrics: 'true', since: '30d' }
    })
    expect(run.code).toBe(0)
    expect(run.outputs['live-version']).toBe('1.1.0')
    expect(run.outputs['rollback-version']).toBe('1.0.0')
    expect(JSON.parse(run.outputs.metrics)).toMatchObject({
      deploys: 2,
      changeFailureRate: { value: 0 }
    })
    expect(JSON.parse(run.outputs.result).deployments).toHaveLength(2)
    expect(run.summary).toContain('### Shiprail history')
  })
})
