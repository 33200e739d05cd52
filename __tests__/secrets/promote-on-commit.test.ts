import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCliBundle } from '../support/action-runner.js'

// Issue 12, item 9 through the CLI: promote-from checked the version label only, so 1.0.0
// rebuilt from another commit passed. It now needs the commit staging verified.

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
let app: Server
let url: string

beforeAll(async () => {
  app = createServer((_req, res) => res.end('ok'))
  await new Promise<void>(resolve => app.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`
})
afterAll(() => new Promise(resolve => app.close(resolve)))

it('promotes only the commit the source environment verified, and says which one that is', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'shiprail-promote-'))
  const cli = (...args: string[]) => runCliBundle(args, { cwd })
  const deploy = (environment: string, ...extra: string[]) =>
    cli('deploy', '--environment', environment, '--version', '1.0.0', '--run', 'true', ...extra)

  expect((await deploy('staging', '--ref', A)).code).toBe(0)
  // From a terminal there is no run to tie the check to: record its verdict explicitly.
  expect(
    (await cli('smoke-test', '--environment', 'staging', '--url', url, '--record-verdict', 'true'))
      .code
  ).toBe(0)

  const other = await deploy('production', '--ref', B, '--promote-from', 'staging')
  expect(other.code).toBe(1)
  expect(other.stderr).toContain(
    'error: Refusing to deploy to production: version 1.0.0 in staging verified commit aaaaaaaaaaaa, not bbbbbbbbbbbb'
  )

  const unknown = await deploy('production', '--promote-from', 'staging')
  expect(unknown.code).toBe(2)
  expect(unknown.stderr).toContain("Input 'ref' is required with `promote-from`")

  const same = await deploy('production', '--ref', A, '--promote-from', 'staging')
  expect(same.code).toBe(0)
}, 30_000)
