import { readFileSync } from 'node:fs'
import os from 'node:os'
import { timedRun } from './processes.js'
import { summarize, type Summary } from './stats.js'

/** What the numbers were measured on; the top of BENCHMARKS.md. */
export interface Machine {
  cpu: string
  cores: number
  memoryBytes: number
  os: string
  kernel: string
  node: string
  tools: Record<string, string>
  /** The commit of the project measured, and whether the tree had uncommitted changes. */
  commit: string
  dirty: boolean
  /** Whether the bundles measured are the committed ones (dist/ unchanged since the commit). */
  distMatchesCommit?: boolean
  /**
   * `bash -c true` as sshd starts it (reads ~/.bashrc) and without ~/.bashrc: every SSH command
   * pays the difference on this machine.
   */
  sshShellStartMs: { withBashrc: Summary; plain: Summary }
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find(l => l.startsWith('model name'))
    if (line) return line.split(':')[1].trim()
  } catch {
    // not Linux: fall through
  }
  return os.cpus()[0]?.model ?? 'unknown'
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8')
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)
    if (pretty) return pretty[1]
  } catch {
    // fall through
  }
  return `${os.type()} ${os.release()}`
}

async function firstLine(command: string, args: string[]): Promise<string> {
  try {
    const r = await timedRun(command, args, { timeoutMs: 10_000 })
    return (r.stdout.trim() || r.stderr.trim()).split('\n')[0]
  } catch {
    return 'not found'
  }
}

async function shellStart(env: NodeJS.ProcessEnv): Promise<Summary> {
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    samples.push((await timedRun('bash', ['-c', 'true'], { env, timeoutMs: 10_000 })).wallMs)
  }
  return summarize(samples)
}

export async function describeMachine(root: string): Promise<Machine> {
  const git = async (args: string[]) =>
    (await timedRun('git', args, { cwd: root, timeoutMs: 10_000 })).stdout.trim()
  // Bash reads ~/.bashrc for a non-interactive command when it sees it was started by sshd
  // (SSH_CLIENT set, SHLVL below 2): bash(1), INVOCATION.
  const bySshd = { ...process.env, SSH_CLIENT: '127.0.0.1 40000 22', SHLVL: '0' }
  const plain: NodeJS.ProcessEnv = { ...process.env, SHLVL: '0' }
  delete plain.SSH_CLIENT
  delete plain.SSH_CONNECTION
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    os: osName(),
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    tools: {
      rsync: (await firstLine('rsync', ['--version'])).replace(/\s+/g, ' '),
      // The client and the servers are the same OpenSSH build; sshd -V names the Debian package.
      openssh: await firstLine('/usr/sbin/sshd', ['-V']),
      bash: await firstLine('bash', ['--version'])
    },
    commit: await git(['rev-parse', 'HEAD']).catch(() => 'unknown'),
    dirty: (await git(['status', '--porcelain']).catch(() => '')) !== '',
    sshShellStartMs: { withBashrc: await shellStart(bySshd), plain: await shellStart(plain) }
  }
}
