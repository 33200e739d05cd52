import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createReleasesDriver } from '../../src/core/drivers/releases-driver.js'
import { startNginx, type NginxServer } from '../support/nginx.js'
import { testContext } from '../support/context.js'
import {
  assetBody,
  pageBody,
  releasesSettings,
  request,
  servedVersion,
  tempDir,
  writeRelease
} from './fixtures.js'

let work: string
let nginx: NginxServer | undefined

afterAll(async () => {
  await nginx?.stop()
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

test('nginx serves current without a failed request or a mixed response during 10 deploys and 2 rollbacks', async () => {
  work = await tempDir('zero')
  const root = join(work, 'app')
  const src = join(work, 'src')
  const versions = Array.from({ length: 11 }, (_, i) => `z${i}`)
  const bodies = new Map<string, string>()
  for (const v of versions) {
    bodies.set(pageBody(v), v)
    bodies.set(assetBody(v), v)
  }
  const settings = releasesSettings({ path: root, source: src, keepReleases: 3 })
  const driver = createReleasesDriver(settings)
  await writeRelease(src, versions[0])
  await driver.apply(request(versions[0]), testContext())
  nginx = await startNginx(root)

  const problems: string[] = []
  const seen = new Set<string>()
  let requests = 0
  let running = true
  const worker = async (path: string) => {
    while (running) {
      requests++
      try {
        const res = await fetch(`${nginx!.url}${path}`, { signal: AbortSignal.timeout(5000) })
        const body = await res.text()
        const version = bodies.get(body)
        if (res.status !== 200) problems.push(`${path}: status ${res.status}`)
        else if (!version)
          problems.push(`${path}: a body that is no whole release (${body.length} bytes)`)
        else seen.add(version)
      } catch (err) {
        problems.push(`${path}: ${(err as Error).message}`)
      }
    }
  }
  const load = Promise.all(['/index.html', '/assets/app.js', '/', '/assets/app.js'].map(worker))
  for (const v of versions.slice(1)) {
    await writeRelease(src, v)
    await driver.apply(request(v), testContext())
    await new Promise(r => setTimeout(r, 30))
  }
  for (const v of ['z9', 'z8']) {
    await createReleasesDriver(releasesSettings({ path: root })).apply(
      request(v, 'rollback'),
      testContext()
    )
    await new Promise(r => setTimeout(r, 30))
  }
  running = false
  await load
  console.log(`zero downtime: ${requests} requests, versions seen: ${[...seen].sort().join(' ')}`)
  expect(servedVersion(root)).toBe('z8')
  expect(problems.slice(0, 10)).toEqual([])
  expect(requests).toBeGreaterThan(200)
  expect(seen.size).toBeGreaterThanOrEqual(5)
}, 120_000)
