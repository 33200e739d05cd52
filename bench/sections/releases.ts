import { rm } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { bytes, integer, ms, percent, ratio, ratioSpread, spread } from '../format.js'
import { mustRun } from '../processes.js'
import { changeOneFile, writeReleaseTree, type ReleaseTree } from '../release-tree.js'
import { size, type Section, type SectionContext, type Table } from '../section.js'
import { shiprail } from '../shiprail-cli.js'
import type { SshHosts } from '../ssh-hosts.js'
import { pairedRatio, summarize, type Summary } from '../stats.js'

/**
 * Issue 3's benchmark: first deploy and one-file redeploy of a 10,000-file release over SSH to
 * 1 and 8 hosts, against plain `rsync -a` over the same sshd as the floor.
 */

const HOST_COUNTS = [1, 8]
const TIMEOUT_MS = 5 * 60_000

type Kind = 'first' | 'redeploy'

/** One measured push: wall time and bytes sent, summed over hosts. */
interface Push {
  wallMs: number
  bytesSent: number
  /** Shiprail only: files hard-linked from the live release, summed over hosts. */
  filesLinked?: number
  /** Shiprail only: per host phase (`--json` hosts[].phases), the slowest host's ms. */
  hostPhases?: Record<string, number>
  /**
   * Shiprail only: where the wall time went, all hosts together, from the driver's log groups;
   * absent when the log does not have them.
   */
  phases?: Record<string, number>
  /** Shiprail only: the driver's log groups (see groupTimings). */
  groups?: Record<string, number>
}

interface Scenario {
  hosts: number
  kind: Kind
  shiprail: Push[]
  rsync: Push[]
}

async function shiprailPush(
  ctx: SectionContext,
  ssh: SshHosts,
  tree: ReleaseTree,
  hosts: number,
  path: string,
  ledgerFile: string,
  version: string
): Promise<Push> {
  const run = await shiprail(
    ctx.dist,
    'deploy',
    {
      environment: 'bench',
      version,
      driver: 'releases',
      source: tree.dir,
      hosts: ssh.servers
        .slice(0, hosts)
        .map(s => s.label)
        .join(','),
      path,
      ledger: 'file',
      'ledger-file': ledgerFile
    },
    {
      cwd: ctx.tmp,
      env: { SHIPRAIL_SSH_KEY: ssh.privateKey, SHIPRAIL_KNOWN_HOSTS: ssh.knownHosts },
      timeoutMs: TIMEOUT_MS
    }
  )
  if (run.json.outcome !== 'success') throw new Error(`deploy ${version}: ${run.json.outcome}`)
  const reports = run.json.hosts ?? []
  const hostPhases: Record<string, number> = {}
  for (const h of reports) {
    for (const [name, value] of Object.entries(h.phases)) {
      hostPhases[name] = Math.max(hostPhases[name] ?? 0, value)
    }
  }
  return {
    hostPhases,
    phases: breakdown(run.wallMs, run.groups),
    groups: run.groups,
    wallMs: run.wallMs,
    bytesSent: reports.reduce((sum, h) => sum + (h.bytesSent ?? 0), 0),
    filesLinked: reports.reduce((sum, h) => sum + (h.filesLinked ?? 0), 0)
  }
}

/** The releases driver's log groups, in the order they run, and the column each goes in. */
const DRIVER_GROUPS: [string, string][] = [
  ['Connect to hosts', 'connect'],
  ['Lock', 'lock'],
  ['Upload release', 'upload'],
  ['before-switch', 'before-switch'],
  ['Switch current on every host', 'switch'],
  ['after-switch', 'after-switch'],
  ['Record history and prune', 'history + prune']
]

/**
 * Splits a deploy's wall time: each driver group (wall clock, all hosts at once), the driver's
 * remaining work between groups, and everything outside the driver (Node start-up, reading
 * the ledger, recording the outcome).
 */
function breakdown(
  wallMs: number,
  groups: Record<string, number>
): Record<string, number> | undefined {
  const driver = groups['releases driver']
  if (driver === undefined) return undefined
  const out: Record<string, number> = {}
  let inGroups = 0
  for (const [title, column] of DRIVER_GROUPS) {
    if (groups[title] === undefined) continue
    out[column] = groups[title]
    inGroups += groups[title]
  }
  out['other driver work'] = Math.max(0, driver - inGroups)
  out['outside the driver'] = Math.max(0, wallMs - driver)
  return out
}

/** Plain `rsync -a` to every host at once (Shiprail's default `parallel` covers 8 hosts too). */
async function rsyncPush(
  ssh: SshHosts,
  tree: ReleaseTree,
  hosts: number,
  path: string
): Promise<Push> {
  const started = process.hrtime.bigint()
  const runs = await Promise.all(
    ssh.servers.slice(0, hosts).map((server, i) =>
      mustRun(
        'rsync',
        [
          '-a',
          // --stats only prints the byte counts; it changes nothing in what is sent.
          '--stats',
          '--no-human-readable',
          '-e',
          ssh.rsyncShell(i),
          '--',
          `${tree.dir}/`,
          `${server.label.split('@')[0]}@${server.host}:${path}/`
        ],
        { timeoutMs: TIMEOUT_MS }
      )
    )
  )
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  let bytesSent = 0
  for (const r of runs) {
    const m = /Total bytes sent: ([\d,]+)/.exec(r.stdout)
    if (!m) throw new Error(`rsync printed no byte count: ${r.stdout.slice(-200)}`)
    bytesSent += Number(m[1].replace(/,/g, ''))
  }
  return { wallMs, bytesSent }
}

const label = (s: Scenario) =>
  `${s.hosts} host${s.hosts > 1 ? 's' : ''}, ${s.kind === 'first' ? 'first deploy' : 'redeploy, 1 file changed'}`

const section: Section = {
  id: 'releases',
  title: 'Releases driver: deploy and redeploy over SSH',
  order: 10,
  async run(ctx) {
    // Eight hosts take a minute a repeat on two cores; one host is cheap to repeat more.
    const repeatsFor = (hosts: number) => (hosts === 1 ? ctx.repeats(5, 1) : ctx.repeats(2, 1))
    const shape = size(
      ctx,
      { files: 10_000, minBytes: 0, maxBytes: 10_240 },
      { files: 1_000, minBytes: 0, maxBytes: 10_240 }
    )
    ctx.progress(`writing a ${integer(shape.files)}-file release`)
    const tree = await writeReleaseTree(join(ctx.tmp, 'release'), { ...shape, seed: 3 })
    ctx.progress(`release: ${integer(tree.files)} files, ${bytes(tree.totalBytes)}`)
    const ssh = await ctx.sshHosts(Math.max(...HOST_COUNTS))

    const scenarios: Scenario[] = []
    let generation = 0
    for (const hosts of HOST_COUNTS) {
      const first: Scenario = { hosts, kind: 'first', shiprail: [], rsync: [] }
      const again: Scenario = { hosts, kind: 'redeploy', shiprail: [], rsync: [] }
      scenarios.push(first, again)
      const repeats = repeatsFor(hosts)
      for (let r = 0; r < repeats; r++) {
        const shiprailPath = join(ssh.mountPoint, `shiprail-${hosts}-${r}`)
        const rsyncPath = join(ssh.mountPoint, `rsync-${hosts}-${r}`)
        const ledgerFile = join(ctx.tmp, `ledger-${hosts}-${r}.json`)
        // Alternate which tool goes first, so neither always meets the warmer page cache.
        const pair = async (scenario: Scenario, version: string) => {
          const order = r % 2 === 0 ? ['shiprail', 'rsync'] : ['rsync', 'shiprail']
          for (const tool of order) {
            const push =
              tool === 'shiprail'
                ? await shiprailPush(ctx, ssh, tree, hosts, shiprailPath, ledgerFile, version)
                : await rsyncPush(ssh, tree, hosts, rsyncPath)
            scenario[tool as 'shiprail' | 'rsync'].push(push)
            ctx.progress(
              `${label(scenario)} ${r + 1}/${repeats}, ${tool}: ${ms(push.wallMs)}, ${bytes(push.bytesSent)} sent`
            )
          }
        }
        await pair(first, `1.0.${++generation}`)
        await changeOneFile(tree, generation)
        await pair(again, `1.0.${++generation}`)
        await Promise.all(
          Array.from({ length: hosts }, (_, i) =>
            Promise.all([
              rm(join(ssh.hostDir(i), `shiprail-${hosts}-${r}`), { recursive: true, force: true }),
              rm(join(ssh.hostDir(i), `rsync-${hosts}-${r}`), { recursive: true, force: true })
            ])
          )
        )
      }
    }

    const stats = scenarios.map(s => ({
      scenario: label(s),
      hosts: s.hosts,
      kind: s.kind,
      shiprailMs: summarize(s.shiprail.map(p => p.wallMs)),
      rsyncMs: summarize(s.rsync.map(p => p.wallMs)),
      timeRatio: pairedRatio(
        s.shiprail.map(p => p.wallMs),
        s.rsync.map(p => p.wallMs)
      ),
      shiprailBytes: summarize(s.shiprail.map(p => p.bytesSent)),
      rsyncBytes: summarize(s.rsync.map(p => p.bytesSent)),
      bytesRatio: pairedRatio(
        s.shiprail.map(p => p.bytesSent),
        s.rsync.map(p => p.bytesSent)
      ),
      filesLinked: summarize(s.shiprail.map(p => p.filesLinked ?? 0)),
      phases: Object.fromEntries(
        Object.keys(s.shiprail[0].phases ?? {}).map(name => [
          name,
          summarize(s.shiprail.map(p => p.phases?.[name] ?? 0))
        ])
      ) as Record<string, Summary>,
      hostPhases: Object.fromEntries(
        Object.keys(s.shiprail[0].hostPhases ?? {}).map(name => [
          name,
          summarize(s.shiprail.map(p => p.hostPhases?.[name] ?? 0))
        ])
      ) as Record<string, Summary>,
      samples: { shiprail: s.shiprail, rsync: s.rsync }
    }))
    const find = (hosts: number, kind: Kind) =>
      stats.find(s => s.hosts === hosts && s.kind === kind) as (typeof stats)[number]

    const main: Table = {
      caption: `${integer(tree.files)}-file release (${bytes(tree.totalBytes)}) over SSH`,
      columns: [
        'Scenario',
        'Shiprail',
        'rsync -a (floor)',
        'Shiprail / rsync time',
        'Bytes sent, Shiprail',
        'Bytes sent, rsync',
        'Shiprail / rsync bytes'
      ],
      rows: stats.map(s => [
        s.scenario,
        spread(s.shiprailMs),
        spread(s.rsyncMs),
        ratioSpread(s.timeRatio),
        bytes(s.shiprailBytes.median),
        bytes(s.rsyncBytes.median),
        ratio(s.bytesRatio.median)
      ])
    }
    const incremental: Table = {
      caption: 'Redeploy with one file changed, against the first deploy (same run)',
      columns: [
        'Hosts',
        'Shiprail bytes: redeploy / first',
        'rsync bytes: re-push / first',
        'Shiprail time: redeploy / first',
        'Files hard-linked per host'
      ],
      rows: HOST_COUNTS.map(h => {
        const a = find(h, 'first')
        const b = find(h, 'redeploy')
        return [
          String(h),
          percent(b.shiprailBytes.median / a.shiprailBytes.median),
          percent(b.rsyncBytes.median / a.rsyncBytes.median),
          ratio(b.shiprailMs.median / a.shiprailMs.median),
          integer(b.filesLinked.median / h)
        ]
      })
    }
    const phaseNames = [...new Set(stats.flatMap(s => Object.keys(s.phases)))]
    const phases: Table = {
      caption:
        "Where Shiprail's deploy time goes (median ms, all hosts together, from the driver's log groups in 0.1 s steps; outside the driver: Node start-up, ledger)",
      columns: ['Scenario', ...phaseNames],
      rows: stats.map(s => [
        s.scenario,
        ...phaseNames.map(p => (s.phases[p] ? integer(s.phases[p].median) : '–'))
      ])
    }

    const f8 = find(8, 'first')
    const r8 = find(8, 'redeploy')
    const f1 = find(1, 'first')
    const r1 = find(1, 'redeploy')
    const paragraph =
      `A release of ${integer(tree.files)} files (${bytes(tree.totalBytes)}, sizes 0–10 KiB, random bytes) ` +
      `was deployed with \`shiprail deploy --driver releases\` (the committed CLI bundle, file ledger) to 1 and ` +
      `to 8 sshd hosts, first into an empty deploy path, then again with one file changed. Plain \`rsync -a\` ` +
      `pushed the same tree to the same servers as the floor: it copies files and nothing more (no new ` +
      `release directory, no lock, no all-hosts-ready switch, nothing to roll back to). ` +
      `A first deploy took ${ms(f1.shiprailMs.median)} to 1 host (${ratio(f1.timeRatio.median)} rsync's time) ` +
      `and ${ms(f8.shiprailMs.median)} to 8 hosts (${ratio(f8.timeRatio.median)}). The one-file redeploy sent ` +
      `${percent(r8.shiprailBytes.median / f8.shiprailBytes.median)} of the first deploy's bytes ` +
      `(${bytes(r8.shiprailBytes.median)} to 8 hosts), because every unchanged file is hard-linked from the live ` +
      `release on the host instead of sent again; that is ${ratio(r8.bytesRatio.median)} rsync's bytes, since ` +
      `\`--checksum\` adds a checksum per file to the file list. It took ${ms(r1.shiprailMs.median)} to 1 host ` +
      `and ${ms(r8.shiprailMs.median)} to 8 (${ratio(r1.timeRatio.median)} and ${ratio(r8.timeRatio.median)} ` +
      `rsync's re-push): \`--checksum\` reads every file on both ends so that a CI checkout's fresh timestamps never ` +
      `cause a resend, where rsync's default trusts size and time and reads nothing; and the connect, lock, ` +
      `switch and history steps are SSH commands (see the login-shell note above), worked on for all hosts at ` +
      `once on a machine with ${os.availableParallelism()} cores that also runs every "host". For a user: ` +
      `redeploys cost bandwidth in proportion to what changed, and their time grows with the release's size ` +
      `(it is read in full on every host) and the number of hosts, not with what changed; in exchange every host ` +
      `switches only when all are ready and keeps whole releases to roll back to.`
    return {
      paragraph,
      tables: [main, incremental, ...(phaseNames.length ? [phases] : [])],
      notes: [
        'Shiprail: wall time of `node dist/cli/index.js deploy ... --json` from spawn to exit, including Node start-up; bytes are the sum of rsync\'s "Total bytes sent" over hosts, as the `--json` result reports them. rsync: all hosts pushed at once (Shiprail works on up to 10 hosts at once by default), wall time of the batch, bytes from `--stats`.',
        'Time breakdown: "lock" takes the hosts one after another by design (two deploys started together meet at the first host, so exactly one proceeds); "other driver work" is checking the source tree, unlocking and closing the SSH connections.',
        'First deploys go to a fresh path each repeat; each tool redeploys onto its own first deploy. Which tool goes first alternates between repeats.'
      ],
      data: {
        release: { files: tree.files, totalBytes: tree.totalBytes, shape },
        repeats: Object.fromEntries(HOST_COUNTS.map(h => [h, repeatsFor(h)])),
        scenarios: stats
      }
    }
  }
}

export default section
