import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ledgerFileProblem } from '../../src/core/ledger/ledger-file-schema.js'
import { runAction, runCliBundle } from '../support/action-runner.js'

// Issue 12, items 4, 5 and 6 through the bundles: a name that escapes, a damaged ledger file
// and a control character each get one line and exit 2 (the action: one ::error:: line), and
// nothing is changed. Mention syntax in a reason reaches the webhook as text.

const newDir = () => mkdtempSync(join(tmpdir(), 'shiprail-refused-'))

/** One error line (progress lines of phases that ran may precede it), no stack trace. */
function expectOneLine(stderr: string, ...parts: string[]): void {
  expect(stderr).not.toMatch(/^\s+at /m)
  const lines = stderr
    .trim()
    .split('\n')
    .filter(l => l.startsWith('error'))
  expect(lines).toHaveLength(1)
  expect(lines[0]).not.toContain('unexpectedly')
  for (const part of parts) expect(lines[0]).toContain(part)
}

describe('names that escape (item 4)', () => {
  it.each(['a/../../etc', 'a/./b', 'a//b', 'prod/'])(
    'environment %s: exit 2, nothing recorded, the script never runs',
    async environment => {
      const cwd = newDir()
      const run = await runCliBundle(
        ['deploy', '--environment', environment, '--version', '1.0.0', '--run', 'touch ran'],
        { cwd }
      )
      expect(run.code).toBe(2)
      expectOneLine(run.stderr, "Input 'environment'")
      expect(existsSync(join(cwd, 'ran'))).toBe(false)
      expect(existsSync(join(cwd, '.shiprail'))).toBe(false)
    }
  )

  it('environment a/../../etc in the action: one error line, nothing runs', async () => {
    const cwd = newDir()
    const run = await runAction('dist/deploy/index.js', {
      cwd,
      inputs: { environment: 'a/../../etc', version: '1.0.0', ledger: 'file', run: 'touch ran' }
    })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain("Input 'environment'")
    expect(existsSync(join(cwd, 'ran'))).toBe(false)
  })

  it.each(['.', 'a/./.', './'])(
    'shared-paths %s: exit 2 before anything is uploaded',
    async shared => {
      const cwd = newDir()
      mkdirSync(join(cwd, 'build'))
      writeFileSync(join(cwd, 'build', 'index.html'), 'v1')
      const run = await runCliBundle(
        [
          'deploy',
          '--environment',
          'staging',
          '--version',
          '1.0.0',
          '--driver',
          'releases',
          '--source',
          'build',
          '--path',
          join(cwd, 'srv'),
          '--shared-paths',
          shared
        ],
        { cwd }
      )
      expect(run.code).toBe(2)
      expectOneLine(run.stderr, "Input 'shared-paths'")
      expect(existsSync(join(cwd, 'srv'))).toBe(false)
    }
  )
})

const SOUND = {
  schema: 1,
  nextId: 2,
  deployments: [
    {
      id: '1',
      environment: 'staging',
      ref: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      payload: {
        version: '1.0.0',
        driver: 'command',
        previous_version: null,
        operation: 'deploy',
        run_url: null
      },
      statuses: [
        { state: 'in_progress', description: 'x', createdAt: '2026-01-01T00:00:00.000Z' },
        { state: 'success', description: 'x', createdAt: '2026-01-01T00:00:01.000Z' }
      ]
    }
  ]
}

const damaged: [string, (data: typeof SOUND) => unknown, string][] = [
  ['deployments: [null]', d => ({ ...d, deployments: [null] }), '$.deployments[0] is null'],
  ['nextId missing', ({ nextId: _n, ...d }) => d, '$.nextId is missing'],
  ['nextId a string', d => ({ ...d, nextId: '7' }), '$.nextId is the string "7"'],
  ['nextId not whole', d => ({ ...d, nextId: 2.5 }), '$.nextId is number 2.5'],
  ['nextId not above the ids', d => ({ ...d, nextId: 1 }), '$.nextId is 1, expected more than'],
  [
    'statuses of the wrong type',
    d => ({ ...d, deployments: [{ ...d.deployments[0], statuses: 'success' }] }),
    '$.deployments[0].statuses is the string "success", expected a list'
  ],
  [
    'a status that is a number',
    d => ({ ...d, deployments: [{ ...d.deployments[0], statuses: [7] }] }),
    '$.deployments[0].statuses[0] is number 7'
  ],
  [
    'an unknown state',
    d => ({
      ...d,
      deployments: [
        { ...d.deployments[0], statuses: [{ ...d.deployments[0].statuses[0], state: 'ok' }] }
      ]
    }),
    '$.deployments[0].statuses[0].state is the string "ok", expected one of'
  ],
  [
    'a payload without version',
    d => ({
      ...d,
      deployments: [
        { ...d.deployments[0], payload: { ...d.deployments[0].payload, version: undefined } }
      ]
    }),
    '$.deployments[0].payload.version is missing'
  ],
  ['schema 2', d => ({ ...d, schema: 2 }), '$.schema is number 2'],
  ['a list', () => [], '$ is a list']
]

describe('a damaged ledger file (item 5)', () => {
  it('accepts a sound file', () => expect(ledgerFileProblem(SOUND)).toBeUndefined())

  it.each(damaged)('%s is named by its JSON path', (_what, damage, problem) => {
    expect(ledgerFileProblem(damage(SOUND))).toContain(problem)
  })

  it.each(damaged.slice(0, 6))(
    '%s: the CLI exits 2 with one line, and the file stays byte-identical',
    async (_what, damage, problem) => {
      const cwd = newDir()
      const file = join(cwd, 'ledger.json')
      const text = JSON.stringify(damage(SOUND), null, 1)
      writeFileSync(file, text)
      const run = await runCliBundle(
        [
          'deploy',
          '--environment',
          'staging',
          '--version',
          '2.0.0',
          '--ledger-file',
          file,
          '--run',
          'touch ran'
        ],
        { cwd }
      )
      expect(run.code).toBe(2)
      expectOneLine(run.stderr, file, problem)
      expect(readFileSync(file, 'utf8')).toBe(text)
      expect(existsSync(join(cwd, 'ran'))).toBe(false)
    }
  )

  it('the action fails with one line naming the file and the path', async () => {
    const cwd = newDir()
    const file = join(cwd, 'ledger.json')
    const text = JSON.stringify({ ...SOUND, deployments: [null] })
    writeFileSync(file, text)
    const run = await runAction('dist/rollback/index.js', {
      cwd,
      inputs: { environment: 'staging', ledger: 'file', 'ledger-file': file, run: 'true' }
    })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toEqual([
      `::error::The ledger file ${file} is not a Shiprail ledger: $.deployments[0] is null, expected a deployment (an object); fix or move it.`
    ])
    expect(readFileSync(file, 'utf8')).toBe(text)
  })
})

describe('control characters and chat mentions (item 6)', () => {
  let hook: Server
  let url: string
  const received: string[] = []
  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = ''
      req.on('data', c => (body += c))
      req.on('end', () => {
        received.push(body)
        res.end('ok')
      })
    })
    await new Promise<void>(resolve => hook.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`
  })
  afterAll(() => new Promise(resolve => hook.close(resolve)))

  async function deployTwice(cwd: string): Promise<void> {
    for (const version of ['1.0.0', '1.1.0']) {
      const run = await runCliBundle(
        ['deploy', '--environment', 'staging', '--version', version, '--run', 'true'],
        { cwd }
      )
      expect(run.code).toBe(0)
    }
  }

  it.each([
    ['ESC', 'bad \u001b[2J\u001b[Hdeploy', 'U+001B at character 5'],
    ['a C1 control', 'bad \u009b31m', 'U+009B'],
    ['BEL', 'ding\u0007', 'U+0007']
  ])('a reason with %s: exit 2, one line, the ledger unchanged', async (_what, reason, code) => {
    const cwd = newDir()
    await deployTwice(cwd)
    const file = join(cwd, '.shiprail/ledger.json')
    const before = readFileSync(file, 'utf8')
    const run = await runCliBundle(
      ['rollback', '--environment', 'staging', '--reason', reason, '--run', 'true'],
      { cwd }
    )
    expect(run.code).toBe(2)
    expectOneLine(run.stderr, "Input 'reason'", code)
    expect(run.stderr).not.toContain('\u001b')
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('a reason with Slack mention syntax reaches the webhook as text, the run link intact', async () => {
    const cwd = newDir()
    await deployTwice(cwd)
    received.length = 0
    const run = await runAction('dist/rollback/index.js', {
      cwd,
      inputs: {
        environment: 'staging',
        ledger: 'file',
        'to-version': '1.0.0',
        force: 'true',
        run: 'true',
        'notify-url': url,
        reason: 'paging <!channel> <!here> <@U024BE7LH> <#C024BE7LR> <!subteam^SAZ94GDB8> & co'
      }
    })
    expect(run.code).toBe(0)
    expect(received).toHaveLength(1)
    const { text } = JSON.parse(received[0]) as { text: string }
    expect(text).not.toMatch(/<[!@#]/)
    expect(text).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U024BE7LH&gt;')
    expect(text).toContain('&lt;!subteam^SAZ94GDB8&gt; &amp; co')
    expect(text).toMatch(
      / <https:\/\/github\.com\/octo-org\/octo-app\/actions\/runs\/4242\/attempts\/1\|run>$/
    )
  })
})
