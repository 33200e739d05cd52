import type { DeployResult } from '../core/steps/deploy.js'
import { spokenDuration } from '../core/wording.js'
import type { SummaryDoc } from './summary.js'

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
  if (result.release) facts.push(['Release', result.release])
  if (result.environmentUrl) facts.push(['URL', result.environmentUrl])
  const tables = [
    {
      caption: 'Phases',
      header: ['phase', 'duration'],
      rows: result.phases.map(p => [p.name, spokenDuration(p.ms)])
    }
  ]
  if (result.hosts.length) {
    const phaseNames = [...new Set(result.hosts.flatMap(h => Object.keys(h.phases)))]
    tables.push({
      caption: 'Hosts',
      header: ['host', 'release', 'bytes sent', 'files linked', ...phaseNames],
      rows: result.hosts.map(h => [
        h.host,
        h.release ?? '—',
        h.bytesSent === undefined ? '—' : String(h.bytesSent),
        h.filesLinked === undefined ? '—' : String(h.filesLinked),
        ...phaseNames.map(p => (h.phases[p] === undefined ? '—' : spokenDuration(h.phases[p])))
      ])
    })
  }
  if (result.plan)
    tables.push({ caption: 'Plan', header: ['step'], rows: result.plan.map(line => [line]) })
  const links: [string, string][] = []
  if (result.environmentUrl) links.push(['Open environment', result.environmentUrl])
  if (runUrl) links.push(['Run log', runUrl])
  return { title: 'Shiprail deploy', verdict, facts, tables, links }
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
