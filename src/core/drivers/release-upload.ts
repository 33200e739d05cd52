import { statSync } from 'node:fs'
import { readFile, readlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../context.js'
import type { RunResult } from '../process-runner.js'
import { HostError, lastLines } from './host-transport.js'
import {
  fullManifest,
  parseManifest,
  planUpload,
  type FileFacts,
  type LiveManifest,
  type UploadPlan
} from './release-manifest.js'
import { requireOk, type HostState } from './release-phases.js'
import { FINISH, LINK, LINK_AND_SWITCH } from './release-scripts.js'
import { parseFreeSpace, type FreeSpace } from './release-space.js'
import type { PreparedSource } from './release-source.js'
import type { SharedPath } from '../settings/deploy-settings.js'

const UPLOAD_TIMEOUT_MS = 3600_000
const LINK_TIMEOUT_MS = 600_000

/** What PREPARE (run with the lock) reports about one host. */
export interface PreparedHost {
  releasesDir?: string
  live?: string
  dirs: string[]
  /** The live release's manifest, when the host vouched for it and it parsed. */
  manifest?: LiveManifest
  /** Why the manifest cannot be used, for the log and the summary; undefined when it can. */
  manifestProblem?: string
  /** The live release's prelinked tree is complete, for LINK to take over (`prelink\tready`). */
  prelinked?: boolean
  /** Free space under the deploy root. */
  free?: FreeSpace
  historyText: string
}

const PROBLEMS: Record<string, string> = {
  missing: 'the live release has no manifest (deployed by an older Shiprail, or it was removed)',
  changed: 'files of the live release no longer match its manifest (edited on the host?)',
  unsupported: 'the host lacks GNU find, sort, comm, cut, grep, sed or cp',
  unreadable: 'the live release could not be read in full'
}

/**
 * Parses PREPARE's answer; undefined when it is not one. `parsed` holds manifests already
 * parsed (by text): hosts that run the same release share one parse and one upload plan.
 */
export function parsePrepared(
  stdout: string,
  parsed = new Map<string, LiveManifest | undefined>()
): PreparedHost | undefined {
  const block = manifestBlock(stdout)
  const rest = block ? stdout.slice(0, block.from) + stdout.slice(block.to) : stdout
  const historyAt = `\n${rest}`.indexOf('\n--history--\n')
  if (historyAt < 0) return undefined
  const out: PreparedHost = {
    dirs: [],
    historyText: rest.slice(historyAt + '--history--\n'.length)
  }
  let vouched = false
  for (const line of rest.slice(0, historyAt).split('\n')) {
    const [key, ...values] = line.split('\t')
    const value = values.join('\t')
    if (key === 'releases') out.releasesDir = value
    else if (key === 'live' && value && !value.includes('/')) out.live = value
    else if (key === 'dir') out.dirs.push(value)
    else if (key === 'free') out.free = parseFreeSpace(line)
    else if (key === 'prelink') out.prelinked = value === 'ready'
    else if (key === 'manifest' && values[0] === 'ok') vouched = true
    else if (key === 'manifest') {
      out.manifestProblem =
        (PROBLEMS[values[0]] ?? `the manifest check answered ${JSON.stringify(value)}`) +
        (values[1] ? ` (${values[1]} file(s))` : '')
    }
  }
  // The manifest comes before the host's check of its disk: it counts only once vouched for.
  if (block && vouched && out.manifestProblem === undefined) {
    if (!parsed.has(block.text)) parsed.set(block.text, parseManifest(block.text))
    out.manifest = parsed.get(block.text)
    if (!out.manifest) out.manifestProblem = "the live release's manifest is in another format"
  }
  if (!out.manifest) out.prelinked = false
  return out
}

const MANIFEST_START = '\n--manifest--\n'
const MANIFEST_END = '--manifest-end--\n'

/** Where PREPARE's manifest (between its two marker lines) is in its output, and its text. */
function manifestBlock(stdout: string): { from: number; to: number; text: string } | undefined {
  const start = `\n${stdout}`.indexOf(MANIFEST_START)
  if (start < 0) return undefined
  const textAt = start + MANIFEST_START.length - 1
  const end = stdout.indexOf(`\n${MANIFEST_END}`, textAt - 1)
  if (end < 0) return undefined
  return { from: start, to: end + 1 + MANIFEST_END.length, text: stdout.slice(textAt, end + 1) }
}

/**
 * Reads PREPARE's output as it arrives: the manifest comes before the host checks its disk, so
 * it is parsed (into `parsed`, as parsePrepared would) while the host works, and `onManifest`
 * can start hashing the source with it. Nothing is trusted here: parsePrepared decides.
 */
export function watchManifest(
  parsed: Map<string, LiveManifest | undefined>,
  onManifest: (manifest: LiveManifest) => void
): (text: string) => void {
  // The pieces as they came, joined once: appending to one string and searching it each time
  // flattened the whole megabyte again for every piece.
  const pieces: string[] = []
  let tail = ''
  let done = false
  return text => {
    if (done) return
    pieces.push(text)
    const probe = tail + text
    tail = probe.slice(-MANIFEST_END.length)
    if (probe.indexOf(`\n${MANIFEST_END}`) < 0) return
    done = true
    const block = manifestBlock(pieces.join(''))
    if (!block) return
    if (!parsed.has(block.text)) parsed.set(block.text, parseManifest(block.text))
    const manifest = parsed.get(block.text)
    if (manifest) onManifest(manifest)
  }
}

/** What LINK reads first: the paths it does not link, NUL-terminated. */
const dropPathsText = (plan: UploadPlan) => plan.dropPaths.map(p => `${p}\0`).join('')
/** The manifest keys FINISH (or LINK's perl) drops when it merges manifests, one a line. */
const dropKeysText = (plan: UploadPlan) => plan.dropKeys.map(k => `${k}\n`).join('')

/** Changed entries up to this many bytes go to a prelinked host on LINK's stdin, not by rsync. */
const IN_BAND_BYTES = 4 << 20

/** The mode of the source's top directory, which rsync (not given `.`) leaves alone. */
function sourceMode(dir: string): string {
  return (statSync(dir).mode & 0o7777).toString(8)
}

/**
 * LINK's stdin for an upload without rsync: the paths to drop, an empty one, then per entry to
 * send `<kind> <mode> <size> <path>\0` and its bytes (a file's content, a symlink's target);
 * `withManifest`: an empty header, then `<bytes> <bytes>\0`, the new manifest lines and the
 * manifest keys to drop (FINISH's work, done by the same command).
 */
async function inBandRecords(
  dir: string,
  plan: UploadPlan,
  withManifest: boolean
): Promise<Buffer> {
  const parts: Buffer[] = [Buffer.from(dropPathsText(plan) + '\0')]
  for (const entry of plan.sendEntries) {
    const full = join(dir, entry.path)
    const data =
      entry.kind === 'file'
        ? await readFile(full)
        : entry.kind === 'symlink'
          ? Buffer.from(await readlink(full, { encoding: 'buffer' }))
          : Buffer.alloc(0)
    const kind = entry.kind === 'file' ? 'f' : entry.kind === 'symlink' ? 'l' : 'd'
    parts.push(
      Buffer.from(`${kind} ${entry.mode.toString(8)} ${data.length} ${entry.path}\0`),
      data
    )
  }
  if (withManifest) {
    // The end of the entries, then what FINISH would get: the new lines and the keys to drop.
    const keys = Buffer.from(dropKeysText(plan))
    const lines = Buffer.from(plan.newLines)
    parts.push(Buffer.from(`\0${lines.length} ${keys.length}\0`), lines, keys)
  }
  return Buffer.concat(parts)
}

function linkedCount(host: HostState, stdout: string): number {
  const linked = /^linked\t(\d+)/m.exec(stdout)
  if (!linked) throw new HostError(host.transport.label, `unexpected answer: ${lastLines(stdout)}`)
  return Number(linked[1])
}

/** Whole manifests by the deploy's source hashes: every host without a plan gets the same text. */
const wholeManifests = new WeakMap<Promise<Map<string, FileFacts>>, Promise<string>>()

function wholeManifest(
  facts: Promise<Map<string, FileFacts>>,
  sharedPaths: string[]
): Promise<string> {
  let text = wholeManifests.get(facts)
  if (!text) {
    text = facts.then(f => fullManifest(f, sharedPaths))
    // Awaited after the upload; a hashing failure must not surface first as unhandled.
    text.catch(() => undefined)
    wholeManifests.set(facts, text)
  }
  return text
}

export interface UploadJob {
  root: string
  release: string
  source: PreparedSource
  /** The source's hashes; awaited only when needed, so a full upload starts without them. */
  facts: Promise<Map<string, FileFacts>>
  shared: SharedPath[]
  /** Plans made so far, by live manifest (hosts with the same manifest share its parse). */
  plans: Map<LiveManifest, UploadPlan>
  /** A private directory on the runner for the --files-from lists. */
  workDir: string
  /**
   * With one host and no hooks: SWITCH_AND_RECORD's arguments after root and release, for an
   * in-band upload to run the switch in the same command (LINK_AND_SWITCH). When it got that far,
   * its answer goes in `ran` for switchAll; other uploads leave the switch to switchAll.
   */
  thenSwitch?: { args: string[]; ran: Map<HostState, RunResult> }
  signal: AbortSignal
  logger: Logger
}

/** FINISH on the host (see release-scripts.ts); its answer and the bytes it was sent. */
async function finishRelease(
  host: HostState,
  job: UploadJob,
  plan: UploadPlan | undefined,
  manifest: string
): Promise<RunResult & { payloadBytes: number }> {
  const drops = plan ? dropKeysText(plan) : ''
  const sent = plan ? plan.sentFiles.map(p => `${p}\0`).join('') : ''
  const result = await host.transport.run(
    FINISH,
    [
      job.root,
      job.release,
      plan ? host.live! : '',
      String(Buffer.byteLength(manifest)),
      String(Buffer.byteLength(drops)),
      host.live && !plan ? 'count' : '',
      ...job.shared.map(s => `${s.kind}:${s.path}`)
    ],
    { timeoutMs: LINK_TIMEOUT_MS, signal: job.signal, payload: manifest + drops + sent }
  )
  const payloadBytes =
    Buffer.byteLength(manifest) + Buffer.byteLength(drops) + Buffer.byteLength(sent)
  return { ...result, payloadBytes }
}

/**
 * Puts the new release on one host. With a trusted manifest of the live release, unchanged
 * files are hard-linked on the host (LINK) and rsync sends only the rest (`--files-from`);
 * otherwise rsync compares every file (`--checksum`, hard-linking identical ones from the live
 * release), as before manifests existed. Then FINISH links shared paths and writes the new
 * release's manifest.
 */
export async function uploadRelease(host: HostState, index: number, job: UploadJob): Promise<void> {
  const { root, release, source } = job
  const sharedPaths = job.shared.map(s => s.path)
  const live = host.live
  const linkDest = live ? `${host.releasesDir}/${live}/` : undefined
  let plan: UploadPlan | undefined
  if (live && host.liveManifest) {
    const facts = await job.facts
    plan = job.plans.get(host.liveManifest)
    if (!plan) {
      plan = planUpload(source.entries, facts, host.liveManifest, sharedPaths)
      job.plans.set(host.liveManifest, plan)
    }
  }
  host.uploadStarted = true
  let payload = 0
  let filesFrom: string | undefined
  let linkedByScript: number | undefined
  const upload = () =>
    host.transport.upload(source.dir, `${root}/releases/${release}`, {
      linkDest,
      checksum: linkDest !== undefined,
      filesFrom,
      timeoutMs: UPLOAD_TIMEOUT_MS,
      signal: job.signal
    })
  // A first upload's manifest is built while rsync runs, once for all hosts.
  const text = plan ? Promise.resolve(plan.newLines) : wholeManifest(job.facts, sharedPaths)
  let stats
  /** LINK's answer when it also did FINISH's work (no shared paths to link). */
  let finished: RunResult | undefined
  const inBand = plan !== undefined && host.prelinked === true && plan.sendBytes <= IN_BAND_BYTES
  if (plan && inBand) {
    // The host renames its prelinked tree and writes the few changed entries itself: no rsync,
    // and without shared paths no FINISH either.
    const oneCommand = job.shared.length === 0
    const thenSwitch = oneCommand ? job.thenSwitch : undefined
    const records = await inBandRecords(source.dir, plan, oneCommand)
    let linked = await host.transport.run(
      thenSwitch ? LINK_AND_SWITCH : LINK,
      [
        root,
        release,
        live!,
        sourceMode(source.dir),
        'prelinked',
        oneCommand ? 'inband-finish' : 'inband',
        ...(thenSwitch ? [root, release, ...thenSwitch.args] : [])
      ],
      { timeoutMs: LINK_TIMEOUT_MS, signal: job.signal, payload: records }
    )
    if (thenSwitch && /^switching$/m.test(linked.stdout)) {
      // The release is whole; what the switch did is switchAll's to read.
      thenSwitch.ran.set(host, linked)
      linked = { ...linked, exitCode: 0 }
    }
    if (oneCommand) finished = linked
    requireOk(
      host,
      'hard-linking unchanged files and writing the changed ones',
      linked,
      LINK_TIMEOUT_MS
    )
    if (!/^sent\t\d+$/m.test(linked.stdout))
      throw new HostError(host.transport.label, `unexpected answer: ${lastLines(linked.stdout)}`)
    linkedByScript = linkedCount(host, linked.stdout)
    stats = { bytesSent: records.length, filesTransferred: plan.sentFiles.length }
  } else if (plan) {
    const drop = dropPathsText(plan)
    filesFrom = join(job.workDir, `send-${index}`)
    await writeFile(filesFrom, plan.send.join('\0') + '\0')
    payload += Buffer.byteLength(drop)
    // rsync starts once LINK has made the release's directory (see LINK), and runs beside it.
    let begun!: () => void
    const started = new Promise<void>(resolve => (begun = resolve))
    const prelink = host.prelinked ? 'prelinked' : ''
    const linking = host.transport.run(
      LINK,
      [root, release, live!, sourceMode(source.dir), prelink],
      {
        timeoutMs: LINK_TIMEOUT_MS,
        signal: job.signal,
        payload: drop,
        onLine: line => {
          if (line === 'started') begun()
        }
      }
    )
    const ended = await Promise.race([
      started.then(() => false),
      linking.then(
        () => true,
        () => true
      )
    ])
    // Both are awaited before anything fails: a failed deploy removes the release, which must
    // not happen while either still writes into it.
    const [linked, sent] = await Promise.allSettled([linking, ended ? undefined : upload()])
    if (linked.status === 'rejected') throw linked.reason
    requireOk(host, 'hard-linking unchanged files', linked.value, LINK_TIMEOUT_MS)
    linkedByScript = linkedCount(host, linked.value.stdout)
    if (sent.status === 'rejected') throw sent.reason
    stats = sent.value ?? (await upload())
  } else stats = await upload()
  let finish = finished
  if (!finish) {
    const done = await finishRelease(host, job, plan, await text)
    payload += done.payloadBytes
    finish = done
  }
  const missing = [...finish.stdout.matchAll(/^missing-shared\t(.*)$/gm)].map(m => m[1])
  if (missing.length) {
    const [what, is, it] = missing.length === 1 ? ['file', 'is', 'it'] : ['files', 'are', 'them']
    throw new HostError(
      host.transport.label,
      `shared ${what} ${missing.join(', ')} ${is} missing: neither the build nor ${root}/shared/ has ${it}; create ${it} there (a directory belongs in shared-dirs, which creates it empty)`
    )
  }
  requireOk(host, 'linking shared paths', finish, LINK_TIMEOUT_MS)
  const filesLinked = linkedByScript ?? (live ? linkedCount(host, finish.stdout) : 0)
  host.report.bytesSent = stats.bytesSent + payload
  host.report.filesLinked = filesLinked
  host.report.unchangedBy = plan ? 'manifest' : live ? 'checksum' : undefined
  const how = plan
    ? `${plan.keep} unchanged files found by the live release's manifest${inBand ? ', renamed from the tree prelinked after the last deploy; the changes went with that command, without rsync' : ''}`
    : live
      ? `unchanged files found by --checksum: ${host.manifestProblem ?? 'no manifest'}`
      : 'first release on this host'
  if (live && !plan) host.report.fallback = host.manifestProblem
  if (/^manifest\tskipped/m.test(finish.stdout)) {
    job.logger.warning(
      `${host.transport.label}: the new release's manifest could not be written (the next deploy compares every file)`
    )
  }
  job.logger.info(
    `${host.transport.label}: ${host.report.bytesSent} bytes sent, ${host.report.filesLinked} files hard-linked from ${live ?? '(no live release)'}; ${how}`
  )
}
