import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { systemClock } from '../../src/core/context.js'
import { createContainersDriver } from '../../src/core/drivers/containers-driver.js'
import { FileLedger } from '../../src/core/ledger/file-ledger.js'
import type { DeploymentPayload, Ledger } from '../../src/core/ledger/ledger.js'
import { parseDeploySettings } from '../../src/core/settings/deploy-settings.js'
import { parseRollbackSettings } from '../../src/core/settings/rollback-settings.js'
import { deploy } from '../../src/core/steps/deploy.js'
import { rollback } from '../../src/core/steps/rollback.js'
import { GitHubLedger } from '../../src/github/github-ledger.js'
import { createGitHubClient } from '../../src/github/octokit.js'
import { testContext } from '../support/context.js'
import { buildTestImage, startDockerEngine, type DockerEngine } from '../support/docker.js'
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-standin.js'
import { freePort } from '../support/sshd.js'
import { tempDir } from '../releases/fixtures.js'
import { containersOf, containersSettings, engineContext, request, served } from './fixtures.js'

/*
 * The image ID actually run, in the ledger payload of both ledgers: the image goes onto the
 * hosts before the deployment is recorded (a GitHub deployment's payload is fixed at creation),
 * so the payload names the ID; a rollback runs that ID even after the tag was pointed elsewhere.
 */
const REPO = 'octo-org/octo-app'
const TOKEN = 'ghs_containersLedgerToken12345'
let engine: DockerEngine
let gh: GitHubStandIn
let work: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  engine = await startDockerEngine()
  gh = await startGitHubStandIn({ token: TOKEN })
  work = await tempDir('ctr-ledger')
  ids['1'] = await buildTestImage(engine, 'shop:1', '1')
  ids['2'] = await buildTestImage(engine, 'shop:2', '2')
}, 180_000)

afterAll(async () => {
  await engine?.stop()
  await gh?.close()
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

afterEach(() => gh.expectNoViolations())

const ledgers: Record<string, { make(): Ledger; payloads(): DeploymentPayload[] }> = {
  file: {
    make: () => new FileLedger(join(work, 'ledger.json'), systemClock),
    payloads: () =>
      JSON.parse(readFileSync(join(work, 'ledger.json'), 'utf8')).deployments.map(
        (d: { payload: DeploymentPayload }) => d.payload
      )
  },
  github: {
    make: () => new GitHubLedger(createGitHubClient(TOKEN, gh.url, testContext().logger), REPO),
    // The stand-in lists newest first.
    payloads: () =>
      gh
        .deployments(REPO)
        .map(d => d.payload as DeploymentPayload)
        .reverse()
  }
}

test.each(Object.keys(ledgers))(
  'ledger %s: the payload names the image ID run; a rollback runs it though the tag moved',
  async kind => {
    const port = await freePort()
    const service = `led-${kind}`
    const inputs = {
      environment: `qa-${kind}`,
      ledger: kind,
      'ledger-file': join(work, 'ledger.json'),
      token: TOKEN,
      driver: 'containers',
      service,
      path: join(work, `state-${kind}`),
      publish: `127.0.0.1:${port}:8080`,
      'health-path': '/health'
    }
    const defaults = { insideActions: true, sha: 'd'.repeat(40), repository: REPO }
    const ctx = () =>
      testContext({
        ledger: ledgers[kind].make(),
        run: {
          workspace: work,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_HOST: engine.host },
          runUrl: `https://github.com/${REPO}/actions/runs/7`
        }
      })
    for (const v of ['1', '2']) {
      const done = await deploy(
        parseDeploySettings({ ...inputs, version: v, image: `shop:${v}` }, defaults),
        ctx()
      )
      expect(done).toMatchObject({ outcome: 'success', hosts: [{ image: ids[v] }] })
    }
    // Someone re-points the tag, and the v1 container is gone: only the recorded ID is v1.
    engine.docker(['tag', ids['2'], 'shop:1'])
    for (const c of containersOf(engine, service))
      if (c.version === '1') engine.docker(['rm', c.name])
    const back = await rollback(
      parseRollbackSettings({ ...inputs, 'to-version': '1', reason: 'test' }, defaults),
      ctx()
    )
    engine.docker(['tag', ids['1'], 'shop:1'])
    expect(back).toMatchObject({ outcome: 'success', version: '1', hosts: [{ image: ids['1'] }] })
    expect(await served(`http://127.0.0.1:${port}/`)).toBe('200 version 1')
    expect(
      ledgers[kind]
        .payloads()
        .filter(p => p.driver === 'containers' && p.image?.startsWith('shop:'))
        .slice(-3)
        .map(p => [p.operation, p.version, p.image, p.image_id])
    ).toEqual([
      ['deploy', '1', 'shop:1', ids['1']],
      ['deploy', '2', 'shop:2', ids['2']],
      ['rollback', '1', 'shop:1', ids['1']]
    ])
    // An image no host can get: the deploy is still recorded, as failed, with no ID.
    const nowhere = `127.0.0.1:${await freePort()}/shop:9`
    const failed = await deploy(
      parseDeploySettings({ ...inputs, version: '9', image: nowhere }, defaults),
      ctx()
    )
    expect(failed).toMatchObject({
      outcome: 'failure',
      error: expect.stringMatching(/Getting the image failed/)
    })
    expect(ledgers[kind].payloads().pop()).toMatchObject({ version: '9', image: nowhere })
    expect(ledgers[kind].payloads().pop()?.image_id).toBeUndefined()
    expect(await served(`http://127.0.0.1:${port}/`)).toBe('200 version 1')
    for (const c of containersOf(engine, service)) engine.docker(['rm', '--force', c.name])
  },
  180_000
)

describe('a deploy runs the image ID its record names', () => {
  let port: number
  const settings = (image: string) =>
    containersSettings({
      image,
      service: 'rec',
      path: join(work, 'state-rec'),
      proxy: 'none',
      containerPort: undefined,
      publish: `127.0.0.1:${port}:8080`,
      healthTimeoutSeconds: 4
    })
  beforeAll(async () => {
    port = await freePort()
  })

  test('the recorded ID, not what the tag points at by the time the host runs it', async () => {
    const outcome = await createContainersDriver(settings('shop:2')).apply(
      { ...request('1'), images: { image_id: ids['1'] } },
      engineContext(engine)
    )
    expect(outcome.hosts).toMatchObject([{ image: ids['1'] }])
    expect(await served(`http://127.0.0.1:${port}/`)).toBe('200 version 1')
  }, 120_000)

  test('a recorded ID the host lost, whose tag now gives another image, fails and changes nothing', async () => {
    const lost = `sha256:${'0'.repeat(64)}`
    await expect(
      createContainersDriver(settings('shop:2')).apply(
        { ...request('2'), images: { image_id: lost } },
        engineContext(engine)
      )
    ).rejects.toThrow(`shop:2 is now ${ids['2']}, not the ${lost} this deployment recorded`)
    expect(await served(`http://127.0.0.1:${port}/`)).toBe('200 version 1')
    expect(containersOf(engine, 'rec').map(c => [c.version, c.state])).toEqual([['1', 'running']])
  }, 120_000)
})
