import type { Context } from '../context.js'
import type { DeploymentPayload, Operation, RecordedImages } from '../ledger/ledger.js'

/** What a driver is asked to put live. */
export interface DriverRequest {
  operation: Operation
  environment: string
  /** The version to make live (the rollback target for a rollback). */
  version: string
  /** What was live before, if anything. */
  previousVersion?: string
  /** Full commit SHA, or '' when unknown (file ledger outside a repository). */
  ref: string
  /** Ledger id of the deployment being done, or '' with no ledger. */
  deploymentId: string
  /**
   * containers driver: the image IDs the deployment records (a deploy's from resolve, a
   * rollback's from its target's payload); the driver runs exactly these.
   */
  images?: RecordedImages
}

/** One row of the per-host table in the summary. */
export interface HostReport {
  host: string
  release?: string
  bytesSent?: number
  filesLinked?: number
  /**
   * Releases driver: how unchanged files were found, `manifest` (the live release's manifest,
   * nothing read) or `checksum` (every file read on both ends); absent for a first release.
   */
  unchangedBy?: 'manifest' | 'checksum'
  /** Why the manifest was not used, when unchangedBy is `checksum`. */
  fallback?: string
  /** containers driver: the image ID the new container runs. */
  image?: string
  /** Phase name → milliseconds. */
  phases: Record<string, number>
}

export interface DriverOutcome {
  /** Release directory name (releases driver). */
  release?: string
  hosts?: HostReport[]
}

export interface Driver {
  readonly name: 'command' | 'releases' | 'containers'
  /** Checks everything that can be checked before anything changes; throws UserError. */
  preflight(ctx: Context): Promise<void>
  /** Lines describing what would be done, printed by dry-run. */
  plan(request: DriverRequest): string[]
  /**
   * A deploy's work whose result the ledger record must carry, done before the record is
   * created because a GitHub deployment's payload cannot change afterwards (containers: the
   * image onto every host, its ID into the payload). Nothing goes live here; a failure fails
   * the deploy once it is recorded.
   */
  resolve?(request: DriverRequest, ctx: Context): Promise<Partial<DeploymentPayload>>
  /** Puts request.version live. Throws CheckFailedError when the work fails. */
  apply(request: DriverRequest, ctx: Context): Promise<DriverOutcome>
  /**
   * Starts what apply will need and that takes long (SSH connections), so that it runs beside
   * the step's own work (the source scan, the ledger). Changes nothing on any host; apply
   * reports its failures. The step then calls dispose, whether apply ran or not.
   */
  warm?(ctx: Context): void
  /** Closes whatever warm started that apply did not take over. */
  dispose?(): Promise<void>
}

/** Who receives a variable: every hook and command-driver script, or one driver's hooks. */
export type HookScope = 'every' | 'releases' | 'containers'

export interface HookVariable {
  name: string
  scope: HookScope
  description: string
}

/**
 * Every SHIPRAIL_* variable hooks and scripts receive: docs/behaviour.md's table is generated
 * from this list, and a test checks each driver sets exactly its names.
 */
export const HOOK_VARIABLES: readonly HookVariable[] = [
  { name: 'SHIPRAIL_ENVIRONMENT', scope: 'every', description: 'the environment (`environment`)' },
  {
    name: 'SHIPRAIL_VERSION',
    scope: 'every',
    description: 'the version going live; in a rollback, the version rolled back to'
  },
  {
    name: 'SHIPRAIL_PREVIOUS_VERSION',
    scope: 'every',
    description: 'the version live before (empty on a first deploy)'
  },
  {
    name: 'SHIPRAIL_REF',
    scope: 'every',
    description: 'the full 40-hex commit SHA (empty when unknown)'
  },
  {
    name: 'SHIPRAIL_DEPLOYMENT_ID',
    scope: 'every',
    description: "the ledger's id of this deploy or rollback (empty with `ledger: none`)"
  },
  { name: 'SHIPRAIL_OPERATION', scope: 'every', description: '`deploy` or `rollback`' },
  { name: 'SHIPRAIL_PATH', scope: 'releases', description: 'the deploy root on the host (`path`)' },
  {
    name: 'SHIPRAIL_RELEASE',
    scope: 'releases',
    description: 'the release going live, a directory name such as `20261130T120000Z-1.4.2`'
  },
  {
    name: 'SHIPRAIL_RELEASE_PATH',
    scope: 'releases',
    description:
      "that release's directory, `<path>/releases/<release>`: the hook's working directory"
  },
  { name: 'SHIPRAIL_SERVICE', scope: 'containers', description: 'the service (`service`)' },
  {
    name: 'SHIPRAIL_CONTAINER',
    scope: 'containers',
    description: 'the container going live, `<service>-<release>`'
  }
]

/** The values of the variables with scope `every`, for one deploy or rollback. */
export function requestVariables(request: DriverRequest): Record<string, string> {
  return {
    SHIPRAIL_ENVIRONMENT: request.environment,
    SHIPRAIL_VERSION: request.version,
    SHIPRAIL_PREVIOUS_VERSION: request.previousVersion ?? '',
    SHIPRAIL_REF: request.ref,
    SHIPRAIL_DEPLOYMENT_ID: request.deploymentId,
    SHIPRAIL_OPERATION: request.operation
  }
}

/**
 * requestVariables as name, value pairs in one flat list (the host scripts read them as
 * positional parameters, never as shell text).
 */
export function hookVariables(request: DriverRequest): string[] {
  return Object.entries(requestVariables(request)).flat()
}
