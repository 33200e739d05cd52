import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/action-runner.js'
import { startSshd, type SshdServer } from '../support/sshd.js'

// Issue 12, item 7: a deploy SIGKILLed mid-way left its SSH key in /tmp and an SSH master alive
// for 120 s. The key now lives under RUNNER_TEMP, and the action's post run removes what is
// left and stops the master through its control socket.

let server: SshdServer
let work: string
beforeAll(async () => {
  server = await startSshd()
})
afterAll(() => server.stop())
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'shiprail-left-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }))

/** `ssh -O check`: the pid of the master behind a control socket, or undefined. */
function masterPid(socket: string): number | undefined {
  const r = spawnSync('ssh', ['-S', socket, '-O', 'check', 'x'], { encoding: 'utf8' })
  const m = /pid=(\d+)/.exec(r.stderr)
  return r.status === 0 && m ? Number(m[1]) : undefined
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

it('a killed deploy leaves its key only under RUNNER_TEMP, and the post run removes it and stops the master', async () => {
  const runnerTemp = join(work, 'rt')
  mkdirSync(runnerTemp)
  const source = join(work, 'build')
  mkdirSync(source)
  writeFileSync(join(source, 'index.html'), 'v1')
  const inputs = {
    environment: 'staging',
    version: '1.0.0',
    ledger: 'none',
    driver: 'releases',
    source,
    hosts: server.label,
    path: join(work, 'srv'),
    'ssh-key': server.privateKey,
    'known-hosts': server.knownHostsLine,
    'before-switch': 'echo hook-started; sleep 60'
  }
  const main = await runAction('dist/deploy/index.js', {
    inputs,
    env: { RUNNER_TEMP: runnerTemp },
    killWhenStdout: { text: 'hook-started', signal: 'SIGKILL' }
  })
  expect(main.code).toBeNull()

  const [left] = readdirSync(runnerTemp).filter(n => n.startsWith('shiprail-ssh-'))
  expect(left).toBeDefined()
  const dir = join(runnerTemp, left)
  expect(readdirSync(dir)).toEqual(expect.arrayContaining(['id', 'cm-0']))
  const pid = masterPid(join(dir, 'cm-0'))
  expect(pid).toBeDefined()

  const post = await runAction('dist/deploy/index.js', {
    inputs,
    env: { RUNNER_TEMP: runnerTemp },
    state: { isPost: 'true' }
  })
  expect(post.code).toBe(0)
  expect(post.stdout).toContain('removed 1 SSH key directory(ies) from RUNNER_TEMP')
  expect(readdirSync(runnerTemp)).toEqual([])
  for (let i = 0; i < 50 && alive(pid as number); i++) await new Promise(r => setTimeout(r, 100))
  expect(alive(pid as number)).toBe(false)
}, 60_000)
