import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createContainersDriver } from '../../src/core/drivers/containers-driver.js'
import type { ContainersDriverSettings } from '../../src/core/settings/containers-settings.js'
import { buildTestImage, startDockerEngine, type DockerEngine } from '../support/docker.js'
import { startNginxProxy, type NginxProxy } from '../support/nginx-proxy.js'
import { tempDir } from '../releases/fixtures.js'
import { containersOf, containersSettings, engineContext, request, served } from './fixtures.js'

/*
 * The switch hooks and the failure paths around them, behind a real nginx: before-switch once
 * in a one-off container, after-switch on the host, a failed proxy-reload that puts the
 * previous upstream file back, pruning, and a rollback that re-runs a kept image after its
 * container was removed.
 */
let engine: DockerEngine
let proxy: NginxProxy
let work: string

beforeAll(async () => {
  engine = await startDockerEngine()
  work = await tempDir('ctr-hooks')
  proxy = await startNginxProxy()
  for (const v of ['1', '2', '3', '4']) await buildTestImage(engine, `shop:${v}`, v)
}, 180_000)

afterAll(async () => {
  await proxy?.stop()
  await engine?.stop()
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

function settings(image: string, extra: Partial<ContainersDriverSettings> = {}) {
  return containersSettings({
    image,
    path: join(work, 'state'),
    upstreamFile: proxy.upstreamFile,
    proxyReload: proxy.reload,
    ...extra
  })
}

test('before-switch runs once in a one-off container of the new image; after-switch on the host', async () => {
  const marker = join(work, 'after.txt')
  const ctx = engineContext(engine)
  await createContainersDriver(
    settings('shop:1', {
      beforeSwitch: 'echo "migrating $SHIPRAIL_VERSION"; cat /www/index.html',
      afterSwitch: `echo "$SHIPRAIL_VERSION $SHIPRAIL_CONTAINER" > '${marker}'`
    })
  ).apply(request('1'), ctx)
  expect(ctx.logger.text()).toContain('[local] migrating 1')
  expect(ctx.logger.text()).toContain('[local] version 1')
  expect(readFileSync(marker, 'utf8')).toMatch(/^1 shop-\d{8}T\d{6}Z-1\n$/)
  // The one-off container is gone (--rm): only the service's container remains.
  expect(engine.docker(['ps', '-aq']).trim().split('\n')).toHaveLength(1)
}, 120_000)

test('a failing before-switch switches nothing and removes the new container', async () => {
  await expect(
    createContainersDriver(settings('shop:2', { beforeSwitch: 'exit 3' })).apply(
      request('2'),
      engineContext(engine)
    )
  ).rejects.toThrow(/before-switch failed.*No host was switched/s)
  expect(await served(proxy.url)).toBe('200 version 1')
  expect(containersOf(engine).map(c => c.version)).toEqual(['1'])
}, 120_000)

test('a failed proxy-reload puts the previous upstream file back', async () => {
  const before = readFileSync(proxy.upstreamFile, 'utf8')
  // The reload fails once (as a broken config would); the one restoring the old file works.
  const flag = join(work, 'reload-failed')
  const failOnce = `if [ ! -e '${flag}' ]; then touch '${flag}'; exit 1; fi; ${proxy.reload}`
  await expect(
    createContainersDriver(settings('shop:2', { proxyReload: failOnce })).apply(
      request('2'),
      engineContext(engine)
    )
  ).rejects.toThrow(/The switch failed.*Every host has its previous upstream file again/s)
  expect(readFileSync(proxy.upstreamFile, 'utf8')).toBe(before)
  expect(await served(proxy.url)).toBe('200 version 1')
  expect(containersOf(engine).map(c => c.version)).toEqual(['1'])
}, 120_000)

test('keep-releases 1 prunes old containers and images but keeps the rollback target', async () => {
  for (const v of ['2', '3', '4']) {
    await createContainersDriver(settings(`shop:${v}`, { keepReleases: 1 })).apply(
      request(v),
      engineContext(engine)
    )
  }
  // 4 is live, 3 is the rollback target; 1 and 2 went, and so did their images.
  expect(containersOf(engine).map(c => [c.version, c.state])).toEqual([
    ['3', 'exited'],
    ['4', 'running']
  ])
  const tags = engine.docker(['images', '--format', '{{.Tag}}']).trim().split('\n').sort()
  expect(tags).toEqual(['3', '4'])
}, 120_000)

test('rollback re-runs the kept image with its recorded arguments when the container was removed', async () => {
  const three = containersOf(engine).find(c => c.version === '3')!
  engine.docker(['rm', three.name])
  await createContainersDriver(settings('')).apply(request('3', 'rollback'), engineContext(engine))
  expect(await served(proxy.url)).toBe('200 version 3')
  const list = containersOf(engine)
  expect(list.find(c => c.state === 'running')).toMatchObject({ name: three.name, version: '3' })
}, 120_000)
