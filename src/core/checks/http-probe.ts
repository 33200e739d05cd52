import http from 'node:http'
import https from 'node:https'
import { performance } from 'node:perf_hooks'
import { pipeline, Writable } from 'node:stream'
import zlib from 'node:zlib'
import { headersForRedirect } from './credential-masking.js'

/**
 * One HTTP request as a check makes it. node:http rather than fetch because a probe needs what
 * fetch hides or pools: a fresh connection per probe (agent: false, so a refused or reset
 * connection is seen as such, not papered over by a pooled socket), a hard cap on the body
 * read, the real 3xx when a check asserts a redirect, and error codes it can name.
 */

/** How a request failed, in the words a person debugging a deploy uses. */
export type ProbeErrorKind = 'refused' | 'reset' | 'dns' | 'timeout' | 'tls' | 'cancelled' | 'other'

export interface ProbeResponse {
  type: 'response'
  status: number
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>
  /** Decoded as UTF-8, at most maxBodyBytes of it. */
  body: string
  /** True when the body was longer than maxBodyBytes and reading stopped there. */
  truncated: boolean
  /** From the start of the request to the end of the body (redirects included). */
  latencyMs: number
  /** The URL that answered (differs from the request after redirects). */
  url: string
  /** Redirects followed. */
  redirects: number
}

export interface ProbeError {
  type: 'error'
  kind: ProbeErrorKind
  /** Plain words: "connection refused by 127.0.0.1:8080", "no response within 10 s". */
  message: string
  latencyMs: number
}

export type ProbeResult = ProbeResponse | ProbeError

export interface ProbeRequest {
  url: string
  method: string
  headers?: Record<string, string>
  body?: string
  /** Hard limit for the whole exchange: connect, redirects, headers and body. */
  timeoutMs: number
  /** Cancels the request (job cancelled). */
  signal?: AbortSignal
  /** Default true. */
  followRedirects?: boolean
  /** Default 1 MiB: a huge reply cannot eat the runner's memory. */
  maxBodyBytes?: number
}

export const MAX_BODY_BYTES = 1024 * 1024
export const MAX_REDIRECTS = 10
export const USER_AGENT = 'shiprail-probe'

const REDIRECTS = new Set([301, 302, 303, 307, 308])

interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
  truncated: boolean
}

/** Raised inside a probe; carries the classified failure out of the callbacks. */
class ProbeFailure extends Error {
  constructor(
    readonly kind: ProbeErrorKind,
    message: string
  ) {
    super(message)
  }
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

function decoder(
  encoding: string | undefined
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip()
    case 'deflate':
      return zlib.createInflate()
    case 'br':
      return zlib.createBrotliDecompress()
    default:
      return undefined
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}

/** Turns a socket or TLS error into plain words. Exported for tests. */
export function classifyError(err: unknown, url: URL): { kind: ProbeErrorKind; message: string } {
  const e = err as NodeJS.ErrnoException & { reason?: string }
  const code = e?.code ?? ''
  const where = `${url.hostname}${url.port ? `:${url.port}` : ''}`
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: `connection refused by ${where}` }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
    return {
      kind: 'reset',
      message: `connection reset by ${where} before the response was complete`
    }
  }
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL'].includes(code)) {
    return {
      kind: 'dns',
      message: `DNS lookup failed for ${url.hostname} (${code === 'EAI_AGAIN' ? 'temporary failure' : 'no such host'})`
    }
  }
  if (code === 'ETIMEDOUT') return { kind: 'timeout', message: `connection to ${where} timed out` }
  if (
    /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/.test(code) ||
    code === 'EPROTO'
  ) {
    return { kind: 'tls', message: `TLS error with ${where}: ${e.reason ?? e.message}` }
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return { kind: 'other', message: `${where} is unreachable from here` }
  }
  if (code.startsWith('HPE_'))
    return { kind: 'other', message: `${where} sent an invalid HTTP response (${code})` }
  return { kind: 'other', message: `request to ${where} failed: ${e?.message ?? String(err)}` }
}

/** One request/response exchange, no redirects. Rejects with ProbeFailure. */
function exchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal,
  maxBodyBytes: number,
  onAbort: () => ProbeFailure,
  onHeaders: (status: number) => void
): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false
    const fail = (err: unknown) => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', abort)
      req.destroy()
      if (err instanceof ProbeFailure) return reject(err)
      if (signal.aborted) return reject(onAbort())
      const c = classifyError(err, url)
      reject(new ProbeFailure(c.kind, c.message))
    }
    const abort = () => fail(onAbort())
    const client = url.protocol === 'https:' ? https : http
    const req = client.request(url, { method, headers, agent: false }, res => {
      const status = res.statusCode ?? 0
      onHeaders(status)
      const chunks: Buffer[] = []
      let size = 0
      let truncated = false
      const done = () => {
        if (settled) return
        settled = true
        signal.removeEventListener('abort', abort)
        res.destroy()
        req.destroy()
        resolve({
          status,
          headers: flattenHeaders(res.headers),
          body: Buffer.concat(chunks).toString('utf8'),
          truncated
        })
      }
      const sink = new Writable({
        write(chunk: Buffer, _enc, next) {
          const room = maxBodyBytes - size
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room))
            size = maxBodyBytes
            truncated = true
            // Stop reading: the rest of a huge reply is not worth the memory or the wait.
            done()
            return next()
          }
          chunks.push(chunk)
          size += chunk.length
          next()
        }
      })
      const decode = method === 'HEAD' ? undefined : decoder(res.headers['content-encoding'])
      const ended = (err: NodeJS.ErrnoException | null) => {
        if (settled) return
        if (!err) return done()
        if (decode && !err.code?.startsWith('E')) {
          const encoding = res.headers['content-encoding']
          return fail(new ProbeFailure('other', `the ${encoding} body could not be decoded`))
        }
        // The server went away mid-body: a reset, whatever the stream calls it.
        const premature = res.readableAborted || err.code === 'ERR_STREAM_PREMATURE_CLOSE'
        fail(premature ? Object.assign(err, { code: 'ECONNRESET' }) : err)
      }
      if (decode) pipeline(res, decode, sink, ended)
      else pipeline(res, sink, ended)
    })
    req.on('error', fail)
    if (signal.aborted) return abort()
    signal.addEventListener('abort', abort, { once: true })
    req.end(body)
  })
}

/**
 * Sends one request and reads the reply. Never throws: a failure comes back as a ProbeError
 * with a kind and plain words, so callers can retry, report and count it alike.
 */
export async function httpProbe(request: ProbeRequest): Promise<ProbeResult> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  // One signal for both ends of the request: the per-request timeout and the job's cancellation.
  // Wired by hand so a long status-check window leaves no listener behind on the job's signal.
  const controller = new AbortController()
  const stop = () => controller.abort()
  const timeout = setTimeout(stop, request.timeoutMs)
  request.signal?.addEventListener('abort', stop, { once: true })
  if (request.signal?.aborted) stop()
  const signal = controller.signal
  let stage = 'no response'
  const onAbort = () =>
    request.signal?.aborted
      ? new ProbeFailure('cancelled', 'cancelled')
      : new ProbeFailure('timeout', `${stage} within ${seconds(request.timeoutMs)}`)

  let url = new URL(request.url)
  let method = request.method.toUpperCase()
  let body = request.body
  let headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: '*/*',
    ...request.headers
  }
  try {
    for (let redirects = 0; ; redirects++) {
      const sent = { ...headers }
      if (
        body !== undefined &&
        !Object.keys(sent).some(h => h.toLowerCase() === 'content-length')
      ) {
        sent['content-length'] = String(Buffer.byteLength(body))
      }
      stage = 'no response'
      const reply = await exchange(
        url,
        method,
        sent,
        body,
        signal,
        request.maxBodyBytes ?? MAX_BODY_BYTES,
        onAbort,
        status => (stage = `status ${status} but the body was not complete`)
      )
      const location = reply.headers.location
      if (request.followRedirects !== false && REDIRECTS.has(reply.status) && location) {
        if (redirects >= MAX_REDIRECTS) {
          return {
            type: 'error',
            kind: 'other',
            message: `more than ${MAX_REDIRECTS} redirects (last to ${location})`,
            latencyMs: elapsed()
          }
        }
        let next: URL
        try {
          next = new URL(location, url)
        } catch {
          return {
            type: 'error',
            kind: 'other',
            message: `redirect to an invalid URL (${JSON.stringify(location)})`,
            latencyMs: elapsed()
          }
        }
        if (!['http:', 'https:'].includes(next.protocol)) {
          return {
            type: 'error',
            kind: 'other',
            message: `redirect to a non-http URL (${next.protocol})`,
            latencyMs: elapsed()
          }
        }
        // As browsers and fetch do: 303 always, and 301/302 after a POST, continue with GET.
        if (
          reply.status === 303
            ? method !== 'HEAD'
            : [301, 302].includes(reply.status) && method === 'POST'
        ) {
          method = 'GET'
          body = undefined
          headers = Object.fromEntries(
            Object.entries(headers).filter(([k]) => !/^content-/i.test(k))
          )
        }
        headers = headersForRedirect(headers, url, next)
        url = next
        continue
      }
      return {
        type: 'response',
        status: reply.status,
        headers: reply.headers,
        body: reply.body,
        truncated: reply.truncated,
        latencyMs: elapsed(),
        url: url.toString(),
        redirects
      }
    }
  } catch (err) {
    if (err instanceof ProbeFailure)
      return { type: 'error', kind: err.kind, message: err.message, latencyMs: elapsed() }
    const c = classifyError(err, url)
    return { type: 'error', ...c, latencyMs: elapsed() }
  } finally {
    clearTimeout(timeout)
    request.signal?.removeEventListener('abort', stop)
  }
}
