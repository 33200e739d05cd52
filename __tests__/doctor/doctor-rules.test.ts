import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  hostChecks,
  MIN_FREE_BYTES,
  type HostCheckOptions
} from '../../src/core/doctor/host-checks.js'
import { parseProbe, type HostFacts } from '../../src/core/doctor/host-probe.js'
import { releaseSize } from '../../src/core/doctor/release-size.js'
import { diagnoseSsh, sshFix } from '../../src/core/doctor/ssh-diagnosis.js'
import { parseDoctorSettings } from '../../src/core/settings/doctor-settings.js'

describe('diagnoseSsh tells the SSH failures apart', () => {
  test.each([
    ['ssh: connect to host 10.0.0.9 port 22: Connection refused', 'unreachable'],
    ['ssh: connect to host 10.0.0.9 port 22: Connection timed out', 'unreachable'],
    ['ssh: Could not resolve hostname app1: Name or service not known', 'unreachable'],
    ['Connection timed out during banner exchange', 'unreachable'],
    [
      'No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking. / Host key verification failed.',
      'host-key-unknown'
    ],
    [
      'Offending ED25519 key in /tmp/shiprail-ssh-Ab12/known_hosts:1 / Host key for [127.0.0.1]:2222 has changed and you have requested strict checking. / Host key verification failed.',
      'host-key-changed'
    ],
    ['deploy@10.0.0.9: Permission denied (publickey).', 'auth-refused'],
    [
      'Load key "/tmp/shiprail-ssh-x/id": invalid format / deploy@h: Permission denied (publickey).',
      'auth-refused'
    ],
    [
      'Received disconnect from 10.0.0.9 port 22:2: Too many authentication failures',
      'auth-refused'
    ]
  ])('%s → %s', (message, kind) => {
    expect(diagnoseSsh(message).kind).toBe(kind)
  })

  test('the detail never points at our temporary files', () => {
    const { detail } = diagnoseSsh(
      'Offending ED25519 key in /tmp/shiprail-ssh-Ab12/known_hosts:1 / Host key for [127.0.0.1]:2222 has changed and you have requested strict checking. / Host key verification failed.'
    )
    expect(detail).toBe(
      'Host key for [127.0.0.1]:2222 has changed and you have requested strict checking. / Host key verification failed.'
    )
  })

  test('each fix names the host, port and user it is about', () => {
    const host = {
      label: 'deploy@app1:2222',
      local: false,
      user: 'deploy',
      host: 'app1',
      port: 2222
    }
    expect(sshFix('unreachable', host)).toContain('ssh -p 2222 deploy@app1 true')
    expect(sshFix('host-key-unknown', host)).toContain('ssh-keyscan -p 2222 app1')
    expect(sshFix('auth-refused', host)).toContain('~deploy/.ssh/authorized_keys')
    expect(sshFix('host-key-changed', host)).not.toContain('ssh-keyscan')
  })
})

const facts = (over: Partial<HostFacts> = {}): HostFacts => ({
  user: 'deploy',
  root: '/srv/app',
  programs: { bash: '/bin/bash', rsync: '/usr/bin/rsync', tar: '/bin/tar' },
  missing: [],
  existing: '/srv/app',
  existingNotDir: false,
  unwritable: [],
  freeKiB: 10 * 1024 * 1024,
  mount: '/',
  currentNotLink: false,
  lockIsDir: false,
  history: [],
  ...over
})

const options: HostCheckOptions = {
  programs: ['bash', 'rsync', 'tar'],
  now: new Date('2026-11-30T12:00:00Z'),
  machine: { host: 'runner', bootId: 'boot' },
  isAlive: pid => pid === 100
}

const lock = (over: Record<string, unknown>) =>
  JSON.stringify({
    holder: 'alice',
    runUrl: '',
    pid: 7,
    host: 'elsewhere',
    bootId: 'b',
    since: '2026-11-30T11:00:00Z',
    token: 't',
    ...over
  })

describe('hostChecks: what the probe saw → checks with fixes', () => {
  test.each<[string, Partial<HostFacts>, Partial<HostCheckOptions>, string, boolean, RegExp]>([
    ['all well', {}, {}, 'path', true, /^\/srv\/app is writable by deploy$/],
    [
      'docker missing for containers',
      {},
      { programs: ['bash', 'rsync', 'tar', 'docker'] },
      'programs',
      false,
      /docker$/
    ],
    [
      'a file where the root should be',
      { existing: '/srv/app', existingNotDir: true },
      {},
      'path',
      false,
      /is not a directory/
    ],
    [
      'root not there yet',
      { existing: '/srv' },
      {},
      'path',
      true,
      /does not exist yet; deploy can create it in \/srv/
    ],
    [
      'releases/ owned by root',
      { unwritable: [{ path: '/srv/app/releases', owner: 'root' }] },
      {},
      'path',
      false,
      /cannot write \/srv\/app\/releases \(owner root\)/
    ],
    [
      'nearly full, no source',
      { freeKiB: MIN_FREE_BYTES / 1024 - 1 },
      {},
      'disk',
      false,
      /under 100\.0 MiB/
    ],
    [
      'enough for the release',
      { freeKiB: 2048 },
      { releaseBytes: 2048 * 1024 },
      'disk',
      true,
      /2\.0 MiB free on \/; the release needs 2\.0 MiB/
    ],
    [
      'one byte short',
      { freeKiB: 2048 },
      { releaseBytes: 2048 * 1024 + 1 },
      'disk',
      false,
      /the release needs 2\.0 MiB/
    ],
    ['no lock', {}, {}, 'lock', true, /^free$/],
    [
      'a live lock elsewhere',
      { lock: lock({}) },
      {},
      'lock',
      false,
      /^held by alice since 2026-11-30T11:00:00Z \(pid 7 on elsewhere\)$/
    ],
    [
      'a lock older than 6 h',
      { lock: lock({ since: '2026-11-30T05:00:00Z' }) },
      {},
      'lock',
      true,
      /^stale: .*older than 6 h/
    ],
    [
      'a lock of a dead process on this machine',
      { lock: lock({ host: 'runner', bootId: 'boot', pid: 9 }) },
      {},
      'lock',
      true,
      /process 9 on runner is gone/
    ],
    [
      'a lock of a live process on this machine',
      { lock: lock({ host: 'runner', bootId: 'boot', pid: 100 }) },
      {},
      'lock',
      false,
      /^held by alice/
    ],
    ['an unreadable lock', { lock: 'garbage' }, {}, 'lock', false, /^held by an unreadable lock/],
    ['a lock directory', { lockIsDir: true }, {}, 'lock', false, /is a directory/],
    ['current not a symlink', { currentNotLink: true }, {}, 'live', false, /is not a symlink/],
    [
      'current dangling',
      { current: 'releases/x' },
      {},
      'live',
      false,
      /points to releases\/x, which does not exist/
    ]
  ])('%s', (_name, over, opts, name, ok, detail) => {
    const check = hostChecks(facts(over), { ...options, ...opts }).find(c => c.name === name)!
    expect(check.ok).toBe(ok)
    expect(check.detail).toMatch(detail)
    expect(check.fix === '').toBe(ok)
  })

  test.each([
    [{ dockerServer: '20.10.24' }, true, /^dockerd 20\.10\.24 answers$/, ''],
    [
      { dockerError: 'permission denied while trying to connect to the Docker daemon socket' },
      false,
      /^deploy cannot reach dockerd: permission denied/,
      'sudo usermod -aG docker deploy'
    ],
    [
      { dockerError: 'Cannot connect to the Docker daemon' },
      false,
      /cannot reach/,
      'enable --now docker'
    ]
  ])('containers: dockerd %j', (over, ok, detail, fix) => {
    const checks = hostChecks(
      facts({ ...over, programs: { ...facts().programs, docker: '/usr/bin/docker' } }),
      { ...options, driver: 'containers', programs: ['bash', 'rsync', 'tar', 'docker'] }
    )
    const docker = checks.find(c => c.name === 'docker')!
    expect(docker.ok).toBe(ok)
    expect(docker.detail).toMatch(detail)
    expect(docker.fix).toContain(fix)
  })

  test('containers: live is the newest successful line of history, not current', () => {
    const line = (release: string, outcome: 'success' | 'failure') => ({
      release,
      version: release.split('-').pop()!,
      ref: '',
      operation: 'deploy' as const,
      time: 't',
      outcome,
      deploymentId: ''
    })
    const checks = hostChecks(
      facts({ history: [line('r-1.0.0', 'success'), line('r-2.0.0', 'failure')] }),
      { ...options, driver: 'containers' }
    )
    expect(checks.find(c => c.name === 'live')!.detail).toBe('1.0.0 (release r-1.0.0, deploy at t)')
    expect(checks.map(c => c.name)).not.toContain('docker')
  })

  test('live names the version of the release current points to, from history', () => {
    const release = '20261130T100000Z-1.2.0'
    const history = [
      {
        release: '20261129T100000Z-1.1.0',
        version: '1.1.0',
        ref: '',
        operation: 'deploy' as const,
        time: '2026-11-29T10:00:00Z',
        outcome: 'success' as const,
        deploymentId: ''
      },
      {
        release,
        version: '1.2.0',
        ref: '',
        operation: 'deploy' as const,
        time: '2026-11-30T10:00:00Z',
        outcome: 'success' as const,
        deploymentId: ''
      }
    ]
    const live = hostChecks(
      facts({
        current: `releases/${release}`,
        currentResolved: `/srv/app/releases/${release}`,
        history
      }),
      options
    ).find(c => c.name === 'live')!
    expect(live.detail).toBe(`1.2.0 (release ${release}, deploy at 2026-11-30T10:00:00Z)`)
  })
})

test('parseProbe reads every line kind, the lock and the history', () => {
  const out = [
    'user\tdeploy',
    'root\t/srv/app',
    'program\tbash\t/bin/bash',
    'missing\trsync',
    'existing\t/srv',
    'unwritable\t/srv\troot',
    'free\t1234\t/',
    'current\treleases/r1',
    'resolved\t/srv/app/releases/r1',
    '--lock--',
    '{"holder":"a"}',
    '--end-lock--',
    '--history--',
    '{"release":"r1","version":"1.0.0","outcome":"success"}',
    ''
  ].join('\n')
  expect(parseProbe(out)).toMatchObject({
    user: 'deploy',
    root: '/srv/app',
    programs: { bash: '/bin/bash' },
    missing: ['rsync'],
    existing: '/srv',
    unwritable: [{ path: '/srv', owner: 'root' }],
    freeKiB: 1234,
    mount: '/',
    current: 'releases/r1',
    currentResolved: '/srv/app/releases/r1',
    lock: '{"holder":"a"}',
    history: [{ release: 'r1', version: '1.0.0' }]
  })
})

describe('doctor inputs', () => {
  test('without a driver it checks the releases driver, local by default', () => {
    expect(parseDoctorSettings({ path: '/srv/app' })).toMatchObject({
      driver: 'releases',
      hosts: [{ label: 'local', local: true }],
      path: '/srv/app',
      ledger: 'none',
      dryRun: true
    })
  })

  test('known-hosts is not required: a missing one is a finding, not bad input', () => {
    expect(parseDoctorSettings({ hosts: 'deploy@app1', path: '/srv/app' }).knownHosts).toBe('')
  })

  test.each([
    [{ path: 'relative' }, /^Input 'path' is "relative"/],
    [{}, /^Input 'path' is required/],
    [
      { path: '/a', driver: 'kubernetes' },
      /^Input 'driver' is "kubernetes"; expected one of `releases`/
    ],
    [{ driver: 'command' }, /^Input 'url' is required with `driver: command`/],
    [{ path: '/a', url: 'ftp://x' }, /^Input 'url' is "ftp:\/\/x"; expected an http/],
    [
      { path: '/a', 'ssh-strict-host-key-checking': 'no' },
      /^Input 'ssh-strict-host-key-checking' is "no"/
    ]
  ])('%j is refused: %s', (raw, message) => {
    expect(() => parseDoctorSettings(raw)).toThrow(message)
  })
})

describe('releaseSize', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shiprail-size-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }))

  test('a directory counts its files; a .tar.gz its uncompressed size', async () => {
    const src = join(dir, 'src')
    execFileSync('mkdir', ['-p', join(src, 'sub')])
    await writeFile(join(src, 'a'), 'x'.repeat(1000))
    await writeFile(join(src, 'sub', 'b'), 'y'.repeat(200_000))
    expect(await releaseSize(src)).toBe(201_000)
    execFileSync('tar', ['-czf', join(dir, 'r.tar.gz'), '-C', src, '.'])
    const tarSize = Number(
      execFileSync('sh', ['-c', `gzip -dc "$1" | wc -c`, 'sh', join(dir, 'r.tar.gz')]).toString()
    )
    expect(await releaseSize(join(dir, 'r.tar.gz'))).toBe(tarSize)
    expect(tarSize).toBeGreaterThan(201_000)
  })

  test('a missing source is bad input', async () => {
    await expect(releaseSize(join(dir, 'nope'))).rejects.toThrow(
      /^Input 'source' is ".*nope", which does not exist/
    )
  })
})
