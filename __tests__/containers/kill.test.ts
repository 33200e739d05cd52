import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createContainersDriver } from '../../src/core/drivers/containers-driver.js'
import { ROOT } from '../support/action-runner.js'
import { buildTestImage, startDockerEngine, type DockerEngine } from '../support/docker.js'
import { startNginxProxy, type NginxProxy } from '../support/nginx-proxy.js'
import { tempDir } from '../releases/fixtures.js'
import { containersOf, containersSettings, engineContext, request, served } from './fixtures.js'

/*
 * SIGKILL at random moments: a deploy runs as the bundled CLI (`node dist/cli/index.js`), and
 * the kill takes down it and every process it started (found by a marker in their
 * environment), as a cancelled runner would. dockerd goes on with what it was asked to do.
 * After each kill nginx must still answer from a container, and the next deploy must succeed
 * and leave exactly one running container.
 */
let engine: DockerEngine
let proxy: NginxProxy
let work: string

beforeAll(async () => {
  engine = await startDockerEngine()
  work = await tempDir('ctr-kill')
  proxy = await startNginxProxy()
  await buildTestImage(engine, 'shop:2', '2')
  await buildTestImage(engine, 'shop:3', '3')
}, 180_000)

afterAll(async () => {
  await proxy?.stop()
  await engine?.stop()
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

function killMarked(mark: string): void {
  for (const pid of readdirSync('/proc').filter(n => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`SHIPRAIL_KILL_MARK=${mark}`))
        process.kill(Number(pid), 'SIGKILL')
    } catch {
      // Gone, or not ours to read.
    }
  }
}

const settings = (image: string) =>
  containersSettings({
    image,
    path: join(work, 'state'),
    upstreamFile: proxy.upstreamFile,
    proxyReload: proxy.reload
  })

function cliArgs(version: string, image: string): string[] {
  const s = settings(image)
  return [
    join(ROOT, 'dist/cli/index.js'),
    'deploy',
    '--environment=staging',
    `--version=${version}`,
    '--ledger=none',
    '--driver=containers',
    `--service=${s.service}`,
    `--image=${image}`,
    `--path=${s.path}`,
    '--proxy=nginx',
    '--container-port=8080',
    '--health-path=/health',
    `--upstream-file=${s.upstreamFile}`,
    `--proxy-reload=${s.proxyReload}`,
    '--drain-seconds=1',
    '--docker-args=--init'
  ]
}

test('20 deploys killed at random moments: a container always serves, the next deploy succeeds', async () => {
  await createContainersDriver(settings('shop:2')).apply(request('start'), engineContext(engine))
  for (let i = 0; i < 20; i++) {
    const image = i % 2 ? 'shop:2' : 'shop:3'
    const mark = randomUUID()
    const child = spawn(process.execPath, cliArgs(`k${i}`, image), {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DOCKER_HOST: engine.host,
        SHIPRAIL_KILL_MARK: mark
      },
      stdio: 'ignore'
    })
    const exited = new Promise(r => child.once('exit', r))
    await new Promise(r => setTimeout(r, Math.random() * 3500))
    killMarked(mark)
    await exited
    const after = await served(proxy.url)
    expect([i, after]).toEqual([i, expect.stringMatching(/^200 version [23]$/)])

    const next = i % 2 ? 'shop:3' : 'shop:2'
    await createContainersDriver(settings(next)).apply(request(`r${i}`), engineContext(engine))
    expect([i, await served(proxy.url)]).toEqual([i, `200 version ${next.slice(-1)}`])
    const running = containersOf(engine).filter(c => c.state === 'running')
    expect([i, running.map(c => c.version)]).toEqual([i, [`r${i}`]])
  }
}, 600_000)
