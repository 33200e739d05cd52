import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, runCliBundle } from '../support/action-runner.js'

// Issue 12, item 1, end to end: the committed bundles run with the runner's environment (inputs
// as INPUT_*) and the CLI run with SHIPRAIL_* variables. Every script Shiprail starts dumps
// `env`; no secret it was given may appear under any name, and the user's own variables must.

const TOKEN = 'ghs_deployToken0123456789abcdef'
const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAAAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIA\n-----END OPENSSH PRIVATE KEY-----\n'
let hook: Server
let notifyUrl: string
let dir: string

beforeAll(async () => {
  hook = createServer((_req, res) => res.end('ok'))
  await new Promise<void>(resolve => hook.listen(0, '127.0.0.1', resolve))
  notifyUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/T000/B000/notifySecretPath42`
})
afterAll(() => new Promise(resolve => hook.close(resolve)))
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiprail-inherit-'))
})

/** What the user set: their own variables, copies of the secrets under other names. */
const userEnv = () => ({
  MY_SETTING: 'kept-value',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/req',
  COPY_OF_TOKEN: TOKEN,
  GITHUB_TOKEN: TOKEN,
  DEPLOY_KEY: KEY,
  HOOK_URL: notifyUrl,
  DUMPS: dir
})

/** `all`: the step was given the key and notify-url too (status-check takes only the token). */
function expectNoSecret(dump: string, all = true): void {
  expect(dump).toContain('MY_SETTING=kept-value')
  expect(dump).toContain('ACTIONS_ID_TOKEN_REQUEST_URL=')
  expect(dump).not.toMatch(/^INPUT_/m)
  expect(dump).not.toContain(TOKEN)
  if (!all) return
  expect(dump).not.toContain('notifySecretPath42')
  for (const line of KEY.trim().split('\n').slice(1, -1)) expect(dump).not.toContain(line)
}

const dump = (name: string) => `env > "$DUMPS/${name}"`
const read = (name: string) => readFileSync(join(dir, name), 'utf8')

describe('scripts started by the action inherit no secret', () => {
  const secrets = () => ({ token: TOKEN, 'ssh-key': KEY, 'notify-url': notifyUrl })

  it('run and rollback-run of the command driver', async () => {
    const ledger = { ledger: 'file', 'ledger-file': join(dir, 'ledger.json') }
    for (const version of ['1.0.0', '1.1.0']) {
      const run = await runAction('dist/deploy/index.js', {
        inputs: { ...secrets(), ...ledger, environment: 'staging', version, run: dump('run') },
        env: userEnv()
      })
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    }
    expectNoSecret(read('run'))
    const back = await runAction('dist/rollback/index.js', {
      inputs: {
        ...secrets(),
        ...ledger,
        environment: 'staging',
        'to-version': '1.0.0',
        force: 'true',
        run: 'exit 9',
        'rollback-run': dump('rollback-run')
      },
      env: userEnv()
    })
    expect(back.code).toBe(0)
    expectNoSecret(read('rollback-run'))
  }, 60_000)

  it('local before-switch and after-switch hooks of the releases driver', async () => {
    const source = join(dir, 'build')
    mkdirSync(source)
    writeFileSync(join(source, 'index.html'), 'v1')
    const run = await runAction('dist/deploy/index.js', {
      inputs: {
        ...secrets(),
        ledger: 'none',
        environment: 'staging',
        version: '1.0.0',
        driver: 'releases',
        source,
        path: join(dir, 'srv'),
        'before-switch': dump('before-switch'),
        'after-switch': dump('after-switch')
      },
      env: userEnv()
    })
    expect(run.code).toBe(0)
    expectNoSecret(read('before-switch'))
    expectNoSecret(read('after-switch'))
  }, 60_000)

  it('log-command of status-check', async () => {
    const run = await runAction('dist/status-check/index.js', {
      inputs: {
        token: TOKEN,
        ledger: 'none',
        environment: 'staging',
        'log-command': dump('log-command'),
        interval: '1',
        duration: '1'
      },
      env: userEnv()
    })
    expect(run.code).toBe(0)
    expectNoSecret(read('log-command'), false)
  }, 60_000)
})

describe('scripts started by the CLI inherit no secret', () => {
  it('run, with the secrets in SHIPRAIL_* variables and the token in GITHUB_TOKEN', async () => {
    const run = await runCliBundle(
      ['deploy', '--environment', 'staging', '--version', '1.0.0', '--run', dump('cli-run')],
      {
        cwd: dir,
        env: {
          ...userEnv(),
          SHIPRAIL_SSH_KEY: KEY,
          SHIPRAIL_NOTIFY_URL: notifyUrl
        }
      }
    )
    expect(run.code).toBe(0)
    expectNoSecret(read('cli-run'))
  }, 30_000)
})
