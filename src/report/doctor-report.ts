import type { DoctorHost, DoctorResult } from '../core/steps/doctor.js'
import type { SummaryDoc, SummaryTable } from './summary.js'

/** A row per check, the fix beside each problem (doctor, and a deploy's dry run). */
export function doctorTable(hosts: DoctorHost[], caption?: string): SummaryTable {
  return {
    ...(caption ? { caption } : {}),
    header: ['host', 'check', 'ok', 'detail', 'fix'],
    rows: hosts.flatMap(h =>
      h.checks.map(c => [h.host, c.name, c.ok ? 'ok' : 'FAIL', c.detail, c.fix])
    )
  }
}

/** One table for people: a row per check, the fix beside each problem. */
export function doctorSummary(result: DoctorResult): SummaryDoc {
  const problems = result.hosts.flatMap(h => h.checks.filter(c => !c.ok))
  const verdict = result.ok
    ? `✅ Ready: every check passed on ${plural(result.hosts.length, 'target')}`
    : `❌ ${plural(problems.length, 'problem')} on ${result.hosts
        .filter(h => h.checks.some(c => !c.ok))
        .map(h => h.host)
        .join(', ')}`
  return {
    title: 'Shiprail doctor',
    verdict,
    facts: [],
    tables: [doctorTable(result.hosts)]
  }
}

/** The line the CLI prints on stderr when something needs fixing. */
export function doctorFailure(result: DoctorResult): string | undefined {
  if (result.ok) return undefined
  const problems = result.hosts.flatMap(h =>
    h.checks.filter(c => !c.ok).map(c => `${h.host} ${c.name}`)
  )
  return `doctor found ${plural(problems.length, 'problem')}: ${problems.join(', ')}; each row above says how to fix it.`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
