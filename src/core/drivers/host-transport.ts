import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs'
import { open, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeExit, runProcess, type RunResult } from '../process-runner.js'
import type { HostSpec } from '../settings/deploy-settings.js'
import { diagnoseSsh, sshFix, type SshDiagnosis } from '../doctor/ssh-diagnosis.js'

/**
 * How the releases driver reaches a host. Everything it does on a host is a small fixed bash
 * script (see `hostScript`) run by `bash -s` there, with the values as positional parameters,
 * plus one rsync per release. `local` runs the same scripts on this machine, so the local and
 * the SSH path are one code path and the local tests exercise the remote logic too.
 */
export interface HostTransport {
  /** As the user wrote the host, for messages. */
  readonly label: string
  /** Opens the connection (SSH master) that every later command reuses. */
  connect(timeoutMs: number, signal?: AbortSignal): Promise<void>
  /** Runs a fixed bash function body with `args` as $1, $2, ... on the host. */
  run(body: string, args: string[], options: ScriptOptions): Promise<RunResult>
  /** Copies the contents of a local directory into `dest` on the host (see `rsyncArgs`). */
  upload(sourceDir: string, dest: string, options: UploadOptions): Promise<UploadStats>
  /** The last `maxBytes` of a file on the host, or '' when it does not exist. */
  readTail(path: string, maxBytes: number, options: ScriptOptions): Promise<string>
  /** Closes the connection; never throws. */
  close(): Promise<void>
}

export interface ScriptOptions {
  timeoutMs: number
  /**
   * Environment of the processes started on this machine (bash, ssh, rsync): set by the
   * transport from the one it was built with (the context's, every secret taken out).
   */
  env?: Record<string, string | undefined>
  signal?: AbortSignal
  /** Each line of output, for scripts whose output is shown (hooks). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void
  /** Each piece of stdout as it arrives (see PREPARE's manifest, read while the host works on). */
  onStdout?: (text: string) => void
  /**
   * Bulk data on stdin after the script, which the script reads with `cat`: bash reads a script
   * from a pipe one byte at a time, so a large argument costs a system call per byte.
   */
  payload?: string | Buffer
  /** Output kept per stream (default 1 MiB); a release's manifest takes ~100 bytes a file. */
  maxOutput?: number
}

export interface UploadOptions extends ScriptOptions {
  /** Absolute path on the host of a tree whose unchanged files are hard-linked, not sent. */
  linkDest?: string
  /**
   * Compare contents (rsync --checksum) rather than trusting size and time; default true. Off
   * only where nothing at the destination or in linkDest is to be matched (a first deploy).
   */
  checksum?: boolean
  /** A local file listing, NUL-separated, the only paths to send (rsync --files-from). */
  filesFrom?: string
}

export interface UploadStats {
  /** Bytes rsync sent (file list, checksums, data), from `--stats`. */
  bytesSent: number
  /** Regular files whose data was transferred. */
  filesTransferred: number
}

/** Thrown when a host cannot be reached or a transport command fails; names the host. */
export class HostError extends Error {
  override name = 'HostError'
  constructor(
    readonly host: string,
    message: string
  ) {
    super(`${host}: ${message}`)
  }
}

/** SSH refused or failed the connection: OpenSSH's reason, told apart, with its fix. */
export class SshConnectError extends HostError {
  override name = 'SshConnectError'
  constructor(
    host: string,
    spec: HostSpec,
    readonly diagnosis: SshDiagnosis
  ) {
    super(host, `could not connect: ${diagnosis.detail}. ${sshFix(diagnosis.kind, spec)}`)
  }
}

/**
 * Quotes one word for bash: inside single quotes nothing is special, and a single quote is
 * written as '\''. Safe for every string without a NUL byte, newlines included. Only ever used
 * for text that bash itself parses (our script on its stdin), never a login shell.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0')) throw new Error('A value for a host command contains a NUL byte.')
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * The text sent to `bash -s`: the body becomes a function, so bash has read all of it before
 * anything runs (a command that reads stdin cannot swallow the rest of the script), then the
 * function is called with the quoted values.
 */
export function hostScript(body: string, args: string[]): string {
  return `shiprail_main() {\n${body}\n}\nshiprail_main ${args.map(shellQuote).join(' ')}\n`
}

/** The script, then the payload (bytes when it is a Buffer). */
function withPayload(script: string, payload: string | Buffer | undefined): string | Buffer {
  return Buffer.isBuffer(payload)
    ? Buffer.concat([Buffer.from(script), payload])
    : script + (payload ?? '')
}

/** Reads `Total bytes sent` and `Number of regular files transferred` from rsync --stats. */
export function parseRsyncStats(output: string): UploadStats {
  const number = (label: string) => {
    const m = new RegExp(`^${label}:\\s*([\\d,.]+)`, 'm').exec(output)
    return m ? Number(m[1].replace(/[,.]/g, '')) : NaN
  }
  return {
    bytesSent: number('Total bytes sent'),
    filesTransferred: number('Number of regular files transferred')
  }
}

const TAIL_BODY = `
if [ -f "$1" ]; then tail -c "$2" -- "$1"; fi`

/**
 * -r -l -p: files, directories, symlinks as links (never followed), permissions. No -t: a CI
 * checkout gives every file a new mtime, and with --checksum (content, not size+mtime, decides
 * what is unchanged) an identical file with another mtime is still hard-linked from the live
 * release. Unchanged files thus keep the time they were first deployed.
 * Caveat of hard links (as with every link-dest deploy): a hook that edits a file in place in
 * the new release edits the same file in older releases; write new files instead.
 */
export function rsyncArgs(
  linkDest: string | undefined,
  options: Pick<UploadOptions, 'checksum' | 'filesFrom'> = {}
): string[] {
  return [
    // --files-from names every directory itself; -r would send each one's whole content.
    ...(options.filesFrom ? ['-lp', `--files-from=${options.filesFrom}`, '--from0'] : ['-rlp']),
    ...(options.checksum === false ? [] : ['--checksum']),
    '--stats',
    '--no-human-readable',
    // An I/O timeout: rsync gives up when nothing moves for this long.
    '--timeout=120',
    ...(linkDest ? [`--link-dest=${linkDest}`] : [])
  ]
}

async function runChecked(
  host: string,
  what: string,
  command: string,
  args: string[],
  input: string | Buffer | undefined,
  options: ScriptOptions
): Promise<RunResult> {
  const result = await runProcess(command, {
    args,
    input,
    // Never Shiprail's own environment: without one from the transport, nothing is inherited.
    env: options.env ?? {},
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    onLine: options.onLine,
    onStdout: options.onStdout,
    capture: true,
    captureLimit: options.maxOutput
  })
  if (result.exitCode === 255 && command === 'ssh') {
    throw new HostError(host, `SSH failed: ${lastLines(result.stderr)}`)
  }
  if (result.timedOut || result.aborted) {
    throw new HostError(host, `${what} ${describeExit(result, options.timeoutMs)}`)
  }
  return result
}

export function lastLines(text: string, count = 3): string {
  const lines = text
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  return lines.slice(-count).join(' / ') || '(no output)'
}

/** `hosts: local`: this machine's filesystem. */
export class LocalTransport implements HostTransport {
  readonly label = 'local'

  /** `env`: what the user's hooks see (RunInfo.env); undefined inherits this process's. */
  constructor(private readonly env: Record<string, string | undefined>) {}

  async connect(): Promise<void> {}

  run(body: string, args: string[], options: ScriptOptions): Promise<RunResult> {
    return runChecked(
      this.label,
      'a command',
      'bash',
      ['--noprofile', '--norc', '-s'],
      withPayload(hostScript(body, args), options.payload),
      { ...options, env: this.env }
    )
  }

  async upload(sourceDir: string, dest: string, options: UploadOptions): Promise<UploadStats> {
    const result = await runChecked(
      this.label,
      'rsync',
      'rsync',
      [...rsyncArgs(options.linkDest, options), '--', withSlash(sourceDir), withSlash(dest)],
      undefined,
      { ...options, env: this.env }
    )
    if (result.exitCode !== 0) {
      throw new HostError(
        this.label,
        `rsync exited with status ${result.exitCode}: ${lastLines(result.stderr)}`
      )
    }
    return parseRsyncStats(result.stdout)
  }

  async readTail(path: string, maxBytes: number): Promise<string> {
    try {
      const handle = await open(path, 'r')
      try {
        const { size } = await handle.stat()
        const length = Math.min(size, maxBytes)
        const buffer = Buffer.alloc(length)
        await handle.read(buffer, 0, length, size - length)
        return buffer.toString('utf8')
      } finally {
        await handle.close()
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return ''
      throw err
    }
  }

  async close(): Promise<void> {}
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`
}

/** Files SSH needs, in one private temp dir that `dispose` removes (also after a failure). */
export class SshCredentials {
  private constructor(
    readonly dir: string,
    readonly keyFile: string | undefined,
    readonly knownHostsFile: string,
    readonly strict: boolean
  ) {}

  /**
   * The key goes to a 0600 file in a 0700 dir (OpenSSH refuses keys others can read). With
   * strict checking off, known hosts go to /dev/null so nothing is trusted or remembered.
   * `tempBase` is RUNNER_TEMP inside Actions: the runner empties it after the job, so even a
   * SIGKILLed deploy does not leave the key on a self-hosted machine, and the action's post run
   * finds the directory there (see ssh-leftovers.ts).
   */
  static async create(
    sshKey: string,
    knownHosts: string,
    strict: boolean,
    tempBase?: string
  ): Promise<SshCredentials> {
    // Short and quote-free: the control sockets live here (a socket path has ~100 bytes at most)
    // and the paths go into rsync's -e string.
    const usable = (dir: string | undefined): dir is string =>
      dir !== undefined && /^[A-Za-z0-9._/-]{1,60}$/.test(dir)
    const base = usable(tempBase) ? tempBase : usable(tmpdir()) ? tmpdir() : '/tmp'
    // Synchronous (two small files): the connections start before the caller's next
    // synchronous work (the source scan) instead of after it, when a callback could run.
    const dir = mkdtempSync(join(base, SSH_DIR_PREFIX))
    try {
      let keyFile: string | undefined
      if (sshKey.trim() !== '') {
        keyFile = join(dir, 'id')
        // OpenSSH rejects a key without its final newline ("invalid format"); pasted secrets
        // often lose it, or carry CRLF line ends.
        writeFileSync(keyFile, sshKey.replace(/\r\n/g, '\n').trim() + '\n', { mode: 0o600 })
      }
      let knownHostsFile = '/dev/null'
      if (strict) {
        knownHostsFile = join(dir, 'known_hosts')
        writeFileSync(knownHostsFile, knownHosts.replace(/\r\n/g, '\n').trim() + '\n', {
          mode: 0o600
        })
      }
      return new SshCredentials(dir, keyFile, knownHostsFile, strict)
    } catch (err) {
      await rm(dir, { recursive: true, force: true })
      throw err
    }
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }
}

/** Name prefix of the per-deploy directory holding the key and the control sockets. */
export const SSH_DIR_PREFIX = 'shiprail-ssh-'
/** Name prefix of the control sockets inside it. */
export const CONTROL_SOCKET_PREFIX = 'cm-'

const CONNECT_TIMEOUT_S = 10
/** The master stays this long after the last command, so a killed deploy leaves no process. */
const CONTROL_PERSIST_S = 120

/**
 * A remote host over the system's OpenSSH client. `connect` starts one master connection
 * (ControlMaster); every later ssh and rsync goes through its socket, so a deploy opens one
 * TCP connection and authenticates once per host.
 */
export class SshTransport implements HostTransport {
  readonly label: string
  private readonly controlPath: string

  constructor(
    private readonly host: HostSpec,
    private readonly credentials: SshCredentials,
    index: number,
    /** Environment of ssh and rsync here (PATH, HOME, SSH_AUTH_SOCK). */
    private readonly env: Record<string, string | undefined>
  ) {
    this.label = host.label
    this.controlPath = join(credentials.dir, `${CONTROL_SOCKET_PREFIX}${index}`)
  }

  /** Options shared by every ssh process for this host (argument array, never shell text). */
  sshOptions(): string[] {
    const c = this.credentials
    return [
      '-o',
      'BatchMode=yes',
      '-o',
      `ConnectTimeout=${CONNECT_TIMEOUT_S}`,
      '-o',
      'ServerAliveInterval=15',
      '-o',
      'ServerAliveCountMax=4',
      '-o',
      `ControlPath=${this.controlPath}`,
      '-o',
      `StrictHostKeyChecking=${c.strict ? 'yes' : 'no'}`,
      '-o',
      `UserKnownHostsFile=${c.knownHostsFile}`,
      '-o',
      'GlobalKnownHostsFile=/dev/null',
      '-o',
      'LogLevel=ERROR',
      ...(c.keyFile ? ['-i', c.keyFile, '-o', 'IdentitiesOnly=yes'] : []),
      ...(this.host.port ? ['-p', String(this.host.port)] : []),
      ...(this.host.user ? ['-l', this.host.user] : [])
    ]
  }

  /**
   * `ssh -f -N -M`: ssh authenticates, then leaves a master in the background and exits. The
   * background master inherits our stderr, so stderr goes to a file: with a pipe, waiting for
   * the pipe to close would wait for the master to end.
   */
  async connect(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const logFile = `${this.controlPath}.log`
    // Opened synchronously, so that ssh is spawned in the same turn (see SshCredentials.create).
    const log = openSync(logFile, 'w', 0o600)
    let code: number | null
    try {
      code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(
          'ssh',
          [
            '-f',
            '-N',
            '-o',
            'ControlMaster=yes',
            '-o',
            `ControlPersist=${CONTROL_PERSIST_S}`,
            ...this.sshOptions(),
            '--',
            this.host.host
          ],
          { stdio: ['ignore', 'ignore', log], env: this.env }
        )
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
        const onAbort = () => child.kill('SIGKILL')
        signal?.addEventListener('abort', onAbort, { once: true })
        child.on('error', err => {
          clearTimeout(timer)
          reject(err)
        })
        child.on('exit', exitCode => {
          clearTimeout(timer)
          signal?.removeEventListener('abort', onAbort)
          resolve(exitCode)
        })
      })
    } finally {
      closeSync(log)
    }
    if (code !== 0) {
      const stderr = await readFile(logFile, 'utf8').catch(() => '')
      if (code === null)
        throw new HostError(
          this.label,
          `could not connect within ${Math.round(timeoutMs / 1000)} s`
        )
      // OpenSSH's own advice names our temporary known_hosts file, gone by the time anyone
      // reads this: say what went wrong and the fix that applies to the known-hosts input.
      throw new SshConnectError(this.label, this.host, diagnoseSsh(lastLines(stderr, 8)))
    }
  }

  private destination(): string[] {
    return [...this.sshOptions(), '-o', 'ControlMaster=no', '-T', '--', this.host.host]
  }

  run(body: string, args: string[], options: ScriptOptions): Promise<RunResult> {
    // The login shell only ever sees this fixed text; the script and its values come on stdin.
    return runChecked(
      this.label,
      'a command',
      'ssh',
      [...this.destination(), 'bash --noprofile --norc -s'],
      withPayload(hostScript(body, args), options.payload),
      { ...options, env: this.env }
    )
  }

  async upload(sourceDir: string, dest: string, options: UploadOptions): Promise<UploadStats> {
    // rsync splits -e on spaces and honours single quotes; our option values have neither
    // spaces nor quotes (SshCredentials picks a plain temp dir), the quotes are belt and braces.
    const rsh = ['ssh', ...this.sshOptions(), '-o', 'ControlMaster=no']
      .map(a => (/^[A-Za-z0-9@%+=:,./_-]+$/.test(a) ? a : `'${a}'`))
      .join(' ')
    const host = this.host.host.includes(':') ? `[${this.host.host}]` : this.host.host
    const result = await runChecked(
      this.label,
      'rsync',
      'rsync',
      [
        ...rsyncArgs(options.linkDest, options),
        // The remote path and --link-dest go over rsync's protocol, not through the remote
        // shell, so spaces or quotes in `path` stay data (rsync >= 3.0 on the host).
        '--protect-args',
        '-e',
        rsh,
        '--',
        withSlash(sourceDir),
        `${host}:${withSlash(dest)}`
      ],
      undefined,
      { ...options, env: this.env }
    )
    if (result.exitCode !== 0) {
      throw new HostError(
        this.label,
        `rsync exited with status ${result.exitCode}: ${lastLines(result.stderr)}`
      )
    }
    return parseRsyncStats(result.stdout)
  }

  async readTail(path: string, maxBytes: number, options: ScriptOptions): Promise<string> {
    const result = await this.run(TAIL_BODY, [path, String(maxBytes)], options)
    if (result.exitCode !== 0) {
      throw new HostError(this.label, `could not read ${path}: ${lastLines(result.stderr)}`)
    }
    return result.stdout
  }

  async close(): Promise<void> {
    await runProcess('ssh', {
      args: [...this.sshOptions(), '-O', 'exit', '--', this.host.host],
      timeoutMs: 10_000,
      env: this.env,
      capture: true
    }).catch(() => undefined)
  }
}
