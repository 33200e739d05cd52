import { copyFileSync, mkdirSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startTestServer } from '../../__tests__/support/test-http-server.js'
import { BUNDLES } from '../dist-snapshot.js'
import { bytes, ms, ratioSpread, spread } from '../format.js'
import { hasGnuTime, lastLines, mustRun, timedRun } from '../processes.js'
import { actionInputs, runnerEnv } from '../runner-env.js'
import type { Section, SectionContext, Table } from '../section.js'
import { pairedRatio, summarize, type Summary } from '../stats.js'

/**
 * Issue 9's bundle figures: for each dist/<bundle>/index.js, the wall time from process start
 * to exit doing its quickest real work (or a bad-input exit), its peak memory, and its size.
 */

interface Invocation {
  args: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  /** Checks the finished run did what the workload says. */
  check(code: number | null, stdout: string): string | undefined
}

interface Workload {
  /** Bundle folder under dist/, or `node` for the bare-Node reference. */
  bundle: string
  what: string
  prepare(): Invocation
}

interface Sample {
  wallMs: number[]
  rssBytes: number[]
}

async function directorySize(dir: string): Promise<{ bytes: number; files: number }> {
  let total = 0
  let files = 0
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    total += (await stat(join(entry.parentPath, entry.name))).size
    files++
  }
  return { bytes: total, files }
}

/** The runner's way: a fresh workspace and file commands per run, every action.yml default. */
function actionRun(
  ctx: SectionContext,
  bundle: string,
  actionDir: string,
  inputs: Record<string, string>,
  check: Invocation['check'],
  before?: (workspace: string) => void
): Invocation {
  const runner = runnerEnv(ctx.tmp, actionInputs(ctx.root, actionDir, inputs))
  before?.(runner.dir)
  return {
    args: [join(ctx.dist, bundle, 'index.js')],
    env: runner.env,
    cwd: runner.dir,
    check(code, stdout) {
      const problem = check(code, stdout)
      if (problem) return problem
      if (code === 0 && bundle === 'smoke-test' && runner.outputs().passed !== 'true') {
        return 'output passed is not true'
      }
      return undefined
    }
  }
}

const succeeds: Invocation['check'] = (code, stdout) =>
  code === 0 ? undefined : `exited with ${code}: ${lastLines(stdout)}`
const failsWithOneLine: Invocation['check'] = (code, stdout) =>
  code !== 0 && /::error::/.test(stdout) ? undefined : `expected an error exit, got ${code}`

const section: Section = {
  id: 'bundles',
  title: 'Bundles: cold start, peak memory and size',
  // Before smoke, which quotes this section's smoke-test cold start rather than measure it twice.
  order: 15,
  async run(ctx) {
    if (!hasGnuTime()) throw new Error('/usr/bin/time (GNU time) is needed for peak memory')
    const repeats = ctx.repeats(10, 3)
    const server = await startTestServer({ routes: { '/ok': { body: 'ok' } } })
    try {
      const okUrl = `${server.url}/ok`
      // A ledger holding two deploys, so the rollback bundle has a target to go back to.
      const history = join(ctx.tmp, 'history')
      for (const version of ['1.0.0', '1.0.1']) {
        const inv = actionRun(
          ctx,
          'deploy',
          'deploy',
          { environment: 'bench', version, run: 'true', ledger: 'file' },
          succeeds,
          dir => {
            mkdirSync(join(dir, '.shiprail'), { recursive: true })
            if (version !== '1.0.0')
              copyFileSync(join(history, 'ledger.json'), join(dir, '.shiprail', 'ledger.json'))
          }
        )
        await mustRun(process.execPath, inv.args, {
          env: inv.env,
          cwd: inv.cwd,
          timeoutMs: 60_000
        })
        mkdirSync(history, { recursive: true })
        copyFileSync(join(inv.cwd, '.shiprail', 'ledger.json'), join(history, 'ledger.json'))
      }

      const workloads: Workload[] = [
        {
          bundle: 'node',
          what: 'bare `node -e ""` (the floor)',
          prepare: () => ({ args: ['-e', ''], env: process.env, cwd: ctx.tmp, check: succeeds })
        },
        {
          bundle: 'deploy',
          what: 'command driver `run: true`, file ledger',
          prepare: () =>
            actionRun(
              ctx,
              'deploy',
              'deploy',
              { environment: 'bench', version: '2.0.0', run: 'true', ledger: 'file' },
              succeeds
            )
        },
        {
          bundle: 'rollback',
          what: 'command driver `run: true`, file ledger with two deploys',
          prepare: () =>
            actionRun(
              ctx,
              'rollback',
              'rollback',
              { environment: 'bench', run: 'true', ledger: 'file', reason: 'bench' },
              succeeds,
              dir => {
                mkdirSync(join(dir, '.shiprail'), { recursive: true })
                copyFileSync(join(history, 'ledger.json'), join(dir, '.shiprail', 'ledger.json'))
              }
            )
        },
        {
          bundle: 'history',
          what: 'file ledger with two deploys',
          prepare: () =>
            actionRun(
              ctx,
              'history',
              'history',
              { environment: 'bench', ledger: 'file' },
              succeeds,
              dir => {
                mkdirSync(join(dir, '.shiprail'), { recursive: true })
                copyFileSync(join(history, 'ledger.json'), join(dir, '.shiprail', 'ledger.json'))
              }
            )
        },
        {
          bundle: 'smoke-test',
          what: 'one check against a local endpoint',
          prepare: () => actionRun(ctx, 'smoke-test', 'smoke-test', { url: okUrl }, succeeds)
        },
        {
          bundle: 'status-check',
          what: 'no inputs given: a bad-input exit',
          prepare: () => actionRun(ctx, 'status-check', 'status-check', {}, failsWithOneLine)
        },
        {
          bundle: 'action',
          what: 'root action, `step: smoke-test`, one check',
          prepare: () => actionRun(ctx, 'action', '.', { step: 'smoke-test', url: okUrl }, succeeds)
        },
        {
          bundle: 'cli',
          what: '`shiprail smoke-test --url …`, one check',
          prepare: () => ({
            args: [join(ctx.dist, 'cli', 'index.js'), 'smoke-test', '--url', okUrl],
            env: { PATH: process.env.PATH, HOME: process.env.HOME },
            cwd: ctx.tmp,
            check: succeeds
          })
        }
      ]
      const missing = BUNDLES.filter(b => !workloads.some(w => w.bundle === b))
      if (missing.length) throw new Error(`no workload for bundle(s) ${missing.join(', ')}`)

      const samples = new Map<string, Sample>(
        workloads.map(w => [w.bundle, { wallMs: [], rssBytes: [] }])
      )
      for (let r = 0; r < repeats; r++) {
        // Round-robin, so a busy moment of the machine spreads over every bundle.
        for (const w of workloads) {
          const inv = w.prepare()
          const run = await timedRun(process.execPath, inv.args, {
            env: inv.env,
            cwd: inv.cwd,
            timeoutMs: 60_000,
            measureMemory: true
          })
          const problem = inv.check(run.code, run.stdout)
          if (problem) throw new Error(`${w.bundle}: ${problem}`)
          const s = samples.get(w.bundle) as Sample
          s.wallMs.push(run.wallMs)
          if (run.maxRssKiB) s.rssBytes.push(run.maxRssKiB * 1024)
        }
        ctx.progress(
          `round ${r + 1}/${repeats}: ${workloads.map(w => `${w.bundle} ${ms((samples.get(w.bundle) as Sample).wallMs[r])}`).join(', ')}`
        )
      }

      const node = samples.get('node') as Sample
      const sizes = new Map<
        string,
        { bytes: number; files: number; indexBytes: number; indexGzip: number }
      >()
      for (const b of BUNDLES) {
        const dir = await directorySize(join(ctx.dist, b))
        const index = await readFile(join(ctx.dist, b, 'index.js'))
        sizes.set(b, { ...dir, indexBytes: index.length, indexGzip: gzipSync(index).length })
      }
      const distTotal = await directorySize(ctx.dist)

      const results = workloads.map(w => {
        const s = samples.get(w.bundle) as Sample
        return {
          bundle: w.bundle,
          workload: w.what,
          wallMs: summarize(s.wallMs),
          overNode: pairedRatio(s.wallMs, node.wallMs),
          rssBytes: s.rssBytes.length ? summarize(s.rssBytes) : undefined,
          size: sizes.get(w.bundle)
        }
      })
      const table: Table = {
        caption: 'Each bundle started as the Actions runner starts it (the CLI as a terminal does)',
        textColumns: 2,
        columns: [
          'Bundle',
          'Work done',
          'Start to exit',
          'Against bare Node',
          'Peak memory',
          'Folder size (files)',
          'index.js',
          'index.js gzipped'
        ],
        rows: results.map(r => [
          r.bundle === 'node' ? 'node' : `dist/${r.bundle}`,
          r.workload,
          spread(r.wallMs),
          r.bundle === 'node' ? '' : ratioSpread(r.overNode),
          r.rssBytes ? spread(r.rssBytes as Summary, bytes) : 'n/a',
          r.size ? `${bytes(r.size.bytes)} (${r.size.files})` : '',
          r.size ? bytes(r.size.indexBytes) : '',
          r.size ? bytes(r.size.indexGzip) : ''
        ])
      }
      table.rows.push([
        'all of dist/',
        '',
        '',
        '',
        '',
        `${bytes(distTotal.bytes)} (${distTotal.files})`,
        '',
        ''
      ])

      const steps = results.filter(r => ['deploy', 'rollback', 'smoke-test'].includes(r.bundle))
      const slowest = steps.reduce((a, b) => (a.wallMs.median > b.wallMs.median ? a : b))
      const heaviest = results
        .filter(r => r.rssBytes && r.bundle !== 'node')
        .reduce((a, b) => ((a.rssBytes?.median ?? 0) > (b.rssBytes?.median ?? 0) ? a : b))
      const paragraph =
        `Each committed bundle was started ${repeats} times the way its user starts it (the step bundles with ` +
        `the runner's environment and every \`action.yml\` default; the CLI from a shell), doing its quickest ` +
        `real work: a deploy and a rollback with the command driver and a file ledger, one smoke check against ` +
        `a local endpoint; status-check exits on missing input. Bare Node took ${ms(node.wallMs.length ? summarize(node.wallMs).median : 0)} ` +
        `to start and exit; the step bundles took ${steps.map(s => `${ms(s.wallMs.median)} (${s.bundle})`).join(', ')}, ` +
        `the slowest ${ratioSpread(slowest.overNode).split(' ')[0]} bare Node, and at most ${bytes(heaviest.rssBytes?.median ?? 0)} ` +
        `of memory (${heaviest.bundle}). Every bundle carries the whole engine, ${bytes(sizes.get('deploy')?.bytes ?? 0)} ` +
        `on disk, so \`dist/\` adds up to ${bytes(distTotal.bytes)}. For a user: a Shiprail step costs a job about ` +
        `${ms(slowest.wallMs.median)} of start-up and work and ${bytes(heaviest.rssBytes?.median ?? 0)} of memory; the ` +
        `runner downloads the action's repository (dist/ included, ${bytes(distTotal.bytes)}) once per job.`
      return {
        paragraph,
        tables: [table],
        notes: [
          'Start to exit: spawn to exit measured by the bench around GNU time (`/usr/bin/time -f %M`), which also gives the peak resident set size of the Node process. Bundles run round-robin, bare Node included, and the ratio pairs each run with the bare-Node run of the same round.',
          'The GitHub ledger is not used here (file ledger): its API calls have their own section.'
        ],
        data: { repeats, results, samples: Object.fromEntries(samples), distTotal }
      }
    } finally {
      await server.close()
    }
  }
}

export default section
