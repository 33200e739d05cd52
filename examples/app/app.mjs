/**
 * The example app of `npm run demo`: a page that shows its version, `/health` and `/metrics`
 * (Prometheus text format), with no framework and no dependencies.
 *
 * It is a module, not a server: `createApp({ dir })` gives a request handler, so the same code
 * runs standalone (`node server.mjs`, see there) and inside the demo's platform, which serves
 * whatever release `current` points at (scripts/demo/platform.mjs).
 *
 * Pages read from a database through a small connection pool (simulated in memory: the point
 * is the pool, not the data). The demo builds version 3 with one line of the page handler
 * deleted, the `release()` below: each page then keeps its connection. v3 starts, serves pages
 * and passes a smoke test; a few seconds of traffic later the pool is empty, pages wait and fail,
 * and `/health` says so. That is the kind of bug only checks over a window catch.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** Connections in the pool. */
export const POOL_SIZE = 20
/** How long a page waits for a free connection before it fails. */
export const ACQUIRE_TIMEOUT_MS = 200
/** Upper bounds of the latency histogram, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

class PoolExhaustedError extends Error {}

/** A connection pool of `size` simulated database connections. */
function createPool(size) {
  let inUse = 0
  let queries = 0
  const waiting = []
  const connection = {
    async query() {
      await sleep(2)
      return ++queries
    },
    release() {
      const next = waiting.shift()
      if (next) next.grant()
      else inUse--
    }
  }
  return {
    stats: () => ({ size, inUse, waiting: waiting.length }),
    async acquire(timeoutMs) {
      if (inUse < size) {
        inUse++
        return connection
      }
      return new Promise((resolve, reject) => {
        const waiter = {
          grant: () => {
            clearTimeout(timer)
            resolve(connection)
          }
        }
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1)
          reject(
            new PoolExhaustedError(
              `database pool exhausted: ${inUse}/${size} connections in use, none free after ${timeoutMs} ms`
            )
          )
        }, timeoutMs)
        waiting.push(waiter)
      })
    }
  }
}

/** Request counts by route and status, and a latency histogram, in Prometheus' text format. */
function createMetrics() {
  const requests = new Map()
  const buckets = BUCKETS.map(() => 0)
  let count = 0
  let sum = 0
  return {
    observe(route, status, seconds) {
      const key = `route="${route}",status="${status}"`
      requests.set(key, (requests.get(key) ?? 0) + 1)
      BUCKETS.forEach((le, i) => {
        if (seconds <= le) buckets[i]++
      })
      count++
      sum += seconds
    },
    render(version, pool) {
      return [
        '# HELP http_requests_total Requests served, by route and status code.',
        '# TYPE http_requests_total counter',
        ...[...requests].map(([labels, n]) => `http_requests_total{${labels}} ${n}`),
        '# HELP http_request_duration_seconds Time to answer a request.',
        '# TYPE http_request_duration_seconds histogram',
        ...BUCKETS.map((le, i) => `http_request_duration_seconds_bucket{le="${le}"} ${buckets[i]}`),
        `http_request_duration_seconds_bucket{le="+Inf"} ${count}`,
        `http_request_duration_seconds_sum ${sum.toFixed(6)}`,
        `http_request_duration_seconds_count ${count}`,
        '# HELP db_pool_connections_in_use Database connections taken from the pool.',
        '# TYPE db_pool_connections_in_use gauge',
        `db_pool_connections_in_use ${pool.inUse}`,
        '# HELP app_info The running build.',
        '# TYPE app_info gauge',
        `app_info{version="${version}"} 1`,
        ''
      ].join('\n')
    }
  }
}

function escapeHtml(text) {
  return String(text).replace(
    /[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]
  )
}

function page(version, visit) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Example app ${escapeHtml(version)}</title>
<style>body{font:16px system-ui,sans-serif;margin:3rem;color:#1f2328}.v{font-size:3rem;font-weight:700}</style>
</head>
<body>
<p>Shiprail example app</p>
<p class="v">version ${escapeHtml(version)}</p>
<p>Visit ${visit}. See <a href="/health">/health</a> and <a href="/metrics">/metrics</a>.</p>
</body>
</html>
`
}

/**
 * The app built in `dir` (its `VERSION` file names the version). `log(level, line)` receives
 * one line per request (INFO) and per failure (ERROR); it defaults to stdout.
 */
export function createApp({ dir, log = (level, line) => console.log(`${level} ${line}`) }) {
  const version = readFileSync(join(dir, 'VERSION'), 'utf8').trim()
  const pool = createPool(POOL_SIZE)
  const metrics = createMetrics()
  const startedAt = Date.now()

  async function home() {
    const conn = await pool.acquire(ACQUIRE_TIMEOUT_MS)
    const visit = await conn.query()
    conn.release() // demo-defect: scripts/demo builds 3.0.0 without this line (a connection leak)
    return { status: 200, type: 'text/html; charset=utf-8', body: page(version, visit) }
  }

  function health() {
    const stats = pool.stats()
    const ok = stats.inUse < stats.size
    const body = {
      status: ok ? 'ok' : 'failing',
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      checks: {
        database: ok
          ? `ok: ${stats.inUse}/${stats.size} connections in use`
          : `pool exhausted: ${stats.inUse}/${stats.size} connections in use, ${stats.waiting} waiting`
      }
    }
    return {
      status: ok ? 200 : 503,
      type: 'application/json',
      body: JSON.stringify(body) + '\n',
      ...(ok ? {} : { problem: body.checks.database })
    }
  }

  const routes = {
    '/': home,
    '/health': health,
    '/metrics': () => ({
      status: 200,
      type: 'text/plain; version=0.0.4',
      body: metrics.render(version, pool.stats())
    })
  }

  return {
    version,
    /** Answers one request (node:http's request listener signature). */
    async handle(req, res) {
      const start = process.hrtime.bigint()
      const path = new URL(req.url ?? '/', 'http://app').pathname
      const route = Object.hasOwn(routes, path) ? path : 'other'
      let answer
      try {
        answer =
          route === 'other'
            ? { status: 404, type: 'text/plain', body: 'not found\n' }
            : await routes[route]()
      } catch (err) {
        const problem = err instanceof Error ? err.message : String(err)
        answer = { status: 500, type: 'text/plain', body: 'internal server error\n', problem }
      }
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      metrics.observe(route, answer.status, seconds)
      res.writeHead(answer.status, {
        'content-type': answer.type,
        'cache-control': 'no-store',
        'x-app-version': version
      })
      res.end(req.method === 'HEAD' ? undefined : answer.body)
      const line = `${req.method} ${path} ${answer.status} ${(seconds * 1000).toFixed(1)}ms`
      if (answer.problem) log('ERROR', `${line}: ${answer.problem}`)
      else log('INFO', line)
    }
  }
}
