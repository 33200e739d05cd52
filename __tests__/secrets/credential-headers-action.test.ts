import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runAction, runCliBundle } from '../support/action-runner.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Issue 12, item 3 through the smoke-test bundle and the CLI: headers named like credentials
// but not on the old list (X-Deploy-Credential, X-Session-Id, X-Signature...) are masked in the
// dry-run plan, the "last body" line, the report and the summary, and are not sent on when a
// redirect leaves the origin.

const CREDENTIALS: Record<string, string> = {
  'X-Deploy-Credential': 'cred-value-111111',
  'X-Session-Id': 'session-value-222222',
  'X-Signature': 'sig-value-333333',
  'X-Api-Secret': 'apisecret-value-444444',
  'X-Authorization': 'xauth-value-555555',
  'Proxy-Authorization': 'Basic proxy-value-666666'
}
const VALUES = [
  'cred-value-111111',
  'session-value-222222',
  'sig-value-333333',
  'apisecret-value-444444',
  'xauth-value-555555',
  'proxy-value-666666'
]

let app: Server
let other: Server
let appUrl: string
let otherUrl: string
const seenByOther: IncomingHttpHeaders[] = []

const listen = async (server: Server) => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  other = createServer((req, res) => {
    seenByOther.push(req.headers)
    res.end('landed')
  })
  otherUrl = await listen(other)
  app = createServer((req, res) => {
    // A server that echoes what it was sent, as debugging endpoints and error pages do.
    if (req.url === '/echo') {
      res.statusCode = 503
      return res.end(JSON.stringify(req.headers))
    }
    if (req.url === '/away') {
      res.writeHead(302, { location: `${otherUrl}/landing` })
      return res.end()
    }
    res.end('ok')
  })
  appUrl = await listen(app)
})
afterAll(async () => {
  await new Promise(resolve => app.close(resolve))
  await new Promise(resolve => other.close(resolve))
})

const headers = JSON.stringify(CREDENTIALS)
const checks = `
- name: echo
  path: /echo
  headers: ${headers}
- name: away
  path: /away
  headers: ${headers}
`

function expectMasked(text: string): void {
  for (const value of VALUES) expect(text).not.toContain(value)
}

describe('credential headers by any name, through dist/smoke-test', () => {
  it('are masked in the dry-run plan', async () => {
    const run = await runAction('dist/smoke-test/index.js', {
      inputs: { url: appUrl, checks, 'dry-run': 'true', ledger: 'none' }
    })
    expect(run.code).toBe(0)
    expect(run.visibleStdout).toContain('X-Deploy-Credential: ***')
    expectMasked(run.visibleStdout + run.summary + JSON.stringify(run.outputs))
  })

  it('are masked in the last body line, report and summary, and not sent to another origin', async () => {
    seenByOther.length = 0
    const run = await runAction('dist/smoke-test/index.js', {
      inputs: { url: appUrl, checks, ledger: 'none', timeout: '2', 'retry-interval': '0.5' }
    })
    expect(run.code).toBe(1)
    expect(run.visibleStdout).toContain('last body:')
    expectMasked(run.visibleStdout + run.stderr + run.summary + JSON.stringify(run.outputs))
    expect(seenByOther.length).toBeGreaterThan(0)
    for (const seen of seenByOther) {
      for (const name of Object.keys(CREDENTIALS)) expect(seen[name.toLowerCase()]).toBeUndefined()
    }
  })

  it('are masked by the CLI too', async () => {
    const run = await runCliBundle(
      [
        'smoke-test',
        '--url',
        appUrl,
        '--checks',
        checks,
        '--timeout',
        '2',
        '--retry-interval',
        '0.5'
      ],
      { cwd: mkdtempSync(join(tmpdir(), 'shiprail-hdr-')), env: { SHIPRAIL_DEBUG: '1' } }
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('last body:')
    expectMasked(run.stdout + run.stderr)
  })
})
