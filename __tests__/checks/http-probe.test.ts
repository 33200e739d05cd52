import {
  classifyError,
  httpProbe,
  MAX_BODY_BYTES,
  type ProbeResult
} from '../../src/core/checks/http-probe.js'
import {
  freePort,
  reply,
  startTestServer,
  type TestHttpServer
} from '../support/test-http-server.js'

let server: TestHttpServer
let other: TestHttpServer

beforeAll(async () => {
  server = await startTestServer({
    version: '1.2.3',
    routes: {
      '/ok': { body: 'all good', headers: { 'X-Thing': 'yes' } },
      '/slow-headers': { delayMs: 3000, body: 'late' },
      '/slow-body': { bodyDelayMs: 3000, body: 'late body' },
      '/reset': { reset: true },
      '/huge': { bytes: 5 * MAX_BODY_BYTES },
      '/gzip': { gzip: true, body: { compressed: true } },
      '/bad-gzip': { headers: { 'content-encoding': 'gzip' }, body: 'not gzip at all' },
      '/old': { redirect: '/echo', status: 301 },
      '/loop': { redirect: '/loop' },
      '/see-other': { redirect: '/echo', status: 303 },
      '/ftp': { redirect: 'ftp://example.com/' }
    }
  })
  other = await startTestServer()
  server.route('/away', { redirect: `${other.url}/echo`, status: 307 })
})

afterAll(async () => {
  await server.close()
  await other.close()
})

function probe(
  path: string,
  over: Partial<Parameters<typeof httpProbe>[0]> = {}
): Promise<ProbeResult> {
  return httpProbe({ url: `${server.url}${path}`, method: 'GET', timeoutMs: 5000, ...over })
}

describe('httpProbe against a real server', () => {
  it('reads status, lower-case headers, body and latency', async () => {
    const result = await probe('/ok')
    expect(result).toMatchObject({
      type: 'response',
      status: 200,
      body: 'all good',
      truncated: false,
      redirects: 0
    })
    if (result.type !== 'response') throw new Error('no response')
    expect(result.headers['x-thing']).toBe('yes')
    expect(result.headers['x-version']).toBe('1.2.3')
    expect(result.latencyMs).toBeGreaterThanOrEqual(0)
  })

  it('sends method, headers and body, with a content length', async () => {
    const result = await probe('/echo', {
      method: 'POST',
      headers: { 'X-Trace': 't1' },
      body: '{"a":1}'
    })
    if (result.type !== 'response') throw new Error(result.message)
    const echo = JSON.parse(result.body)
    expect(echo).toMatchObject({ method: 'POST', body: '{"a":1}' })
    expect(echo.headers).toMatchObject({
      'x-trace': 't1',
      'content-length': '7',
      'user-agent': 'shiprail-probe'
    })
  })

  it('times out a reply that does not come, in plain words', async () => {
    const result = await probe('/slow-headers', { timeoutMs: 300 })
    expect(result).toMatchObject({
      type: 'error',
      kind: 'timeout',
      message: 'no response within 0.3 s'
    })
    expect(result.latencyMs).toBeLessThan(2500)
  })

  it('times out a body that does not finish', async () => {
    const result = await probe('/slow-body', { timeoutMs: 400 })
    expect(result).toMatchObject({
      type: 'error',
      kind: 'timeout',
      message: 'status 200 but the body was not complete within 0.4 s'
    })
  })

  it('names a refused connection', async () => {
    const port = await freePort()
    const result = await httpProbe({
      url: `http://127.0.0.1:${port}/`,
      method: 'GET',
      timeoutMs: 5000
    })
    expect(result).toMatchObject({
      type: 'error',
      kind: 'refused',
      message: `connection refused by 127.0.0.1:${port}`
    })
  })

  it('names a reset connection', async () => {
    const result = await probe('/reset')
    expect(result).toMatchObject({ type: 'error', kind: 'reset' })
    if (result.type === 'error')
      expect(result.message).toMatch(
        /^connection reset by 127\.0\.0\.1:\d+ before the response was complete$/
      )
  })

  it('names a DNS failure', async () => {
    const result = await httpProbe({
      url: 'http://shiprail-probe-test.invalid/',
      method: 'GET',
      timeoutMs: 8000
    })
    expect(result).toMatchObject({ type: 'error', kind: 'dns' })
    if (result.type === 'error')
      expect(result.message).toMatch(/^DNS lookup failed for shiprail-probe-test\.invalid/)
  })

  it('names a TLS failure (https to a plain http port)', async () => {
    const result = await httpProbe({
      url: `https://127.0.0.1:${server.port}/ok`,
      method: 'GET',
      timeoutMs: 5000
    })
    expect(result).toMatchObject({ type: 'error', kind: 'tls' })
    if (result.type === 'error')
      expect(result.message).toMatch(/^TLS error with 127\.0\.0\.1:\d+: /)
  })

  it('reads at most 1 MiB of a huge body and says it stopped', async () => {
    const result = await probe('/huge')
    if (result.type !== 'response') throw new Error(result.message)
    expect(result.truncated).toBe(true)
    expect(result.body.length).toBe(MAX_BODY_BYTES)
  })

  it('decodes a gzip body', async () => {
    const result = await probe('/gzip', { headers: { 'Accept-Encoding': 'gzip' } })
    if (result.type !== 'response') throw new Error(result.message)
    expect(JSON.parse(result.body)).toEqual({ compressed: true })
  })

  it('says so when a compressed body cannot be decoded', async () => {
    expect(await probe('/bad-gzip')).toMatchObject({
      type: 'error',
      kind: 'other',
      message: 'the gzip body could not be decoded'
    })
  })

  it('follows redirects by default, keeping credentials on the same origin', async () => {
    const result = await probe('/old', { headers: { Authorization: 'Bearer same-origin' } })
    if (result.type !== 'response') throw new Error(result.message)
    expect(result).toMatchObject({ status: 200, redirects: 1, url: `${server.url}/echo` })
    expect(JSON.parse(result.body).headers.authorization).toBe('Bearer same-origin')
  })

  it('drops credential headers when a redirect leaves the origin', async () => {
    const result = await probe('/away', {
      method: 'POST',
      body: 'x',
      headers: { Authorization: 'Bearer not-for-you', 'X-Api-Key': 'k-123456', 'X-Trace': 't2' }
    })
    if (result.type !== 'response') throw new Error(result.message)
    const echo = JSON.parse(result.body)
    // 307 keeps the method and body.
    expect(echo).toMatchObject({ method: 'POST', body: 'x' })
    expect(echo.headers['x-trace']).toBe('t2')
    expect(echo.headers.authorization).toBeUndefined()
    expect(echo.headers['x-api-key']).toBeUndefined()
  })

  it('turns a POST into a GET after 303', async () => {
    const result = await probe('/see-other', {
      method: 'POST',
      body: 'data',
      headers: { 'Content-Type': 'text/plain' }
    })
    if (result.type !== 'response') throw new Error(result.message)
    const echo = JSON.parse(result.body)
    expect(echo).toMatchObject({ method: 'GET', body: '' })
    expect(echo.headers['content-type']).toBeUndefined()
  })

  it('returns the redirect itself with followRedirects: false', async () => {
    const result = await probe('/old', { followRedirects: false })
    expect(result).toMatchObject({ type: 'response', status: 301, redirects: 0 })
    if (result.type === 'response') expect(result.headers.location).toBe('/echo')
  })

  it('stops a redirect loop', async () => {
    expect(await probe('/loop')).toMatchObject({
      type: 'error',
      kind: 'other',
      message: 'more than 10 redirects (last to /loop)'
    })
  })

  it('refuses a redirect to a non-http URL', async () => {
    expect(await probe('/ftp')).toMatchObject({
      type: 'error',
      message: 'redirect to a non-http URL (ftp:)'
    })
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('job cancelled')), 100)
    const result = await probe('/slow-headers', { signal: controller.signal })
    expect(result).toMatchObject({ type: 'error', kind: 'cancelled' })
    expect(result.latencyMs).toBeLessThan(2500)
  })

  it('counts every request on a flapping route', async () => {
    server.route('/flap', reply.cycle([200, 503]))
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      const r = await probe('/flap')
      if (r.type === 'response') statuses.push(r.status)
    }
    expect(statuses).toEqual([200, 503, 200, 503])
  })
})

describe('classifyError', () => {
  const url = new URL('https://api.example.com:8443/x')
  it.each([
    ['ECONNREFUSED', 'refused', 'connection refused by api.example.com:8443'],
    [
      'ECONNRESET',
      'reset',
      'connection reset by api.example.com:8443 before the response was complete'
    ],
    ['EPIPE', 'reset', 'connection reset by api.example.com:8443 before the response was complete'],
    ['ENOTFOUND', 'dns', 'DNS lookup failed for api.example.com (no such host)'],
    ['EAI_AGAIN', 'dns', 'DNS lookup failed for api.example.com (temporary failure)'],
    ['ETIMEDOUT', 'timeout', 'connection to api.example.com:8443 timed out'],
    ['CERT_HAS_EXPIRED', 'tls', 'TLS error with api.example.com:8443: boom'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', 'TLS error with api.example.com:8443: boom'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', 'TLS error with api.example.com:8443: boom'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', 'TLS error with api.example.com:8443: boom'],
    ['EHOSTUNREACH', 'other', 'api.example.com:8443 is unreachable from here'],
    [
      'HPE_INVALID_CONSTANT',
      'other',
      'api.example.com:8443 sent an invalid HTTP response (HPE_INVALID_CONSTANT)'
    ],
    ['EWHATEVER', 'other', 'request to api.example.com:8443 failed: boom']
  ])('%s is %s', (code, kind, message) => {
    expect(classifyError(Object.assign(new Error('boom'), { code }), url)).toEqual({
      kind,
      message
    })
  })
})
