import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../src/core/context.js'
import { deploymentState } from '../src/core/ledger/deployment-state.js'
import { FileLedger } from '../src/core/ledger/file-ledger.js'
import type { DeploymentRecord, StatusState } from '../src/core/ledger/ledger.js'
import { clampDescription } from '../src/core/ledger/ledger.js'
import { supersedeEarlier } from '../src/core/ledger/supersede.js'
import { findLive } from '../src/core/ledger/verdict.js'
import { MemoryLogger, testContext } from './support/context.js'

let clock = 0
function record(
  id: string,
  version: string,
  states: StatusState[],
  ref = 'a'.repeat(40)
): DeploymentRecord {
  return {
    id,
    environment: 'staging',
    ref,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString(),
    payload: {
      version,
      driver: 'command',
      previous_version: null,
      operation: 'deploy',
      run_url: null
    },
    statuses: states.map((state, i) => ({
      state,
      description: `${state} ${i}`,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString()
    }))
  }
}

describe('deploymentState', () => {
  it.each<[StatusState[], Partial<ReturnType<typeof deploymentState>>]>([
    [['in_progress'], { inProgress: true, deployed: false, verified: false }],
    [['in_progress', 'success'], { deployed: true, verified: false, bad: false, inactive: false }],
    [['in_progress', 'failure'], { deployed: false, inProgress: false }],
    [['in_progress', 'error'], { deployed: false, inProgress: false }],
    [['in_progress', 'success', 'success'], { deployed: true, verified: true, bad: false }],
    [
      ['in_progress', 'success', 'success', 'failure'],
      { deployed: true, verified: false, bad: true }
    ],
    [['in_progress', 'success', 'failure', 'success'], { verified: false, bad: true }],
    [
      ['in_progress', 'success', 'success', 'inactive'],
      { deployed: true, verified: true, inactive: true }
    ],
    [['in_progress', 'failure', 'success'], { deployed: false, verified: false }],
    [['in_progress', 'inactive'], { inProgress: false, inactive: true, deployed: false }]
  ])('%j', (states, expected) => {
    expect(deploymentState(record('1', '1.0', states))).toMatchObject(expected)
  })
})

describe('clampDescription', () => {
  it('keeps GitHub descriptions to one line of at most 140 characters', () => {
    const text = clampDescription(`a\nb ${'x'.repeat(300)}`)
    expect(text.length).toBe(140)
    expect(text).not.toContain('\n')
  })
})

describe('FileLedger', () => {
  const newLedger = () =>
    new FileLedger(join(mkdtempSync(join(tmpdir(), 'ledger-')), 'sub', 'ledger.json'), systemClock)
  const payload = (version: string) => ({
    version,
    driver: 'command',
    previous_version: null,
    operation: 'deploy' as const,
    run_url: null
  })

  it('records deployments and reads them back newest first, per environment', async () => {
    const ledger = newLedger()
    for (const v of ['1', '2', '3']) {
      const r = await ledger.create({
        environment: 'prod',
        ref: '',
        description: 'd',
        productionEnvironment: true,
        payload: payload(v)
      })
      await ledger.addStatus(r.id, { state: 'success', description: 'ok' })
    }
    await ledger.create({
      environment: 'qa',
      ref: '',
      description: 'd',
      productionEnvironment: false,
      payload: payload('x')
    })
    const versions: string[] = []
    for await (const r of ledger.history('prod')) versions.push(r.payload.version)
    expect(versions).toEqual(['3', '2', '1'])
  })

  it('never supersedes a newer deployment', async () => {
    const ledger = newLedger()
    const older = await ledger.create({
      environment: 'prod',
      ref: '',
      description: 'd',
      productionEnvironment: true,
      payload: payload('1')
    })
    const newer = await ledger.create({
      environment: 'prod',
      ref: '',
      description: 'd',
      productionEnvironment: true,
      payload: payload('2')
    })
    await ledger.addStatus(newer.id, { state: 'success', description: 'ok' })
    await ledger.addStatus(older.id, { state: 'success', description: 'ok' })
    expect(await supersedeEarlier(ledger, 'prod', older.id, new MemoryLogger())).toBe(0)
    expect((await findLive(testContext({ ledger }), 'prod'))?.payload.version).toBe('2')
  })

  it('marks earlier live deployments inactive and stops at the first inactive one', async () => {
    const ledger = newLedger()
    const ids: string[] = []
    for (const v of ['1', '2', '3', '4']) {
      const r = await ledger.create({
        environment: 'prod',
        ref: '',
        description: 'd',
        productionEnvironment: true,
        payload: payload(v)
      })
      await ledger.addStatus(r.id, { state: 'success', description: 'ok' })
      ids.push(r.id)
    }
    const logger = new MemoryLogger()
    expect(await supersedeEarlier(ledger, 'prod', ids[3], logger)).toBe(3)
    const ctx = testContext({ ledger })
    expect((await findLive(ctx, 'prod'))?.payload.version).toBe('4')
    // A later deploy finds 4 live, marks it, and stops at 3 (already inactive).
    const r5 = await ledger.create({
      environment: 'prod',
      ref: '',
      description: 'd',
      productionEnvironment: true,
      payload: payload('5')
    })
    await ledger.addStatus(r5.id, { state: 'success', description: 'ok' })
    expect(await supersedeEarlier(ledger, 'prod', r5.id, logger)).toBe(1)
  })

  it('refuses a file that is not a ledger, with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    const path = join(dir, 'ledger.json')
    writeFileSync(path, '{"hello": 1}')
    const ledger = new FileLedger(path, systemClock)
    await expect(
      ledger.create({
        environment: 'p',
        ref: '',
        description: 'd',
        productionEnvironment: false,
        payload: payload('1')
      })
    ).rejects.toThrow(/not a Shiprail ledger/)
  })

  it('loses nothing when several processes write at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'))
    const path = join(dir, 'ledger.json')
    // Writers are separate processes running the bundled CLI, as CI jobs sharing a file would.
    const runs = Array.from(
      { length: 6 },
      (_, i) =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [
              join(process.cwd(), 'dist/cli/index.js'),
              'deploy',
              // One environment each: deploys to one environment take turns (its lock), and
              // this is about the file itself taking concurrent writes.
              '--environment',
              `prod-${i}`,
              '--version',
              `1.0.${i}`,
              '--run',
              'true',
              '--ledger-file',
              path
            ],
            { cwd: dir }
          )
          child.on('error', reject)
          child.on('close', code => resolve(code ?? -1))
        })
    )
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0])
    const data = JSON.parse(readFileSync(path, 'utf8'))
    expect(data.deployments).toHaveLength(6)
    expect(new Set(data.deployments.map((d: DeploymentRecord) => d.id)).size).toBe(6)
    // Every deployment ended with a terminal status, and each is live in its environment.
    for (const d of data.deployments as DeploymentRecord[]) {
      expect(deploymentState(d)).toMatchObject({
        inProgress: false,
        deployed: true,
        inactive: false
      })
    }
  })
})
