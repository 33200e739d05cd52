import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// The demo's example app and its builds: 1.0.0/2.0.0 stay healthy under any traffic; the
// broken build answers pages and health at first, then fails once its leaked connections have
// emptied the pool. That is the contract the demo's story rests on.

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..')
const SOURCE = join(ROOT, 'examples', 'app')

/** Temp directories made here, removed after all tests. */
const made: string[] = []
afterAll(() => {
  for (const dir of made)
    rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

interface App {
  version: string
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>
}

/** Builds the app with scripts/demo/build-app.mjs, as the demo does. */
function build(version: string, broken: boolean, source = SOURCE) {
  const parent = mkdtempSync(join(tmpdir(), 'shiprail-app-'))
  made.push(parent)
  const out = join(parent, version)
  const script = `import { buildApp } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/demo/build-app.mjs')).href)}
await buildApp(process.argv[1], process.argv[2], { version: process.argv[3], broken: process.argv[4] === 'yes' })`
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, source, out, version, broken ? 'yes' : 'no'],
    { encoding: 'utf8' }
  )
  return { out, code: result.status, stderr: result.stderr }
}

async function serve(dir: string) {
  const mod = await import(pathToFileURL(join(dir, 'app.mjs')).href)
  const logs: string[] = []
  const app = mod.createApp({
    dir,
    log: (level: string, line: string) => logs.push(`${level} ${line}`)
  }) as App
  const server = http.createServer((req, res) => void app.handle(req, res))
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const get = async (path: string) => {
    const res = await fetch(`${url}${path}`)
    return { status: res.status, body: await res.text(), version: res.headers.get('x-app-version') }
  }
  return {
    app,
    logs,
    get,
    poolSize: mod.POOL_SIZE as number,
    close: () => {
      server.close()
      server.closeAllConnections()
    }
  }
}

describe('example app', () => {
  it('stays healthy under traffic, and counts requests by status in /metrics', async () => {
    const { out } = build('2.0.0', false)
    const app = await serve(out)
    try {
      for (let i = 0; i < app.poolSize * 3; i++) expect((await app.get('/')).status).toBe(200)
      const page = await app.get('/')
      expect(page.body).toContain('version 2.0.0')
      expect(page.version).toBe('2.0.0')
      const health = await app.get('/health')
      expect(health.status).toBe(200)
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', version: '2.0.0' })
      const metrics = (await app.get('/metrics')).body
      expect(metrics).toContain(
        `http_requests_total{route="/",status="200"} ${app.poolSize * 3 + 1}`
      )
      expect(metrics).toMatch(/^http_request_duration_seconds_count \d+$/m)
      expect(metrics).toContain('app_info{version="2.0.0"} 1')
      expect(app.logs.filter(l => l.startsWith('ERROR'))).toEqual([])
    } finally {
      app.close()
    }
  })

  it('built broken, passes a first look, then fails pages and health once the pool is empty', async () => {
    const { out } = build('3.0.0', true)
    expect(readFileSync(join(out, 'app.mjs'), 'utf8')).not.toContain('demo-defect')
    const app = await serve(out)
    try {
      // What a smoke test right after the deploy sees.
      expect((await app.get('/')).status).toBe(200)
      expect((await app.get('/health')).status).toBe(200)
      for (let i = 1; i < app.poolSize; i++) expect((await app.get('/')).status).toBe(200)
      const health = await app.get('/health')
      expect(health.status).toBe(503)
      expect(JSON.parse(health.body).checks.database).toMatch(/pool exhausted/)
      expect((await app.get('/')).status).toBe(500)
      expect(app.logs.some(l => /^ERROR GET \/ 500 .*pool exhausted/.test(l))).toBe(true)
      expect((await app.get('/metrics')).body).toContain(
        'http_requests_total{route="/",status="500"} 1'
      )
    } finally {
      app.close()
    }
  })

  it('refuses to make a broken build from an app without the marked line', () => {
    const source = mkdtempSync(join(tmpdir(), 'shiprail-app-src-'))
    made.push(source)
    cpSync(SOURCE, source, { recursive: true })
    const file = join(source, 'app.mjs')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/ \/\/ demo-defect.*/, ''))
    const result = build('3.0.0', true, source)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('expected exactly one line marked demo-defect')
  })
})
