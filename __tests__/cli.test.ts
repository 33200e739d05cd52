import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, runCliBundle } from './support/action-runner.js'
import { startGitHubStandIn } from './support/github-standin.js'

// The CLI as a user types it: node dist/cli/index.js (what `npx shiprail` runs).

const newDir = () => mkdtempSync(join(tmpdir(), 'shiprail-cli-'))

describe('shiprail CLI', () => {
  it('deploys with the file ledger and reports the previous version', async () => {
    const cwd = newDir()
    const first = await runCliBundle(
      [
        'deploy',
        '--environment',
        'staging',
        '--version',
        '1.0.0',
        '--run',
        'echo "hello $SHIPRAIL_VERSION"'
      ],
      { cwd }
    )
    expect(first.code).toBe(0)
    expect(first.stderr).toContain('hello 1.0.0')
    expect(first.stdout).toContain('✅ Deployed 1.0.0 to staging')
    const second = await runCliBundle(
      ['deploy', '--environment=staging', '--version=1.1.0', '--run=true', '--json'],
      { cwd }
    )
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({
      outcome: 'success',
      version: '1.1.0',
      previousVersion: '1.0.0',
      ledger: 'file'
    })
    const ledger = JSON.parse(readFileSync(join(cwd, '.shiprail/ledger.json'), 'utf8'))
    expect(
      ledger.deployments.map((d: { statuses: { state: string }[] }) => d.statuses.map(s => s.state))
    ).toEqual([
      ['in_progress', 'success', 'inactive'],
      ['in_progress', 'success']
    ])
  })

  it.each<[string, string[], number, RegExp]>([
    [
      'a failed deploy exits 1',
      ['deploy', '--environment', 's', '--version', '1', '--run', 'exit 4'],
      1,
      /error: Deploy of 1 to s failed: The deploy script exited with status 4\./
    ],
    [
      'bad input exits 2',
      ['deploy', '--environment', 's', '--version', '1;id', '--run', 'true'],
      2,
      /^error: Input 'version' is "1;id"; expected/
    ],
    [
      'an unknown flag exits 2',
      ['deploy', '--enviroment', 's'],
      2,
      /^error: Unknown flag --enviroment for deploy \(did you mean --environment\?\); see: shiprail deploy --help/
    ],
    ['an unknown step exits 2', ['deplo'], 2, /^error: Unknown step "deplo"/],
    [
      'a flag given twice exits 2',
      ['deploy', '--version', '1', '--version', '2'],
      2,
      /given twice/
    ],
    [
      'rollback without a ledger exits 2',
      ['rollback', '--environment', 'qa', '--run', 'true', '--ledger', 'none'],
      2,
      /^error: Input 'ledger' is `none`, but rollback needs the history/
    ]
  ])('%s', async (_label, args, code, stderr) => {
    const run = await runCliBundle(args, { cwd: newDir() })
    expect(run.code).toBe(code)
    expect(run.stderr.trim().split('\n').pop()).toMatch(stderr)
  })

  it('prints help that lists every input of the step', async () => {
    const run = await runCliBundle(['deploy', '--help'], { cwd: newDir() })
    expect(run.code).toBe(0)
    for (const flag of [
      '--environment (required)',
      '--version (required)',
      '--run',
      '--promote-from',
      '--keep-releases (default: 5)'
    ]) {
      expect(run.stdout).toContain(flag)
    }
    const top = await runCliBundle([], { cwd: newDir() })
    expect(top.code).toBe(2)
    expect(top.stdout).toContain('Usage: shiprail <step>')
  })

  it('takes secrets from SHIPRAIL_ variables and never prints them', async () => {
    const run = await runCliBundle(
      [
        'deploy',
        '--environment',
        's',
        '--version',
        '1',
        '--run',
        'echo "$SHIPRAIL_VERSION"; echo "$X"',
        '--notify-url',
        'http://127.0.0.1:9/hook-s3cr3t-path'
      ],
      {
        cwd: newDir(),
        env: { X: 'http://127.0.0.1:9/hook-s3cr3t-path' }
      }
    )
    expect(run.code).toBe(0)
    expect(run.stdout + run.stderr).not.toContain('s3cr3t')
    expect(run.stderr).toContain('The notify-url webhook failed')
  })

  it('records in GitHub from another CI with GITHUB_TOKEN and GITHUB_REPOSITORY', async () => {
    const api = await startGitHubStandIn({ token: 'cli-token-123456' })
    try {
      const run = await runCliBundle(
        [
          'deploy',
          '--environment',
          'qa',
          '--version',
          '2.0.0',
          '--ledger',
          'github',
          '--ref',
          'f'.repeat(40),
          '--run',
          'true'
        ],
        {
          cwd: newDir(),
          env: {
            GITHUB_TOKEN: 'cli-token-123456',
            GITHUB_REPOSITORY: 'o/r',
            GITHUB_API_URL: api.url,
            CI_JOB_URL: 'https://gitlab.example/o/r/-/jobs/7'
          }
        }
      )
      expect(run.code).toBe(0)
      const [d] = api.deployments('o/r')
      expect(d).toMatchObject({ sha: 'f'.repeat(40), environment: 'qa' })
      expect(d.payload).toMatchObject({ run_url: 'https://gitlab.example/o/r/-/jobs/7' })
      expect(d.statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
      api.expectNoViolations()
    } finally {
      await api.close()
    }
  })

  it('gives the same result as the action for the same inputs', async () => {
    const inputs = {
      environment: 'same',
      version: '3.1.4',
      run: 'echo same',
      ledger: 'file',
      'ledger-file': 'l.json',
      ref: 'e'.repeat(40)
    }
    const cwd = newDir()
    const action = await runAction('dist/deploy/index.js', { inputs, cwd })
    const cli = await runCliBundle(
      ['deploy', ...Object.entries(inputs).flatMap(([k, v]) => [`--${k}`, v]), '--json'],
      { cwd: newDir() }
    )
    expect(action.code).toBe(0)
    expect(cli.code).toBe(0)
    const strip = (r: Record<string, unknown>) => ({ ...r, startedAt: 0, durationMs: 0, phases: 0 })
    expect(strip(JSON.parse(cli.stdout))).toEqual(strip(JSON.parse(action.outputs.result)))
  })
})
