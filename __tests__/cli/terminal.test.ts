import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { displayWidth, toText } from '../../src/report/summary.js'
import { runCliBundle } from '../support/action-runner.js'
import { deadPort } from '../support/sshd.js'

/**
 * What a person sees at a terminal: the CLI bundle run as a user runs it, under a pseudo-TTY
 * (util-linux `script`) where colour is the point.
 */

const CLI = resolve('dist/cli/index.js')
const newDir = () => mkdtempSync(join(tmpdir(), 'shiprail-terminal-'))
const ESC = '\u001b['

/** Runs the CLI with stdout and stderr on a pseudo-terminal; returns what the terminal got. */
function underTty(args: string[], cwd: string, env: Record<string, string> = {}): string {
  const quoted = [process.execPath, CLI, ...args].map(a => `'${a.replace(/'/g, "'\\''")}'`)
  const run = spawnSync('script', ['-qec', quoted.join(' '), '/dev/null'], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH, HOME: cwd, TERM: 'xterm', ...env }
  })
  if (run.error) throw run.error
  return run.stdout
}

function count(text: string, part: string): number {
  return text.split(part).length - 1
}

describe('colour', () => {
  const deploy = ['deploy', '--environment=qa', '--version=1.0.0', '--run=exit 3']

  it('colours the verdict and the error line when stdout is a terminal', () => {
    const screen = underTty(deploy, newDir())
    expect(screen).toContain(`${ESC}31m❌ Deploy of 1.0.0 to qa failed`)
    expect(screen).toContain(`${ESC}31merror:`)
    expect(screen).toContain(`${ESC}1mShiprail deploy`)
  })

  it('prints no colour with NO_COLOR set, nor into a pipe', async () => {
    expect(underTty(deploy, newDir(), { NO_COLOR: '1' })).not.toContain(ESC)
    const piped = await runCliBundle(deploy, { cwd: newDir() })
    expect(piped.stdout + piped.stderr).not.toContain(ESC)
  })
})

describe('the log', () => {
  it('says no "took 0.0 s" for a quick phase', async () => {
    const run = await runCliBundle(['deploy', '--environment=qa', '--version=1', '--run=true'], {
      cwd: newDir()
    })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('▸ command driver')
    expect(run.stderr).not.toMatch(/took 0\.0 s/)
  })

  it('prints the plan of a dry run once', async () => {
    const cwd = newDir()
    await runCliBundle(['deploy', '--environment=qa', '--version=1', '--run=true'], { cwd })
    const run = await runCliBundle(
      ['deploy', '--environment=qa', '--version=2', '--run=true', '--dry-run'],
      { cwd }
    )
    expect(run.code).toBe(0)
    expect(count(run.stdout + run.stderr, 'SHIPRAIL_VERSION=2')).toBe(1)
    expect(count(run.stdout + run.stderr, 'deploy 2 to qa (live now: 1)')).toBe(1)
    expect(run.stdout).toContain('📝 Dry run: would deploy 2 to qa')
  })

  it('gives a failed status check’s reason once in the log and once in the summary', async () => {
    const port = await deadPort()
    const run = await runCliBundle(
      [
        'status-check',
        '--environment=qa',
        `--url=http://127.0.0.1:${port}/`,
        '--duration=2',
        '--interval=1',
        '--ledger=none'
      ],
      { cwd: newDir() }
    )
    expect(run.code).toBe(1)
    // The verdict's reason; the per-round progress lines say what each round saw, as it happens.
    const reason = 'the success rate is at most 66.7%, under min 85%'
    expect(count(run.stderr, reason)).toBe(1)
    expect(count(run.stdout, reason)).toBe(1)
    expect(run.stderr.trim().split('\n').pop()).toContain(reason)
    expect(run.stdout).toContain('❌ unhealthy: probe GET / success rate missed its threshold')
  })
})

describe('tables', () => {
  it('line up columns after emoji, by the columns a terminal draws', () => {
    const text = toText({
      title: 't',
      verdict: 'v',
      facts: [],
      tables: [
        {
          header: ['Check', 'Result', 'Reason'],
          rows: [
            ['**a**', '✅', 'fine'],
            ['`bb`', '❌', 'broke'],
            ['c', '—', 'skipped']
          ]
        }
      ]
    })
    const lines = text.trimEnd().split('\n').slice(-5)
    lines.splice(1, 1)
    const reasonAt = lines.map(l => {
      const i = l.search(/fine|broke|skipped|Reason/)
      return displayWidth(l.slice(0, i))
    })
    expect(new Set(reasonAt).size).toBe(1)
    expect(lines[1]).toMatch(/^a {6}✅ {6}fine$/)
  })

  it.each([
    ['✅', 2],
    ['⏪', 2],
    ['—', 1],
    ['≥ 90%', 5],
    ['⚠️', 2],
    ['e\u0301', 1]
  ])('%p takes %p columns', (text, width) => {
    expect(displayWidth(text)).toBe(width)
  })
})

describe('usage errors', () => {
  it.each([
    [
      ['deploy', '--enviroment', 'qa'],
      'Unknown flag --enviroment for deploy (did you mean --environment?)'
    ],
    [['deplyo', '--environment', 'qa'], 'Unknown step "deplyo" (did you mean deploy?)'],
    [['rollback', '--reson=x'], 'Unknown flag --reson for rollback (did you mean --reason?)']
  ])('%j suggests the flag or step meant', async (args, line) => {
    const run = await runCliBundle(args, { cwd: newDir() })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(line)
  })
})

describe('--json on every exit', () => {
  it.each<[string, string[], number, Record<string, unknown>]>([
    [
      'bad input',
      ['deploy', '--environment=qa', '--version=1;id', '--run=true', '--json'],
      2,
      { step: 'deploy', outcome: 'bad-input', exitCode: 2 }
    ],
    [
      'a mistyped flag',
      ['deploy', '--json', '--enviroment=qa'],
      2,
      { step: 'deploy', outcome: 'bad-input', exitCode: 2 }
    ],
    [
      'a failed deploy',
      ['deploy', '--environment=qa', '--version=1', '--run=exit 4', '--json'],
      1,
      { step: 'deploy', outcome: 'failure', error: 'The deploy script exited with status 4.' }
    ],
    [
      'nothing to roll back',
      ['rollback', '--environment=qa', '--run=true', '--json'],
      1,
      { step: 'rollback', outcome: 'failure', exitCode: 1 }
    ]
  ])('%s prints one JSON object', async (_label, args, code, shape) => {
    const run = await runCliBundle(args, { cwd: newDir() })
    expect(run.code).toBe(code)
    expect(JSON.parse(run.stdout)).toMatchObject(shape)
  })

  it('a failed check prints one JSON object', async () => {
    const port = await deadPort()
    const run = await runCliBundle(
      ['smoke-test', `--url=http://127.0.0.1:${port}/`, '--timeout=1', '--json'],
      { cwd: newDir() }
    )
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({ step: 'smoke-test', passed: false })
  })
})

describe('errors that point at the real cause', () => {
  it('a ledger file that cannot be written names it and the input, exit 2', async () => {
    const cwd = newDir()
    writeFileSync(join(cwd, 'a-file'), '')
    const run = await runCliBundle(
      ['deploy', '--environment=qa', '--version=1', '--run=true', '--ledger-file=a-file/l.json'],
      { cwd }
    )
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n').pop()).toMatch(
      /^error: The ledger file .*a-file\/l\.json cannot be read \(ENOTDIR\); fix or move it, or set ledger-file to a path this job can read and write\.$/
    )
  })

  it('a deploy path that cannot be written is said so, not as a lock problem', async () => {
    const cwd = newDir()
    mkdirSync(join(cwd, 'build'))
    writeFileSync(join(cwd, 'build', 'index.html'), 'hi')
    writeFileSync(join(cwd, 'a-file'), '')
    const run = await runCliBundle(
      [
        'deploy',
        '--environment=qa',
        '--version=1',
        '--driver=releases',
        '--hosts=local',
        `--path=${cwd}/a-file/app`,
        '--source=build'
      ],
      { cwd }
    )
    expect(run.code).toBe(1)
    const line = run.stderr.trim().split('\n').pop()
    expect(line).toContain(`cannot write to ${cwd}/a-file/app/.shiprail`)
    expect(line).toContain('the deploy user needs a writable path')
    expect(line).not.toContain('lock')
  })
})
