import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { shellQuote } from '../../src/core/drivers/host-transport.js'
import { runProcess, type RunResult } from '../../src/core/process-runner.js'
import { freePort, generateClientKey, waitForBanner, type ClientKey } from './sshd.js'

/**
 * A whole "server" to set up as root, without touching this machine: a real sshd (as root, on
 * 127.0.0.1 and a free port) in its own mount namespace where /etc, /home, /srv, /var and /run
 * are copy-on-write overlays of this machine's own (writes land in a temp dir removed on
 * stop). Users, sudoers files, unit files and nginx sites created over SSH exist only there.
 * It serves the machine's own host key (/etc/ssh/ssh_host_ed25519_key), so the fingerprint a
 * guide tells people to read on the host is the one ssh-keyscan sees.
 * `setup` runs as root inside the namespace before sshd starts, after the overlays (plus
 * `alsoOverlaid`) are mounted: e.g. remove a program from an overlaid /usr/bin.
 */
export interface HostSandbox {
  host: string
  port: number
  /** `[127.0.0.1]:port ssh-ed25519 ...` for known-hosts. */
  knownHostsLine: string
  /** A key that logs in as any user (root included). */
  key: ClientKey
  /** Runs a bash script as root on the host; `env` values are exported first. */
  asRoot(script: string, env?: Record<string, string>): Promise<RunResult>
  stop(): Promise<void>
}

const OVERLAID = ['/etc', '/home', '/srv', '/var', '/run']

// Fixed text; the directories and the setup script come as parameters.
const NAMESPACE_SCRIPT = `
set -e
base=$1
shift
i=0
while [ "$1" != -- ]; do
  mkdir -p "$base/upper$i" "$base/work$i"
  mount -t overlay overlay -o "lowerdir=$1,upperdir=$base/upper$i,workdir=$base/work$i" "$1"
  i=$((i + 1))
  shift
done
shift
if [ -n "$SANDBOX_SETUP" ]; then sh -ec "$SANDBOX_SETUP"; fi
exec "$@"`

export async function startHostSandbox(
  options: { setup?: string; alsoOverlaid?: string[] } = {}
): Promise<HostSandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'shiprail-hostbox-'))
  const port = await freePort()
  const key = await generateClientKey()
  // sshd reads authorized keys as the user logging in: they may traverse, not list, the dir.
  await chmod(dir, 0o711)
  await writeFile(join(dir, 'keys'), key.publicKey, { mode: 0o644 })
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    'HostKey /etc/ssh/ssh_host_ed25519_key',
    // Each user's own file, as on a real host, plus the sandbox's key for the test itself.
    `AuthorizedKeysFile .ssh/authorized_keys ${join(dir, 'keys')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    // Debian's sshd uses PAM; without it, sshd refuses accounts whose password is locked
    // ('!'), which is how useradd leaves them. The tests unlock with `usermod -p '*'`.
    'UsePAM no',
    // The sandbox's key file lives under /tmp, which StrictModes rejects (world-writable).
    'StrictModes no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin prohibit-password',
    'LogLevel ERROR'
  ].join('\n')
  await writeFile(join(dir, 'sshd_config'), config + '\n')
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 })
  const child = spawn(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      NAMESPACE_SCRIPT,
      'sh',
      join(dir, 'layers'),
      ...OVERLAID,
      ...(options.alsoOverlaid ?? []),
      '--',
      '/usr/sbin/sshd',
      '-D',
      '-e',
      '-f',
      join(dir, 'sshd_config')
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: process.env.PATH, SANDBOX_SETUP: options.setup ?? '' }
    }
  )
  let stderr = ''
  child.stderr?.on('data', d => {
    if (stderr.length < 20_000) stderr += d.toString()
  })
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(r => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise(r => setTimeout(r, 5000).unref())])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    child.stderr?.destroy()
    child.unref()
    await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  }
  try {
    await waitForBanner(port, child, () => stderr)
  } catch (err) {
    await stop()
    throw err
  }
  const [type, body] = (await readFile('/etc/ssh/ssh_host_ed25519_key.pub', 'utf8'))
    .trim()
    .split(' ')
  const keyFile = join(dir, 'id')
  await writeFile(keyFile, key.privateKey, { mode: 0o600 })
  return {
    host: '127.0.0.1',
    port,
    knownHostsLine: `[127.0.0.1]:${port} ${type} ${body}`,
    key,
    asRoot(script, env = {}) {
      const exports = Object.entries(env)
        .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
        .join('')
      return runProcess('ssh', {
        env: process.env,
        args: [
          '-o',
          'BatchMode=yes',
          '-o',
          'StrictHostKeyChecking=no',
          '-o',
          'UserKnownHostsFile=/dev/null',
          '-o',
          'LogLevel=ERROR',
          '-i',
          keyFile,
          '-p',
          String(port),
          'root@127.0.0.1',
          'bash -s'
        ],
        input: exports + script,
        timeoutMs: 120_000,
        capture: true
      })
    },
    stop
  }
}
