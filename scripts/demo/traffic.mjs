/**
 * The demo's users: a steady stream of page requests to production, each recorded with its
 * time, latency, status and the version that answered. It is what makes the report's latency
 * chart, shows that a good switch drops no request, and measures what a bad release costs
 * users until it is rolled back.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'

/** Starts `perSecond` GET requests a second to `url`; `since` is the demo's start (performance.now()). */
export function startTraffic(url, { perSecond = 10, since = performance.now(), timeoutMs = 2000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 })
  /** @type {{ at: number, ms: number, status: number | null, version: string | null, error?: string }[]} */
  const requests = []
  const pending = new Set()

  function send() {
    const start = performance.now()
    const entry = { at: Math.round(start - since), ms: 0, status: null, version: null }
    let finished = false
    const done = error => {
      if (finished) return
      finished = true
      entry.ms = Math.round(performance.now() - start)
      if (error) entry.error = error
      requests.push(entry)
      pending.delete(req)
    }
    const req = http.get(url, { agent, timeout: timeoutMs }, res => {
      entry.status = res.statusCode ?? null
      entry.version = res.headers['x-app-version']?.toString() ?? null
      res.resume()
      res.on('end', () => done())
      res.on('error', err => done(err.message))
    })
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)))
    req.on('error', err => done(err.message))
    pending.add(req)
  }

  const timer = setInterval(send, 1000 / perSecond)
  return {
    requests,
    /** Stops sending and waits for the requests under way (at most timeoutMs). */
    async stop() {
      clearInterval(timer)
      const deadline = Date.now() + timeoutMs
      while (pending.size && Date.now() < deadline) await new Promise(r => setTimeout(r, 20))
      for (const req of pending) req.destroy()
      agent.destroy()
      requests.sort((a, b) => a.at - b.at)
    }
  }
}
