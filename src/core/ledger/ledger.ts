/**
 * The ledger is where deploy history lives: GitHub's Deployments API, a JSON file, or nowhere.
 * Both real ledgers use GitHub's vocabulary (deployment + statuses) so one set of pure rules
 * (see deployment-state.ts) reads either.
 */

import type { EnvironmentLocking } from './environment-lock.js'

export type LedgerKind = 'github' | 'file' | 'none'

export type StatusState =
  'in_progress' | 'queued' | 'pending' | 'success' | 'failure' | 'error' | 'inactive'

export type Operation = 'deploy' | 'rollback'

/** What Shiprail stores in a deployment's payload. */
export interface DeploymentPayload {
  version: string
  driver: string
  previous_version: string | null
  operation: Operation
  run_url: string | null
  /** The deployment that was live when this one started; lets rollback skip a history scan. */
  previous_deployment_id?: string | null
  /** For operation rollback: the deployment rolled back from. */
  rollback_of?: string | null
  reason?: string | null
  /** Release directory name for the releases driver. */
  release?: string | null
  /** containers driver: the image reference deployed (`name:tag`, `…@sha256:…`). */
  image?: string | null
  /**
   * containers driver: the image ID every host runs. The image is put on the hosts before the
   * deployment is recorded (a GitHub deployment's payload cannot change once created), so the
   * ID is known here; a rollback runs exactly this ID, whatever the reference points at since.
   * null when the hosts run different IDs (a multi-platform reference on hosts of different
   * architectures): then `image_ids` has each host's.
   */
  image_id?: string | null
  /** containers driver, hosts running different IDs: host label → image ID. */
  image_ids?: Record<string, string> | null
}

/** The image IDs a deployment recorded: what a containers rollback must run again. */
export type RecordedImages = Pick<DeploymentPayload, 'image_id' | 'image_ids'>

/** The image ID recorded for one host, if any. */
export function recordedImageId(
  recorded: RecordedImages | undefined,
  host: string
): string | undefined {
  return recorded?.image_ids?.[host] ?? recorded?.image_id ?? undefined
}

export interface DeploymentStatus {
  state: StatusState
  description: string
  environmentUrl?: string
  logUrl?: string
  createdAt: string
}

export interface DeploymentRecord {
  id: string
  environment: string
  ref: string
  createdAt: string
  creator?: string
  payload: DeploymentPayload
  /** Oldest first. */
  statuses: DeploymentStatus[]
}

/** The environment URL the deployment's newest status gave, if any. */
export function environmentUrlOf(record: DeploymentRecord): string | undefined {
  // Newest last; no findLast: the kill test compiles the engine for an ES2022 library.
  for (let i = record.statuses.length - 1; i >= 0; i--)
    if (record.statuses[i].environmentUrl) return record.statuses[i].environmentUrl
  return undefined
}

export interface NewDeployment {
  environment: string
  ref: string
  description: string
  productionEnvironment: boolean
  payload: DeploymentPayload
  logUrl?: string
}

export interface NewStatus {
  state: StatusState
  description: string
  environmentUrl?: string
  logUrl?: string
}

export interface Ledger {
  readonly kind: LedgerKind
  /** Newest first, fetched lazily so a caller that stops early pays for what it read. */
  history(environment: string): AsyncIterable<DeploymentRecord>
  /** Creates the deployment and gives it an in_progress status. */
  create(deployment: NewDeployment): Promise<DeploymentRecord>
  addStatus(id: string, status: NewStatus): Promise<void>
  /**
   * When a commit was made (its committer date), for lead time; undefined when the commit is
   * unknown. Each ledger reads commits where its deployments' commits live (GitHub's API, the
   * local git repository); a ledger without commits leaves it out.
   */
  commitTime?(ref: string): Promise<Date | undefined>
  /** Where commitTime reads from, in words ("the GitHub API"). */
  readonly commitSource?: string
  /** How this ledger holds an environment for one deploy at a time; none with ledger: none. */
  readonly locking?: EnvironmentLocking
}

/** Status descriptions are limited to 140 characters by GitHub. */
export function clampDescription(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= 140 ? oneLine : `${oneLine.slice(0, 139)}…`
}

/**
 * Shiprail's own inactive statuses start with this. GitHub posts inactive statuses too (its
 * auto_inactive, and the deployments Actions creates for jobs that declare `environment:`);
 * only Shiprail's count as "superseded" when a ledger reads history.
 */
export const SHIPRAIL_MARK = 'Shiprail:'

export function shiprailInactive(reason: string): NewStatus {
  return { state: 'inactive', description: clampDescription(`${SHIPRAIL_MARK} ${reason}`) }
}
