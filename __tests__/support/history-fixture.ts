/**
 * One production history, with times chosen so the delivery metrics can be worked out by hand
 * (see EXPECTED_METRICS), written into either ledger: the file ledger's JSON, or the GitHub
 * stand-in's store. Commits: a local git repository with these committer dates, or the
 * stand-in's get-commit.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  DeploymentRecord,
  DeploymentStatus,
  StatusState
} from '../../src/core/ledger/ledger.js'
import type { SeedItem } from './github-standin.js'

export const ENVIRONMENT = 'production'
export const NOW = new Date('2026-11-30T12:00:00Z')

/** Commit name → committer date. c5 exists nowhere: its lead time is unknown. */
export const COMMIT_DATES = {
  c0: '2026-10-19T10:00:00Z',
  c1: '2026-11-01T08:00:00Z',
  c2: '2026-11-05T09:00:00Z',
  c3: '2026-11-10T10:00:00Z',
  c4: '2026-11-20T10:00:00Z'
} as const

interface FixtureDeployment {
  version: string
  commit: keyof typeof COMMIT_DATES | 'c5'
  operation: 'deploy' | 'rollback'
  /** Index (in this list) of the deployment a rollback rolled back from. */
  rollbackOf?: number
  createdAt: string
  statuses: [StatusState, string, string][]
}

const inactive = (by: string): string => `Shiprail: superseded by deployment ${by}`

/** Oldest first. Index i is deployment "i+1" in the file ledger. */
export const DEPLOYMENTS: FixtureDeployment[] = [
  {
    version: '0.9.0',
    commit: 'c0',
    operation: 'deploy',
    createdAt: '2026-10-20T10:00:00Z',
    statuses: [
      ['in_progress', 'Deploying 0.9.0', '2026-10-20T10:00:00Z'],
      ['success', 'Deployed 0.9.0', '2026-10-20T10:05:00Z'],
      ['inactive', inactive('#2'), '2026-11-01T10:10:01Z']
    ]
  },
  {
    version: '1.0.0',
    commit: 'c1',
    operation: 'deploy',
    createdAt: '2026-11-01T10:00:00Z',
    statuses: [
      ['in_progress', 'Deploying 1.0.0', '2026-11-01T10:00:00Z'],
      ['success', 'Deployed 1.0.0', '2026-11-01T10:10:00Z'],
      ['success', 'status-check passed: healthy', '2026-11-01T10:20:00Z'],
      ['inactive', inactive('#3'), '2026-11-05T12:30:01Z']
    ]
  },
  {
    version: '1.1.0',
    commit: 'c2',
    operation: 'deploy',
    createdAt: '2026-11-05T12:00:00Z',
    statuses: [
      ['in_progress', 'Deploying 1.1.0', '2026-11-05T12:00:00Z'],
      ['success', 'Deployed 1.1.0', '2026-11-05T12:30:00Z'],
      ['failure', 'status-check failed: 5xx rate 0.2 > 0.01', '2026-11-05T12:40:00Z'],
      ['inactive', inactive('#4'), '2026-11-10T12:00:01Z']
    ]
  },
  {
    version: '1.2.0',
    commit: 'c3',
    operation: 'deploy',
    createdAt: '2026-11-10T11:00:00Z',
    statuses: [
      ['in_progress', 'Deploying 1.2.0', '2026-11-10T11:00:00Z'],
      ['success', 'Deployed 1.2.0', '2026-11-10T12:00:00Z'],
      ['success', 'smoke-test passed: 3 checks', '2026-11-10T12:05:00Z'],
      ['inactive', inactive('#5'), '2026-11-20T11:30:01Z']
    ]
  },
  {
    version: '1.3.0',
    commit: 'c4',
    operation: 'deploy',
    createdAt: '2026-11-20T11:00:00Z',
    statuses: [
      ['in_progress', 'Deploying 1.3.0', '2026-11-20T11:00:00Z'],
      ['success', 'Deployed 1.3.0', '2026-11-20T11:30:00Z'],
      ['failure', 'status-check failed: p95 900 ms > 300 ms', '2026-11-20T11:40:00Z'],
      ['failure', 'rollback: rolled back to 1.2.0: automatic', '2026-11-20T11:50:01Z'],
      ['inactive', 'Shiprail: rolled back by deployment #6', '2026-11-20T11:50:02Z']
    ]
  },
  {
    version: '1.2.0',
    commit: 'c3',
    operation: 'rollback',
    rollbackOf: 4,
    createdAt: '2026-11-20T11:45:00Z',
    statuses: [
      ['in_progress', 'Rolling back to 1.2.0 from 1.3.0', '2026-11-20T11:45:00Z'],
      ['success', 'Rolled back to 1.2.0: automatic', '2026-11-20T11:50:00Z']
    ]
  },
  {
    version: '1.4.0',
    commit: 'c5',
    operation: 'deploy',
    createdAt: '2026-11-25T09:00:00Z',
    statuses: [
      ['in_progress', 'Deploying 1.4.0', '2026-11-25T09:00:00Z'],
      ['failure', 'Deploy of 1.4.0 failed: exit 1', '2026-11-25T09:05:00Z']
    ]
  },
  {
    version: '1.5.0',
    commit: 'c5',
    operation: 'deploy',
    createdAt: '2026-11-29T09:00:00Z',
    statuses: [['in_progress', 'Deploying 1.5.0', '2026-11-29T09:00:00Z']]
  }
]

/** Newest first, as history lists them: [version, state, rollbackTarget]. */
export const EXPECTED_STATES: [string, string, boolean][] = [
  ['1.5.0', 'in-progress', false],
  ['1.4.0', 'failed', false],
  ['1.2.0', 'live', false],
  ['1.3.0', 'rolled-back', false],
  // An older record of the version live now: the newer one speaks for it.
  ['1.2.0', 'inactive', false],
  ['1.1.0', 'bad', false],
  ['1.0.0', 'verified', true],
  ['0.9.0', 'unverified', false]
]

/**
 * `--since 30d` at NOW: the window is 2026-10-31T12:00Z → 2026-11-30T12:00Z (30 days), so 0.9.0
 * is outside. Worked out by hand:
 * - deploys: 1.0.0, 1.1.0, 1.2.0, 1.3.0 (the rollback, the failed 1.4.0 and the unfinished
 *   1.5.0 do not count) → 4 / 30 days = 0.1333 per day;
 * - lead times (success status − commit): 1.0.0 10:10−08:00 = 7800 s, 1.1.0 12:30−09:00 =
 *   12600 s, 1.2.0 12:00−10:00 = 7200 s, 1.3.0 11:30−10:00 = 5400 s → median (7200+7800)/2 = 7500 s;
 * - failures: 1.1.0 (a check failed), 1.3.0 (rolled back) → 2 / 4 = 0.5;
 * - restores: 1.1.0 live 11-05 12:30 → 1.2.0 live 11-10 12:00 = 430200 s; 1.3.0 live 11-20 11:30
 *   → the rollback live 11:50 = 1200 s → median (1200+430200)/2 = 215700 s.
 */
export const EXPECTED_METRICS = {
  windowStart: '2026-10-31T12:00:00.000Z',
  windowEnd: '2026-11-30T12:00:00.000Z',
  deploys: 4,
  deploymentFrequency: { value: 4 / 30 },
  leadTime: { value: 7500, samples: 4, unknown: 0 },
  changeFailureRate: { value: 0.5, failed: 2 },
  timeToRestore: { value: 215700, samples: 2, unrestored: 0 }
}

/** A git repository whose commits have COMMIT_DATES; returns it and each commit's SHA. */
export function gitRepository(): { dir: string; shas: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'shiprail-history-git-'))
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        GIT_AUTHOR_NAME: 'Mona',
        GIT_AUTHOR_EMAIL: 'mona@example.com',
        GIT_COMMITTER_NAME: 'Mona',
        GIT_COMMITTER_EMAIL: 'mona@example.com',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {})
      }
    }).trim()
  git(['init', '-q'])
  const shas: Record<string, string> = {}
  for (const [name, date] of Object.entries(COMMIT_DATES)) {
    writeFileSync(join(dir, 'change.txt'), name)
    git(['add', 'change.txt'])
    git(['commit', '-q', '-m', name], date)
    shas[name] = git(['rev-parse', 'HEAD'])
  }
  // c5 is a well-formed SHA git does not have.
  shas.c5 = 'f'.repeat(40)
  return { dir, shas }
}

function statuses(d: FixtureDeployment): DeploymentStatus[] {
  return d.statuses.map(([state, description, createdAt]) => ({ state, description, createdAt }))
}

/** The file ledger's JSON for the fixture (ids "1".."8"). */
export function fileLedgerJson(shas: Record<string, string>): string {
  const deployments: DeploymentRecord[] = DEPLOYMENTS.map((d, i) => ({
    id: String(i + 1),
    environment: ENVIRONMENT,
    ref: shas[d.commit],
    createdAt: d.createdAt,
    payload: {
      version: d.version,
      driver: 'command',
      previous_version: null,
      operation: d.operation,
      run_url: `https://ci.example.com/jobs/${i + 1}`,
      rollback_of: d.rollbackOf === undefined ? null : String(d.rollbackOf + 1)
    },
    statuses: statuses(d)
  }))
  return JSON.stringify({ schema: 1, nextId: deployments.length + 1, deployments }, null, 2)
}

/** Seed items for the stand-in; `firstId` is the id the stand-in gives the first one. */
export function standInSeed(shas: Record<string, string>, firstId: number): SeedItem[] {
  return DEPLOYMENTS.map(d => ({
    environment: ENVIRONMENT,
    ref: shas[d.commit],
    createdAt: d.createdAt,
    payload: {
      version: d.version,
      driver: 'command',
      previous_version: null,
      operation: d.operation,
      run_url: null,
      rollback_of: d.rollbackOf === undefined ? null : String(firstId + d.rollbackOf)
    },
    statuses: d.statuses.map(([state, description, at]) => ({ state, description, at }))
  }))
}
