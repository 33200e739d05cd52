import { spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createReleasesDriver } from '../../src/core/drivers/releases-driver.js'
import { testContext } from '../support/context.js'
import {
  assetBody,
  liveRelease,
  pageBody,
  releasesSettings,
  request,
  servedVersion,
  tempDir,
  writeRelease
} from './fixtures.js'

/*
 * SIGKILL at random moments: the driver runs in a child process (the tsc output of src/, so
 * the test needs no loader), and the kill takes the whole job down as a cancelled runner
 * would: the node process and every process it started (found by a marker in their
 * environment, since the driver starts them in their own process groups).
 */
let work: string
let driverModule: string

beforeAll(async () => {
  work = await tempDir('kill')
  const out = join(work, 'build')
  const tsc = spawnSync(
    resolve('node_modules/.bin/tsc'),
    [
      'src/core/drivers/releases-driver.ts',
      '--outDir',
      out,
      '--rootDir',
      'src',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--skipLibCheck',
      '--strict',
      '--types',
      'node'
    ],
    { encoding: 'utf8', timeout: 120_000 }
  )
  if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}${tsc.stderr}`)
  await writeFile(join(out, 'package.json'), '{"type":"module"}')
  driverModule = join(out, 'core', 'drivers', 'releases-driver.js')
}, 180_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

const EXTRA = Object.fromEntries(
  Array.from({ length: 40 }, (_, i) => [`files/f${i}.txt`, `file ${i}`])
)

function killMarked(mark: string): number {
  let found = 0
  for (const pid of readdirSync('/proc').filter(n => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`SHIPRAIL_KILL_MARK=${mark}`)) {
        process.kill(Number(pid), 'SIGKILL')
        found++
      }
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found
}

/** `current` resolves to a release whose every file is that release's version, none missing. */
function assertWholeRelease(root: string): void {
  if (!existsSync(join(root, 'current'))) return
  const version = servedVersion(root)
  expect(version).toBeDefined()
  const dir = join(root, 'current')
  expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(pageBody(version!))
  expect(readFileSync(join(dir, 'assets', 'app.js'), 'utf8')).toBe(assetBody(version!))
  for (const [name, content] of Object.entries(EXTRA))
    expect(readFileSync(join(dir, name), 'utf8')).toBe(content)
}

function runChild(settings: object, version: string, mark: string) {
  const child = spawn(
    process.execPath,
    [
      resolve('__tests__/support/deploy-child.mjs'),
      JSON.stringify({ driverModule, settings, request: request(version) })
    ],
    {
      env: { ...process.env, SHIPRAIL_KILL_MARK: mark },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let output = ''
  child.stdout.on('data', d => (output += d))
  child.stderr.on('data', d => (output += d))
  const done = new Promise<number | null>(r => child.on('exit', code => r(code)))
  return { child, done, output: () => output }
}

test('SIGKILL at random moments over 30 runs never leaves current broken; the next deploy succeeds', async () => {
  const root = join(work, 'app')
  const src = join(work, 'src')
  const settings = releasesSettings({
    path: root,
    source: src,
    beforeSwitch: 'sleep 0.05',
    keepReleases: 3
  })

  // One unkilled run in the child measures how long a deploy takes, in the loop's conditions: a
  // redeploy right after one made here (whose release may still be being prelinked).
  const driver = createReleasesDriver(settings)
  await writeRelease(src, 'k0', EXTRA)
  await driver.apply(request('k0'), testContext())
  await writeRelease(src, 'k00', EXTRA)
  const started = Date.now()
  const first = runChild(settings, 'k00', randomUUID())
  expect(await first.done).toBe(0)
  const duration = Date.now() - started
  assertWholeRelease(root)

  let killedMidway = 0
  for (let i = 1; i <= 30; i++) {
    const mark = randomUUID()
    await writeRelease(src, `k${i}`, EXTRA)
    const run = runChild(settings, `k${i}`, mark)
    await new Promise(r => setTimeout(r, Math.random() * duration * 1.3))
    const exited = run.child.exitCode !== null
    run.child.kill('SIGKILL')
    for (let n = 0; n < 20 && killMarked(mark) > 0; n++) await new Promise(r => setTimeout(r, 20))
    await run.done
    if (!exited) killedMidway++
    assertWholeRelease(root)

    await writeRelease(src, `ok${i}`, EXTRA)
    const ctx = testContext()
    const outcome = await driver.apply(request(`ok${i}`), ctx)
    expect(liveRelease(root)).toBe(outcome.release)
    assertWholeRelease(root)
    expect(servedVersion(root)).toBe(`ok${i}`)
  }
  console.log(
    `kill test: ${killedMidway} of 30 deploys killed before they finished (deploy takes ~${duration} ms)`
  )
  expect(killedMidway).toBeGreaterThanOrEqual(15)
}, 300_000)
