import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Duplex } from 'node:stream'
import { createSecureContext, TLSSocket } from 'node:tls'
import { isCredentialHeader, maskUrl } from '../../../src/core/checks/credential-masking.js'
import { httpProbe, MAX_REDIRECTS } from '../../../src/core/checks/http-probe.js'
import { runCliBundle } from '../../support/action-runner.js'

/**
 * The probe's redirect rules, each stated directly: where credentials go, how the method
 * changes, which redirects are refused. One port on 127.0.0.1 answers both http and https (the
 * first byte of a connection tells TLS from plain HTTP), so an http→https redirect to the same
 * host and port differs from its origin only by scheme, and credentials must still not follow.
 */

interface Seen {
  scheme: string
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

let port = 0
let tcp: Server
const seen: Seen[] = []
let nextLocation: Record<string, [number, string]> = {}

function handler() {
  return (req: IncomingMessage, res: ServerResponse) => {
    const scheme = req.socket instanceof TLSSocket ? 'https' : 'http'
    let body = ''
    req.on('data', c => (body += c))
    req.on('end', () => {
      seen.push({
        scheme,
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body
      })
      const redirect = nextLocation[`${scheme}:${req.url}`]
      if (redirect) {
        res.writeHead(redirect[0], { location: redirect[1].replace('PORT', String(port)) })
        res.end()
        return
      }
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('landed')
    })
  }
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiprail-tls-'))
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem')
    ],
    { stdio: 'ignore' }
  )
  const http = createHttpServer(handler())
  const secureContext = createSecureContext({
    key: readFileSync(join(dir, 'key.pem')),
    cert: readFileSync(join(dir, 'cert.pem'))
  })
  tcp = createTcpServer(socket => {
    socket.once('data', first => {
      if (first[0] !== 0x16) {
        socket.unshift(first)
        http.emit('connection', socket)
        return
      }
      // A TLS handshake: replay its first bytes into a TLS server socket over a JS stream.
      const stream = new Duplex({
        read() {},
        write(chunk, _encoding, done) {
          socket.write(chunk, done)
        },
        final(done) {
          socket.end()
          done()
        }
      })
      stream.push(first)
      socket.on('data', chunk => stream.push(chunk))
      socket.on('end', () => stream.push(null))
      socket.on('close', () => stream.destroy())
      stream.on('error', () => socket.destroy())
      http.emit('connection', new TLSSocket(stream, { isServer: true, secureContext }))
    })
  })
  await new Promise<void>(resolve => tcp.listen(0, '127.0.0.1', resolve))
  port = (tcp.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise(resolve => tcp.close(resolve))
})

beforeEach(() => {
  seen.length = 0
  nextLocation = {}
})

const CREDENTIALS = {
  Authorization: 'Bearer t0ken-value',
  Cookie: 'session=abc123',
  'X-Api-Key': 'k3y-value',
  'X-Trace': 'keep-me'
}

function probe(path: string, over: Partial<Parameters<typeof httpProbe>[0]> = {}) {
  return httpProbe({
    url: `http://127.0.0.1:${port}${path}`,
    method: 'GET',
    timeoutMs: 5000,
    headers: CREDENTIALS,
    ...over
  })
}

describe('credentials and redirects', () => {
  it('keeps credential headers on a redirect within the same origin', async () => {
    nextLocation['http:/start'] = [302, '/landing']
    const result = await probe('/start')
    expect(result).toMatchObject({ type: 'response', status: 200, redirects: 1 })
    expect(seen[1].headers).toMatchObject({
      authorization: 'Bearer t0ken-value',
      cookie: 'session=abc123',
      'x-api-key': 'k3y-value',
      'x-trace': 'keep-me'
    })
  })

  it('drops credential headers when a redirect leaves the origin (another host name), keeps the rest', async () => {
    nextLocation['http:/start'] = [307, 'http://localhost:PORT/landing']
    const result = await probe('/start')
    expect(result).toMatchObject({ type: 'response', status: 200, redirects: 1 })
    expect(seen.map(s => s.scheme)).toEqual(['http', 'http'])
    expect(seen[1].headers.authorization).toBeUndefined()
    expect(seen[1].headers.cookie).toBeUndefined()
    expect(seen[1].headers['x-api-key']).toBeUndefined()
    expect(seen[1].headers['x-trace']).toBe('keep-me')
  })

  it('drops credential headers on http→https to the same host and port (the CLI bundle, trusting the test certificate)', async () => {
    // In-process, jest's sandboxed process.env cannot reach Node's TLS defaults; the CLI runs
    // with NODE_TLS_REJECT_UNAUTHORIZED=0 so the self-signed certificate is accepted.
    nextLocation['http:/start'] = [307, 'https://127.0.0.1:PORT/landing']
    const checks = [
      '- name: upgrade',
      `  url: http://127.0.0.1:${port}/start`,
      '  headers:',
      '    Authorization: Bearer t0ken-value',
      '    X-Trace: keep-me'
    ].join('\n')
    const run = await runCliBundle(['smoke-test', '--checks', checks, '--json'], {
      cwd: tmpdir(),
      env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' }
    })
    expect(JSON.parse(run.stdout)).toMatchObject({ passed: true })
    expect(seen.map(s => s.scheme)).toEqual(['http', 'https'])
    expect(seen[0].headers.authorization).toBe('Bearer t0ken-value')
    expect(seen[1].headers.authorization).toBeUndefined()
    expect(seen[1].headers['x-trace']).toBe('keep-me')
  })

  it('does not get credentials back when a later redirect returns to the first origin', async () => {
    nextLocation['http:/start'] = [302, 'http://localhost:PORT/away']
    nextLocation['http:/away'] = [302, 'http://127.0.0.1:PORT/landing']
    await probe('/start')
    expect(seen).toHaveLength(3)
    expect(seen[2].headers.authorization).toBeUndefined()
  })
})

describe('method changes on redirect (as browsers and fetch do)', () => {
  it.each<[number, string, string, boolean]>([
    [303, 'POST', 'GET', false],
    [303, 'PUT', 'GET', false],
    [303, 'HEAD', 'HEAD', true],
    [301, 'POST', 'GET', false],
    [302, 'POST', 'GET', false],
    [301, 'PUT', 'PUT', true],
    [302, 'DELETE', 'DELETE', true],
    [307, 'POST', 'POST', true],
    [308, 'POST', 'POST', true]
  ])(
    '%d after %s continues with %s (body and content headers kept: %s)',
    async (status, method, next, keepsBody) => {
      nextLocation['http:/start'] = [status, '/landing']
      const body = method === 'HEAD' ? undefined : '{"a":1}'
      const result = await probe('/start', {
        method,
        body,
        headers: { 'Content-Type': 'application/json', 'X-Trace': 'keep-me' }
      })
      expect(result).toMatchObject({ type: 'response', redirects: 1 })
      expect(seen[1].method).toBe(next)
      expect(seen[1].headers['x-trace']).toBe('keep-me')
      if (keepsBody) {
        expect(seen[1].body).toBe(body ?? '')
        expect(seen[1].headers['content-type']).toBe('application/json')
      } else {
        expect(seen[1].body).toBe('')
        expect(seen[1].headers['content-type']).toBeUndefined()
        expect(seen[1].headers['content-length']).toBeUndefined()
      }
    }
  )
})

describe('redirects that are refused or not followed', () => {
  it('answers with the redirect itself when told not to follow', async () => {
    nextLocation['http:/start'] = [302, '/landing']
    const result = await probe('/start', { followRedirects: false })
    expect(result).toMatchObject({ type: 'response', status: 302, redirects: 0 })
    expect(seen).toHaveLength(1)
  })

  it('treats a 3xx without a location, or a 300/304, as the answer', async () => {
    nextLocation['http:/start'] = [301, '']
    expect(await probe('/start')).toMatchObject({ type: 'response', status: 301, redirects: 0 })
    nextLocation['http:/start'] = [300, '/landing']
    expect(await probe('/start')).toMatchObject({ type: 'response', status: 300, redirects: 0 })
  })

  it(`follows ${MAX_REDIRECTS} redirects and refuses the next`, async () => {
    for (let i = 0; i < MAX_REDIRECTS; i++) nextLocation[`http:/r${i}`] = [302, `/r${i + 1}`]
    expect(await probe('/r0')).toMatchObject({
      type: 'response',
      status: 200,
      redirects: MAX_REDIRECTS
    })
    nextLocation[`http:/r${MAX_REDIRECTS}`] = [302, '/r-more']
    seen.length = 0
    expect(await probe('/r0')).toMatchObject({
      type: 'error',
      kind: 'other',
      message: `more than ${MAX_REDIRECTS} redirects (last to /r-more)`
    })
  })

  it.each([
    ['ftp://example.com/file', 'redirect to a non-http URL (ftp:)'],
    ['http://[::1', 'redirect to an invalid URL ("http://[::1")']
  ])('refuses a redirect to %s', async (location, message) => {
    nextLocation['http:/start'] = [302, location]
    expect(await probe('/start')).toMatchObject({ type: 'error', kind: 'other', message })
    expect(seen).toHaveLength(1)
  })
})

describe('isCredentialHeader', () => {
  it.each([
    'Authorization',
    'proxy-authorization',
    'Cookie',
    'set-cookie',
    'X-API-Key',
    'api-key',
    'apikey',
    'token',
    'secret',
    'password',
    'x-auth',
    ' X-Auth-Token ',
    'x_access_token',
    'my-key',
    'client-secret',
    'db_password',
    'x-passwd',
    'upstream-auth',
    'x-signature',
    // A credential word anywhere in the name counts (issue 12 item 3): masking a harmless
    // header costs nothing, missing a made-up credential name leaks it.
    'keyboard',
    'tokens',
    'x-authority',
    'author',
    'x-tokenizer',
    'passwords-policy',
    'monkey',
    'x-authorization-hint'
  ])('%s is a credential', name => {
    expect(isCredentialHeader(name)).toBe(true)
  })

  it.each(['accept', 'content-type', 'x-trace'])('%s is not a credential', name => {
    expect(isCredentialHeader(name)).toBe(false)
  })
})

describe('maskUrl', () => {
  it.each([
    ['https://user:pa55@example.com/x', 'https://user:***@example.com/x'],
    ['https://t0ken@example.com/x', 'https://***@example.com/x'],
    ['https://example.com/x?token=abc&page=2', 'https://example.com/x?token=***&page=2'],
    [
      'https://example.com/?access_token=a&api_key=b&sig=c&code=d&x-signature=e&my_secret=f',
      'https://example.com/?access_token=***&api_key=***&sig=***&code=***&x-signature=***&my_secret=***'
    ],
    ['https://example.com/?token=', 'https://example.com/?token='],
    ['https://example.com/?tokens=a&monkey=b', 'https://example.com/?tokens=a&monkey=b'],
    ['https://example.com/health', 'https://example.com/health'],
    ['not a url', 'not a url']
  ])('%s shows as %s', (url, shown) => {
    expect(maskUrl(url)).toBe(shown)
  })
})
