import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { bytes, integer, ms, ratio, ratioSpread, spread } from '../format.js'
import { changeOneFile, writeReleaseTree, type ReleaseTree } from '../release-tree.js'
import { size, type Section, type SectionContext, type Table } from '../section.js'
import { shiprail } from '../shiprail-cli.js'
import type { SshHosts } from '../ssh-hosts.js'
import { pairedRatio, summarize } from '../stats.js'

/**
 * Issue 6's benchmark: rolling back a 1-file release and a 10,000-file / 200 MB release, on this
 * machine (`hosts: local`) and over SSH. A rollback is a symlink switch, so the ratio
 * large/small should be about 1.
 */

const TIMEOUT_MS = 5 * 60_000

interface Target {
  where: 'local' | 'ssh'
  release: 'small' | 'large'
  tree: ReleaseTree
  hosts: string
  path: string
  ledgerFile: string
  env: Record<string, string>
  generation: number
  /** Wall time of each redeploy (one file changed) that set up a rollback. */
  deployMs: number[]
  /** Wall time of `shiprail rollback`, its switch time (driver) and its own duration. */
  wallMs: number[]
  switchMs: number[]
  durationMs: number[]
}

async function deploy(ctx: SectionContext, t: Target): Promise<number> {
  const run = await shiprail(
    ctx.dist,
    'deploy',
    {
      environment: 'bench',
      version: `${t.release}.${++t.generation}`,
      driver: 'releases',
      source: t.tree.dir,
      hosts: t.hosts,
      path: t.path,
      ledger: 'file',
      'ledger-file': t.ledgerFile
    },
    { cwd: ctx.tmp, env: t.env, timeoutMs: TIMEOUT_MS }
  )
  if (run.json.outcome !== 'success') throw new Error(`deploy: ${run.json.outcome}`)
  return run.wallMs
}

async function rollback(ctx: SectionContext, t: Target): Promise<void> {
  const run = await shiprail(
    ctx.dist,
    'rollback',
    {
      environment: 'bench',
      driver: 'releases',
      hosts: t.hosts,
      path: t.path,
      ledger: 'file',
      'ledger-file': t.ledgerFile,
      reason: 'bench'
    },
    { cwd: ctx.tmp, env: t.env, timeoutMs: TIMEOUT_MS }
  )
  // Every rollback lands on the first release: each later one was rolled back from (bad).
  const expected = `${t.release}.1`
  if (run.json.outcome !== 'success' || run.json.version !== expected) {
    throw new Error(`rollback: ${run.json.outcome}, to ${run.json.version} (expected ${expected})`)
  }
  t.wallMs.push(run.wallMs)
  t.switchMs.push(run.json.driverMs ?? Number.NaN)
  t.durationMs.push(run.json.durationMs)
}

const section: Section = {
  id: 'rollback',
  title: 'Rollback: constant time whatever the release size',
  order: 30,
  async run(ctx) {
    const repeats = ctx.repeats(5, 2)
    const largeShape = size(
      ctx,
      { files: 10_000, minBytes: 20_000, maxBytes: 20_000 },
      { files: 1_000, minBytes: 20_000, maxBytes: 20_000 }
    )
    ctx.progress(`writing the releases (1 file; ${integer(largeShape.files)} files of 20 kB)`)
    const small = await writeReleaseTree(join(ctx.tmp, 'small'), {
      files: 1,
      minBytes: 1000,
      maxBytes: 1000
    })
    const large = await writeReleaseTree(join(ctx.tmp, 'large'), { ...largeShape, seed: 6 })
    ctx.progress(`large release: ${integer(large.files)} files, ${bytes(large.totalBytes)}`)
    const ssh: SshHosts = await ctx.sshHosts(1)
    await mkdir(join(ctx.tmp, 'local'), { recursive: true })

    const targets: Target[] = []
    for (const where of ['local', 'ssh'] as const) {
      for (const [release, tree] of [
        ['small', small],
        ['large', large]
      ] as const) {
        targets.push({
          where,
          release,
          tree,
          hosts: where === 'local' ? 'local' : ssh.servers[0].label,
          path:
            where === 'local'
              ? join(ctx.tmp, 'local', `app-${release}`)
              : join(ssh.mountPoint, `rollback-${release}`),
          ledgerFile: join(ctx.tmp, `ledger-${where}-${release}.json`),
          env:
            where === 'local'
              ? {}
              : { SHIPRAIL_SSH_KEY: ssh.privateKey, SHIPRAIL_KNOWN_HOSTS: ssh.knownHosts },
          generation: 0,
          deployMs: [],
          wallMs: [],
          switchMs: [],
          durationMs: []
        })
      }
    }
    const get = (where: string, release: string) =>
      targets.find(t => t.where === where && t.release === release) as Target

    try {
      for (const t of targets) {
        ctx.progress(`${t.where}, ${t.release}: first deploy`)
        await deploy(ctx, t)
      }
      for (let r = 0; r < repeats; r++) {
        for (const where of ['local', 'ssh']) {
          // Small and large take turns going first.
          const pair = r % 2 === 0 ? ['small', 'large'] : ['large', 'small']
          for (const release of pair) {
            const t = get(where, release)
            await changeOneFile(t.tree, 1000 + r)
            t.deployMs.push(await deploy(ctx, t))
            await rollback(ctx, t)
            ctx.progress(
              `${where}, ${release} ${r + 1}/${repeats}: rollback ${ms(t.wallMs.at(-1) as number)} ` +
                `(switch ${ms(t.switchMs.at(-1) as number)}); the redeploy before it ${ms(t.deployMs.at(-1) as number)}`
            )
          }
        }
      }
    } finally {
      for (const release of ['small', 'large']) {
        await rm(join(ssh.hostDir(0), `rollback-${release}`), {
          recursive: true,
          force: true,
          maxRetries: 20,
          retryDelay: 50
        })
      }
    }

    const rows = (['local', 'ssh'] as const).map(where => {
      const s = get(where, 'small')
      const l = get(where, 'large')
      return {
        where,
        small: { wallMs: summarize(s.wallMs), switchMs: summarize(s.switchMs) },
        large: { wallMs: summarize(l.wallMs), switchMs: summarize(l.switchMs) },
        wallRatio: pairedRatio(l.wallMs, s.wallMs),
        switchRatio: pairedRatio(l.switchMs, s.switchMs),
        largeRedeployMs: summarize(l.deployMs),
        redeployOverRollback: pairedRatio(l.deployMs, l.wallMs),
        samples: { small: s, large: l }
      }
    })
    const whereLabel = (w: string) =>
      w === 'local' ? 'local (`hosts: local`)' : 'over SSH (1 host)'
    const main: Table = {
      caption: `Rollback of a 1-file release and of a ${integer(large.files)}-file / ${bytes(large.totalBytes)} release`,
      columns: [
        'Where',
        'Rollback, 1 file',
        'Rollback, large',
        'Large / small',
        'Switch, 1 file',
        'Switch, large',
        'Large / small (switch)'
      ],
      rows: rows.map(r => [
        whereLabel(r.where),
        spread(r.small.wallMs),
        spread(r.large.wallMs),
        ratioSpread(r.wallRatio),
        spread(r.small.switchMs),
        spread(r.large.switchMs),
        ratioSpread(r.switchRatio)
      ])
    }
    const versusRedeploy: Table = {
      caption:
        'The large release: rollback against the quickest redeploy (one file changed, everything else hard-linked)',
      columns: ['Where', 'Redeploy', 'Rollback', 'Redeploy / rollback'],
      rows: rows.map(r => [
        whereLabel(r.where),
        spread(r.largeRedeployMs),
        spread(r.large.wallMs),
        ratioSpread(r.redeployOverRollback)
      ])
    }
    const local = rows[0]
    const remote = rows[1]
    const paragraph =
      `\`shiprail rollback --driver releases\` (the committed CLI bundle, file ledger) was timed on a release ` +
      `of one file and on one of ${integer(large.files)} files (${bytes(large.totalBytes)}), on this machine's ` +
      `filesystem and over SSH to one sshd host; before each rollback a new version (one file changed) was ` +
      `deployed, so every rollback goes back to the same kept release. Rolling back the large release took ` +
      `${ms(local.large.wallMs.median)} locally and ${ms(remote.large.wallMs.median)} over SSH, ` +
      `${ratio(local.wallRatio.median)} and ${ratio(remote.wallRatio.median)} the time for the 1-file release: ` +
      `no file is copied, each host's \`current\` symlink is switched to the release it still keeps, so the time ` +
      `is Node start-up, reading the ledger, locking, the switch and the history line, none of which grows with ` +
      `the release. Over SSH nearly all of it is SSH commands (see the login-shell note above). For a user: ` +
      `backing out of a bad version costs the same small, predictable time whether the app is a script or a ` +
      `${bytes(large.totalBytes)} tree, and is ${ratio(remote.redeployOverRollback.median)} quicker over SSH ` +
      `(${ratio(local.redeployOverRollback.median)} locally) than even the cheapest redeploy of that release.`
    return {
      paragraph,
      tables: [main, versusRedeploy],
      notes: [
        "Rollback: wall time of `node dist/cli/index.js rollback ... --json` from spawn to exit. Switch: `driverMs` of its `--json` result, the releases driver's part (connect, lock, switch, history).",
        `Small and large take turns going first; ${repeats} rollbacks of each.`
      ],
      data: {
        release: { smallFiles: 1, largeFiles: large.files, largeBytes: large.totalBytes },
        repeats,
        results: rows
      }
    }
  }
}

export default section
