import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createContainersDriver } from '../../src/core/drivers/containers-driver.js'
import { buildTestImage, startDockerEngine, type DockerEngine } from '../support/docker.js'
import { startNginxProxy, type NginxProxy } from '../support/nginx-proxy.js'
import { tempDir } from '../releases/fixtures.js'
import {
  getOnce,
  containersOf,
  containersSettings,
  engineContext,
  request,
  served
} from './fixtures.js'

let engine: DockerEngine
let proxy: NginxProxy
let work: string

beforeAll(async () => {
  engine = await startDockerEngine()
  work = await tempDir('ctr-zero')
  proxy = await startNginxProxy()
  for (const v of ['1', '2', '3']) await buildTestImage(engine, `shop:${v}`, v)
}, 180_000)

afterAll(async () => {
  await proxy?.stop()
  await engine?.stop()
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

test('v1 -> v2 -> v3 and a rollback to v2 behind nginx under continuous load: 0 failed requests', async () => {
  const settings = (image: string) =>
    containersSettings({
      image,
      path: join(work, 'state'),
      upstreamFile: proxy.upstreamFile,
      proxyReload: proxy.reload,
      // `nginx -s reload` returns before new workers take over; on a busy machine that took
      // over a second, so the old container must outlive it (the default is 10 s).
      drainSeconds: 3
    })
  await createContainersDriver(settings('shop:1')).apply(request('1'), engineContext(engine))
  expect(await served(proxy.url)).toBe('200 version 1')

  const failures: string[] = []
  const seen = new Set<string>()
  let requests = 0
  let running = true
  const worker = async () => {
    while (running) {
      requests++
      try {
        const res = await getOnce(proxy.url)
        const body = res.body.trim()
        if (res.status !== 200 || !/^version \d$/.test(body))
          failures.push(`${Date.now() - t0} ${res.status} ${body.slice(0, 20)}`)
        else seen.add(body)
      } catch (err) {
        failures.push(`${Date.now() - t0} ${(err as Error).message}`)
      }
    }
  }
  const t0 = Date.now()
  const marks: string[] = []
  const load = Promise.all(Array.from({ length: 4 }, worker))
  for (const v of ['2', '3']) {
    const c = engineContext(engine)
    marks.push(`${Date.now() - t0} start ${v}`)
    await createContainersDriver(settings(`shop:${v}`)).apply(request(v), c)
    marks.push(`${Date.now() - t0} done ${v}`)
  }
  await createContainersDriver(settings('')).apply(request('2', 'rollback'), engineContext(engine))
  marks.push(`${Date.now() - t0} rolled back`)
  running = false
  await load
  console.log(`containers zero downtime: ${requests} requests, ${failures.length} failed`)
  // On failure the marks (ms since the load started) place each failed request among the switches.
  expect({ failures: failures.slice(0, 5), marks: failures.length ? marks : [] }).toEqual({
    failures: [],
    marks: []
  })
  expect(requests).toBeGreaterThan(200)
  expect([...seen].sort()).toEqual(['version 1', 'version 2', 'version 3'])
  expect(await served(proxy.url)).toBe('200 version 2')
  expect(containersOf(engine).map(c => [c.version, c.state])).toEqual([
    ['1', 'exited'],
    ['2', 'running'],
    ['3', 'exited']
  ])
}, 180_000)
