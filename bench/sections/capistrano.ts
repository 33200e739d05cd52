import { mkdtemp, readdir, readlink, rm, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  capistranoVersions,
  createGitSource,
  currentRelease,
  mirrorBytes,
  verifyDeployed,
  writeCapistranoProject,
  type CapistranoProject,
  type GitSource
} from '../capistrano-project.js'
import { bytes, integer, ms, ratio, spread } from '../format.js'
import { timedRun } from '../processes.js'
import {
  changeOneFile,
  writeReleaseTree,
  type ReleaseTree,
  type TreeShape
} from '../release-tree.js'
import type { Section, SectionContext, Table } from '../section.js'
import type { SshHosts } from '../ssh-hosts.js'
import { summarize, type Summary } from '../stats.js'
import releasesSection from './releases.js'
import rollbackSection from './rollback.js'

/**
 * Issue 9's comparison with Capistrano 3 (Debian's package): first deploy and one-file redeploy
 * of the releases section's 10,000-file release to 1 and 8 hosts, and `deploy:rollback` of the
 * rollback section's small and large releases, on the same sshd hosts. Shiprail's and rsync's
 * side are the numbers those sections measured earlier in this run, so each tool is timed once
 * per run; without them (`--only capistrano`) this section runs them first.
 */

const HOST_COUNTS = [1, 8]
const TIMEOUT_MS = 5 * 60_000
/** The seeds releases.ts and rollback.ts write their trees with: same file sizes here. */
const RELEASES_SEED = 3
const ROLLBACK_SEED = 6
/** Every path this section puts under the hosts' mount point starts with this. */
const PREFIX = 'capistrano-'

/** What this section reads of the releases section's data (see releases.ts). */
interface ReleasesData {
  release: { files: number; totalBytes: number; shape: TreeShape }
  scenarios: {
    /** Who logged in on the hosts; Capistrano logs in as root, so root's rows are compared. */
    login?: string
    hosts: number
    kind: 'first' | 'redeploy' | 'fresh'
    shiprailMs: Summary
    rsyncMs: Summary
    shiprailBytes: Summary
    rsyncBytes: Summary
    filesLinked: Summary
  }[]
}

/** What this section reads of the rollback section's data (see rollback.ts). */
interface RollbackData {
  release: { smallFiles: number; largeFiles: number; largeBytes: number }
  results: { where: string; small: { wallMs: Summary }; large: { wallMs: Summary } }[]
}

/**
 * The peer section's data from this run, or (when `--only` left it out) from running it here
 * first, so a trial of this section alone still compares like with like.
 */
async function peerData<T>(
  ctx: SectionContext,
  peer: Section
): Promise<{ data: T; ranHere: boolean }> {
  const earlier = ctx.earlier.get(peer.id)
  if (earlier?.error) {
    throw new Error(`the ${peer.id} section failed in this run, so there is nothing to compare`)
  }
  if (earlier?.data) return { data: earlier.data as T, ranHere: false }
  ctx.progress(`the ${peer.id} section has not run in this run: running it first`)
  const tmp = await mkdtemp(join(ctx.tmp, `${peer.id}-`))
  const report = await peer.run({
    ...ctx,
    tmp,
    progress: message => ctx.progress(`${peer.id}: ${message}`)
  })
  await rm(tmp, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  return { data: report.data as T, ranHere: true }
}

/** One `cap ... deploy`: wall time and what git fetched into the hosts' mirrors. */
interface CapDeploy {
  wallMs: number
  /** Growth of `<deploy_to>/repo/objects`, summed over hosts. */
  fetchedBytes: number
  /** Commands run over SSH per host (Capistrano's log, all hosts ÷ hosts). */
  commandsPerHost: number
  release: string
}

async function capDeploy(
  project: CapistranoProject,
  ssh: SshHosts,
  source: GitSource,
  tree: ReleaseTree,
  hosts: number,
  deployTo: string,
  countFiles: boolean
): Promise<CapDeploy> {
  const indexes = Array.from({ length: hosts }, (_, i) => i)
  const sum = async () =>
    (await Promise.all(indexes.map(i => mirrorBytes(ssh, i, deployTo)))).reduce((a, b) => a + b, 0)
  const before = await sum()
  const run = await project.run(hosts, 'deploy', { repoUrl: source.url, deployTo }, TIMEOUT_MS)
  const fetchedBytes = (await sum()) - before
  // Every host must serve the tree just committed; counting 10,000 files is done on one host.
  const names = await Promise.all(
    indexes.map(i => verifyDeployed(ssh, i, deployTo, tree, countFiles && i === 0))
  )
  return {
    wallMs: run.wallMs,
    fetchedBytes,
    commandsPerHost: run.commands / hosts,
    release: names[0]
  }
}

/**
 * Polls host 0's `current` while a command runs: when it first points elsewhere, in ms from
 * the start. Capistrano switches the link early in `deploy:rollback` and then archives the
 * rolled-back release; this tells the two apart.
 */
function watchCurrent(link: string): { stop(): Promise<number | undefined> } {
  const started = performance.now()
  let running = true
  let switchedAt: number | undefined
  const initial = readlink(link).catch(() => undefined)
  const check = async () => {
    const now = await readlink(link).catch(() => undefined)
    if (now !== undefined && now !== (await initial)) switchedAt = performance.now() - started
  }
  const loop = (async () => {
    while (running && switchedAt === undefined) {
      await sleep(10)
      await check()
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      // A switch in the last few ms before the command ended.
      if (switchedAt === undefined) await check()
      return switchedAt
    }
  }
}

interface RollbackTarget {
  release: 'small' | 'large'
  tree: ReleaseTree
  source: GitSource
  deployTo: string
  /** The first release: every rollback returns to it. */
  base: string
  deployMs: number[]
  wallMs: number[]
  switchedMs: number[]
  archiveBytes: number[]
}

const section: Section = {
  id: 'capistrano',
  title: 'Capistrano 3 against Shiprail: deploy, redeploy and rollback over SSH',
  order: 35,
  async run(ctx) {
    const versions = await capistranoVersions()
    const git = (await timedRun('git', ['--version'], { timeoutMs: 10_000 })).stdout.trim()
    const releases = await peerData<ReleasesData>(ctx, releasesSection)
    const rollbacks = await peerData<RollbackData>(ctx, rollbackSection)
    const ssh = await ctx.sshHosts(Math.max(...HOST_COUNTS))
    const hostTmp = join(ssh.mountPoint, `${PREFIX}tmp`)
    const project = await writeCapistranoProject(
      join(ctx.tmp, 'project'),
      ssh,
      HOST_COUNTS,
      hostTmp
    )
    const hostPath = (i: number, deployTo: string) =>
      join(ssh.hostDir(i), relative(ssh.mountPoint, deployTo))
    const removeEverywhere = (deployTo: string) =>
      Promise.all(
        ssh.servers.map((_, i) =>
          rm(hostPath(i, deployTo), {
            recursive: true,
            force: true,
            maxRetries: 20,
            retryDelay: 50
          })
        )
      )

    // Deploy and redeploy: the releases section's tree shape, committed to a repository that
    // has been packed as a git server's would be.
    const shape = releases.data.release.shape
    ctx.progress(`writing a ${integer(shape.files)}-file release and its git repository`)
    const tree = await writeReleaseTree(join(ctx.tmp, 'release'), {
      ...shape,
      seed: RELEASES_SEED
    })
    const source = await createGitSource(tree, join(ctx.tmp, 'release.git'), 'server')
    const packBytes = await packBytesOf(join(ctx.tmp, 'release.git'))
    ctx.progress(
      `release: ${integer(tree.files)} files, ${bytes(tree.totalBytes)}; git pack ${bytes(packBytes)}`
    )

    // Two repeats of everything keep the section near 4–5 minutes on two cores: an 8-host
    // deploy and redeploy take about a minute, a large rollback with its deploy half of one.
    const repeats = ctx.repeats(2, 1)
    const deploys: { hosts: number; first: CapDeploy[]; redeploy: CapDeploy[] }[] = []
    let generation = 0
    try {
      for (const hosts of HOST_COUNTS) {
        const entry = { hosts, first: [] as CapDeploy[], redeploy: [] as CapDeploy[] }
        deploys.push(entry)
        for (let r = 0; r < repeats; r++) {
          const deployTo = join(ssh.mountPoint, `${PREFIX}${hosts}-${r}`)
          try {
            const first = await capDeploy(project, ssh, source, tree, hosts, deployTo, true)
            entry.first.push(first)
            ctx.progress(
              `${hosts} host(s), first deploy ${r + 1}/${repeats}: ${ms(first.wallMs)}, git fetched ${bytes(first.fetchedBytes)}`
            )
            await changeOneFile(tree, ++generation)
            await source.commit(`change ${generation}`)
            const again = await capDeploy(project, ssh, source, tree, hosts, deployTo, true)
            if (again.release === first.release) {
              throw new Error(`the redeploy to ${hosts} host(s) did not make a new release`)
            }
            entry.redeploy.push(again)
            ctx.progress(
              `${hosts} host(s), redeploy ${r + 1}/${repeats}: ${ms(again.wallMs)}, git fetched ${bytes(again.fetchedBytes)}`
            )
          } finally {
            await removeEverywhere(deployTo)
          }
        }
      }
    } finally {
      await rm(tree.dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    }

    // Rollback: the rollback section's two releases, one host, as its SSH row.
    const rb = rollbacks.data.release
    const perFile = Math.round(rb.largeBytes / rb.largeFiles)
    ctx.progress(`writing the rollback releases (1 file; ${integer(rb.largeFiles)} files)`)
    const trees = {
      small: await writeReleaseTree(join(ctx.tmp, 'small'), {
        files: rb.smallFiles,
        minBytes: 1000,
        maxBytes: 1000
      }),
      large: await writeReleaseTree(join(ctx.tmp, 'large'), {
        files: rb.largeFiles,
        minBytes: perFile,
        maxBytes: perFile,
        seed: ROLLBACK_SEED
      })
    }
    const targets: RollbackTarget[] = []
    const rollbackRepeats = ctx.repeats(2, 1)
    try {
      for (const release of ['small', 'large'] as const) {
        const t: RollbackTarget = {
          release,
          tree: trees[release],
          // Cloned once, by the first deploy, which is not timed.
          source: await createGitSource(trees[release], join(ctx.tmp, `${release}.git`), 'cheap'),
          deployTo: join(ssh.mountPoint, `${PREFIX}rollback-${release}`),
          base: '',
          deployMs: [],
          wallMs: [],
          switchedMs: [],
          archiveBytes: []
        }
        ctx.progress(`${release}: first deploy`)
        t.base = (await capDeploy(project, ssh, t.source, t.tree, 1, t.deployTo, false)).release
        targets.push(t)
      }
      for (let r = 0; r < rollbackRepeats; r++) {
        // Small and large take turns going first.
        const order = r % 2 === 0 ? targets : [...targets].reverse()
        for (const t of order) {
          await changeOneFile(t.tree, 1000 + r)
          await t.source.commit(`change ${r}`)
          const deployed = await capDeploy(project, ssh, t.source, t.tree, 1, t.deployTo, false)
          t.deployMs.push(deployed.wallMs)
          const watch = watchCurrent(join(hostPath(0, t.deployTo), 'current'))
          const run = await project
            .run(1, 'deploy:rollback', { repoUrl: t.source.url, deployTo: t.deployTo }, TIMEOUT_MS)
            .finally(() => watch.stop())
          const switchedMs = await watch.stop()
          const now = await currentRelease(ssh, 0, t.deployTo)
          if (now.name !== t.base) {
            throw new Error(`deploy:rollback (${t.release}) went to ${now.name}, not ${t.base}`)
          }
          t.wallMs.push(run.wallMs)
          t.switchedMs.push(switchedMs ?? Number.NaN)
          // cleanup_rollback leaves a tar.gz of the rolled-back release; measured, then removed
          // so the large repeats do not fill the disk.
          const dir = hostPath(0, t.deployTo)
          let archived = 0
          for (const f of await readdir(dir)) {
            if (!f.startsWith('rolled-back-release-')) continue
            archived += (await stat(join(dir, f))).size
            await rm(join(dir, f), { force: true })
          }
          t.archiveBytes.push(archived)
          ctx.progress(
            `${t.release} ${r + 1}/${rollbackRepeats}: deploy:rollback ${ms(run.wallMs)} ` +
              `(current switched after ${switchedMs === undefined ? '?' : ms(switchedMs)}); the deploy before it ${ms(deployed.wallMs)}`
          )
        }
      }
    } finally {
      await removeEverywhere(join(ssh.mountPoint, `${PREFIX}rollback-small`))
      await removeEverywhere(join(ssh.mountPoint, `${PREFIX}rollback-large`))
      await removeEverywhere(hostTmp)
    }

    // Shiprail and rsync come from their own sections, so a ratio here is one of medians.
    const peer = (hosts: number, kind: 'first' | 'redeploy') => {
      const s = releases.data.scenarios.find(
        x => x.hosts === hosts && x.kind === kind && (x.login ?? 'root').startsWith('root')
      )
      if (!s) throw new Error(`the releases section has no ${hosts}-host ${kind} numbers`)
      return s
    }
    const scenarios = deploys.flatMap(d =>
      (['first', 'redeploy'] as const).map(kind => {
        const samples = d[kind]
        const p = peer(d.hosts, kind)
        const capMs = summarize(samples.map(s => s.wallMs))
        return {
          hosts: d.hosts,
          kind,
          scenario: `${d.hosts} host${d.hosts > 1 ? 's' : ''}, ${kind === 'first' ? 'first deploy' : 'redeploy, 1 file changed'}`,
          capistranoMs: capMs,
          shiprailMs: p.shiprailMs,
          rsyncMs: p.rsyncMs,
          shiprailOverCapistrano: p.shiprailMs.median / capMs.median,
          capistranoOverRsync: capMs.median / p.rsyncMs.median,
          capistranoFetchedBytes: summarize(samples.map(s => s.fetchedBytes)),
          capistranoCommandsPerHost: summarize(samples.map(s => s.commandsPerHost)),
          shiprailBytes: p.shiprailBytes,
          rsyncBytes: p.rsyncBytes,
          shiprailFilesWrittenPerHost: tree.files - p.filesLinked.median / d.hosts,
          samples
        }
      })
    )
    const deployTable: Table = {
      caption: `${integer(tree.files)}-file release (${bytes(tree.totalBytes)}) over SSH: wall time`,
      columns: [
        'Scenario',
        'Capistrano 3',
        'Shiprail',
        'rsync -a (floor)',
        'Shiprail / Capistrano',
        'Capistrano / rsync'
      ],
      rows: scenarios.map(s => [
        s.scenario,
        spread(s.capistranoMs),
        spread(s.shiprailMs),
        spread(s.rsyncMs),
        ratio(s.shiprailOverCapistrano),
        ratio(s.capistranoOverRsync)
      ])
    }
    const workTable: Table = {
      caption: 'What moves and what is written (medians, all hosts together)',
      columns: [
        'Scenario',
        'Capistrano: git fetched into the hosts',
        'Shiprail: sent over SSH',
        'rsync: sent over SSH',
        'Files written per host, Capistrano',
        'Files written per host, Shiprail',
        'SSH commands per host, Capistrano'
      ],
      rows: scenarios.map(s => [
        s.scenario,
        bytes(s.capistranoFetchedBytes.median),
        bytes(s.shiprailBytes.median),
        bytes(s.rsyncBytes.median),
        integer(tree.files),
        integer(s.shiprailFilesWrittenPerHost),
        integer(s.capistranoCommandsPerHost.median)
      ])
    }

    const sshRollback = rollbacks.data.results.find(x => x.where === 'ssh')
    if (!sshRollback) throw new Error('the rollback section has no SSH numbers')
    const rollbackRows = targets.map(t => {
      const shiprailMs = sshRollback[t.release].wallMs
      const capistranoMs = summarize(t.wallMs)
      return {
        release: t.release,
        capistranoMs,
        shiprailMs,
        shiprailOverCapistrano: shiprailMs.median / capistranoMs.median,
        switchedMs: summarize(t.switchedMs),
        archiveBytes: summarize(t.archiveBytes.map(Math.round)),
        deployBeforeMs: summarize(t.deployMs),
        samples: {
          deployMs: t.deployMs,
          wallMs: t.wallMs,
          switchedMs: t.switchedMs,
          archiveBytes: t.archiveBytes
        }
      }
    })
    const [small, large] = rollbackRows
    const rollbackTable: Table = {
      caption: `Rollback over SSH (1 host): a 1-file release and a ${integer(rb.largeFiles)}-file / ${bytes(rb.largeBytes)} release`,
      columns: [
        'Release',
        'Capistrano deploy:rollback',
        'Shiprail rollback',
        'Shiprail / Capistrano',
        'Capistrano: current switched after',
        'Capistrano: archive left on the host'
      ],
      rows: [
        ...rollbackRows.map(r => [
          r.release === 'small' ? '1 file' : `${integer(rb.largeFiles)} files`,
          spread(r.capistranoMs),
          spread(r.shiprailMs),
          ratio(r.shiprailOverCapistrano),
          spread(r.switchedMs),
          bytes(r.archiveBytes.median)
        ]),
        [
          'Large / small',
          ratio(large.capistranoMs.median / small.capistranoMs.median),
          ratio(large.shiprailMs.median / small.shiprailMs.median),
          '',
          ratio(large.switchedMs.median / small.switchedMs.median),
          ''
        ]
      ]
    }

    const find = (hosts: number, kind: 'first' | 'redeploy') =>
      scenarios.find(s => s.hosts === hosts && s.kind === kind) as (typeof scenarios)[number]
    const f1 = find(1, 'first')
    const f8 = find(8, 'first')
    const r1 = find(1, 'redeploy')
    const r8 = find(8, 'redeploy')
    const capLarge = large.capistranoMs.median / small.capistranoMs.median
    const shipLarge = large.shiprailMs.median / small.shiprailMs.median
    const paragraph =
      `Capistrano ${versions.capistrano} (Debian's package, its git strategy, \`keep_releases\` 5) ` +
      `deployed the releases section's tree (${integer(tree.files)} files, ${bytes(tree.totalBytes)}) ` +
      `from a local git repository to the same 1 and 8 sshd hosts, first into an empty deploy path, ` +
      `then again with one file changed; Shiprail's and plain rsync's times are the releases section's ` +
      `from this run. A first deploy took ${ms(f1.capistranoMs.median)} to 1 host and ` +
      `${ms(f8.capistranoMs.median)} to 8, where Shiprail took ${ms(f1.shiprailMs.median)} and ` +
      `${ms(f8.shiprailMs.median)} (${ratio(f1.shiprailOverCapistrano)} and ` +
      `${ratio(f8.shiprailOverCapistrano)}); the one-file redeploy took ${ms(r1.capistranoMs.median)} and ` +
      `${ms(r8.capistranoMs.median)}, Shiprail ${ms(r1.shiprailMs.median)} and ${ms(r8.shiprailMs.median)} ` +
      `(${ratio(r1.shiprailOverCapistrano)} and ${ratio(r8.shiprailOverCapistrano)}). On a redeploy each ` +
      `host's git mirror fetches only the new objects (${bytes(r8.capistranoFetchedBytes.median)} for 8 ` +
      `hosts), but Capistrano then extracts the whole tree again with \`git archive\`: ` +
      `${integer(tree.files)} files written per host where Shiprail writes ` +
      `${integer(r8.shiprailFilesWrittenPerHost)} and hard-links the rest, so every release Capistrano ` +
      `keeps is a full copy on disk. It also runs each step as its own SSH command, ` +
      `${integer(r8.capistranoCommandsPerHost.median)} per host per deploy, each starting the login shell ` +
      `noted at the top. \`cap deploy:rollback\` took ${ms(small.capistranoMs.median)} for a 1-file ` +
      `release and ${ms(large.capistranoMs.median)} for the ${bytes(rb.largeBytes)} one ` +
      `(${ratio(capLarge)}), Shiprail's rollback ${ms(small.shiprailMs.median)} and ` +
      `${ms(large.shiprailMs.median)} (${ratio(shipLarge)}): Capistrano has switched \`current\` after ` +
      `${ms(large.switchedMs.median)}, then tars and gzips the rolled-back release on the host before it ` +
      `deletes it (${bytes(large.archiveBytes.median)} of archive left behind per rollback of the large ` +
      `release), the part that grows with the release. For a user moving from Capistrano: the servers ` +
      `need no access to the git repository, a redeploy writes and stores only what changed, and a ` +
      `rollback costs the same whatever the release's size.`
    return {
      paragraph,
      tables: [deployTable, workTable, rollbackTable],
      notes: [
        `Capistrano: wall time of \`cap <stage> deploy\` and \`cap <stage> deploy:rollback\` from spawn to exit (Ruby start-up included, as Node's is for Shiprail); Capistrano ${versions.capistrano}, Ruby ${versions.ruby}, net-ssh ${versions.netSsh}, ${git}. Each of its SSH commands (counted from its log) starts the same login shell as Shiprail's; see the note at the top.`,
        `Capistrano's source is a bare repository on this machine, cloned by each host over \`file://\` (git's transport, no hard links): on real servers that clone and every fetch come from the git server over the network, so git's part here is a floor. Its "git fetched" is the growth of each host's mirror (\`repo/objects\`), summed; none of it passes through the deploying machine. The repository is packed like a server's: git's delta compression finds the bench's files alike (they are slices of one random pool) and packs the ${bytes(tree.totalBytes)} tree into ${bytes(packBytes)}, where rsync and Shiprail send the random bytes as they are; how much git saves depends on the files.`,
        `Shiprail and rsync: the releases and rollback sections of this run${releases.ranHere || rollbacks.ranHere ? ' (run by this section first, since `--only` left them out)' : ''}, same hosts and tree shape (same sizes, other random bytes); their ratios to Capistrano are ratios of medians, not of paired runs. Files written per host for Shiprail: the tree minus the files it hard-linked.`,
        `Rollback: before each, a new release (one file changed) was deployed, so every rollback returns to the same first release, checked on the host afterwards; "current switched after" polls the host's \`current\` link every 10 ms during \`deploy:rollback\`. The rolled-back archive is removed after each repeat. Small and large take turns going first; ${rollbackRepeats} rollbacks of each.`
      ],
      data: {
        versions: { ...versions, git },
        shiprailFrom: releases.ranHere ? 'run by this section' : 'releases section',
        shiprailRollbackFrom: rollbacks.ranHere ? 'run by this section' : 'rollback section',
        release: { files: tree.files, totalBytes: tree.totalBytes, packBytes, shape },
        repeats: {
          deploy: repeats,
          rollback: rollbackRepeats
        },
        scenarios,
        rollback: rollbackRows
      }
    }
  }
}

/** Size of a repository's object store (the pack a clone receives, roughly). */
async function packBytesOf(dir: string): Promise<number> {
  const packs = join(dir, 'objects', 'pack')
  let total = 0
  for (const f of await readdir(packs)) {
    if (f.endsWith('.pack')) total += (await stat(join(packs, f))).size
  }
  return total
}

export default section
