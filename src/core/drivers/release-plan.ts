import type { ReleasesDriverSettings } from '../settings/deploy-settings.js'
import type { DriverRequest } from './driver.js'

/** What a dry run of the releases driver says it would do, step by step. */
export function releasesPlan(settings: ReleasesDriverSettings, request: DriverRequest): string[] {
  const root = settings.path
  const hosts = settings.hosts.map(h => h.label).join(', ')
  const lines = [
    `hosts: ${hosts} (${settings.parallel} at a time); deploy root ${root}`,
    `lock ${root}/.shiprail/lock on every host (wait up to ${settings.lockTimeoutSeconds} s)`
  ]
  if (request.operation === 'rollback') {
    lines.push(
      `switch ${root}/current on every host to the newest kept release of ${request.version} that deployed successfully and is not marked bad (no upload)`,
      ...(settings.afterSwitch.trim() ? ['run after-switch on every host'] : []),
      `record the rollback in ${root}/.shiprail/history.jsonl and mark the release rolled back from as bad`
    )
  } else {
    lines.push(
      `upload ${settings.source} to ${root}/releases/<UTC time>-${request.version}/ on every host, hard-linking files unchanged since the live release (found by its manifest, or by comparing every file when the manifest is missing or does not match the disk)`,
      ...(settings.shared.length
        ? [
            `link ${settings.shared.map(s => (s.kind === 'dir' ? `${s.path}/` : s.path)).join(', ')} from ${root}/shared/ (a missing file fails the deploy; a missing directory is created)`
          ]
        : []),
      ...(settings.beforeSwitchOnce.trim()
        ? [
            `run ${settings.beforeSwitch.trim() ? 'before-switch, then ' : ''}before-switch-once in the new release on ${settings.hosts[0].label} only`
          ]
        : []),
      ...(settings.beforeSwitch.trim()
        ? [
            `run before-switch in the new release on every ${settings.beforeSwitchOnce.trim() ? 'other ' : ''}host`
          ]
        : []),
      `when every host is ready, switch ${root}/current to the new release (symlink + rename)`,
      ...(settings.afterSwitch.trim() ? ['run after-switch on every host'] : []),
      `record the deploy in ${root}/.shiprail/history.jsonl; keep ${settings.keepReleases} releases (plus the live one and the rollback target)`
    )
  }
  lines.push('unlock every host')
  return lines
}
