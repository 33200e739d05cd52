import type { RollbackResult } from '../core/steps/rollback.js'
import { spokenDuration } from '../core/wording.js'
import { planTable, type SummaryDoc, type SummaryTable } from './summary.js'

export function rollbackSummary(result: RollbackResult, runUrl?: string): SummaryDoc {
  const verdict =
    result.outcome === 'planned'
      ? `📝 Dry run: would roll **${result.environment}** back from **${result.fromVersion}** to **${result.version}**`
      : result.outcome === 'success'
        ? `⏪ Rolled **${result.environment}** back from **${result.fromVersion}** to **${result.version}**`
        : `❌ Rollback of **${result.environment}** to **${result.version}** failed: ${result.error ?? 'unknown error'}`
  const facts: [string, string][] = [
    ['Environment', result.environment],
    ['Was live', `${result.fromVersion} (deployment ${result.fromDeploymentId || '—'})`],
    ['Live now', result.outcome === 'success' ? result.version : result.fromVersion],
    [
      'Target',
      `${result.version} (${result.targetVerified ? 'verified' : 'unverified: deployed, no check recorded'})`
    ],
    ['Why', result.reason],
    ['Driver phase took', spokenDuration(result.driverMs)],
    ['Driver', result.driver],
    ['Ledger', result.ledger + (result.deploymentId ? ` (deployment ${result.deploymentId})` : '')]
  ]
  if (result.release) facts.push(['Release', result.release])
  const tables: SummaryTable[] = [
    {
      caption: 'Phases',
      header: ['phase', 'duration'],
      rows: result.phases.map(p => [p.name, spokenDuration(p.ms)])
    }
  ]
  if (result.hosts.length) {
    tables.push({
      caption: 'Hosts',
      header: ['host', 'release', 'switch'],
      rows: result.hosts.map(h => [
        h.host,
        h.release ?? '—',
        h.phases.switch === undefined ? '—' : spokenDuration(h.phases.switch)
      ])
    })
  }
  if (result.plan) tables.push(planTable(result.plan))
  const links: [string, string][] = []
  if (result.environmentUrl) links.push(['Open environment', result.environmentUrl])
  if (runUrl) links.push(['Run log', runUrl])
  return { title: 'Shiprail rollback', verdict, facts, tables, links }
}

export function rollbackOutputs(result: RollbackResult): Record<string, string> {
  return {
    version: result.outcome === 'failure' ? result.fromVersion : result.version,
    'from-version': result.fromVersion,
    'deployment-id': result.deploymentId,
    result: JSON.stringify(result)
  }
}

/** One line saying why the step failed, or undefined when it did not. */
export function rollbackFailure(result: RollbackResult): string | undefined {
  return result.outcome === 'failure'
    ? `Rollback of ${result.environment} to ${result.version} failed: ${result.error}`
    : undefined
}
