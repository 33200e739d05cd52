import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../support/action-runner.js'

// GitHub's local runner for JavaScript actions imports an entry, calls the run() it exports and
// prints the outputs: a step's source runs without a build. (An entry that ran itself on import,
// or called process.exit() inside run(), would run twice or end the runner before its report.)

const run = promisify(execFile)

describe('npx @github/local-action run . src/entry/deploy.ts .env', () => {
  it('deploys from source and prints the step outputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiprail-local-action-'))
    const ledger = join(dir, 'ledger.json')
    const envFile = join(dir, '.env')
    // local-action takes action.yml defaults literally (it does not evaluate `${{ github.sha }}`),
    // so the .env gives the commit.
    writeFileSync(
      envFile,
      [
        'INPUT_ENVIRONMENT=staging',
        'INPUT_VERSION=3.1.4',
        `INPUT_REF=${'c'.repeat(40)}`,
        'INPUT_LEDGER=file',
        `INPUT_LEDGER-FILE=${ledger}`,
        `INPUT_RUN=echo "local $SHIPRAIL_OPERATION of $SHIPRAIL_VERSION"`,
        `GITHUB_WORKSPACE=${dir}`
      ].join('\n') + '\n'
    )
    const { stdout } = await run(
      join(ROOT, 'node_modules/.bin/local-action'),
      ['run', '.', 'src/entry/deploy.ts', envFile],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, NO_COLOR: '1' },
        timeout: 120_000
      }
    )
    // The step ran once, and its outputs came back through local-action's @actions/core.
    expect(stdout.match(/local deploy of 3\.1\.4/g)).toHaveLength(1)
    expect(stdout).toContain('::set-output name=version::3.1.4')
    expect(stdout).toContain('::set-output name=deployment-id::1')
    const written = JSON.parse(readFileSync(ledger, 'utf8'))
    expect(written.deployments).toEqual([
      expect.objectContaining({ environment: 'staging', ref: 'c'.repeat(40) })
    ])
    expect(written.deployments[0].statuses.map((s: { state: string }) => s.state)).toEqual([
      'in_progress',
      'success'
    ])
  }, 150_000)
})
