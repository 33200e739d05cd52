import http, { type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

/**
 * A real HTTP server on 127.0.0.1 for tests of smoke-test, status-check and the demo: routes
 * that answer slowly, flap, send wrong bodies/headers/JSON, reset the connection, redirect,
 * send huge bodies, and report a version; it can also start listening late on a fixed port so
 * clients see "connection refused" first.
 */

/** What a route answers. */
export interface Reply {
  /** Default 200 (302 with `redirect`). */
  status?: number
  headers?: Record<string, string>
  /** A string, or anything else sent as JSON. */
  body?: unknown
  /** Wait before sending anything. */
  delayMs?: number
  /** Wait after the headers, before the body. */
  bodyDelayMs?: number
  /** Close the connection without answering (the client sees a reset). */
  reset?: boolean
  /** Location of a redirect. */
  redirect?: string
  /** Send this many bytes of filler as the body (streamed). */
  bytes?: number
  /** Compress the body with gzip. */
  gzip?: boolean
}

export interface SeenRequest {
  method: string
  /** Path without the query. */
  path: string
  /** Path with the query. */
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** hit counts this route's requests from 1. */
export type Handler = (request: SeenRequest, hit: number) => Reply | Promise<Reply>
export type Route = Reply | Handler

export interface TestServerOptions {
  /** By path (`/health`) or method and path (`POST /items`). */
  routes?: Record<string, Route>
  /** Fixed port (default: any free one). */
  port?: number
  /** Served at /version as {"version": ...} and as the x-version header of every reply. */
  version?: string
}

export class TestHttpServer {
  /** Every request received, in order. */
  readonly requests: SeenRequest[] = []
  /** Requests being answered right now, and the most there ever were at once. */
  inFlight = 0
  maxInFlight = 0
  version: string | undefined
  private readonly routes = new Map<string, Route>()
  private readonly hitCounts = new Map<string, number>()
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(
    readonly server: http.Server,
    options: TestServerOptions
  ) {
    this.version = options.version
    for (const [key, route] of Object.entries(options.routes ?? {})) this.routes.set(key, route)
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** Requests that reached a path (any method). */
  hits(path: string): number {
    return this.requests.filter(r => r.path === path).length
  }

  route(key: string, route: Route): void {
    this.routes.set(key, route)
    this.hitCounts.delete(key)
  }

  resetStats(): void {
    this.requests.length = 0
    this.maxInFlight = this.inFlight
    this.hitCounts.clear()
  }

  close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    return new Promise(resolve => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }

  private wait(ms: number): Promise<void> {
    if (!ms) return Promise.resolve()
    return new Promise(resolve => {
      const t = setTimeout(() => {
        this.timers.delete(t)
        resolve()
      }, ms)
      this.timers.add(t)
    })
  }

  private builtIn(request: SeenRequest): Reply | undefined {
    if (request.path === '/version') return { body: { version: this.version ?? 'unknown' } }
    if (request.path === '/echo') {
      return {
        body: {
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: request.body
        }
      }
    }
    return undefined
  }

  /** @internal */
  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = req.url ?? '/'
    const request: SeenRequest = {
      method: req.method ?? 'GET',
      path: url.split('?')[0],
      url,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8')
    }
    this.requests.push(request)
    // In flight until the exchange ends either way: answered, or the client gave up.
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    res.once('close', () => this.inFlight--)
    {
      const key = this.routes.has(`${request.method} ${request.path}`)
        ? `${request.method} ${request.path}`
        : request.path
      const route = this.routes.get(key)
      const hit = (this.hitCounts.get(key) ?? 0) + 1
      this.hitCounts.set(key, hit)
      const reply: Reply = (typeof route === 'function' ? await route(request, hit) : route) ??
        this.builtIn(request) ?? { status: 404, body: 'not found' }
      await this.wait(reply.delayMs ?? 0)
      if (reply.reset) {
        req.socket.destroy()
        return
      }
      const headers: Record<string, string> = { ...reply.headers }
      if (this.version) headers['x-version'] ??= this.version
      if (reply.redirect) headers.location = reply.redirect
      const status = reply.status ?? (reply.redirect ? 302 : 200)
      if (reply.bytes !== undefined) {
        res.writeHead(status, { 'content-type': 'text/plain', ...headers })
        const block = Buffer.alloc(64 * 1024, 'x')
        let left = reply.bytes
        while (left > 0 && !res.destroyed) {
          const piece = left >= block.length ? block : block.subarray(0, left)
          left -= piece.length
          if (!res.write(piece)) {
            await new Promise<void>(resolve => {
              const go = () => {
                res.off('drain', go).off('close', go)
                resolve()
              }
              res.on('drain', go).on('close', go)
            })
          }
        }
        res.end()
        return
      }
      let body: Buffer
      if (typeof reply.body === 'string' || reply.body === undefined) {
        body = Buffer.from((reply.body as string | undefined) ?? '')
        headers['content-type'] ??= 'text/plain; charset=utf-8'
      } else {
        body = Buffer.from(JSON.stringify(reply.body))
        headers['content-type'] ??= 'application/json'
      }
      if (reply.gzip) {
        body = zlib.gzipSync(body)
        headers['content-encoding'] = 'gzip'
      }
      headers['content-length'] = String(body.length)
      res.writeHead(status, headers)
      if (reply.bodyDelayMs) {
        // Send the first byte at once, so the client has headers but not the whole body.
        res.write(body.subarray(0, 1))
        await this.wait(reply.bodyDelayMs)
        res.end(body.subarray(1))
      } else {
        res.end(body)
      }
    }
  }
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function create(options: TestServerOptions): TestHttpServer {
  let instance: TestHttpServer | undefined = undefined
  const server = http.createServer((req, res) => {
    instance?.handle(req, res).catch(() => res.destroy())
  })
  // No keep-alive: every probe opens its own connection, as the probes do.
  server.keepAliveTimeout = 1
  instance = new TestHttpServer(server, options)
  return instance
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestHttpServer> {
  const instance = create(options)
  await listen(instance.server, options.port ?? 0)
  return instance
}

/**
 * A server that starts listening on `port` only after `delayMs`: until then connections are
 * refused, like a service that is still booting after a deploy.
 */
export function startTestServerLater(
  options: TestServerOptions & { port: number },
  delayMs: number
): { started: Promise<TestHttpServer>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined
  let cancelled = false
  const started = new Promise<TestHttpServer>((resolve, reject) => {
    timer = setTimeout(() => {
      if (cancelled) return
      startTestServer(options).then(resolve, reject)
    }, delayMs)
  })
  return {
    started,
    cancel() {
      cancelled = true
      clearTimeout(timer)
    }
  }
}

/** A port nothing listens on right now (taken from the OS, then released). */
export async function freePort(): Promise<number> {
  const server = http.createServer()
  await listen(server, 0)
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

/** Route helpers. */
export const reply = {
  /** Answers each hit with the next status of the pattern, round and round (flapping). */
  cycle(statuses: number[], body = 'ok'): Handler {
    return (_req, hit) => ({ status: statuses[(hit - 1) % statuses.length], body })
  },
  /** Answers hit n with replies[n-1]; the last one repeats. */
  sequence(...replies: Reply[]): Handler {
    return (_req, hit) => replies[Math.min(hit, replies.length) - 1]
  }
}
