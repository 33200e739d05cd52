import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createContainersDriver } from '../../src/core/drivers/containers-driver.js'
import type { ContainersDriverSettings } from '../../src/core/settings/containers-settings.js'
import {
  buildTestImage,
  startDockerEngine,
  startRegistry,
  type DockerEngine
} from '../support/docker.js'
import { runCliBundle } from '../support/action-runner.js'
import { freePort } from '../support/sshd.js'
import { tempDir } from '../releases/fixtures.js'
import {
  containersOf,
  containersSettings,
  engineContext,
  readHistory,
  request,
  served
} from './fixtures.js'

/*
 * Image delivery and `proxy: none` on one private engine: a pull by digest from Debian's
 * docker-registry on 127.0.0.1, a `docker save` tarball loaded instead of a pull, and the
 * in-place switch (stop old, start new, health) that puts the old container back on failure.
 */
let engine: DockerEngine
let registry: { address: string; stop(): Promise<void> }
let work: string
let port: number
const ids: Record<string, string> = {}

beforeAll(async () => {
  engine = await startDockerEngine()
  registry = await startRegistry()
  work = await tempDir('ctr-delivery')
  port = await freePort()
  ids['1'] = await buildTestImage(engine, 'shop:1', '1')
  ids['2'] = await buildTestImage(engine, 'shop:2', '2')
  await buildTestImage(engine, 'shop:sick', 'sick', { healthy: false })
}, 180_000)

afterAll(async () => {
  await engine?.stop()
  await registry?.stop()
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

function settings(extra: Partial<ContainersDriverSettings>) {
  return containersSettings({
    path: join(work, 'state'),
    proxy: 'none',
    containerPort: undefined,
    publish: `127.0.0.1:${port}:8080`,
    healthTimeoutSeconds: 4,
    ...extra
  })
}

test('a digest reference is pulled from the registry and that exact image runs', async () => {
  const remote = `${registry.address}/shop`
  engine.docker(['tag', 'shop:1', `${remote}:1`])
  engine.docker(['push', '--quiet', `${remote}:1`])
  const digest = engine
    .docker(['image', 'inspect', '--format', '{{index .RepoDigests 0}}', `${remote}:1`])
    .trim()
  expect(digest).toMatch(/@sha256:[0-9a-f]{64}$/)
  // Nothing of it left locally: the deploy has to pull.
  engine.docker(['image', 'rm', `${remote}:1`, 'shop:1'])
  await createContainersDriver(settings({ image: digest })).apply(
    request('1'),
    engineContext(engine)
  )
  expect(await served(`http://127.0.0.1:${port}/`)).toBe('200 version 1')
  expect(readHistory(join(work, 'state')).pop()).toMatchObject({ version: '1', image: ids['1'] })
}, 120_000)

test('image-archive: a docker save tarball is loaded instead of a pull; proxy none replaces the container', async () => {
  const archive = join(work, 'shop-2.tar')
  engine.docker(['save', '--output', archive, 'shop:2'])
  engine.docker(['image', 'rm', 'shop:2'])
  await createContainersDriver(settings({ image: 'shop:2', imageArchive: archive })).apply(
    request('2'),
    engineContext(engine)
  )
  expect(await served(`http://127.0.0.1:${port}/`)).toBe('200 version 2')
  expect(containersOf(engine).map(c => [c.version, c.state])).toEqual([
    ['1', 'exited'],
    ['2', 'running']
  ])
  expect(readHistory(join(work, 'state')).pop()).toMatchObject({ version: '2', image: ids['2'] })
}, 120_000)

test('proxy none: a new container that is not healthy is removed and the old one started again', async () => {
  await expect(
    createContainersDriver(settings({ image: 'shop:sick' })).apply(
      request('sick'),
      engineContext(engine)
    )
  ).rejects.toThrow(/not healthy.*Every host runs its old container again/s)
  expect(await served(`http://127.0.0.1:${port}/`)).toBe('200 version 2')
  expect(containersOf(engine).map(c => [c.version, c.state])).toEqual([
    ['1', 'exited'],
    ['2', 'running']
  ])
}, 120_000)

test('proxy none rollback: stops the live container and starts the kept one on the fixed port', async () => {
  await createContainersDriver(settings({})).apply(request('1', 'rollback'), engineContext(engine))
  expect(await served(`http://127.0.0.1:${port}/`)).toBe('200 version 1')
  expect(containersOf(engine).map(c => [c.version, c.state])).toEqual([
    ['1', 'running'],
    ['2', 'exited']
  ])
}, 120_000)

test('the CLI bundle: deploy records the image in the ledger and the image ID per host; rollback picks the target', async () => {
  const cwd = await tempDir('ctr-cli')
  const flags = [
    '--environment=qa',
    '--ledger=file',
    '--driver=containers',
    '--service=cli',
    `--path=${join(cwd, 'state')}`,
    '--proxy=none',
    `--publish=127.0.0.1:${port}:8080`,
    '--health-path=/health',
    '--json'
  ]
  const env = { DOCKER_HOST: engine.host }
  // The earlier tests' service holds the port: stop it first.
  for (const c of containersOf(engine)) if (c.state === 'running') engine.docker(['stop', c.name])
  engine.docker(['tag', ids['1'], 'cli:1'])
  engine.docker(['tag', ids['2'], 'cli:2'])
  for (const v of ['1', '2']) {
    const run = await runCliBundle(['deploy', `--version=${v}`, `--image=cli:${v}`, ...flags], {
      cwd,
      env
    })
    expect([run.code, run.stderr.slice(-300)]).toEqual([0, expect.any(String)])
    expect(JSON.parse(run.stdout)).toMatchObject({
      outcome: 'success',
      driver: 'containers',
      hosts: [{ host: 'local', image: ids[v] }]
    })
  }
  const ledger = JSON.parse(readFileSync(join(cwd, '.shiprail/ledger.json'), 'utf8'))
  expect(ledger.deployments.map((d: { payload: { image?: string } }) => d.payload.image)).toEqual([
    'cli:1',
    'cli:2'
  ])
  const back = await runCliBundle(['rollback', '--reason=test', ...flags], { cwd, env })
  expect(back.code).toBe(0)
  expect(JSON.parse(back.stdout)).toMatchObject({ outcome: 'success', version: '1' })
  expect(await served(`http://127.0.0.1:${port}/`)).toBe('200 version 1')
}, 180_000)
