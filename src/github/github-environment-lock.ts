import type { Context } from '../core/context.js'
import { deploymentState, isLive } from '../core/ledger/deployment-state.js'
import type { EnvironmentLocking, LockAttempt } from '../core/ledger/environment-lock.js'
import type { DeploymentRecord, Ledger } from '../core/ledger/ledger.js'
import { clampDescription, SHIPRAIL_MARK } from '../core/ledger/ledger.js'
import type { GitHubClient } from './octokit.js'

/** How far back the scan for an older in-progress deployment goes. */
const SCAN_LIMIT = 50

/**
 * `ledger: github`: the environment's oldest in-progress Shiprail deployment whose workflow run
 * is still running holds it (SPEC §3). There is no lock to take: each deploy records itself
 * first, then looks for an older in-progress one, so of two racing deploys exactly one (the
 * older) goes ahead. A holder whose run has finished (a runner that vanished) is stale: marked
 * `error` and passed over. A holder recorded outside Actions has no run to ask and is trusted.
 */
export class GitHubEnvironmentLock implements EnvironmentLocking {
  constructor(
    private readonly client: GitHubClient,
    private readonly ledger: Ledger
  ) {}

  async tryLock(own: DeploymentRecord, ctx: Context): Promise<LockAttempt> {
    const older: DeploymentRecord[] = []
    let scanned = 0
    for await (const record of this.ledger.history(own.environment)) {
      // Below the live deployment nothing can still be running under this rule.
      if (isLive(record) || ++scanned > SCAN_LIMIT) break
      if (record.id === own.id || Number(record.id) > Number(own.id)) continue
      if (deploymentState(record).inProgress) older.push(record)
    }
    for (const holder of older.reverse()) {
      const run = await this.runState(holder.payload.run_url)
      if (run !== 'completed') {
        return {
          acquired: false,
          holder: {
            deploymentId: holder.id,
            version: holder.payload.version,
            runUrl: holder.payload.run_url,
            since: holder.createdAt,
            ...(run === 'unknown'
              ? {
                  process:
                    'its run could not be checked; with actions: read a finished run is passed over'
                }
              : {})
          }
        }
      }
      ctx.logger.warning(
        `Passing over deployment ${holder.id} of ${holder.payload.version}: still in progress, but its run ${holder.payload.run_url} has finished (or does not exist); marking it error.`
      )
      await this.ledger.addStatus(holder.id, {
        state: 'error',
        description: clampDescription(`${SHIPRAIL_MARK} abandoned: its workflow run finished`)
      })
    }
    return { acquired: true, release: async () => undefined }
  }

  /**
   * 'completed' (also a run GitHub does not have: 404), 'running', or 'unknown' (not an Actions
   * run URL, or a token that may not read runs: 403 without `actions: read`).
   */
  private async runState(runUrl: string | null): Promise<'completed' | 'running' | 'unknown'> {
    const m =
      runUrl && /\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)(?:\/attempts\/\d+)?\/?$/.exec(runUrl)
    if (!m) return 'unknown'
    try {
      // https://docs.github.com/en/rest/actions/workflow-runs#get-a-workflow-run
      const { data } = await this.client.rest.actions.getWorkflowRun({
        owner: m[1],
        repo: m[2],
        run_id: Number(m[3])
      })
      return data.status === 'completed' ? 'completed' : 'running'
    } catch (err) {
      const status = (err as { status?: number }).status
      if (status === 404) return 'completed'
      // A run we may not read (a token without actions: read) is trusted to be running.
      if (status === 403) return 'unknown'
      throw err
    }
  }
}
