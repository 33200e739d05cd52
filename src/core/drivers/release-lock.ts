import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import type { Clock, Logger } from '../context.js'
import { CheckFailedError } from '../errors.js'
import type { RunResult } from '../process-runner.js'
import { HostError, lastLines, type HostTransport } from './host-transport.js'

/**
 * The deploy lock: the file `<path>/.shiprail/lock`, holding one JSON object. It is created
 * whole or not at all: the content goes to a private temp file, then `ln` makes the hard link
 * `lock`, which fails when `lock` exists (link(2) is atomic, also on NFS).
 *
 * Stale rule: a lock is taken over (with a warning) when
 * - it was taken on this machine (same host name and boot id) and that process is gone, or
 * - it is older than LOCK_MAX_AGE_MS (6 h: longer than a GitHub-hosted job may run), which
 *   covers a runner that vanished with the lock held.
 * Anything else is a live deploy: fail at once naming it, or wait up to `lock-timeout`.
 */
export const LOCK_MAX_AGE_MS = 6 * 3600 * 1000

export interface LockInfo {
  /** Who started the deploy (the run's actor). */
  holder: string
  /** Run that holds the lock. */
  runUrl: string
  /** Process id of the deploying process, on `host`. */
  pid: number
  /** Machine the deploy runs on (the runner), not the target host. */
  host: string
  /** Boot id of that machine, so a reused host name or a reboot does not fool the pid check. */
  bootId: string
  /** ISO 8601 UTC. */
  since: string
  /** Random; only the holder of the token removes the lock. */
  token: string
}

export interface Machine {
  host: string
  bootId: string
}

export function currentMachine(): Machine {
  let bootId = ''
  try {
    bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    // Not Linux: the host name alone identifies the machine.
  }
  return { host: hostname(), bootId }
}

export function newLockInfo(
  holder: string | undefined,
  runUrl: string | undefined,
  now: Date
): LockInfo {
  const machine = currentMachine()
  return {
    holder: holder || 'unknown',
    runUrl: runUrl || '',
    pid: process.pid,
    host: machine.host,
    bootId: machine.bootId,
    since: now.toISOString(),
    token: randomBytes(12).toString('hex')
  }
}

export function parseLockInfo(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>
    if (typeof v.since !== 'string' || typeof v.pid !== 'number') return undefined
    return {
      holder: String(v.holder ?? 'unknown'),
      runUrl: String(v.runUrl ?? ''),
      pid: v.pid,
      host: String(v.host ?? ''),
      bootId: String(v.bootId ?? ''),
      since: v.since,
      token: String(v.token ?? '')
    }
  } catch {
    return undefined
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists, it is just not ours.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Why a lock is stale, or undefined when its holder may still be working. Pure. */
export function staleReason(
  info: LockInfo,
  self: Machine,
  now: Date,
  isAlive: (pid: number) => boolean,
  maxAgeMs = LOCK_MAX_AGE_MS
): string | undefined {
  const since = Date.parse(info.since)
  if (info.host === self.host && info.bootId === self.bootId && !isAlive(info.pid)) {
    return `its process ${info.pid} on ${info.host} is gone`
  }
  if (Number.isFinite(since) && now.getTime() - since > maxAgeMs) {
    return `it is older than ${Math.round(maxAgeMs / 3600_000)} h`
  }
  return undefined
}

export function describeLock(info: LockInfo | undefined, raw: string): string {
  if (!info) return `an unreadable lock (${JSON.stringify(raw.slice(0, 200))})`
  return `${info.holder}${info.runUrl ? ` (${info.runUrl})` : ''} since ${info.since} (pid ${info.pid} on ${info.host})`
}

/*
 * Move the stale lock aside, and check that what was moved is the lock we judged stale: if
 * another deploy took it over in between, we moved a live lock, so we put it back.
 */
const TAKE_OVER = `
set -u
cd -- "$1/.shiprail" || exit 1
moved="lock.stale-$4"
if ! mv -- lock "$moved" 2>/dev/null; then echo gone; exit 0; fi
if [ "$(cat -- "$moved")" != "$2" ]; then
  ln -- "$moved" lock 2>/dev/null
  rm -f -- "$moved"
  echo held
  cat lock 2>/dev/null
  exit 0
fi
rm -f -- "$moved"
echo gone`

const RELEASE = `
cd -- "$1/.shiprail" 2>/dev/null || exit 0
if grep -qF -- "$2" lock 2>/dev/null; then rm -f -- lock; fi
exit 0`

export interface LockOptions {
  /** Seconds to wait for another deploy's lock; 0 fails at once. */
  timeoutSeconds: number
  logger: Logger
  clock: Clock
  signal?: AbortSignal
  /** Injectable for tests. */
  isAlive?: (pid: number) => boolean
  machine?: Machine
}

/** Exit status of the lock scripts when the deploy user cannot write under the deploy path. */
const UNWRITABLE = 3

/**
 * The error for a lock script that failed: a path the deploy user cannot write is said as
 * such (with the fix), not as a lock problem.
 */
function lockScriptError(label: string, root: string, result: RunResult): HostError {
  const said = lastLines(result.stderr || result.stdout)
  if (result.exitCode === UNWRITABLE) {
    return new HostError(
      label,
      `cannot write to ${root}/.shiprail (${said}): the deploy user needs a writable path; create ${root} owned by the deploy user (docs/hosts.md) or set path to one it can write`
    )
  }
  return new HostError(label, `could not take the lock: ${said}`)
}

const SCRIPT_TIMEOUT_MS = 60_000
const POLL_MS = 2000

/**
 * Moves a lock judged stale out of the way (TAKE_OVER): undefined when it is gone and the
 * caller may try again, else the content of the lock that holds it now.
 */
async function takeOver(
  transport: HostTransport,
  root: string,
  stale: string,
  info: LockInfo,
  options: LockOptions
): Promise<string | undefined> {
  const result = await transport.run(TAKE_OVER, [root, stale, JSON.stringify(info), info.token], {
    timeoutMs: SCRIPT_TIMEOUT_MS,
    signal: options.signal
  })
  if (result.exitCode !== 0) {
    throw new HostError(transport.label, `could not take the lock: ${lastLines(result.stderr)}`)
  }
  const [first, ...rest] = result.stdout.split('\n')
  if (first === 'gone') return undefined
  if (first === 'held') return rest.join('\n').trim()
  throw new HostError(
    transport.label,
    `unexpected answer from the lock: ${lastLines(result.stdout)}`
  )
}

/** Removes the lock if it is still ours. Never throws; a failure is a warning. */
export async function releaseLock(
  transport: HostTransport,
  root: string,
  info: LockInfo,
  logger: Logger
): Promise<void> {
  try {
    const result = await transport.run(RELEASE, [root, info.token], {
      timeoutMs: SCRIPT_TIMEOUT_MS
    })
    if (result.exitCode !== 0) throw new Error(lastLines(result.stderr))
  } catch (err) {
    logger.warning(
      `${transport.label}: could not remove the lock ${root}/.shiprail/lock (${err instanceof Error ? err.message : String(err)}); the next deploy will report it.`
    )
  }
}

/** A script run on a host in the same command that takes its lock, once the lock is ours. */
export interface LockFollowUp {
  body: string
  args: string[]
  /** Its output kept, when it may print more than the default 1 MiB (ScriptOptions). */
  maxOutput?: number
  /** Its output as it arrives (ScriptOptions.onStdout). */
  onStdout?: (text: string) => void
}

/**
 * Takes the lock, then runs the caller's script (if any) in the same command, so locking and
 * preparing cost one SSH command.
 */
function acquireThen(body: string): string {
  return `
shiprail_then() {
${body}
}
set -u
start=$PWD
mkdir -p -- "$1/.shiprail" && cd -- "$1/.shiprail" || exit 3
if [ -d lock ]; then echo "$1/.shiprail/lock is a directory" >&2; exit 2; fi
tmp="lock.new-$3"
printf '%s\\n' "$2" > "$tmp" || exit 3
if ln -- "$tmp" lock 2>/dev/null; then
  rm -f -- "$tmp"
  echo acquired
  cd -- "$start" || exit 1
  shift 3
  shiprail_then "$@"
  exit $?
fi
rm -f -- "$tmp"
echo held
cat lock 2>/dev/null
exit 0`
}

type Attempt = { acquired: true; result: RunResult } | { acquired: false; holder: string }

/** A host and the state directory whose lock is taken there. */
export interface LockTarget {
  transport: HostTransport
  root: string
}

/** One try at one host's lock, taking over a stale lock on the way (see staleReason). */
async function tryLock(
  { transport, root }: LockTarget,
  info: LockInfo,
  options: LockOptions,
  then: LockFollowUp = { body: ':', args: [] }
): Promise<Attempt> {
  const json = JSON.stringify(info)
  const self = options.machine ?? currentMachine()
  const isAlive = options.isAlive ?? pidAlive
  const body = acquireThen(then.body)
  for (let attempt = 0; ; attempt++) {
    const result = await transport.run(body, [root, json, info.token, ...then.args], {
      timeoutMs: SCRIPT_TIMEOUT_MS,
      signal: options.signal,
      maxOutput: then.maxOutput,
      onStdout: then.onStdout
    })
    // The first line says which; PREPARE's answer after it may hold a megabyte of manifest.
    const eol = result.stdout.indexOf('\n')
    const first = eol < 0 ? result.stdout : result.stdout.slice(0, eol)
    const rest = eol < 0 ? '' : result.stdout.slice(eol + 1)
    if (first === 'acquired') return { acquired: true, result: { ...result, stdout: rest } }
    if (result.exitCode !== 0 || first !== 'held')
      throw lockScriptError(transport.label, root, result)
    const held = rest.trim()
    // The lock vanished between our try and our read: try again.
    if (held === '' && attempt < 5) continue
    const current = parseLockInfo(held)
    const stale = current && staleReason(current, self, options.clock.now(), isAlive)
    if (current && stale && attempt < 5) {
      options.logger.warning(
        `${transport.label}: taking over the stale lock of ${describeLock(current, held)}: ${stale}.`
      )
      const after = await takeOver(transport, root, held, info, options)
      if (after === undefined) continue
      return { acquired: false, holder: describeLock(parseLockInfo(after), after) }
    }
    return { acquired: false, holder: describeLock(current, held) }
  }
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i]) }
      } catch (reason) {
        results[i] = { status: 'rejected', reason }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * How long the holder of the first host waits for the others beyond lock-timeout: a deploy
 * that lost the first host lets go of the others within a round trip or two.
 */
const GATE_GRACE_MS = 5000
const BACKOFF_MS = 250

export interface LocksOptions extends LockOptions {
  /** Hosts worked on at once. */
  parallel: number
  /** Run on each host right after its lock is taken, in the same command. */
  then?: (transport: HostTransport) => LockFollowUp
}

/**
 * Takes the lock of each target's root on every host at once, each in one command with its
 * follow-up script (if any), and returns each host's result (its follow-up's output). Two
 * deploys started together must not each hold some hosts and wait for the rest forever, so the
 * hosts have a fixed order (by label) and the first one decides: a deploy that did not get it
 * lets go of every lock it took and backs off (with jitter) until lock-timeout; the one that got
 * it keeps its locks and retries the hosts it missed, for up to GATE_GRACE_MS longer. Exactly
 * one of two deploys to the same hosts proceeds. On failure no lock of ours is left; on success
 * the caller releases them.
 */
export async function acquireLocks(
  targets: LockTarget[],
  info: LockInfo,
  options: LocksOptions
): Promise<Map<HostTransport, RunResult>> {
  const order = [...targets].sort((a, b) => a.transport.label.localeCompare(b.transport.label))
  const gate = order[0]
  const held = new Map<LockTarget, RunResult>()
  const started = options.clock.now().getTime()
  const deadline = started + options.timeoutSeconds * 1000
  const letGo = async () => {
    const ours = [...held.keys()]
    held.clear()
    await mapLimit(ours, options.parallel, t =>
      releaseLock(t.transport, t.root, info, options.logger)
    )
  }
  let waitingSaid = false
  try {
    for (;;) {
      const todo = order.filter(t => !held.has(t))
      const outcomes = await mapLimit(todo, options.parallel, t =>
        tryLock(t, info, options, options.then?.(t.transport))
      )
      let blocked: { target: LockTarget; holder: string } | undefined
      let failure: unknown
      outcomes.forEach((o, i) => {
        if (o.status === 'rejected') failure ??= o.reason
        else if (o.value.acquired) held.set(todo[i], o.value.result)
        else blocked ??= { target: todo[i], holder: o.value.holder }
      })
      if (failure !== undefined) throw failure
      if (!blocked) return new Map([...held].map(([t, result]) => [t.transport, result]))
      const haveGate = held.has(gate)
      if (!haveGate) await letGo()
      const now = options.clock.now().getTime()
      if (now >= (haveGate ? Math.max(deadline, started + GATE_GRACE_MS) : deadline)) {
        const waited =
          options.timeoutSeconds > 0 ? ` after waiting ${options.timeoutSeconds} s` : ''
        const { transport, root } = blocked.target
        throw new CheckFailedError(
          `${transport.label}: ${root} is locked by another deploy${waited}: ${blocked.holder}. ` +
            `Set lock-timeout to wait for it; if no deploy is running, remove ${root}/.shiprail/lock.`
        )
      }
      if (!waitingSaid && now < deadline) {
        options.logger.info(
          `${blocked.target.transport.label}: waiting up to ${options.timeoutSeconds} s for the lock of ${blocked.holder}`
        )
        waitingSaid = true
      }
      const pause = haveGate ? BACKOFF_MS : Math.min(POLL_MS, deadline - now)
      await options.clock.sleep(
        Math.max(1, Math.round(pause * (0.5 + Math.random()))),
        options.signal
      )
    }
  } catch (err) {
    await letGo()
    throw err
  }
}
