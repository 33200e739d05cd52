import { resolve } from 'node:path'
import { httpProbe } from '../checks/http-probe.js'
import type { Context } from '../context.js'
import { errorMessage } from '../errors.js'
import {
  HostError,
  SshConnectError,
  lastLines,
  LocalTransport,
  SshCredentials,
  SshTransport,
  type HostTransport
} from '../drivers/host-transport.js'
import { currentMachine, pidAlive } from '../drivers/release-lock.js'
import { failed, hostChecks, passed, type DoctorCheck } from '../doctor/host-checks.js'
import { parseProbe, PROBE_HISTORY_BYTES, PROBE_SCRIPT } from '../doctor/host-probe.js'
import { releaseSize } from '../doctor/release-size.js'
import { diagnoseSsh, sshFix } from '../doctor/ssh-diagnosis.js'
import type { HostSpec } from '../settings/deploy-settings.js'
import type { DoctorSettings } from '../settings/doctor-settings.js'

export interface DoctorHost {
  /** The host as written in `hosts`, or the URL for the URL check. */
  host: string
  checks: DoctorCheck[]
}

/** The JSON shape: `{ ok, hosts: [ { host, checks: [ { name, ok, detail, fix } ] } ] }`. */
export interface DoctorResult {
  ok: boolean
  hosts: DoctorHost[]
}

const CONNECT_TIMEOUT_MS = 30_000
const PROBE_TIMEOUT_MS = 30_000
const URL_TIMEOUT_MS = 10_000
/** Hosts checked at once, as the releases driver's default `parallel`. */
const PARALLEL = 10

/**
 * `shiprail doctor`: checks, read-only, that every host is ready for a deploy (SSH, host key,
 * programs, path, disk, lock, what is live) and that `url` answers. It reuses the deploy's own
 * SSH transport, lock rules and history parser, so it sees the hosts as a deploy will.
 */
export async function doctor(settings: DoctorSettings, ctx: Context): Promise<DoctorResult> {
  ctx.secrets.add(settings.sshKey)
  const releaseBytes = settings.source
    ? await releaseSize(resolve(ctx.run.workspace, settings.source))
    : undefined
  const programs = ['bash', 'rsync', 'tar', ...(settings.driver === 'containers' ? ['docker'] : [])]
  const env = ctx.run.env
  const remote = settings.hosts.some(h => !h.local)
  const credentials = remote
    ? await SshCredentials.create(
        settings.sshKey,
        settings.knownHosts,
        settings.strictHostKeyChecking,
        ctx.run.tempDir
      )
    : undefined
  try {
    const hosts: DoctorHost[] = settings.hosts.map(h => ({ host: h.label, checks: [] }))
    let next = 0
    const worker = async () => {
      for (let i = next++; i < settings.hosts.length; i = next++) {
        const spec = settings.hosts[i]
        const transport = spec.local
          ? new LocalTransport(env)
          : new SshTransport(spec, credentials!, i, env)
        hosts[i].checks = await checkHost(
          spec,
          transport,
          settings,
          { programs, releaseBytes },
          ctx
        )
        const problems = hosts[i].checks.filter(c => !c.ok).map(c => c.name)
        ctx.logger.info(
          `${spec.label}: ${problems.length ? `problems: ${problems.join(', ')}` : 'ready'}`
        )
      }
    }
    // One group for all hosts: they are checked at once, so per-host groups would interleave.
    await ctx.logger.group('Check hosts (read-only)', () =>
      Promise.all(Array.from({ length: Math.min(PARALLEL, hosts.length) }, worker))
    )
    if (settings.url)
      hosts.push({ host: settings.url, checks: [await urlCheck(settings.url, ctx)] })
    return { ok: hosts.every(h => h.checks.every(c => c.ok)), hosts }
  } finally {
    await credentials?.dispose()
  }
}

async function checkHost(
  spec: HostSpec,
  transport: HostTransport,
  settings: DoctorSettings,
  needs: { programs: string[]; releaseBytes?: number },
  ctx: Context
): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = []
  try {
    if (!spec.local) {
      const trouble = await connect(spec, transport, ctx.signal)
      checks.push(...sshChecks(spec, settings, trouble))
      if (trouble) return checks
    }
    const result = await transport.run(
      PROBE_SCRIPT,
      [settings.path, String(PROBE_HISTORY_BYTES), ...needs.programs],
      { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal }
    )
    // The login shell could not start bash: nothing else can be learnt, and nothing deploys.
    if (result.exitCode === 127) {
      checks.push(
        failed(
          'programs',
          `bash not found on the host (${result.stderr.trim().split('\n').pop() ?? ''})`,
          'Install bash on the host (Debian/Ubuntu: sudo apt-get install -y bash rsync tar).'
        )
      )
      return checks
    }
    if (result.exitCode !== 0) {
      checks.push(
        failed(
          'probe',
          `the read-only check script failed (exit ${result.exitCode}): ${lastLines(`${result.stderr}\n${result.stdout}`)}`,
          "The host's shell failed the command: the login user needs a real shell (not nologin); see the error."
        )
      )
      return checks
    }
    checks.push(
      ...hostChecks(parseProbe(result.stdout), {
        driver: settings.driver === 'containers' ? 'containers' : 'releases',
        programs: needs.programs,
        releaseBytes: needs.releaseBytes,
        now: ctx.clock.now(),
        machine: currentMachine(),
        isAlive: pidAlive
      })
    )
  } catch (err) {
    checks.push(
      failed('probe', errorMessage(err), 'Check the connection to the host and run doctor again.')
    )
  } finally {
    await transport.close()
  }
  return checks
}

/** Connects; returns undefined on success, else what went wrong in OpenSSH's words. */
async function connect(
  spec: HostSpec,
  transport: HostTransport,
  signal: AbortSignal
): Promise<string | undefined> {
  try {
    await transport.connect(CONNECT_TIMEOUT_MS, signal)
    return undefined
  } catch (err) {
    if (err instanceof SshConnectError) return err.diagnosis.detail
    const message = errorMessage(err)
    return err instanceof HostError
      ? message.slice(spec.label.length + 2).replace(/^could not connect:\s*/, '')
      : message
  }
}

/**
 * Three checks from one connect: reachable, host key, authentication. A failure at one stage
 * says nothing about the later ones, so they are left out rather than guessed.
 */
function sshChecks(
  spec: HostSpec,
  settings: DoctorSettings,
  trouble: string | undefined
): DoctorCheck[] {
  const hostKeyOk = settings.strictHostKeyChecking
    ? passed('host-key', 'matches known-hosts')
    : passed('host-key', 'not verified: ssh-strict-host-key-checking is false')
  if (trouble === undefined) {
    return [
      passed('ssh', `reachable on port ${spec.port ?? 22}`),
      hostKeyOk,
      passed('ssh-auth', `logged in${spec.user ? ` as ${spec.user}` : ''} with the key`)
    ]
  }
  const { kind, detail } = diagnoseSsh(trouble)
  const fix = sshFix(kind, spec)
  if (kind === 'unreachable') return [failed('ssh', `cannot connect: ${detail}`, fix)]
  const reachable = passed('ssh', `reachable on port ${spec.port ?? 22}`)
  if (kind === 'auth-refused')
    return [reachable, hostKeyOk, failed('ssh-auth', `refused: ${detail}`, fix)]
  const what = kind === 'host-key-changed' ? 'changed' : 'unknown'
  return [reachable, failed('host-key', `${what}: ${detail}`, fix)]
}

async function urlCheck(url: string, ctx: Context): Promise<DoctorCheck> {
  const answer = await httpProbe({
    url,
    method: 'GET',
    timeoutMs: URL_TIMEOUT_MS,
    signal: ctx.signal
  })
  if (answer.type === 'error') {
    return failed(
      'url',
      `no answer: ${answer.message}`,
      'Check that the service runs on the host (systemctl status), that nginx proxies to it, and that the URL is the public one (docs/hosts.md).'
    )
  }
  const detail = `${answer.status} in ${answer.latencyMs} ms${answer.redirects ? ` after ${answer.redirects} redirect(s) to ${answer.url}` : ''}`
  if (answer.status >= 400) {
    return failed(
      'url',
      detail,
      answer.status >= 500
        ? "The app or the proxy fails: read the service's log (journalctl -u <unit>) and nginx's error log."
        : 'The URL answers but not with success: check its path and any authentication.'
    )
  }
  return passed('url', detail)
}
