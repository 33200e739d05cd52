import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Context } from '../context.js'
import { CheckFailedError, UserError } from '../errors.js'
import { describeExit, type RunResult } from '../process-runner.js'
import type { ReleasesDriverSettings } from '../settings/deploy-settings.js'
import { hookVariables, type Driver, type DriverOutcome, type DriverRequest } from './driver.js'
import {
  afterSwitchAll,
  connectFleet,
  fleetWarmer,
  warnIfKeysUnverified,
  type OpenFleet
} from './host-fleet.js'
import { HostError, lastLines } from './host-transport.js'
import {
  parseHistory,
  pickRollbackRelease,
  releaseName,
  releasesToPrune,
  type HistoryEntry
} from './release-history.js'
import { acquireLocks, newLockInfo, releaseLock } from './release-lock.js'
import {
  hashSource,
  planUpload,
  type FileFacts,
  type LiveManifest,
  type UploadPlan
} from './release-manifest.js'
import {
  failIfAny,
  forEachHost,
  hostMessage,
  requireOk,
  timed,
  type HostState,
  type Settled
} from './release-phases.js'
import { HOOK, PREPARE } from './release-scripts.js'
import { bytesNeeded, explainUploadFailure, requireSpace } from './release-space.js'
import { releaseSwitcher, switchRecordArgs, type HistoryWrite } from './release-switch.js'
import { releasesPlan } from './release-plan.js'
import { prepareSource, requireTool, type PreparedSource } from './release-source.js'
import { parsePrepared, uploadRelease, watchManifest } from './release-upload.js'

export { pickRollbackRelease, releasesToPrune } from './release-history.js'
export { checkReleaseTree, symlinkStaysInside } from './release-source.js'

const SCRIPT_TIMEOUT_MS = 60_000
/** before-switch / after-switch have no input for a limit yet; an hour bounds a hung hook. */
const HOOK_TIMEOUT_MS = 3600_000
/** History is read from its tail; old lines only matter for releases long pruned. */
const HISTORY_TAIL_BYTES = 512 * 1024
/** PREPARE prints the live manifest (~100 bytes a file): room for 2 million files. */
const PREPARE_OUTPUT_BYTES = 256 * 1024 * 1024

/** `driver: releases`: release directories switched by a symlink, on this machine or over SSH. */
export function createReleasesDriver(settings: ReleasesDriverSettings): Driver {
  const root = settings.path
  const remote = settings.hosts.some(h => !h.local)
  const { record, switchAll } = releaseSwitcher(root, settings.parallel)
  const hookEnv = hookVariables
  const sharedPaths = settings.shared.map(s => s.path)
  /** The source as preflight scanned it, when apply can use that scan. */
  let checked: PreparedSource | undefined
  const newHost = (transport: HostState['transport'], spec: { label: string }): HostState => ({
    transport,
    report: { host: spec.label, phases: {} },
    releasesDir: `${root}/releases`,
    dirs: [],
    history: [],
    uploadStarted: false,
    switchTried: false
  })
  const warmFleet = fleetWarmer(settings, newHost)

  /** Reads what PREPARE reported with the lock (see acquireLocks). */
  function prepared(
    host: HostState,
    result: Parameters<typeof requireOk>[2],
    manifests: Map<string, LiveManifest | undefined>
  ): void {
    requireOk(host, `preparing ${root}`, result, SCRIPT_TIMEOUT_MS)
    const facts = parsePrepared(result.stdout, manifests)
    if (!facts)
      throw new HostError(host.transport.label, `unexpected answer: ${lastLines(result.stdout)}`)
    host.history = parseHistory(facts.historyText)
    host.releasesDir = facts.releasesDir ?? host.releasesDir
    host.live = facts.live
    host.dirs = facts.dirs
    host.liveManifest = facts.manifest
    host.manifestProblem = facts.manifestProblem
    host.prelinked = facts.prelinked
    host.free = facts.free
  }

  async function runHook(
    host: HostState,
    release: string,
    hook: 'before-switch' | 'before-switch-once' | 'after-switch',
    request: DriverRequest,
    ctx: Context
  ): Promise<void> {
    const script = {
      'before-switch': settings.beforeSwitch,
      'before-switch-once': settings.beforeSwitchOnce,
      'after-switch': settings.afterSwitch
    }[hook]
    const result = await host.transport.run(HOOK, [root, release, script, ...hookEnv(request)], {
      timeoutMs: HOOK_TIMEOUT_MS,
      signal: ctx.signal,
      onLine: line => ctx.logger.info(ctx.secrets.redact(`[${host.transport.label}] ${line}`))
    })
    if (result.exitCode !== 0) {
      throw new HostError(host.transport.label, `${hook} ${describeExit(result, HOOK_TIMEOUT_MS)}`)
    }
  }

  async function deploy(
    hosts: HostState[],
    request: DriverRequest,
    source: PreparedSource,
    hashing: Promise<Map<string, FileFacts>>,
    plans: Map<LiveManifest, UploadPlan>,
    lockToken: string,
    ctx: Context
  ): Promise<DriverOutcome> {
    const { logger } = ctx
    const release = releaseName(
      ctx.clock.now(),
      request.version,
      hosts.flatMap(h => h.dirs)
    )
    const entry = (outcome: HistoryEntry['outcome']): HistoryEntry => ({
      release,
      version: request.version,
      ref: request.ref,
      operation: 'deploy',
      time: ctx.clock.now().toISOString(),
      outcome,
      deploymentId: request.deploymentId
    })
    for (const host of hosts) host.report.release = release
    logger.info(`Release ${release}: ${source.files} files to ${hosts.length} host(s)`)

    const abandon = async (err: unknown): Promise<never> => {
      // Cleanup must run even when the job was cancelled: no signal here.
      const started = hosts.filter(h => h.uploadStarted)
      await logger.group('Remove the unfinished release', () =>
        forEachHost(started, settings.parallel, async host => {
          await record(host, { entries: [entry('failure')], remove: [release] })
        }).then(results =>
          results.forEach((r, i) => {
            if (!r.ok)
              logger.warning(`${hostMessage(started[i], r.error)} (the next deploy removes it)`)
          })
        )
      )
      throw err
    }

    const finalWrite = (host: HostState, ok: boolean): HistoryWrite => {
      const done = entry(ok ? 'success' : 'failure')
      const remove = ok
        ? releasesToPrune(
            [...host.history, done],
            [...host.dirs, release],
            release,
            settings.keepReleases
          )
        : []
      return { entries: [done], remove }
    }
    // Without after-switch the outcome is known once the switch is: one command per host.
    // With one host that command also unlocks: no other host's failed switch can then ask
    // it to switch back (with more hosts, that needs the lock until all are switched).
    const hooked = settings.afterSwitch.trim() !== ''
    const unlock = hosts.length === 1 ? lockToken : undefined
    // Made once per host: a switch folded into the upload and switchAll's log use the same one.
    const writes = new Map<HostState, HistoryWrite>()
    const recordOf = (host: HostState): HistoryWrite => {
      let write = writes.get(host)
      if (!write) writes.set(host, (write = { ...finalWrite(host, true), unlock }))
      return write
    }
    const everyHost = settings.beforeSwitch.trim() !== ''
    const once = settings.beforeSwitchOnce.trim() !== ''
    // One host and no hooks: nothing happens between its upload and its switch, so an in-band
    // upload switches in the same command (see LINK_AND_SWITCH); switchAll reads its answer.
    const ran = new Map<HostState, RunResult>()
    const fold = hosts.length === 1 && !hooked && !everyHost && !once

    requireSpace(hosts, source.entries)
    const notSwitched = 'No host was switched; every host still serves its old release.'
    const workDir = await mkdtemp(join(tmpdir(), 'shiprail-upload-'))
    let switched = false
    try {
      const uploaded = await logger.group(`Upload release ${release}`, () =>
        forEachHost(hosts, settings.parallel, host =>
          timed(host, 'upload', () =>
            uploadRelease(host, hosts.indexOf(host), {
              root,
              release,
              source,
              facts: hashing,
              shared: settings.shared,
              plans,
              workDir,
              signal: ctx.signal,
              logger,
              thenSwitch: fold ? { args: switchRecordArgs(recordOf(host)), ran } : undefined
            }).catch(err => explainUploadFailure(host, root, source.entries, ctx.signal, err))
          )
        )
      )
      failIfAny(hosts, uploaded, 'Upload', notSwitched)

      let waiting = hosts
      if (once) {
        // Migrations: once, on the first host, where before-switch has installed what they
        // need, and before any other host's before-switch can start using the new schema.
        const [first, ...others] = hosts
        waiting = others
        const once = await logger.group(`before-switch-once on ${first.transport.label}`, () =>
          forEachHost([first], 1, async host => {
            if (everyHost)
              await timed(host, 'before-switch', () =>
                runHook(host, release, 'before-switch', request, ctx)
              )
            await timed(host, 'before-switch-once', () =>
              runHook(host, release, 'before-switch-once', request, ctx)
            )
          })
        )
        failIfAny([first], once, 'before-switch-once', notSwitched)
      }
      if (everyHost && waiting.length) {
        const ready = await logger.group('before-switch', () =>
          forEachHost(waiting, settings.parallel, host =>
            timed(host, 'before-switch', () =>
              runHook(host, release, 'before-switch', request, ctx)
            )
          )
        )
        failIfAny(waiting, ready, 'before-switch', notSwitched)
      }
      if (ctx.signal.aborted && ran.size === 0)
        throw new CheckFailedError(
          'The deploy was cancelled before the switch; no host was switched.'
        )
      await switchAll(hosts, () => release, ctx, hooked ? undefined : recordOf, ran)
      switched = true
      if (!hooked) return { release, hosts: hosts.map(h => h.report) }

      const after = await afterSwitch(hosts, () => release, request, ctx)
      await logger.group('Record history and prune', () =>
        forEachHost(hosts, settings.parallel, async host => {
          const write = finalWrite(host, after.ok)
          if (write.remove.length)
            logger.info(`${host.transport.label}: removing ${write.remove.join(', ')}`)
          await record(host, write)
        }).then(results =>
          results.forEach((r, i) => {
            if (!r.ok) logger.warning(hostMessage(hosts[i], r.error))
          })
        )
      )
      if (!after.ok) throw after.error
      return { release, hosts: hosts.map(h => h.report) }
    } catch (err) {
      if (!switched) return abandon(err)
      throw err
    } finally {
      await rm(workDir, { recursive: true, force: true })
    }
  }

  function afterSwitch(
    hosts: HostState[],
    releaseOf: (host: HostState) => string,
    request: DriverRequest,
    ctx: Context
  ): Promise<Settled> {
    return afterSwitchAll(settings.afterSwitch, hosts, settings.parallel, ctx, 'release', host =>
      runHook(host, releaseOf(host), 'after-switch', request, ctx)
    )
  }

  async function rollback(
    hosts: HostState[],
    request: DriverRequest,
    ctx: Context
  ): Promise<DriverOutcome> {
    const problems: string[] = []
    for (const host of hosts) {
      const pick = pickRollbackRelease(host.history, request.version, host.dirs)
      if (pick.ok) host.target = pick.release
      else problems.push(`${host.transport.label}: ${pick.reason}`)
      host.report.release = host.target
    }
    if (problems.length > 0) {
      throw new CheckFailedError(
        `Cannot roll back to ${request.version}: ${problems.join('; ')}. Nothing was changed.`
      )
    }
    for (const host of hosts) {
      ctx.logger.info(`${host.transport.label}: ${host.live ?? '(nothing live)'} -> ${host.target}`)
    }
    await switchAll(hosts, host => host.target!, ctx)
    const after = await afterSwitch(hosts, host => host.target!, request, ctx)
    const time = ctx.clock.now().toISOString()
    await ctx.logger.group('Record history', () =>
      forEachHost(hosts, settings.parallel, async host => {
        const entries: HistoryEntry[] = []
        const from = host.live
        if (from && from !== host.target) {
          const fromVersion =
            [...host.history].reverse().find(e => e.release === from)?.version ??
            request.previousVersion ??
            ''
          entries.push({
            release: from,
            version: fromVersion,
            ref: '',
            operation: 'rollback',
            time,
            outcome: 'rolled-back',
            deploymentId: request.deploymentId,
            bad: true
          })
        }
        entries.push({
          release: host.target!,
          version: request.version,
          ref: request.ref,
          operation: 'rollback',
          time,
          outcome: after.ok ? 'success' : 'failure',
          deploymentId: request.deploymentId,
          ...(from && from !== host.target ? { rollbackOf: from } : {})
        })
        await record(host, { entries, remove: [] })
      }).then(results =>
        results.forEach((r, i) => {
          if (!r.ok) ctx.logger.warning(hostMessage(hosts[i], r.error))
        })
      )
    )
    if (!after.ok) throw after.error
    return { release: hosts[0]?.target, hosts: hosts.map(h => h.report) }
  }

  return {
    name: 'releases',

    warm(ctx: Context): void {
      if (remote) warmFleet.warm(ctx)
    },

    dispose: () => warmFleet.dispose(),

    async preflight(ctx: Context): Promise<void> {
      ctx.secrets.add(settings.sshKey)
      warnIfKeysUnverified(settings, ctx.logger)
      if (settings.sharedPathsInput)
        ctx.logger.warning(
          'shared-paths is deprecated: list files in shared-files and directories in shared-dirs (here an entry ending in / is a directory, any other a file).'
        )
      if (remote) await requireTool('ssh', 'to reach remote hosts', ctx.run.env)
      if (settings.source) {
        await requireTool('rsync', 'to upload releases', ctx.run.env)
        const source = await prepareSource(
          resolve(ctx.run.workspace, settings.source),
          ctx.signal,
          ctx.run.env
        )
        // The deploy that follows reads the same directory: its scan is not repeated. An
        // extracted archive is removed now, so that no path that skips apply leaves it behind.
        if (source.inPlace) checked = source
        else await source.cleanup()
      }
    },

    plan: request => releasesPlan(settings, request),

    async apply(request: DriverRequest, ctx: Context): Promise<DriverOutcome> {
      ctx.secrets.add(settings.sshKey)
      const { logger } = ctx
      let source: PreparedSource | undefined
      let hashing: Promise<Map<string, FileFacts>> | undefined
      const stopHashing = new AbortController()
      let fleet: OpenFleet<HostState> | undefined
      try {
        if (request.operation === 'deploy') {
          if (!settings.source)
            throw new UserError(`Input 'source' is required to deploy with driver: releases.`)
          source =
            checked ??
            (await prepareSource(
              resolve(ctx.run.workspace, settings.source),
              ctx.signal,
              ctx.run.env
            ))
          checked = undefined
        }
        fleet = await connectFleet(settings, ctx, newHost, await warmFleet.take())
        const { hosts } = fleet

        const lock = newLockInfo(ctx.run.actor, ctx.run.runUrl, ctx.clock.now())
        const started = Date.now()
        // Hashing starts with the first live manifest a host prints, before its disk check ends
        // (see watchManifest); awaited only where needed, stopped if the deploy ends.
        const manifests = new Map<string, LiveManifest | undefined>()
        const plans = new Map<LiveManifest, UploadPlan>()
        const startHashing = (known?: LiveManifest) => {
          if (!source || hashing) return
          const { dir, entries } = source
          const hashStart = Date.now()
          const stop = AbortSignal.any([ctx.signal, stopHashing.signal])
          hashing = hashSource(dir, entries, stop, known)
          hashing.then(
            facts => {
              logger.info(`Source hashed in ${Date.now() - hashStart} ms`)
              // The upload plan against the manifest just printed, made while the host still
              // checks its disk; used only if the host then vouches for that manifest.
              if (known && !plans.has(known)) {
                plans.set(known, planUpload(entries, facts, known, sharedPaths))
                // And the space it needs, which bytesNeeded remembers for requireSpace.
                bytesNeeded(entries, undefined, known)
              }
            },
            () => undefined
          )
        }
        const results = await logger.group('Lock', () =>
          acquireLocks(
            hosts.map(h => ({ transport: h.transport, root })),
            lock,
            {
              timeoutSeconds: settings.lockTimeoutSeconds,
              logger,
              clock: ctx.clock,
              signal: ctx.signal,
              parallel: settings.parallel,
              then: () => ({
                body: PREPARE,
                maxOutput: PREPARE_OUTPUT_BYTES,
                onStdout: source ? watchManifest(manifests, startHashing) : undefined,
                args: [
                  root,
                  String(HISTORY_TAIL_BYTES),
                  request.operation === 'deploy' ? 'manifest' : ''
                ]
              })
            }
          )
        )
        try {
          for (const host of hosts) host.report.phases.lock = Date.now() - started
          const inspected = await forEachHost(hosts, settings.parallel, async host =>
            prepared(host, results.get(host.transport)!, manifests)
          )
          failIfAny(hosts, inspected, 'Preparing', 'Nothing was changed.')
          startHashing(hosts.find(h => h.liveManifest)?.liveManifest)
          return request.operation === 'rollback'
            ? await rollback(hosts, request, ctx)
            : await deploy(hosts, request, source!, hashing!, plans, lock.token, ctx)
        } finally {
          const locked = hosts.filter(h => !h.unlocked)
          await forEachHost(locked, settings.parallel, host =>
            releaseLock(host.transport, root, lock, logger)
          )
        }
      } finally {
        stopHashing.abort()
        await fleet?.close()
        await source?.cleanup()
      }
    }
  }
}
