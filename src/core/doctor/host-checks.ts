import { describeLock, parseLockInfo, staleReason, type Machine } from '../drivers/release-lock.js'
import type { HostFacts } from './host-probe.js'

/** One line of doctor's verdict; `fix` is '' when the check passed. */
export interface DoctorCheck {
  name: string
  ok: boolean
  detail: string
  fix: string
}

export const passed = (name: string, detail: string): DoctorCheck => ({
  name,
  ok: true,
  detail,
  fix: ''
})

export const failed = (name: string, detail: string, fix: string): DoctorCheck => ({
  name,
  ok: false,
  detail,
  fix
})

/** Without a `source` to measure, less free space than this is reported as a problem. */
export const MIN_FREE_BYTES = 100 * 1024 * 1024

export interface HostCheckOptions {
  /** `containers`: live comes from history (there is no `current`), and dockerd must answer. */
  driver?: 'releases' | 'containers'
  /** Programs a deploy runs on the host. */
  programs: readonly string[]
  /** Bytes of the release to upload, when `source` was given. */
  releaseBytes?: number
  now: Date
  /** This machine, for the lock's stale rule (the same one a deploy applies). */
  machine: Machine
  isAlive: (pid: number) => boolean
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}

/** The checks that follow from what the probe saw on one host. Pure. */
export function hostChecks(facts: HostFacts, options: HostCheckOptions): DoctorCheck[] {
  const containers = options.driver === 'containers'
  return [
    programsCheck(facts, options.programs),
    ...(containers && facts.programs.docker ? [dockerCheck(facts)] : []),
    pathCheck(facts),
    diskCheck(facts, options.releaseBytes),
    lockCheck(facts, options),
    containers ? liveFromHistory(facts) : liveCheck(facts)
  ]
}

function dockerCheck(facts: HostFacts): DoctorCheck {
  if (facts.dockerServer) return passed('docker', `dockerd ${facts.dockerServer} answers`)
  const user = facts.user || 'the deploy user'
  return failed(
    'docker',
    `${user} cannot reach dockerd: ${facts.dockerError ?? 'no answer'}`,
    /permission denied/i.test(facts.dockerError ?? '')
      ? `On the host: sudo usermod -aG docker ${user} (then log in again).`
      : 'Start the Docker engine on the host (sudo systemctl enable --now docker).'
  )
}

/** Containers have no `current`: what is live is the newest successful line of history. */
function liveFromHistory(facts: HostFacts): DoctorCheck {
  const entry = [...facts.history].reverse().find(e => e.outcome === 'success')
  if (!entry)
    return passed('live', 'nothing yet (no successful deploy in history): the first deploy')
  return passed(
    'live',
    `${entry.version} (release ${entry.release}, ${entry.operation} at ${entry.time})`
  )
}

function programsCheck(facts: HostFacts, programs: readonly string[]): DoctorCheck {
  const missing = programs.filter(p => facts.missing.includes(p) || !(p in facts.programs))
  if (missing.length === 0) return passed('programs', programs.join(', '))
  const debian = missing.map(p => (p === 'docker' ? 'docker.io' : p)).join(' ')
  return failed(
    'programs',
    `not found on the PATH of ${facts.user || 'the login user'}: ${missing.join(', ')}`,
    `Install them on the host (Debian/Ubuntu: sudo apt-get install -y ${debian}; Fedora/RHEL: sudo dnf install -y ${missing.join(' ')}).`
  )
}

function pathCheck(facts: HostFacts): DoctorCheck {
  const user = facts.user || 'the deploy user'
  if (facts.existingNotDir) {
    return failed(
      'path',
      `${facts.existing} is not a directory`,
      `Choose another path, or move ${facts.existing} away on the host.`
    )
  }
  if (facts.unwritable.length) {
    const list = facts.unwritable.map(u => `${u.path} (owner ${u.owner || 'unknown'})`).join(', ')
    const fix =
      facts.existing === facts.root
        ? `On the host: sudo chown -R ${user}: ${facts.root}`
        : `On the host: sudo install -d -o ${user} -g ${user} -m 755 ${facts.root}`
    return failed('path', `${user} cannot write ${list}`, `${fix} (docs/hosts.md).`)
  }
  if (facts.existing !== facts.root) {
    return passed(
      'path',
      `${facts.root} does not exist yet; ${user} can create it in ${facts.existing}`
    )
  }
  return passed('path', `${facts.root} is writable by ${user}`)
}

function diskCheck(facts: HostFacts, releaseBytes: number | undefined): DoctorCheck {
  if (facts.freeKiB === undefined || !Number.isFinite(facts.freeKiB)) {
    return failed(
      'disk',
      `could not read free space of ${facts.existing}`,
      'Check `df -P` works on the host.'
    )
  }
  const free = facts.freeKiB * 1024
  const where = `on ${facts.mount || facts.existing}`
  if (releaseBytes !== undefined) {
    if (free < releaseBytes) {
      return failed(
        'disk',
        `${formatBytes(free)} free ${where}; the release needs ${formatBytes(releaseBytes)}`,
        `Free at least ${formatBytes(releaseBytes - free)} on the host (old releases beyond keep-releases, logs, package caches) or grow the disk.`
      )
    }
    return passed(
      'disk',
      `${formatBytes(free)} free ${where}; the release needs ${formatBytes(releaseBytes)}`
    )
  }
  if (free < MIN_FREE_BYTES) {
    return failed(
      'disk',
      `${formatBytes(free)} free ${where}, under ${formatBytes(MIN_FREE_BYTES)}`,
      'Free space on the host (old releases, logs, package caches) or grow the disk; give --source to compare with the release size.'
    )
  }
  return passed('disk', `${formatBytes(free)} free ${where}`)
}

function lockCheck(facts: HostFacts, options: HostCheckOptions): DoctorCheck {
  const file = `${facts.root}/.shiprail/lock`
  if (facts.lockIsDir) {
    return failed('lock', `${file} is a directory`, `Remove it on the host: rmdir ${file}`)
  }
  if (facts.lock === undefined) return passed('lock', 'free')
  const info = parseLockInfo(facts.lock)
  const holder = describeLock(info, facts.lock)
  const stale = info && staleReason(info, options.machine, options.now, options.isAlive)
  if (stale) {
    // A deploy takes a stale lock over by itself (release-lock.ts), so it is not a problem.
    return passed('lock', `stale: held by ${holder}; ${stale}, so the next deploy takes it over`)
  }
  return failed(
    'lock',
    `held by ${holder}`,
    `A deploy is running: wait for it, or set lock-timeout to wait. If none is running, remove ${file} on the host.`
  )
}

function liveCheck(facts: HostFacts): DoctorCheck {
  const current = `${facts.root}/current`
  if (facts.currentNotLink) {
    return failed(
      'live',
      `${current} exists and is not a symlink`,
      `Move ${current} away on the host; a deploy makes it a symlink to the live release.`
    )
  }
  if (facts.current === undefined)
    return passed('live', 'nothing yet (no current): the first deploy')
  if (facts.currentResolved === undefined) {
    return failed(
      'live',
      `${current} points to ${facts.current}, which does not exist`,
      'Deploy again, or roll back to a kept release (shiprail rollback).'
    )
  }
  const release = facts.currentResolved.split('/').pop() ?? ''
  const entry = [...facts.history]
    .reverse()
    .find(e => e.release === release && e.outcome === 'success')
  if (!entry) return passed('live', `${release} (not in ${facts.root}/.shiprail/history.jsonl)`)
  return passed(
    'live',
    `${entry.version} (release ${release}, ${entry.operation} at ${entry.time})`
  )
}
