import type { DoctorResult } from '../core/steps/doctor.js'
import type { SummaryDoc } from './summary.js'

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
    tables: [
      {
        header: ['host', 'check', 'ok', 'detail', 'fix'],
        rows: result.hosts.flatMap(h =>
          h.checks.map(c => [h.host, c.name, c.ok ? 'ok' : 'FAIL', c.detail, c.fix])
        )
      }
    ]
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
