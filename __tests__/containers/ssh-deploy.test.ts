import { spawnSync } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createContainersDriver } from '../../src/core/drivers/containers-driver.js'
import type { ContainersDriverSettings } from '../../src/core/settings/containers-settings.js'
import { parseHosts } from '../../src/core/settings/deploy-settings.js'
import { testContext } from '../support/context.js'
import { buildTestImage, startDockerEngine, type DockerEngine } from '../support/docker.js'
import { reloadCommand, startNginxProxy, type NginxProxy } from '../support/nginx-proxy.js'
import { generateClientKey, startSshd, type SshdServer } from '../support/sshd.js'
import { tempDir } from '../releases/fixtures.js'
import { containersOf, containersSettings, readHistory, request, served } from './fixtures.js'

/*
 * Two real sshd "hosts", each in its own mount namespace (its directory mounted on `mnt`), each
 * with its own dockerd (own data root, exec root, pidfile and socket; the socket bind-mounted
 * as /var/run/docker.sock in that host's namespace, so the driver uses the default socket as on
 * a real host) and its own nginx, whose upstream file and reload command the hosts name by the
 * same `mnt` paths. Two hosts never share an engine.
 */
interface Host {
  dir: string
  engine: DockerEngine
  proxy: NginxProxy
  sshd: SshdServer
}
let base: string
let hosts: Host[] = []
let privateKey: string
const mnt = () => join(base, 'mnt')

beforeAll(async () => {
  base = await tempDir('ctr-ssh')
  await mkdir(mnt())
  const key = await generateClientKey()
  privateKey = key.privateKey
  hosts = await Promise.all(
    [0, 1].map(async i => {
      const dir = join(base, `host-${i}`)
      await mkdir(dir)
      const engine = await startDockerEngine()
      const proxy = await startNginxProxy({ dir: join(dir, 'nginx') })
      const sshd = await startSshd({
        clientKey: key,
        root: { at: mnt(), from: dir },
        dockerSocket: engine.socket
      })
      return { dir, engine, proxy, sshd }
    })
  )
  for (const [i, host] of hosts.entries()) {
    await buildTestImage(host.engine, 'shop:1', '1')
    // Host 1's v2 never turns healthy; v3 is good everywhere.
    await buildTestImage(host.engine, 'shop:2', '2', { healthy: i === 0 })
    await buildTestImage(host.engine, 'shop:3', '3')
  }
}, 300_000)

afterAll(async () => {
  for (const h of hosts) {
    await h.sshd.stop()
    await h.proxy.stop()
    await h.engine.stop()
  }
  await rm(base, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

function settings(image: string, extra: Partial<ContainersDriverSettings> = {}) {
  return containersSettings({
    image,
    hosts: parseHosts(hosts.map(h => h.sshd.label).join('\n')),
    sshKey: privateKey,
    knownHosts: hosts.map(h => h.sshd.knownHostsLine).join('\n'),
    path: join(mnt(), 'state'),
    upstreamFile: join(mnt(), 'nginx', 'upstream.conf'),
    proxyReload: reloadCommand(join(mnt(), 'nginx')),
    healthTimeoutSeconds: 4,
    ...extra
  })
}

const servedEverywhere = () => Promise.all(hosts.map(h => served(h.proxy.url)))

test('each host reaches its own engine on /var/run/docker.sock, with no DOCKER_HOST', async () => {
  const keyFile = join(base, 'id')
  const knownFile = join(base, 'known_hosts')
  await writeFile(keyFile, privateKey, { mode: 0o600 })
  await writeFile(knownFile, hosts.map(h => h.sshd.knownHostsLine).join('\n') + '\n')
  const roots = hosts.map(h => {
    const r = spawnSync(
      'ssh',
      [
        ...['-i', keyFile, '-p', String(h.sshd.port), '-o', 'BatchMode=yes'],
        ...['-o', `UserKnownHostsFile=${knownFile}`, h.sshd.label.replace(/:\d+$/, '')],
        'echo "${DOCKER_HOST:-unset}"; docker info --format "{{.DockerRootDir}}"'
      ],
      { timeout: 30_000 }
    )
    expect(r.stderr.toString()).toBe('')
    return r.stdout.toString().trim().split('\n')
  })
  expect(roots).toEqual(
    hosts.map(h => ['unset', h.engine.docker(['info', '--format', '{{.DockerRootDir}}']).trim()])
  )
  expect(new Set(roots.map(i => i[1])).size).toBe(hosts.length)
}, 60_000)

test('over SSH: v1 goes live on both hosts, each on its own engine, with history on each host', async () => {
  await createContainersDriver(settings('shop:1')).apply(request('1'), testContext())
  expect(await servedEverywhere()).toEqual(['200 version 1', '200 version 1'])
  for (const h of hosts) {
    expect(containersOf(h.engine).map(c => [c.version, c.state])).toEqual([['1', 'running']])
    expect(readHistory(join(h.dir, 'state')).map(e => [e.version, e.outcome])).toEqual([
      ['1', 'success']
    ])
  }
}, 120_000)

test('one of two hosts failing health switches neither, and no new container is left', async () => {
  await expect(
    createContainersDriver(settings('shop:2')).apply(request('2'), testContext())
  ).rejects.toThrow(/health check failed on 1 of 2 host.*not healthy.*No host was switched/s)
  expect(await servedEverywhere()).toEqual(['200 version 1', '200 version 1'])
  for (const h of hosts) {
    expect(containersOf(h.engine).map(c => c.version)).toEqual(['1'])
  }
}, 120_000)

test('v3 over SSH, then a rollback to v1 restarts the kept v1 container on both hosts', async () => {
  await createContainersDriver(settings('shop:3')).apply(request('3'), testContext())
  expect(await servedEverywhere()).toEqual(['200 version 3', '200 version 3'])
  const kept = hosts.map(h => containersOf(h.engine).find(c => c.version === '1')!.name)
  await createContainersDriver(settings('')).apply(request('1', 'rollback'), testContext())
  expect(await servedEverywhere()).toEqual(['200 version 1', '200 version 1'])
  hosts.forEach((h, i) => {
    const list = containersOf(h.engine)
    expect(list.find(c => c.state === 'running')?.name).toBe(kept[i])
    expect(list.map(c => c.version).sort()).toEqual(['1', '3'])
  })
}, 120_000)
