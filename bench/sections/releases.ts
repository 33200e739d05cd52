import { readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { deployUser } from '../deploy-user.js'
import { discardsSettled } from '../disk-quiet.js'
import { bytes, integer, ms, percent, ratio, ratioSpread, spread } from '../format.js'
import { mustRun } from '../processes.js'
import {
  changeOneFile,
  freshTimestamps,
  writeReleaseTree,
  type ReleaseTree
} from '../release-tree.js'
import { size, type Section, type SectionContext, type Table } from '../section.js'
import { shiprail } from '../shiprail-cli.js'
import type { SshHosts } from '../ssh-hosts.js'
import { pairedRatio, summarize, type Summary } from '../stats.js'

/**
 * Issues 3 and 14: first deploy and one-file redeploys (timestamps kept, and from a fresh
 * checkout where every timestamp is new) of a 10,000-file release over SSH to 1 and 8 hosts,
 * against plain `rsync -a` over the same sshd in the same run. Measured as a deploy user with a
 * plain login shell, as on a real server, and, for comparison, as root (whose ~/.bashrc here
 * starts pyenv on every SSH command).
 */

const TIMEOUT_MS = 5 * 60_000

/** `redeploy`: one file changed, timestamps kept (the name the capistrano section reads). */
type Kind = 'first' | 'redeploy' | 'fresh'
const KINDS: Kind[] = ['first', 'redeploy', 'fresh']
const KIND_LABEL: Record<Kind, string> = {
  first: 'first deploy',
  redeploy: 'redeploy, 1 file changed, timestamps kept',
  fresh: 'redeploy, 1 file changed, fresh checkout'
}

/** Who logs in on the hosts, and where that login may write. */
interface Login {
  name: string
  user: string
  /** A directory of that user's on every host, as the hosts see it. */
  base: string
  /** The same directory on host i, from this process. */
  hostBase(i: number): string
}

/** One measured push: wall time and bytes sent, summed over hosts. */
interface Push {
  wallMs: number
  bytesSent: number
  /** Shiprail only: files hard-linked from the live release, summed over hosts. */
  filesLinked?: number
  /** Shiprail only: how unchanged files were found (`manifest` / `checksum`) on each host. */
  unchangedBy?: string[]
  /** Shiprail only: where the wall time went, from the driver's log groups. */
  phases?: Record<string, number>
}

interface Scenario {
  login: string
  hosts: number
  kind: Kind
  shiprail: Push[]
  rsync: Push[]
}

async function shiprailPush(
  ctx: SectionContext,
  ssh: SshHosts,
  login: Login,
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
        .map(s => `${login.user}@${s.host}:${s.port}`)
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
  const reports = (run.json.hosts ?? []) as {
    bytesSent?: number
    filesLinked?: number
    unchangedBy?: string
  }[]
  return {
    phases: breakdown(run.wallMs, run.groups),
    wallMs: run.wallMs,
    bytesSent: reports.reduce((sum, h) => sum + (h.bytesSent ?? 0), 0),
    filesLinked: reports.reduce((sum, h) => sum + (h.filesLinked ?? 0), 0),
    unchangedBy: reports.map(h => h.unchangedBy ?? 'none')
  }
}

/** The releases driver's log groups, in the order they run, and the column each goes in. */
const DRIVER_GROUPS: [string, string][] = [
  ['Connect to hosts', 'connect'],
  ['Lock', 'lock + prepare'],
  ['Upload release', 'upload'],
  ['Switch current on every host', 'switch + history + prune']
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
    const key = Object.keys(groups).find(g => g.startsWith(title))
    if (key === undefined) continue
    out[column] = groups[key]
    inGroups += groups[key]
  }
  out['other driver work'] = Math.max(0, driver - inGroups)
  out['outside the driver'] = Math.max(0, wallMs - driver)
  return out
}

/** Plain `rsync -a` to every host at once (Shiprail's default `parallel` covers 8 hosts too). */
async function rsyncPush(
  ssh: SshHosts,
  login: Login,
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
          `${login.user}@${server.host}:${path}/`
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

/**
 * Before each timed push: the disk writes of the one before are flushed (`sync`), the
 * releases Shiprail pruned into releases/.trash are removed and the next release's tree is
 * prelinked (it does both in the background after a deploy returns, as between two deploys on a
 * real server), so that neither tool is timed while the other's leftovers still cost disk or CPU.
 */
async function settle(login: Login, hosts: number, path: string): Promise<void> {
  for (let i = 0; i < hosts; i++) {
    const releases = join(login.hostBase(i), path, 'releases')
    for (let waited = 0; waited < 30_000; waited += 50) {
      const trash = await readdir(join(releases, '.trash')).catch(() => [])
      // The next deploy's tree, which a deploy prelinks in the background once it has switched.
      const names = new Set(await readdir(releases).catch(() => []))
      const prelinking = [...names].some(
        n => n.startsWith('.prelink-') && !n.endsWith('.done') && !names.has(`${n}.done`)
      )
      if (trash.length === 0 && !prelinking) break
      await new Promise(r => setTimeout(r, 50))
    }
  }
  await mustRun('sync', [], { timeoutMs: 120_000 })
  await discardsSettled()
}

const label = (s: Scenario) =>
  `${s.login}, ${s.hosts} host${s.hosts > 1 ? 's' : ''}, ${KIND_LABEL[s.kind]}`

/** Runs the three scenarios `repeats` times for one login and host count. */
async function measure(
  ctx: SectionContext,
  ssh: SshHosts,
  login: Login,
  tree: ReleaseTree,
  hosts: number,
  repeats: number,
  scenarios: Scenario[],
  leftovers: string[]
): Promise<void> {
  const mine = Object.fromEntries(
    KINDS.map(kind => {
      const s: Scenario = { login: login.name, hosts, kind, shiprail: [], rsync: [] }
      scenarios.push(s)
      return [kind, s]
    })
  ) as Record<Kind, Scenario>
  for (let r = 0; r < repeats; r++) {
    const tag = `${hosts}-${r}`
    const shiprailPath = join(login.base, `shiprail-${tag}`)
    const rsyncPath = join(login.base, `rsync-${tag}`)
    const ledgerFile = join(ctx.tmp, `ledger-${login.user}-${tag}.json`)
    let generation = 0
    // Alternate which tool goes first, so neither always meets the warmer page cache.
    const pair = async (kind: Kind) => {
      const version = `1.0.${++generation}`
      const order = r % 2 === 0 ? ['shiprail', 'rsync'] : ['rsync', 'shiprail']
      for (const tool of order) {
        await settle(login, hosts, `shiprail-${tag}`)
        const push =
          tool === 'shiprail'
            ? await shiprailPush(ctx, ssh, login, tree, hosts, shiprailPath, ledgerFile, version)
            : await rsyncPush(ssh, login, tree, hosts, rsyncPath)
        mine[kind][tool as 'shiprail' | 'rsync'].push(push)
        ctx.progress(
          `${label(mine[kind])} ${r + 1}/${repeats}, ${tool}: ${ms(push.wallMs)}, ${bytes(push.bytesSent)} sent`
        )
      }
    }
    await pair('first')
    await changeOneFile(tree, r * 10 + 1)
    await pair('redeploy')
    await changeOneFile(tree, r * 10 + 2)
    await freshTimestamps(tree)
    await pair('fresh')
    // Removed once every push is measured (see discardsSettled).
    for (let i = 0; i < hosts; i++)
      leftovers.push(
        join(login.hostBase(i), `shiprail-${tag}`),
        join(login.hostBase(i), `rsync-${tag}`)
      )
  }
}

const section: Section = {
  id: 'releases',
  title: 'Releases driver: deploy and redeploy over SSH',
  order: 10,
  async run(ctx) {
    const shape = size(
      ctx,
      { files: 10_000, minBytes: 0, maxBytes: 10_240 },
      { files: 1_000, minBytes: 0, maxBytes: 10_240 }
    )
    ctx.progress(`writing a ${integer(shape.files)}-file release`)
    const tree = await writeReleaseTree(join(ctx.tmp, 'release'), { ...shape, seed: 3 })
    ctx.progress(`release: ${integer(tree.files)} files, ${bytes(tree.totalBytes)}`)
    const ssh = await ctx.sshHosts(8)
    const deployer = await deployUser(ssh)
    const logins: Login[] = [
      {
        name: `${deployer.user} (sh)`,
        user: deployer.user,
        base: deployer.path,
        hostBase: i => join(ssh.hostDir(i), 'deploy-user')
      },
      {
        name: 'root (bash + pyenv)',
        user: 'root',
        base: ssh.mountPoint,
        hostBase: i => ssh.hostDir(i)
      }
    ]
    // The goal rows (the deploy user's) get an odd count of repeats, 5 and 3, so a median is
    // one measured pair.
    const plan: [Login, number, number][] = [
      [logins[0], 1, ctx.repeats(5, 1)],
      [logins[0], 8, ctx.repeats(3, 1)],
      [logins[1], 1, ctx.repeats(3, 1)],
      // Root's 8-host figures are what the capistrano section compares with (it logs in as root).
      [logins[1], 8, 1]
    ]
    const scenarios: Scenario[] = []
    const leftovers: string[] = []
    for (const [login, hosts, repeats] of plan) {
      await measure(ctx, ssh, login, tree, hosts, repeats, scenarios, leftovers)
    }
    await Promise.all(
      leftovers.map(dir =>
        rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
      )
    )
    await mustRun('sync', [], { timeoutMs: 120_000 })
    ctx.progress(
      `deployed trees removed; the disk finished trimming after ${ms(await discardsSettled())}`
    )

    const stats = scenarios.map(s => ({
      scenario: label(s),
      login: s.login,
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
      filesLinked: summarize(s.shiprail.map(p => p.filesLinked ?? 0)),
      unchangedBy: [...new Set(s.shiprail.flatMap(p => p.unchangedBy ?? []))],
      phases: Object.fromEntries(
        Object.keys(s.shiprail[0].phases ?? {}).map(name => [
          name,
          summarize(s.shiprail.map(p => p.phases?.[name] ?? 0))
        ])
      ) as Record<string, Summary>,
      samples: { shiprail: s.shiprail, rsync: s.rsync }
    }))
    type Stat = (typeof stats)[number]
    const find = (login: Login, hosts: number, kind: Kind) =>
      stats.find(s => s.login === login.name && s.hosts === hosts && s.kind === kind) as Stat

    const main: Table = {
      caption: `${integer(tree.files)}-file release (${bytes(tree.totalBytes)}) over SSH`,
      columns: [
        'Scenario',
        'Shiprail',
        'rsync -a (floor)',
        'Shiprail / rsync time',
        'Bytes sent, Shiprail',
        'Bytes sent, rsync',
        'Unchanged files found by'
      ],
      rows: stats.map(s => [
        s.scenario,
        spread(s.shiprailMs),
        spread(s.rsyncMs),
        ratioSpread(s.timeRatio),
        bytes(s.shiprailBytes.median),
        bytes(s.rsyncBytes.median),
        s.unchangedBy.join(', ')
      ])
    }
    const d = logins[0]
    // percent() rounds to 0.00% below 0.005%; a one-file redeploy sends less than that.
    const share = (f: number) => (f < 0.0001 ? `${(f * 100).toPrecision(1)}%` : percent(f))
    const goal = (text: string, value: number, limit: number, shown: string) => [
      text,
      shown,
      limit < 0.1 ? percent(limit) : ratio(limit),
      value <= limit ? 'met' : 'NOT met'
    ]
    const bytesShare =
      find(d, 1, 'redeploy').shiprailBytes.median / find(d, 1, 'first').shiprailBytes.median
    const goals: Table = {
      caption: `Issue 14's goals, as ${d.name}, 1 host unless said (medians of paired ratios)`,
      columns: ['Goal', 'Measured', 'Limit', ''],
      rows: [
        goal(
          'Redeploy, 1 file changed, timestamps kept / rsync re-push',
          find(d, 1, 'redeploy').timeRatio.median,
          1.5,
          ratio(find(d, 1, 'redeploy').timeRatio.median)
        ),
        goal(
          'Redeploy from a fresh checkout / rsync re-push of it',
          find(d, 1, 'fresh').timeRatio.median,
          1.0,
          ratio(find(d, 1, 'fresh').timeRatio.median)
        ),
        goal(
          'First deploy / rsync',
          find(d, 1, 'first').timeRatio.median,
          1.2,
          ratio(find(d, 1, 'first').timeRatio.median)
        ),
        goal(
          '8 hosts: redeploy (timestamps kept) / rsync 8-host re-push',
          find(d, 8, 'redeploy').timeRatio.median,
          2.0,
          ratio(find(d, 8, 'redeploy').timeRatio.median)
        ),
        goal('Bytes: one-file redeploy / first deploy', bytesShare, 0.005, share(bytesShare))
      ]
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

    const f1 = find(d, 1, 'first')
    const k1 = find(d, 1, 'redeploy')
    const n1 = find(d, 1, 'fresh')
    const k8 = find(d, 8, 'redeploy')
    const rootKept = find(logins[1], 1, 'redeploy')
    const paragraph =
      `A release of ${integer(tree.files)} files (${bytes(tree.totalBytes)}, sizes 0–10 KiB, random bytes) ` +
      `was deployed with \`shiprail deploy --driver releases\` (the committed CLI bundle, file ledger) to 1 and ` +
      `to 8 sshd hosts as a deploy user whose login shell is /bin/sh: first into an empty deploy path, then ` +
      `with one file changed and the timestamps kept, then with one more file changed from a "fresh checkout" ` +
      `(every timestamp new, as in every CI job). Plain \`rsync -a\` pushed the same tree to the same servers ` +
      `as the floor: it copies files and nothing more (no new release directory, no lock, no all-hosts-ready ` +
      `switch, nothing to roll back to). A first deploy to 1 host took ${ms(f1.shiprailMs.median)} ` +
      `(${ratio(f1.timeRatio.median)} rsync's time). A one-file redeploy took ${ms(k1.shiprailMs.median)} ` +
      `(${ratio(k1.timeRatio.median)} rsync's re-push) and sent ${share(bytesShare)} of the first deploy's ` +
      `bytes; from a fresh checkout it took ${ms(n1.shiprailMs.median)}, ${ratio(n1.timeRatio.median)} rsync's ` +
      `time, since rsync must then read every file on both ends while Shiprail hashes the source on the runner ` +
      `only, compares with the live release's manifest and hard-links the unchanged files on the host without ` +
      `reading them (with timestamps kept, a file whose size, time and identity (inode and change time) match the manifest is not read at all, ` +
      `rsync's quick check made safe against rewrites that keep size and time). To 8 hosts the redeploy took ${ms(k8.shiprailMs.median)} (${ratio(k8.timeRatio.median)}). As root, ` +
      `whose login shell starts pyenv here, the one-file redeploy took ${ms(rootKept.shiprailMs.median)} ` +
      `(${ratio(rootKept.timeRatio.median)}). For a user: a redeploy costs time and bandwidth in proportion to ` +
      `what changed plus hashing the source on the runner and a few SSH commands per host, on a machine with ` +
      `${os.availableParallelism()} cores that also runs every "host"; every host still switches only when all ` +
      `are ready and keeps whole releases to roll back to.`
    return {
      paragraph,
      tables: [goals, main, ...(phaseNames.length ? [phases] : [])],
      notes: [
        'Shiprail: wall time of `node dist/cli/index.js deploy ... --json` from spawn to exit, including Node start-up; bytes are the sum over hosts of rsync\'s "Total bytes sent" plus the manifest lines sent with the finishing script, as the `--json` result reports them. rsync: all hosts pushed at once (Shiprail works on up to 10 hosts at once by default), wall time of the batch, bytes from `--stats`.',
        '"Unchanged files found by": `manifest` is the live release\'s manifest (nothing read on the hosts), `checksum` the fallback that reads every file (`rsync --checksum`), used when the manifest is missing or does not match the disk; `none` is a first deploy.',
        `Deploy user: \`${deployer.user}\`, created by the bench (\`useradd -m -s /bin/sh\`) with its own ~/.ssh/authorized_keys; root's rows show the same runs through root's login shell. Time breakdown: "lock + prepare" takes every host's lock and inspects it in one SSH command per host; the source is hashed next (files whose size, time and identity match the live manifest are not read); "connect" is what is left of the SSH handshake when the driver starts (Shiprail starts it beside the source scan and the ledger); "upload" is the host's linking (one perl process) with rsync running beside it, then the manifest; "switch + history + prune" is one command per host (with one host it also unlocks; a pruned release is renamed into releases/.trash and removed in the background).`,
        "First deploys go to a fresh path each repeat; each tool redeploys onto its own first deploy. Which tool goes first alternates between repeats. Before each timed push the bench runs `sync`, waits until Shiprail's background work after a deploy is done (removing pruned releases, and linking the new release into the tree the next deploy renames instead of making 10,000 links while the user waits) and until the disk has finished trimming (this machine's ext4 is mounted with `discard`; no discard completed for 1 s), and the deployed trees are deleted only after the last push, so neither tool pays for the other's writes or deletions."
      ],
      data: {
        release: { files: tree.files, totalBytes: tree.totalBytes, shape },
        plan: plan.map(([login, hosts, repeats]) => ({ login: login.name, hosts, repeats })),
        scenarios: stats
      }
    }
  }
}

export default section
