import { get as httpGet } from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DriverRequest } from '../../src/core/drivers/driver.js'
import { parseHistory, type HistoryEntry } from '../../src/core/drivers/release-history.js'
import type { ContainersDriverSettings } from '../../src/core/settings/containers-settings.js'
import { testContext } from '../support/context.js'
import type { DockerEngine } from '../support/docker.js'

export function containersSettings(
  overrides: Partial<ContainersDriverSettings>
): ContainersDriverSettings {
  return {
    kind: 'containers',
    image: '',
    imageArchive: '',
    service: 'shop',
    hosts: [{ label: 'local', local: true, host: 'local' }],
    path: '/nonexistent',
    sshKey: '',
    knownHosts: '',
    strictHostKeyChecking: true,
    containerPort: 8080,
    healthPath: '/health',
    healthTimeoutSeconds: 20,
    // tini as PID 1 passes SIGTERM on: busybox httpd alone would make every stop wait 10 s.
    dockerArgs: ['--init'],
    proxy: 'nginx',
    publish: '',
    upstreamFile: '',
    proxyReload: 'true',
    drainSeconds: 1,
    keepReleases: 5,
    beforeSwitch: '',
    afterSwitch: '',
    parallel: 10,
    lockTimeoutSeconds: 0,
    ...overrides
  }
}

export function request(
  version: string,
  operation: 'deploy' | 'rollback' = 'deploy'
): DriverRequest {
  return {
    operation,
    environment: 'staging',
    version,
    ref: 'a'.repeat(40),
    deploymentId: `id-${version}`
  }
}

/** A test context whose docker CLI talks to `engine`. */
export function engineContext(engine: DockerEngine) {
  const ctx = testContext()
  ctx.run.env = { ...ctx.run.env, DOCKER_HOST: engine.host }
  return ctx
}

export function readHistory(root: string): HistoryEntry[] {
  try {
    return parseHistory(readFileSync(join(root, '.shiprail', 'history.jsonl'), 'utf8'))
  } catch {
    return []
  }
}

/** The service's containers on an engine: name → state and version label. */
export function containersOf(
  engine: DockerEngine,
  service = 'shop'
): { name: string; state: string; version: string; image: string }[] {
  const out = engine.docker([
    'ps',
    '-a',
    '--filter',
    `label=shiprail.service=${service}`,
    '--format',
    '{{.Names}}|{{.State}}|{{.Label "shiprail.version"}}|{{.Image}}'
  ])
  return out
    .split('\n')
    .filter(Boolean)
    .map(line => {
      const [name, state, version, image] = line.split('|')
      return { name, state, version, image }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

export async function served(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
  return `${res.status} ${(await res.text()).trim()}`
}

/**
 * One GET on a connection of its own. A load test through nginx uses this because a reload
 * closes idle keep-alive connections (nginx's graceful shutdown of old workers), which
 * browsers retry by themselves; what is measured is whether the switch drops requests.
 */
export function getOnce(url: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, timeout: timeoutMs }, res => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', d => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
  })
}
