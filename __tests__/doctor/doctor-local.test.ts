import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createReleasesDriver } from '../../src/core/drivers/releases-driver.js'
import { LocalTransport } from '../../src/core/drivers/host-transport.js'
import { newLockInfo } from '../../src/core/drivers/release-lock.js'
import { parseProbe, PROBE_SCRIPT } from '../../src/core/doctor/host-probe.js'
import { doctorInputs, parseDoctorSettings } from '../../src/core/settings/doctor-settings.js'
import { doctor } from '../../src/core/steps/doctor.js'
import { testContext } from '../support/context.js'
import { releasesSettings, request, writeRelease } from '../releases/fixtures.js'

// `hosts: local`: the same probe through the releases driver's local transport, no SSH checks.
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shiprail-doctor-local-'))
})
afterAll(() => rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }))

const run = async (path: string) => doctor(parseDoctorSettings({ path }), testContext())

test('a local host gets no SSH checks, and live follows a real local deploy', async () => {
  const root = join(dir, 'app')
  const src = join(dir, 'src')
  await writeRelease(src, '3.1.0')
  await createReleasesDriver(releasesSettings({ source: src, path: root })).apply(
    request('3.1.0'),
    testContext()
  )
  const result = await run(root)
  expect(result.ok).toBe(true)
  expect(result.hosts[0].checks.map(c => c.name)).toEqual([
    'programs',
    'path',
    'disk',
    'lock',
    'live'
  ])
  expect(result.hosts[0].checks[4].detail).toMatch(
    /^3\.1\.0 \(release \d{8}T\d{6}Z-3\.1\.0, deploy at /
  )
})

test('a lock held by a live process of this machine is a problem; by a dead one, stale', async () => {
  const root = join(dir, 'locked')
  await mkdir(join(root, '.shiprail'), { recursive: true })
  const mine = newLockInfo('carol', '', new Date())
  await writeFile(join(root, '.shiprail', 'lock'), JSON.stringify(mine))
  const held = (await run(root)).hosts[0].checks.find(c => c.name === 'lock')!
  expect(held).toMatchObject({ ok: false, detail: expect.stringMatching(/^held by carol since /) })
  await writeFile(join(root, '.shiprail', 'lock'), JSON.stringify({ ...mine, pid: 2 ** 22 + 1 }))
  const stale = (await run(root)).hosts[0].checks.find(c => c.name === 'lock')!
  expect(stale).toMatchObject({ ok: true, detail: expect.stringMatching(/^stale: .* is gone/) })
})

test("doctor's flags are the deploy inputs it uses, with its own default driver and url meaning", () => {
  const flags = doctorInputs()
  expect(flags.map(f => f.name)).toEqual(
    expect.arrayContaining(['driver', 'hosts', 'path', 'ssh-key', 'known-hosts', 'source', 'url'])
  )
  expect(flags.find(f => f.name === 'driver')?.default).toBe('releases')
  expect(flags.find(f => f.name === 'url')?.description).toMatch(/below 400/)
  expect(flags.find(f => f.name === 'ssh-key')?.secret).toBe(true)
})

test('the probe asks dockerd only when docker is needed, and says why it cannot reach it', async () => {
  const transport = new LocalTransport({
    PATH: process.env.PATH,
    DOCKER_HOST: 'unix:///nonexistent.sock'
  })
  const probe = async (...programs: string[]) => {
    const result = await transport.run(PROBE_SCRIPT, [dir, '100', ...programs], {
      timeoutMs: 30_000
    })
    expect(result.exitCode).toBe(0)
    return parseProbe(result.stdout)
  }
  expect(await probe('bash')).not.toHaveProperty('dockerError')
  const withDocker = await probe('bash', 'docker')
  expect(withDocker.programs.docker).toBeTruthy()
  expect(withDocker.dockerError).toMatch(/nonexistent\.sock/)
})
