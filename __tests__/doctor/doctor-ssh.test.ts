import { execFileSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createReleasesDriver } from '../../src/core/drivers/releases-driver.js'
import { parseDoctorSettings } from '../../src/core/settings/doctor-settings.js'
import { doctor, type DoctorResult } from '../../src/core/steps/doctor.js'
import { runCliBundle } from '../support/action-runner.js'
import { testContext } from '../support/context.js'
import { startHostSandbox, type HostSandbox } from '../support/host-sandbox.js'
import { deadPort, generateClientKey } from '../support/sshd.js'
import { releasesSettings, request, writeRelease } from '../releases/fixtures.js'
import { parseDeploySettings, parseHosts } from '../../src/core/settings/deploy-settings.js'
import { deploy } from '../../src/core/steps/deploy.js'
import { deploySummary } from '../../src/report/deploy-report.js'
import { toText } from '../../src/report/summary.js'

/*
 * Doctor against real sshd hosts set up as a person would (a `deploy` user, a root-owned /srv),
 * each in its own copy-on-write /etc, /home, /srv (see host-sandbox.ts). One host is complete;
 * on the other, rsync is not installed.
 */
let host: HostSandbox
let noRsync: HostSandbox
let work: string
let web: Server
let webUrl: string

const USER_SETUP = `
useradd --create-home --shell /bin/bash deploy
usermod -p '*' deploy
install -d -o deploy -g deploy -m 755 /srv/app
install -d -o root -g root -m 755 /srv/locked /srv/rootowned
useradd --create-home --shell /usr/sbin/nologin robot
usermod -p '*' robot`

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'shiprail-doctor-'))
  ;[host, noRsync] = await Promise.all([
    startHostSandbox(),
    startHostSandbox({ alsoOverlaid: ['/usr/bin'], setup: 'rm /usr/bin/rsync' })
  ])
  for (const h of [host, noRsync]) {
    const r = await h.asRoot(USER_SETUP)
    if (r.exitCode !== 0) throw new Error(`setup failed: ${r.stderr}`)
  }
  web = createServer((req, res) => {
    res.statusCode = req.url === '/broken' ? 503 : 200
    res.end('ok')
  })
  await new Promise<void>(r => web.listen(0, '127.0.0.1', r))
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`
}, 60_000)

afterAll(async () => {
  await Promise.all([host?.stop(), noRsync?.stop()])
  if (web) await new Promise(r => web.close(r))
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

function inputs(on: HostSandbox, extra: Record<string, string> = {}): Record<string, string> {
  return {
    hosts: `deploy@127.0.0.1:${on.port}`,
    path: '/srv/app',
    'ssh-key': on.key.privateKey,
    'known-hosts': on.knownHostsLine,
    ...extra
  }
}

async function runDoctor(raw: Record<string, string>): Promise<DoctorResult> {
  return doctor(parseDoctorSettings(raw), testContext())
}

function check(result: DoctorResult, name: string, index = 0) {
  const found = result.hosts[index].checks.find(c => c.name === name)
  if (!found) throw new Error(`no ${name} check in ${JSON.stringify(result.hosts[index])}`)
  return found
}

const names = (result: DoctorResult, index = 0) => result.hosts[index].checks.map(c => c.name)

describe('shiprail doctor against real sshd hosts', () => {
  test('a ready host passes every check, each with what it saw', async () => {
    const result = await runDoctor(inputs(host, { url: `${webUrl}/health` }))
    expect(result.ok).toBe(true)
    expect(names(result)).toEqual([
      'ssh',
      'host-key',
      'ssh-auth',
      'programs',
      'path',
      'disk',
      'lock',
      'live'
    ])
    expect(result.hosts[0].host).toBe(`deploy@127.0.0.1:${host.port}`)
    expect(check(result, 'path').detail).toBe('/srv/app is writable by deploy')
    expect(check(result, 'programs').detail).toBe('bash, rsync, tar')
    expect(check(result, 'live').detail).toMatch(/nothing yet/)
    expect(result.hosts[1]).toEqual({
      host: `${webUrl}/health`,
      checks: [{ name: 'url', ok: true, detail: expect.stringMatching(/^200 in \d+ ms$/), fix: '' }]
    })
    // Read-only: doctor created nothing under the deploy root.
    const listing = await host.asRoot('ls -A /srv/app')
    expect(listing.stdout).toBe('')
  })

  test('an unknown host key is told apart, with ssh-keyscan as the fix', async () => {
    const result = await runDoctor(inputs(host, { 'known-hosts': '' }))
    expect(result.ok).toBe(false)
    expect(names(result)).toEqual(['ssh', 'host-key'])
    expect(check(result, 'ssh').ok).toBe(true)
    const hostKey = check(result, 'host-key')
    expect(hostKey).toMatchObject({ ok: false, detail: expect.stringMatching(/^unknown: /) })
    expect(hostKey.fix).toContain(`ssh-keyscan -p ${host.port} 127.0.0.1`)
  })

  test('with host key checking turned off, the key is not verified, and doctor says so', async () => {
    const result = await runDoctor(
      inputs(host, { 'known-hosts': '', 'ssh-strict-host-key-checking': 'false' })
    )
    expect(check(result, 'host-key')).toEqual({
      name: 'host-key',
      ok: true,
      detail: 'not verified: ssh-strict-host-key-checking is false',
      fix: ''
    })
  })

  test('a changed host key is not "unknown", and the fix never names a temp file', async () => {
    const other = await generateClientKey()
    const wrongLine = `[127.0.0.1]:${host.port} ${other.publicKey.split(' ').slice(0, 2).join(' ')}`
    const result = await runDoctor(inputs(host, { 'known-hosts': wrongLine }))
    const hostKey = check(result, 'host-key')
    expect(hostKey.ok).toBe(false)
    expect(hostKey.detail).toMatch(/^changed: /)
    expect(hostKey.fix).toMatch(/intercepting/)
    expect(JSON.stringify(result)).not.toMatch(/shiprail-ssh-/)
  })

  test('a key the host refuses is an authentication problem, not a connection one', async () => {
    const stranger = await generateClientKey()
    const result = await runDoctor(inputs(host, { 'ssh-key': stranger.privateKey }))
    expect(names(result)).toEqual(['ssh', 'host-key', 'ssh-auth'])
    expect(check(result, 'ssh').ok).toBe(true)
    expect(check(result, 'host-key').ok).toBe(true)
    expect(check(result, 'ssh-auth')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('Permission denied'),
      fix: expect.stringContaining('~deploy/.ssh/authorized_keys')
    })
  })

  test('a host nothing answers on cannot connect', async () => {
    const port = await deadPort()
    const result = await runDoctor({ ...inputs(host), hosts: `deploy@127.0.0.1:${port}` })
    expect(result.hosts[0].checks).toEqual([
      {
        name: 'ssh',
        ok: false,
        detail: expect.stringMatching(/^cannot connect: .*Connection refused/),
        fix: expect.stringContaining(`port ${port}`)
      }
    ])
  })

  test('an account without a shell logs in but cannot run anything: said, with the fix', async () => {
    const result = await runDoctor({ ...inputs(host), hosts: `robot@127.0.0.1:${host.port}` })
    expect(result.hosts[0].checks.map(c => [c.name, c.ok])).toEqual([
      ['ssh', true],
      ['host-key', true],
      ['ssh-auth', true],
      ['probe', false]
    ])
    expect(check(result, 'probe')).toMatchObject({
      detail: expect.stringContaining('This account is currently not available'),
      fix: expect.stringContaining('not nologin')
    })
  })

  test('a host without rsync fails the programs check, naming the package', async () => {
    const result = await runDoctor(inputs(noRsync))
    expect(result.ok).toBe(false)
    expect(check(result, 'programs')).toEqual({
      name: 'programs',
      ok: false,
      detail: 'not found on the PATH of deploy: rsync',
      fix: expect.stringContaining('apt-get install -y rsync')
    })
    expect(result.hosts[0].checks.filter(c => !c.ok).map(c => c.name)).toEqual(['programs'])
  })

  test.each([
    [
      'a path whose parent the deploy user cannot write',
      '/srv/locked/app',
      'deploy cannot write /srv/locked (owner root)',
      'sudo install -d -o deploy -g deploy -m 755 /srv/locked/app'
    ],
    [
      'a root-owned path',
      '/srv/rootowned',
      'deploy cannot write /srv/rootowned (owner root)',
      'sudo chown -R deploy: /srv/rootowned'
    ]
  ])('%s is reported with the command that fixes it', async (_name, path, detail, fix) => {
    const result = await runDoctor(inputs(host, { path }))
    const pathCheck = check(result, 'path')
    expect(pathCheck).toMatchObject({ ok: false, detail })
    expect(pathCheck.fix).toContain(fix)
  })

  test('a held lock names its holder and since when; a stale one is not a problem', async () => {
    await host.asRoot(
      `install -d -o deploy -g deploy /srv/held/.shiprail /srv/stale/.shiprail
printf '%s\\n' "$HELD" > /srv/held/.shiprail/lock
printf '%s\\n' "$STALE" > /srv/stale/.shiprail/lock`,
      {
        HELD: JSON.stringify({
          holder: 'alice',
          runUrl: 'https://github.com/o/r/actions/runs/7',
          pid: 4242,
          host: 'runner-elsewhere',
          bootId: 'x',
          since: new Date().toISOString(),
          token: 't'
        }),
        STALE: JSON.stringify({
          holder: 'bob',
          runUrl: '',
          pid: 1,
          host: 'gone-runner',
          bootId: 'y',
          since: new Date(Date.now() - 7 * 3600_000).toISOString(),
          token: 'u'
        })
      }
    )
    const held = check(await runDoctor(inputs(host, { path: '/srv/held' })), 'lock')
    expect(held.ok).toBe(false)
    expect(held.detail).toMatch(
      /^held by alice \(https:\/\/github\.com\/o\/r\/actions\/runs\/7\) since \d{4}-.*Z \(pid 4242 on runner-elsewhere\)$/
    )
    expect(held.fix).toContain('/srv/held/.shiprail/lock')
    const stale = check(await runDoctor(inputs(host, { path: '/srv/stale' })), 'lock')
    expect(stale).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/^stale: held by bob .*older than 6 h/)
    })
  })

  test('after a real deploy, live names the version from history.jsonl', async () => {
    const source = join(work, 'release')
    await writeRelease(source, '1.4.2')
    const deployed = await createReleasesDriver(
      releasesSettings({
        source,
        hosts: parseHosts(`deploy@127.0.0.1:${host.port}`),
        path: '/srv/app',
        sshKey: host.key.privateKey,
        knownHosts: host.knownHostsLine
      })
    ).apply(request('1.4.2'), testContext())
    const result = await runDoctor(inputs(host, { source }))
    expect(result.ok).toBe(true)
    expect(check(result, 'live').detail).toMatch(
      new RegExp(
        `^1\\.4\\.2 \\(release ${deployed.release!.replace(/\./g, '\\.')}, deploy at \\d{4}-`
      )
    )
    expect(check(result, 'disk').detail).toMatch(/free on .*; the release needs \d+\.\d KiB$/)
  })

  test('a release bigger than the free space fails the disk check before any upload', async () => {
    const source = join(work, 'huge')
    execFileSync('mkdir', ['-p', source])
    // Sparse: its size is what rsync would send, yet it takes no room here.
    execFileSync('truncate', ['-s', '10T', join(source, 'blob')])
    const disk = check(await runDoctor(inputs(host, { source })), 'disk')
    expect(disk).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/free on .*; the release needs 10\.0 TiB$/),
      fix: expect.stringMatching(/^Free at least /)
    })
  })

  test('a URL that does not answer, or answers 5xx, is a problem', async () => {
    const port = await deadPort()
    const result = await runDoctor({
      driver: 'command',
      url: `http://127.0.0.1:${port}/`
    })
    expect(result).toEqual({
      ok: false,
      hosts: [
        {
          host: `http://127.0.0.1:${port}/`,
          checks: [
            {
              name: 'url',
              ok: false,
              detail: expect.stringMatching(/^no answer: connection refused/),
              fix: expect.stringContaining('nginx')
            }
          ]
        }
      ]
    })
    const broken = await runDoctor({ driver: 'command', url: `${webUrl}/broken` })
    expect(broken.hosts[0].checks[0]).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^503 /)
    })
  })
})

describe('deploy --dry-run of the releases driver runs the same read-only checks', () => {
  const dryRun = (on: HostSandbox, path: string, source: string) =>
    deploy(
      parseDeploySettings(
        {
          environment: 'staging',
          version: '2.0.0',
          ledger: 'none',
          'dry-run': 'true',
          driver: 'releases',
          source,
          ...inputs(on, { path })
        },
        { insideActions: false }
      ),
      testContext()
    )

  test('ready hosts: planned, with every check beside the plan, nothing written', async () => {
    const source = join(work, 'dry-release')
    await writeRelease(source, '2.0.0')
    await host.asRoot('install -d -o deploy -g deploy /srv/dry')
    const result = await dryRun(host, '/srv/dry', source)
    expect(result.outcome).toBe('planned')
    expect(result.preflight?.[0].checks.every(c => c.ok)).toBe(true)
    expect(result.preflight?.[0].checks.map(c => c.name)).toContain('disk')
    expect((await host.asRoot('ls -A /srv/dry')).stdout).toBe('')
  })

  test('a host that is not ready fails the dry run, naming the host and the check', async () => {
    const source = join(work, 'dry-release')
    await writeRelease(source, '2.0.0')
    const result = await dryRun(noRsync, '/srv/app', source)
    expect(result.outcome).toBe('failure')
    expect(toText(deploySummary(result))).toMatch(
      /Hosts \(read-only check\)\n.*\n.*\n(.*\n)*deploy@127\.0\.0\.1:\d+ +programs +FAIL +not found on the PATH of deploy: rsync +Install them/
    )
    expect(result.error).toBe(
      `dry run: the hosts are not ready (deploy@127.0.0.1:${noRsync.port} programs: not found on the PATH of deploy: rsync); shiprail doctor gives the fix for each`
    )
  })
})

describe('shiprail doctor as a user types it (dist/cli/index.js)', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    runCliBundle(['doctor', ...args], { cwd: work, env })

  test('--json prints exactly { ok, hosts: [ { host, checks: [ { name, ok, detail, fix } ] } ] }, exit 0', async () => {
    const run = await cli(
      [
        '--hosts',
        `deploy@127.0.0.1:${host.port}`,
        '--path',
        '/srv/app',
        '--known-hosts',
        host.knownHostsLine,
        '--url',
        webUrl,
        '--json'
      ],
      { SHIPRAIL_SSH_KEY: host.key.privateKey }
    )
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(Object.keys(result)).toEqual(['ok', 'hosts'])
    expect(result.ok).toBe(true)
    for (const h of result.hosts) {
      expect(Object.keys(h)).toEqual(['host', 'checks'])
      for (const c of h.checks) {
        expect(Object.keys(c)).toEqual(['name', 'ok', 'detail', 'fix'])
        expect([typeof c.name, typeof c.ok, typeof c.detail, typeof c.fix]).toEqual([
          'string',
          'boolean',
          'string',
          'string'
        ])
      }
    }
    expect(run.stdout + run.stderr).not.toContain(host.key.privateKey.split('\n')[1])
  })

  test('any problem exits 1 with one table that carries the fix', async () => {
    const run = await cli(
      [
        '--hosts',
        `deploy@127.0.0.1:${noRsync.port}`,
        '--path',
        '/srv/app',
        '--known-hosts',
        noRsync.knownHostsLine
      ],
      { SHIPRAIL_SSH_KEY: noRsync.key.privateKey }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^Shiprail doctor\n\n❌ 1 problem on deploy@127\.0\.0\.1:\d+\n/)
    expect(run.stdout).toMatch(
      /programs\s+FAIL\s+not found on the PATH of deploy: rsync\s+Install them/
    )
    expect(run.stderr).toMatch(/error: doctor found 1 problem: deploy@127\.0\.0\.1:\d+ programs;/)
  })

  test.each([
    [['--path', 'srv/app'], /^error: Input 'path' is "srv\/app"; expected an absolute path/m],
    [['--path', '/srv/app', '--hosts', 'a b'], /^error: Input 'hosts' has "a b"; expected/m],
    [['--driver', 'command'], /^error: Input 'url' is required with `driver: command`/m],
    [['--path', '/srv/app', '--version', '1'], /^error: Unknown flag --version for doctor/m],
    [
      ['--path', '/srv/app', '--source', '/nonexistent/release'],
      /^error: Input 'source' is "\/nonexistent\/release", which does not exist/m
    ]
  ])('bad input %j exits 2 with one line', async (args, message) => {
    const run = await cli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stdout).toBe('')
  })
})
