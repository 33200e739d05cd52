import { UserError } from '../core/errors.js'
import { clampDescription, SHIPRAIL_MARK } from '../core/ledger/ledger.js'
import type {
  DeploymentPayload,
  DeploymentRecord,
  DeploymentStatus,
  Ledger,
  NewDeployment,
  NewStatus,
  StatusState
} from '../core/ledger/ledger.js'
import { GitHubEnvironmentLock } from './github-environment-lock.js'
import type { GitHubClient } from './octokit.js'

/** Deployments read per page while walking an environment's history. */
const PAGE_SIZE = 30
/** A walk never reads more than this many pages, whatever the caller wants. */
const MAX_PAGES = 20

interface ApiStatus {
  state: string
  description?: string | null
  environment_url?: string
  log_url?: string
  created_at: string
  id: number
}

function toPayload(raw: unknown): DeploymentPayload {
  let value = raw
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      value = {}
    }
  }
  const p = (value && typeof value === 'object' ? value : {}) as Partial<DeploymentPayload>
  return {
    version: typeof p.version === 'string' ? p.version : '',
    driver: typeof p.driver === 'string' ? p.driver : '',
    previous_version: p.previous_version ?? null,
    operation: p.operation === 'rollback' ? 'rollback' : 'deploy',
    run_url: p.run_url ?? null,
    previous_deployment_id: p.previous_deployment_id ?? null,
    rollback_of: p.rollback_of ?? null,
    reason: p.reason ?? null,
    release: p.release ?? null,
    ...(typeof p.image === 'string' ? { image: p.image } : {}),
    ...(typeof p.image_id === 'string' ? { image_id: p.image_id } : {}),
    ...(imageIds(p.image_ids) ? { image_ids: p.image_ids } : {})
  }
}

/** A payload's per-host image IDs, when it is a map of strings (anything else is ignored). */
function imageIds(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(v => typeof v === 'string')
  )
}

function toStatus(s: ApiStatus): DeploymentStatus {
  return {
    state: s.state as StatusState,
    description: s.description ?? '',
    environmentUrl: s.environment_url || undefined,
    logUrl: s.log_url || undefined,
    createdAt: s.created_at
  }
}

/**
 * `ledger: github`: GitHub's Deployments API, so the Environments page is the audit trail.
 * https://docs.github.com/en/rest/deployments/deployments
 */
export class GitHubLedger implements Ledger {
  readonly kind = 'github' as const
  readonly commitSource = 'the GitHub API (GET /repos/{owner}/{repo}/commits/{ref})'
  /** Commit times already asked for: deployments of one commit share a call. */
  private readonly commits = new Map<string, Promise<Date | undefined>>()
  private readonly owner: string
  private readonly repo: string

  readonly locking: GitHubEnvironmentLock

  constructor(
    private readonly client: GitHubClient,
    repository: string
  ) {
    ;[this.owner, this.repo] = repository.split('/')
    this.locking = new GitHubEnvironmentLock(client, this)
  }

  async *history(environment: string): AsyncIterable<DeploymentRecord> {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await this.client.rest.repos.listDeployments({
        owner: this.owner,
        repo: this.repo,
        environment,
        per_page: PAGE_SIZE,
        page
      })
      for (const d of data) {
        const payload = toPayload(d.payload)
        // Deployments Shiprail did not write (e.g. the ones Actions creates for a job that
        // declares `environment:`) carry no version: they are not part of this history.
        if (!payload.version) continue
        yield {
          id: String(d.id),
          environment: d.environment ?? environment,
          ref: d.sha,
          createdAt: d.created_at,
          creator: d.creator?.login,
          payload,
          statuses: await this.statuses(d.id)
        }
      }
      if (data.length < PAGE_SIZE) return
    }
  }

  private async statuses(id: number): Promise<DeploymentStatus[]> {
    // One page of 100 covers any deployment Shiprail wrote (it adds a handful of statuses).
    const { data } = await this.client.rest.repos.listDeploymentStatuses({
      owner: this.owner,
      repo: this.repo,
      deployment_id: id,
      per_page: 100
    })
    // Oldest first by id: created_at has whole-second resolution, so two statuses written in the
    // same second would tie (and GitHub lists newest first).
    return (
      (data as ApiStatus[])
        .sort((a, b) => a.id - b.id)
        // GitHub marks deployments inactive on its own (auto_inactive, environment jobs):
        // only Shiprail decides what it superseded.
        .filter(s => s.state !== 'inactive' || (s.description ?? '').startsWith(SHIPRAIL_MARK))
        .map(toStatus)
    )
  }

  async create(deployment: NewDeployment): Promise<DeploymentRecord> {
    const response = await this.client.rest.repos.createDeployment({
      owner: this.owner,
      repo: this.repo,
      ref: deployment.ref,
      environment: deployment.environment,
      description: deployment.description,
      auto_merge: false,
      required_contexts: [],
      payload: deployment.payload as unknown as Record<string, unknown>,
      production_environment: deployment.productionEnvironment,
      transient_environment: false,
      task: 'deploy'
    })
    // 202 means GitHub merged the default branch into the ref instead of creating anything.
    // https://docs.github.com/en/rest/deployments/deployments#create-a-deployment
    if ((response.status as number) !== 201 || !('id' in response.data)) {
      const message = (response.data as { message?: string }).message ?? ''
      throw new UserError(
        `GitHub did not create the deployment (HTTP ${response.status}${message ? `: ${message}` : ''}).`
      )
    }
    const d = response.data
    const record: DeploymentRecord = {
      id: String(d.id),
      environment: d.environment,
      ref: d.sha,
      createdAt: d.created_at,
      creator: d.creator?.login,
      payload: toPayload(d.payload),
      statuses: []
    }
    await this.addStatus(record.id, {
      state: 'in_progress',
      description: deployment.description,
      logUrl: deployment.logUrl
    })
    return record
  }

  async addStatus(id: string, status: NewStatus): Promise<void> {
    await this.client.rest.repos.createDeploymentStatus({
      owner: this.owner,
      repo: this.repo,
      deployment_id: Number(id),
      state: status.state,
      description: clampDescription(status.description),
      ...(status.logUrl ? { log_url: status.logUrl } : {}),
      ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
      // Shiprail marks earlier deployments inactive itself, the same way for production
      // (where GitHub never does) and for every other environment.
      auto_inactive: false
    })
  }

  commitTime(ref: string): Promise<Date | undefined> {
    let time = this.commits.get(ref)
    if (!time) {
      time = this.fetchCommitTime(ref)
      this.commits.set(ref, time)
    }
    return time
  }

  private async fetchCommitTime(ref: string): Promise<Date | undefined> {
    try {
      const { data } = await this.client.rest.repos.getCommit({
        owner: this.owner,
        repo: this.repo,
        ref
      })
      const date = data.commit.committer?.date
      return date ? new Date(date) : undefined
    } catch (err) {
      // A commit GitHub does not have (force-pushed away, another repository) has no time;
      // anything else is a real failure and must not turn into a silent "unknown".
      const status = (err as { status?: number }).status
      if (status === 404 || status === 422) return undefined
      throw err
    }
  }
}
