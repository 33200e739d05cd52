import { rm } from 'node:fs/promises'
import type { ContainersDriverSettings } from '../../src/core/settings/containers-settings.js'
import { join } from 'node:path'
import { createContainersDriver } from '../../src/core/drivers/containers-driver.js'
import { buildTestImage, startDockerEngine, type DockerEngine } from '../support/docker.js'
import { startNginxProxy, type NginxProxy } from '../support/nginx-proxy.js'
import { tempDir } from '../releases/fixtures.js'
import {
  containersOf,
  containersSettings,
  engineContext,
  readHistory,
  request,
  served
} from './fixtures.js'

let engine: DockerEngine
let proxy: NginxProxy
let work: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  engine = await startDockerEngine()
  work = await tempDir('ctr')
  proxy = await startNginxProxy()
  for (const v of ['1', '2', '3']) ids[v] = await buildTestImage(engine, `shop:${v}`, v)
  ids.sick = await buildTestImage(engine, 'shop:sick', 'sick', { healthy: false })
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

test('v1 then v2 behind nginx: health-gated switch, old container stopped and kept, image ID in history', async () => {
  const ctx = engineContext(engine)
  const one = await createContainersDriver(settings('shop:1')).apply(request('1'), ctx)
  expect(await served(proxy.url)).toBe('200 version 1')
  expect(one.hosts?.[0].image).toBe(ids['1'])
  await createContainersDriver(settings('shop:2')).apply(request('2'), engineContext(engine))
  expect(await served(proxy.url)).toBe('200 version 2')
  const list = containersOf(engine)
  expect(list.map(c => [c.version, c.state])).toEqual([
    ['1', 'exited'],
    ['2', 'running']
  ])
  expect(list[0].name).toBe(`shop-${one.release}`)
  const history = readHistory(join(work, 'state'))
  expect(history.map(e => [e.version, e.outcome, e.image])).toEqual([
    ['1', 'success', ids['1']],
    ['2', 'success', ids['2']]
  ])
}, 120_000)

test('an image that never turns healthy is refused: the old one keeps serving, no new container is left', async () => {
  const ctx = engineContext(engine)
  await expect(
    createContainersDriver(settings('shop:sick', { healthTimeoutSeconds: 3 })).apply(
      request('sick'),
      ctx
    )
  ).rejects.toThrow(
    /not healthy: not healthy after 3 s \(\/health: answered HTTP\/1\.[01] 404.*its log ends:.*No host was switched/s
  )
  expect(await served(proxy.url)).toBe('200 version 2')
  expect(containersOf(engine).map(c => c.version)).toEqual(['1', '2'])
  expect(readHistory(join(work, 'state')).pop()).toMatchObject({
    version: 'sick',
    outcome: 'failure'
  })
}, 120_000)

test('rollback restarts the kept container of the target, then stops the one rolled back from', async () => {
  const before = containersOf(engine).find(c => c.version === '1')!
  const ctx = engineContext(engine)
  await createContainersDriver(settings('')).apply(request('1', 'rollback'), ctx)
  expect(await served(proxy.url)).toBe('200 version 1')
  const after = containersOf(engine)
  // The same container, started again: no new one was created.
  expect(after.map(c => [c.name, c.state])).toEqual([
    [before.name, 'running'],
    [after[1].name, 'exited']
  ])
  const last = readHistory(join(work, 'state')).slice(-2)
  expect(last.map(e => [e.version, e.outcome])).toEqual([
    ['2', 'rolled-back'],
    ['1', 'success']
  ])
}, 120_000)

test('two deploys at once: with lock-timeout 0 one fails naming the holder; with a timeout it waits', async () => {
  const first = createContainersDriver(settings('shop:3')).apply(
    request('3'),
    engineContext(engine)
  )
  // The second starts once the first holds the lock.
  await new Promise(r => setTimeout(r, 300))
  const ctx = engineContext(engine)
  ctx.run.actor = 'second'
  await expect(
    createContainersDriver(settings('shop:1')).apply(request('1b'), ctx)
  ).rejects.toThrow(
    /is locked by another deploy: unknown \(https:\/\/github.com\/o\/r\/actions\/runs\/1\) since .* \(pid \d+/
  )
  await first
  expect(await served(proxy.url)).toBe('200 version 3')

  const a = createContainersDriver(settings('shop:1')).apply(request('1c'), engineContext(engine))
  await new Promise(r => setTimeout(r, 300))
  const waiting = engineContext(engine)
  await createContainersDriver(settings('shop:3', { lockTimeoutSeconds: 60 })).apply(
    request('3c'),
    waiting
  )
  await a
  expect(waiting.logger.text()).toMatch(/waiting up to 60 s for the lock/)
  expect(await served(proxy.url)).toBe('200 version 3')
}, 120_000)
