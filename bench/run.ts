/**
 * `npm run bench`: runs every section in bench/sections/ in order, prints progress, and writes
 * bench/results.json and BENCHMARKS.md. A section is one file there whose default export is a
 * Section (see section.ts); nothing else needs to change to add one.
 *
 *   --quick          fewer repeats and smaller sizes, to try the bench out
 *   --only a,b       just these sections (ids as in results.json)
 *   --repeats N      repeat every measurement N times (full sizes unless --quick)
 *   --list           print the section ids and exit
 *
 * Only a full run (no --quick, no --only) writes the committed files; other runs write to
 * build/bench/out/ so a trial cannot overwrite the published numbers.
 */
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { snapshotDist } from './dist-snapshot.js'
import { describeMachine } from './machine.js'
import { Progress } from './progress.js'
import { writeResults, type BenchResults } from './report.js'
import type { Section, SectionResult } from './section.js'
import { startSshHosts, type SshHosts } from './ssh-hosts.js'
import { ms } from './format.js'

const here = import.meta.dirname
/** The project root: bench/run.ts is compiled to build/bench/bench/run.js. */
function findRoot(): string {
  for (const candidate of [resolve(here, '..', '..', '..'), resolve(here, '..'), process.cwd()]) {
    if (existsSync(join(candidate, 'bench', 'run.ts')) && existsSync(join(candidate, 'dist'))) {
      return candidate
    }
  }
  throw new Error('Cannot find the project root (a folder with bench/run.ts and dist/).')
}

/** The most hosts any section asks for; the pool starts them all at once on first use. */
const SSH_POOL_SIZE = 8

interface Options {
  quick: boolean
  only?: string[]
  repeats?: number
  list: boolean
}

function parseOptions(argv: string[]): Options {
  const options: Options = { quick: false, list: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--quick') options.quick = true
    else if (arg === '--list') options.list = true
    else if (arg === '--only') options.only = (argv[++i] ?? '').split(',').filter(Boolean)
    else if (arg.startsWith('--only=')) options.only = arg.slice(7).split(',').filter(Boolean)
    else if (arg === '--repeats') {
      options.repeats = Number(argv[++i])
      if (!Number.isInteger(options.repeats) || options.repeats < 1) {
        throw new Error('--repeats takes a whole number of at least 1')
      }
    } else
      throw new Error(
        `Unknown argument ${arg}; expected --quick, --only a,b, --repeats N or --list.`
      )
  }
  return options
}

async function loadSections(root: string): Promise<Section[]> {
  // The sources decide which sections exist, so a deleted section's stale .js in build/ is
  // never run.
  const names = readdirSync(join(root, 'bench', 'sections'))
    .filter(f => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map(f => basename(f, '.ts'))
  const sections: Section[] = []
  for (const name of names) {
    const file = join(here, 'sections', `${name}.js`)
    const mod = (await import(pathToFileURL(file).href)) as { default?: Section }
    if (!mod.default?.run)
      throw new Error(`bench/sections/${name}.ts has no default Section export`)
    sections.push(mod.default)
  }
  return sections.sort((a, b) => a.order - b.order)
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2))
  const root = findRoot()
  let sections = await loadSections(root)
  if (options.list) {
    for (const s of sections) process.stdout.write(`${s.id}\t${s.title}\n`)
    return 0
  }
  if (options.only) {
    const unknown = options.only.filter(id => !sections.some(s => s.id === id))
    if (unknown.length) {
      throw new Error(`Unknown section(s) ${unknown.join(', ')}; --list shows the ids.`)
    }
    sections = sections.filter(s => options.only?.includes(s.id))
  }

  const progress = new Progress()
  const startedAt = new Date()
  const full = !options.quick && !options.only && !options.repeats
  progress.line(
    'bench',
    `${full ? 'full run' : 'trial run'}${options.quick ? ' (--quick)' : ''}: ${sections.map(s => s.id).join(', ')}`
  )
  const machine = await describeMachine(root)
  progress.line(
    'bench',
    `${machine.cpu}, ${machine.cores} cores, ${machine.os}, Node ${machine.node}; ` +
      `SSH login shell starts in ${ms(machine.sshShellStartMs.withBashrc.median)}`
  )

  const work = await mkdtemp(join(tmpdir(), 'shiprail-bench-'))
  const dist = await snapshotDist(root, work, message => progress.line('bench', message)).catch(
    async (err: unknown) => {
      await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
      throw err
    }
  )
  machine.distMatchesCommit = dist.matchesCommit
  let pool: Promise<SshHosts> | undefined
  const stopAll = async () => {
    if (pool) await (await pool.catch(() => undefined))?.stop()
    await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  }
  const onSignal = (signal: NodeJS.Signals) => {
    progress.line('bench', `${signal}: stopping the servers`)
    void stopAll().finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const earlier = new Map<string, SectionResult>()
  let failed = false
  try {
    for (const section of sections) {
      const scope = section.id
      const tmp = await mkdtemp(join(work, `${section.id}-`))
      const t0 = Date.now()
      const loadAtStart = loadavg()[0]
      progress.line(scope, `start: ${section.title} (load average ${loadAtStart.toFixed(2)})`)
      let result: SectionResult
      try {
        const report = await section.run({
          quick: options.quick,
          repeats: (full, quick) => options.repeats ?? (options.quick ? quick : full),
          root,
          dist: dist.dir,
          tmp,
          progress: message => progress.line(scope, message),
          async sshHosts(count) {
            if (count > SSH_POOL_SIZE) throw new Error(`at most ${SSH_POOL_SIZE} SSH hosts`)
            if (!pool) {
              progress.line(scope, `starting ${SSH_POOL_SIZE} sshd hosts`)
              pool = startSshHosts(join(work, 'ssh'), SSH_POOL_SIZE)
            }
            const hosts = await pool
            return { ...hosts, servers: hosts.servers.slice(0, count) }
          },
          earlier
        })
        result = {
          id: section.id,
          title: section.title,
          durationMs: Date.now() - t0,
          load: { start: loadAtStart, end: loadavg()[0] },
          ...report
        }
      } catch (err) {
        failed = true
        const message = err instanceof Error ? err.message : String(err)
        progress.line(scope, `FAILED: ${message}`)
        result = {
          id: section.id,
          title: section.title,
          durationMs: Date.now() - t0,
          load: { start: loadAtStart, end: loadavg()[0] },
          error: message
        }
      } finally {
        await rm(tmp, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
      }
      earlier.set(section.id, result)
      progress.line(scope, `done in ${ms(result.durationMs)}`)
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await stopAll()
  }

  const results: BenchResults = {
    generatedBy: 'npm run bench',
    quick: options.quick,
    ...(options.only ? { only: options.only } : {}),
    ...(options.repeats ? { repeats: options.repeats } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: progress.elapsedMs(),
    machine,
    sections: [...earlier.values()]
  }
  const outDir = full ? root : join(root, 'build', 'bench', 'out')
  const jsonPath = join(outDir, 'bench', 'results.json')
  const mdPath = join(outDir, 'BENCHMARKS.md')
  await writeResults(results, jsonPath, mdPath)
  progress.line('bench', `wrote ${mdPath} and ${jsonPath} (${ms(results.durationMs)} in all)`)
  if (failed) progress.line('bench', 'some sections failed; see the report')
  return failed ? 1 : 0
}

main().then(
  code => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(2)
  }
)
