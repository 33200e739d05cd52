import { resolve } from 'node:path'
import type { Clock, Logger } from '../core/context.js'
import { FileLedger } from '../core/ledger/file-ledger.js'
import type { Ledger } from '../core/ledger/ledger.js'
import { NoneLedger } from '../core/ledger/none-ledger.js'
import type { CommonSettings } from '../core/settings/common.js'
import { gitCommitTime } from './git-commit-time.js'

export interface LedgerDeps {
  apiUrl: string
  workspace: string
  logger: Logger
  clock: Clock
}

/** Builds the ledger the settings ask for. A dry run reads history but must not write it. */
export async function createLedger(settings: CommonSettings, deps: LedgerDeps): Promise<Ledger> {
  let ledger: Ledger
  if (settings.ledger === 'github' && settings.token) {
    // Loaded on demand so file-ledger and CLI runs do not pay for Octokit's start-up.
    const { createGitHubClient } = await import('../github/octokit.js')
    const { GitHubLedger } = await import('../github/github-ledger.js')
    ledger = new GitHubLedger(
      createGitHubClient(settings.token, deps.apiUrl, deps.logger),
      settings.repository
    )
  } else if (settings.ledger === 'file') {
    ledger = new FileLedger(
      resolve(deps.workspace, settings.ledgerFile),
      deps.clock,
      gitCommitTime(deps.workspace)
    )
  } else {
    ledger = new NoneLedger()
  }
  return settings.dryRun ? readOnly(ledger) : ledger
}

function readOnly(ledger: Ledger): Ledger {
  const refuse = async () => {
    throw new Error('dry-run: the ledger is read-only')
  }
  return {
    kind: ledger.kind,
    history: env => ledger.history(env),
    commitTime: ledger.commitTime?.bind(ledger),
    commitSource: ledger.commitSource,
    create: refuse,
    addStatus: refuse
  }
}
