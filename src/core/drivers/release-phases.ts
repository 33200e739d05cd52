import type { HostReport } from './driver.js'
import type { HostTransport } from './host-transport.js'
import type { HistoryEntry } from './release-history.js'
import type { LiveManifest } from './release-manifest.js'
import type { FreeSpace } from './release-space.js'

/**
 * The phase runner of the releases driver: what it knows about each host during one
 * operation, and how a phase is run on every host and its failures turned into one error.
 */

export interface HostState {
  transport: HostTransport
  report: HostReport
  /** Release live before this operation. */
  live?: string
  /** Real path of <path>/releases on the host. */
  releasesDir: string
  /** Release directories present before this operation. */
  dirs: string[]
  history: HistoryEntry[]
  /** The live release's manifest, when the host vouched that it still matches the disk. */
  liveManifest?: LiveManifest
  /** Why the live release's manifest cannot be used (see parsePrepared). */
  manifestProblem?: string
  /** The live release's prelinked tree is complete, for LINK to take over (see PRELINK_PERL). */
  prelinked?: boolean
  /** Free space under the deploy root when the lock was taken (see release-space.ts). */
  free?: FreeSpace
  /** The new release directory may exist (partially) and must go if the deploy fails. */
  uploadStarted: boolean
  /** A switch was attempted: on failure this host is switched back. */
  switchTried: boolean
  /** The last command removed this host's lock (see SWITCH_AND_RECORD). */
  unlocked?: boolean
  /** Rollback: the release switched to. */
  target?: string
}

// The host loop, failure report, phase timer and exit check every host driver shares.
export {
  failIfAny,
  forEachHost,
  hostMessage,
  requireOk,
  timed,
  type Settled
} from './host-fleet.js'
