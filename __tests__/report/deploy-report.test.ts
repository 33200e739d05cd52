import type { DeployResult } from '../../src/core/steps/deploy.js'
import { deploySummary } from '../../src/report/deploy-report.js'
import { toText } from '../../src/report/summary.js'

/** The deploy summary's rules on made-up results (the rendered pages: summary-render.test.ts). */

function result(extra: Partial<DeployResult> = {}): DeployResult {
  return {
    step: 'deploy',
    outcome: 'success',
    environment: 'production',
    version: '2.0.0',
    previousVersion: '1.0.0',
    ref: '',
    driver: 'releases',
    ledger: 'file',
    deploymentId: '8',
    environmentUrl: 'https://shop.example.com',
    productionEnvironment: true,
    release: '20261130T120000Z-2.0.0',
    hosts: [
      {
        host: 'app1',
        release: 'r',
        bytesSent: 1_234_567,
        filesLinked: 12,
        phases: { upload: 900 }
      },
      { host: 'app2', release: 'r', bytesSent: 987, filesLinked: 0, phases: { upload: 40 } }
    ],
    phases: [
      { name: 'plan', ms: 3 },
      { name: 'releases driver', ms: 1200 }
    ],
    startedAt: '2026-11-30T12:00:00.000Z',
    durationMs: 1300,
    ...extra
  }
}

describe('deploySummary', () => {
  it('gives bytes sent with their unit', () => {
    const hosts = deploySummary(result()).tables.find(t => t.caption === 'Hosts')
    expect(hosts?.rows.map(r => r[2])).toEqual(['1.2 MiB', '987 B'])
  })

  it('says every host still serves the old version when the error says none was switched', () => {
    const summary = deploySummary(
      result({
        outcome: 'failure',
        failedPhase: 'releases driver',
        error:
          'upload failed on 1 of 2 host(s): app2: rsync exited with status 10. No host was switched; every host still serves its old release.'
      })
    )
    expect(summary.facts).toContainEqual(['Live now', '1.0.0 on every host (no host was switched)'])
    expect(summary.tables[0].rows).toEqual([
      ['plan', '3 ms', '✅'],
      ['releases driver', '1.2 s', '❌ failed here']
    ])
    expect(summary.links ?? []).toEqual([])
    expect(summary.facts.map(([k]) => k)).not.toContain('URL')
  })

  it('leaves the plan and the script’s output, already in the log, out of the terminal text', () => {
    const text = toText(
      deploySummary(
        result({
          outcome: 'failure',
          driver: 'command',
          hosts: [],
          failedPhase: 'command driver',
          lastLines: ['migrating'],
          plan: ['deploy 2.0.0 to production']
        })
      )
    )
    expect(text).not.toContain('migrating')
    expect(text).not.toContain('deploy 2.0.0 to production')
    expect(text).toContain('Live now')
  })
})
