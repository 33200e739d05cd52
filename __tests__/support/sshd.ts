import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A real OpenSSH server (Debian's openssh-server) on 127.0.0.1 and a free high port, running
 * as the current user with its own host key and one authorized client key. Several can run at
 * once; with `root`, the server runs in its own mount namespace where `root.from` is bind-
 * mounted on `root.at`, so every "host" has its own deploy root at the same path.
 */
export interface SshdServer {
  host: string
  port: number
  /** `user@127.0.0.1:port`, as the hosts input takes it. */
  label: string
  /** The `[127.0.0.1]:port ssh-ed25519 ...` line for known-hosts. */
  knownHostsLine: string
  /** OpenSSH private key accepted by this server. */
  privateKey: string
  stop(): Promise<void>
}

export interface ClientKey {
  privateKey: string
  publicKey: string
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function keygen(file: string): void {
  const r = spawnSync(
    'ssh-keygen',
    ['-q', '-t', 'ed25519', '-N', '', '-C', 'shiprail-test', '-f', file],
    {
      timeout: 10_000
    }
  )
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr?.toString()}`)
}

export async function generateClientKey(): Promise<ClientKey> {
  const dir = await mkdtemp(join(tmpdir(), 'shiprail-key-'))
  try {
    keygen(join(dir, 'id'))
    return {
      privateKey: await readFile(join(dir, 'id'), 'utf8'),
      publicKey: await readFile(join(dir, 'id.pub'), 'utf8')
    }
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  }
}

/** A port nothing listens on, for "host unreachable". */
export async function deadPort(): Promise<number> {
  return freePort()
}

export async function waitForBanner(
  port: number,
  child: ChildProcess,
  log: () => string
): Promise<void> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited: ${log()}`)
    const ok = await new Promise<boolean>(resolve => {
      const socket = connect(port, '127.0.0.1')
      socket.setTimeout(1000)
      socket.once('data', d => {
        socket.destroy()
        resolve(d.toString().startsWith('SSH-'))
      })
      socket.once('error', () => resolve(false))
      socket.once('timeout', () => {
        socket.destroy()
        resolve(false)
      })
    })
    if (ok) return
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`sshd did not start: ${log()}`)
}

/*
 * Fixed text, values as parameters: $1 on $2 (the host's own root); with a socket $3, /run
 * becomes a copy-on-write overlay (upper layer under $4) so a docker.sock can be created there
 * and the engine's socket bind-mounted on it without touching this machine's /run.
 */
const NAMESPACE_SCRIPT = `
set -e
mount --bind "$1" "$2"
if [ -n "$3" ]; then
  run=$(readlink -f /var/run)
  mkdir -p "$4/upper" "$4/work"
  mount -t overlay overlay -o "lowerdir=$run,upperdir=$4/upper,workdir=$4/work" "$run"
  [ -e "$run/docker.sock" ] || touch "$run/docker.sock"
  mount --bind "$3" "$run/docker.sock"
fi
shift 4
exec "$@"`

export async function startSshd(
  options: {
    clientKey?: ClientKey
    root?: { at: string; from: string }
    /** Also accept each user's own ~/.ssh/authorized_keys (the bench's deploy user). */
    homeAuthorizedKeys?: boolean
    /**
     * With `root`: this host's Docker engine socket, bind-mounted on /var/run/docker.sock in
     * the host's namespace, so its sessions reach that engine the way a real host's do (the
     * default socket, no DOCKER_HOST).
     */
    dockerSocket?: string
  } = {}
): Promise<SshdServer> {
  const dir = await mkdtemp(join(tmpdir(), 'shiprail-sshd-'))
  const port = await freePort()
  const user = process.env.USER || spawnSync('id', ['-un']).stdout.toString().trim()
  keygen(join(dir, 'host_key'))
  const clientKey = options.clientKey ?? (await generateClientKey())
  await writeFile(join(dir, 'authorized_keys'), clientKey.publicKey, { mode: 0o600 })
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host_key')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}${options.homeAuthorizedKeys ? ' .ssh/authorized_keys' : ''}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    'UsePAM no',
    'StrictModes no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'MaxSessions 64',
    'MaxStartups 64:30:128',
    'LogLevel ERROR'
  ].join('\n')
  await writeFile(join(dir, 'sshd_config'), config + '\n')
  // sshd insists on its privilege separation directory, which the Debian service creates.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 })

  const sshd = ['/usr/sbin/sshd', '-D', '-e', '-f', join(dir, 'sshd_config')]
  const child = options.root
    ? spawn(
        'unshare',
        [
          '--mount',
          '--propagation',
          'private',
          'sh',
          '-c',
          NAMESPACE_SCRIPT,
          'sh',
          options.root.from,
          options.root.at,
          options.dockerSocket ?? '',
          join(dir, 'run'),
          ...sshd
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] }
      )
    : spawn(sshd[0], sshd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', d => {
    if (stderr.length < 20_000) stderr += d.toString()
  })
  try {
    await waitForBanner(port, child, () => stderr)
  } catch (err) {
    child.kill('SIGKILL')
    await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    throw err
  }
  const hostKey = (await readFile(join(dir, 'host_key.pub'), 'utf8')).trim().split(' ')
  return {
    host: '127.0.0.1',
    port,
    label: `${user}@127.0.0.1:${port}`,
    knownHostsLine: `[127.0.0.1]:${port} ${hostKey[0]} ${hostKey[1]}`,
    privateKey: clientKey.privateKey,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise(r => setTimeout(r, 5000).unref())])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      // Session processes of connections still open inherit the stderr pipe; stop listening.
      child.stderr?.destroy()
      child.unref()
      await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    }
  }
}
