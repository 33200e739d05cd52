import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freePort } from './sshd.js'

/**
 * A private Docker engine (Debian's docker.io) for one test file: its own dockerd with its own
 * --data-root, --exec-root, --pidfile, socket and Linux bridge, so engines of several test files
 * or several "hosts" never share containers, images or port allocations. Found to work on this
 * kind of machine (no systemd, no iptables rules wanted): overlay2 storage, `--iptables=false`
 * with a bridge we create ourselves; published ports then go through docker-proxy on 127.0.0.1.
 */
export interface DockerEngine {
  /** `unix:///…/docker.sock`, the DOCKER_HOST value for this engine. */
  host: string
  socket: string
  /** Environment for the docker CLI pointed at this engine. */
  env: NodeJS.ProcessEnv
  /** Runs the docker CLI against this engine; throws with its stderr on failure. */
  docker(args: string[], input?: Buffer): string
  stop(): Promise<void>
}

/** Base directories stay short: the socket paths under them must fit in ~100 bytes. */
async function shortTempDir(prefix: string): Promise<string> {
  return mkdtemp(join('/tmp', prefix))
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv, input?: Buffer): string {
  const r = spawnSync(command, args, { env, input, timeout: 300_000, maxBuffer: 64 << 20 })
  if (r.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr?.toString().trim()}`
    )
  }
  return r.stdout.toString()
}

/** A Linux bridge with its own /24 for one engine (dockerd's default docker0 would be shared). */
function createBridge(): { name: string; remove(): void } {
  for (let attempt = 0; attempt < 10; attempt++) {
    const name = `shr${randomBytes(4).toString('hex')}`
    const octet = 1 + Math.floor(Math.random() * 250)
    const third = Math.floor(Math.random() * 250)
    const r = spawnSync('ip', ['link', 'add', 'name', name, 'type', 'bridge'])
    if (r.status !== 0) continue
    // A MAC set by hand: otherwise the bridge takes the lowest MAC of its ports and changes it
    // whenever a container's veth comes or goes, and containers keep answering the old one
    // until their ARP entry expires (seconds of hung connections after a `docker stop`).
    const mac = `02:${randomBytes(5).toString('hex').match(/../g)!.join(':')}`
    spawnSync('ip', ['link', 'set', name, 'address', mac])
    const addr = spawnSync('ip', [
      'addr',
      'add',
      `10.${200 + (octet % 50)}.${third}.1/24`,
      'dev',
      name
    ])
    spawnSync('ip', ['link', 'set', name, 'up'])
    if (addr.status !== 0) {
      spawnSync('ip', ['link', 'del', name])
      continue
    }
    return { name, remove: () => void spawnSync('ip', ['link', 'del', name]) }
  }
  throw new Error('could not create a bridge for dockerd (needs CAP_NET_ADMIN)')
}

export async function startDockerEngine(): Promise<DockerEngine> {
  const dir = await shortTempDir('shr-dk-')
  const socket = join(dir, 'docker.sock')
  const host = `unix://${socket}`
  const bridge = createBridge()
  const pidfile = join(dir, 'dockerd.pid')
  const child: ChildProcess = spawn(
    'dockerd',
    [
      '--host',
      host,
      '--data-root',
      join(dir, 'data'),
      '--exec-root',
      join(dir, 'exec'),
      '--pidfile',
      pidfile,
      '--bridge',
      bridge.name,
      '--iptables=false',
      '--ip6tables=false',
      '--storage-driver=overlay2',
      '--shutdown-timeout=2',
      '--log-level=error'
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: false }
  )
  let stderr = ''
  child.stderr?.on('data', d => {
    if (stderr.length < 20_000) stderr += d.toString()
  })
  const env = { ...process.env, DOCKER_HOST: host }
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) {
      bridge.remove()
      throw new Error(`dockerd exited: ${stderr}`)
    }
    if (spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { env }).status === 0) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      bridge.remove()
      throw new Error(`dockerd did not start: ${stderr}`)
    }
    await new Promise(r => setTimeout(r, 200))
  }
  return {
    host,
    socket,
    env,
    docker: (args, input) => run('docker', args, env, input),
    async stop() {
      spawnSync('sh', ['-c', 'docker rm -f $(docker ps -aq) >/dev/null 2>&1'], {
        env,
        timeout: 60_000
      })
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise(r => setTimeout(r, 20_000).unref())])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      child.stderr?.destroy()
      bridge.remove()
      // Layers dockerd left mounted would make rm fail; unmount what is still under dir.
      spawnSync('sh', [
        '-c',
        'grep -o " $1[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l',
        'sh',
        dir
      ])
      await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }).catch(
        () => undefined
      )
    }
  }
}

/**
 * The machine's engine on /var/run/docker.sock: used as is when `docker info` answers, else a
 * dockerd is started here (there is no systemd) and stopped by PID by `stop`.
 */
export async function ensureSystemDocker(): Promise<{ stop(): Promise<void> }> {
  if (spawnSync('docker', ['info'], { timeout: 20_000 }).status === 0)
    return { stop: async () => {} }
  const child = spawn(
    'dockerd',
    ['--host', 'unix:///var/run/docker.sock', '--iptables=false', '--ip6tables=false'],
    { stdio: 'ignore' }
  )
  const deadline = Date.now() + 60_000
  while (spawnSync('docker', ['info'], { timeout: 20_000 }).status !== 0) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error('dockerd on /var/run/docker.sock did not start')
    }
    await new Promise(r => setTimeout(r, 200))
  }
  return {
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise(r => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise(r => setTimeout(r, 20_000).unref())])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  }
}

export interface TestImageOptions {
  /** Whether /health exists (a 404 there keeps the container unhealthy). */
  healthy?: boolean
  /** Bytes of incompressible padding, for image-size benchmarks. */
  padBytes?: number
  /** A Dockerfile HEALTHCHECK probing /health with busybox wget. */
  healthcheck?: boolean
  /** The container exits at once instead of serving. */
  crash?: boolean
}

/**
 * Builds `tag` FROM scratch with busybox-static: `busybox httpd -f -p 8080 -h /www` serves
 * index.html naming the version and, when healthy, a /health file. No registry, no network.
 */
export async function buildTestImage(
  engine: DockerEngine,
  tag: string,
  version: string,
  options: TestImageOptions = {}
): Promise<string> {
  const dir = await shortTempDir('shr-img-')
  try {
    await mkdir(join(dir, 'bin'))
    await mkdir(join(dir, 'www'))
    await copyFile('/bin/busybox', join(dir, 'bin', 'busybox'))
    await chmod(join(dir, 'bin', 'busybox'), 0o755)
    // before-switch runs `/bin/sh -c` in a one-off container of the image.
    await symlink('busybox', join(dir, 'bin', 'sh'))
    await writeFile(join(dir, 'www', 'index.html'), `version ${version}\n`)
    if (options.healthy !== false) await writeFile(join(dir, 'www', 'health'), 'ok\n')
    if (options.padBytes) await writeFile(join(dir, 'pad.bin'), randomBytes(options.padBytes))
    const cmd = options.crash
      ? '["/bin/busybox","false"]'
      : '["/bin/busybox","httpd","-f","-p","8080","-h","/www"]'
    const lines = [
      'FROM scratch',
      'COPY . /',
      'EXPOSE 8080',
      ...(options.healthcheck
        ? [
            'HEALTHCHECK --interval=1s --timeout=2s --retries=2 CMD ["/bin/busybox","wget","-q","-O","/dev/null","http://127.0.0.1:8080/health"]'
          ]
        : []),
      // busybox httpd as PID 1 ignores SIGTERM: without this every `docker stop` (and
      // docker-compose's recreate) would wait its full 10 s grace period.
      'STOPSIGNAL SIGKILL',
      `CMD ${cmd}`
    ]
    await writeFile(join(dir, 'Dockerfile'), lines.join('\n') + '\n')
    // The legacy builder: buildx is not packaged, and FROM scratch needs nothing it adds.
    run('docker', ['build', '-q', '-t', tag, dir], { ...engine.env, DOCKER_BUILDKIT: '0' })
    return engine.docker(['image', 'inspect', '--format', '{{.Id}}', tag]).trim()
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  }
}

/** Debian's docker-registry (distribution) on 127.0.0.1 and a free port, storage in a temp dir. */
export async function startRegistry(): Promise<{ address: string; stop(): Promise<void> }> {
  const dir = await shortTempDir('shr-reg-')
  const port = await freePort()
  const config = [
    'version: 0.1',
    'log: { level: error }',
    `storage: { filesystem: { rootdirectory: ${dir}/data } }`,
    `http: { addr: "127.0.0.1:${port}" }`
  ].join('\n')
  await writeFile(join(dir, 'config.yml'), config + '\n')
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' })
  const address = `127.0.0.1:${port}`
  const deadline = Date.now() + 20_000
  for (;;) {
    try {
      const r = await fetch(`http://${address}/v2/`, { signal: AbortSignal.timeout(1000) })
      if (r.ok) break
    } catch {
      // not yet listening
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error('docker-registry did not start')
    }
    await new Promise(r => setTimeout(r, 100))
  }
  return {
    address,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise(r => setTimeout(r, 5000).unref())])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    }
  }
}

/** Whether this machine can run the Docker tests at all (dockerd present, root for bridges). */
export function dockerAvailable(): boolean {
  return existsSync('/usr/sbin/dockerd') && process.getuid?.() === 0
}
