import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A small service for status-check tests: `/health` answers as its mode says, `/metrics`
 * exposes what it served in Prometheus' text format, and every request is written to a log
 * file, as a real service's access log. It also serves simulated users (a request every
 * 100 ms, counted like a real one but not sent over the network), so rate() queries have
 * traffic to work on whatever the test's probes do.
 *
 * Switchable at runtime: `fail` (5xx), `slow` (answers after slowMs), `ok`; and
 * `exportQueueDepth(false)` stops exporting the app_queue_depth series.
 */
export type AppMode = 'ok' | 'fail' | 'slow'

export interface MetricsAppOptions {
  mode?: AppMode
  /** Delay of a `slow` answer (default 300 ms). */
  slowMs?: number
  /** Simulated requests per second (default 10; 0 = none). */
  trafficPerSecond?: number
}

export interface MetricsApp {
  url: string
  /** host:port, for a scrape target. */
  target: string
  /** The access log: one line per request; ERROR lines for 5xx. */
  logFile: string
  readonly mode: AppMode
  setMode(mode: AppMode): void
  exportQueueDepth(on: boolean): void
  /** Appends a line to the log file. */
  log(line: string): void
  /** Requests to /health seen over the network. */
  healthHits(): number
  close(): Promise<void>
}

export async function startMetricsApp(options: MetricsAppOptions = {}): Promise<MetricsApp> {
  const dir = mkdtempSync(join(tmpdir(), 'shiprail-metrics-app-'))
  const logFile = join(dir, 'app.log')
  writeFileSync(logFile, '')
  let mode: AppMode = options.mode ?? 'ok'
  const slowMs = options.slowMs ?? 300
  let queueDepth = true
  let healthHits = 0
  const requests = new Map<string, number>([
    ['200', 0],
    ['500', 0]
  ])
  let lastLatency = 0.005

  const log = (line: string) => appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`)
  const count = (code: number, latencySeconds: number) => {
    requests.set(String(code), (requests.get(String(code)) ?? 0) + 1)
    lastLatency = latencySeconds
  }
  const simulate = () => {
    if (mode === 'fail') count(500, 0.004)
    else count(200, mode === 'slow' ? slowMs / 1000 : 0.005)
  }

  const metrics = () => {
    const lines = [
      '# HELP app_requests_total Requests served, by status code.',
      '# TYPE app_requests_total counter',
      ...[...requests].map(([code, n]) => `app_requests_total{code="${code}"} ${n}`),
      '# HELP app_latency_seconds Latency of the most recent request.',
      '# TYPE app_latency_seconds gauge',
      `app_latency_seconds ${lastLatency}`
    ]
    if (queueDepth) {
      lines.push('# HELP app_queue_depth Jobs waiting.', '# TYPE app_queue_depth gauge')
      lines.push('app_queue_depth 3')
    }
    return `${lines.join('\n')}\n`
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      res.end(metrics())
      return
    }
    if (path !== '/health') {
      res.writeHead(404).end('not found')
      return
    }
    healthHits++
    const answer = () => {
      if (res.destroyed) return
      const status = mode === 'fail' ? 500 : 200
      count(status, mode === 'slow' ? slowMs / 1000 : 0.002)
      log(
        status >= 500
          ? `ERROR GET /health ${status} upstream database unavailable`
          : `INFO GET /health ${status}`
      )
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: status === 200 ? 'ok' : 'failing' }))
    }
    if (mode === 'slow') setTimeout(answer, slowMs)
    else answer()
  })
  server.keepAliveTimeout = 1
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const perSecond = options.trafficPerSecond ?? 10
  const timer = perSecond > 0 ? setInterval(simulate, 1000 / perSecond) : undefined
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    target: `127.0.0.1:${port}`,
    logFile,
    get mode() {
      return mode
    },
    setMode(next) {
      mode = next
      log(`INFO mode switched to ${next}`)
    },
    exportQueueDepth(on) {
      queueDepth = on
    },
    log(line) {
      log(line)
    },
    healthHits: () => healthHits,
    async close() {
      if (timer) clearInterval(timer)
      await new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    }
  }
}
