import type { DeployResult } from '../core/steps/deploy.js'
import { formatBytes } from '../core/doctor/host-checks.js'
import { spokenDuration } from '../core/wording.js'
import { doctorTable } from './doctor-report.js'
import { planTable, type SummaryDoc, type SummaryTable } from './summary.js'

export function deploySummary(result: DeployResult, runUrl?: string): SummaryDoc {
  const verdict =
    result.outcome === 'planned'
      ? `📝 Dry run: would deploy **${result.version}** to **${result.environment}**`
      : result.outcome === 'success'
        ? `✅ Deployed **${result.version}** to **${result.environment}**`
        : `❌ Deploy of **${result.version}** to **${result.environment}** failed: ${result.error ?? 'unknown error'}`
  const facts: [string, string][] = [
    ['Environment', result.environment + (result.productionEnvironment ? ' (production)' : '')],
    ['Version', result.version],
    ['Previous version', result.previousVersion ?? '—'],
    ['Commit', result.ref ? `\`${result.ref}\`` : '—'],
    ['Driver', result.driver],
    ['Ledger', result.ledger + (result.deploymentId ? ` (deployment ${result.deploymentId})` : '')],
    ['Duration', spokenDuration(result.durationMs)]
  ]
  if (result.outcome === 'failure') facts.push(['Live now', liveAfterFailure(result)])
  if (result.release) facts.push(['Release', result.release])
  if (result.environmentUrl && result.outcome !== 'failure')
    facts.push(['URL', result.environmentUrl])
  const failed = result.failedPhase
  const tables: SummaryTable[] = [
    {
      caption: 'Phases',
      header: failed ? ['phase', 'duration', 'result'] : ['phase', 'duration'],
      rows: result.phases.map(p => [
        p.name,
        spokenDuration(p.ms),
        ...(failed ? [p.name === failed ? '❌ failed here' : '✅'] : [])
      ])
    }
  ]
  if (result.lastLines?.length) {
    tables.push({
      caption: `Last ${result.lastLines.length} line(s) of the script's output (secrets masked)`,
      header: ['output'],
      rows: result.lastLines.map(line => [line === '' ? ' ' : `\`${line.replace(/`/g, "'")}\``]),
      logged: true
    })
  }
  if (result.hosts.length) {
    const phaseNames = [...new Set(result.hosts.flatMap(h => Object.keys(h.phases)))]
    // How the releases driver found unchanged files; a fallback says why it read every file.
    const found = result.hosts.some(h => h.unchangedBy)
    // The containers driver sends no files; what a host runs is its image ID.
    const images = result.hosts.some(h => h.image !== undefined)
    tables.push({
      caption: 'Hosts',
      header: [
        'host',
        'release',
        ...(images ? ['image'] : ['bytes sent', 'files linked']),
        ...(found ? ['unchanged files found by'] : []),
        ...phaseNames
      ],
      rows: result.hosts.map(h => [
        h.host,
        h.release ?? '—',
        ...(images
          ? [h.image?.slice(0, 19) ?? '—']
          : [
              h.bytesSent === undefined ? '—' : formatBytes(h.bytesSent),
              h.filesLinked === undefined ? '—' : String(h.filesLinked)
            ]),
        ...(found
          ? [
              h.unchangedBy === 'checksum'
                ? `comparing every file (${h.fallback ?? 'no manifest'})`
                : (h.unchangedBy ?? '—')
            ]
          : []),
        ...phaseNames.map(p => (h.phases[p] === undefined ? '—' : spokenDuration(h.phases[p])))
      ])
    })
  }
  if (result.plan) tables.push(planTable(result.plan))
  if (result.preflight) tables.push(doctorTable(result.preflight, 'Hosts (read-only check)'))
  const links: [string, string][] = []
  // After a failure the URL serves whatever was live before, not this version.
  if (result.environmentUrl && result.outcome === 'success')
    links.push(['Open environment', result.environmentUrl])
  if (runUrl) links.push(['Run log', runUrl])
  return { title: 'Shiprail deploy', verdict, facts, tables, links }
}

/** What the environment runs after a failed deploy, as far as Shiprail knows. */
function liveAfterFailure(result: DeployResult): string {
  const before = result.previousVersion ?? 'nothing'
  if (result.failedPhase === 'doctor') return `${before} (a dry run changes nothing)`
  if (/No host was switched/.test(result.error ?? ''))
    return `${before} on every host (no host was switched)`
  return result.driver === 'command'
    ? `${before} per the ledger (the failed script may have changed part of the system before it stopped)`
    : `${before} per the ledger (the error above says which hosts were switched)`
}

export function deployOutputs(result: DeployResult): Record<string, string> {
  return {
    'deployment-id': result.deploymentId,
    version: result.version,
    'previous-version': result.previousVersion ?? '',
    'environment-url': result.environmentUrl ?? '',
    release: result.release ?? '',
    result: JSON.stringify(result)
  }
}

/** One line saying why the step failed, or undefined when it did not. */
export function deployFailure(result: DeployResult): string | undefined {
  return result.outcome === 'failure'
    ? `Deploy of ${result.version} to ${result.environment} failed: ${result.error}`
    : undefined
}
