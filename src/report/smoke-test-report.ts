import type { SmokeTestResult } from '../core/steps/smoke-test.js'
import { spokenDuration } from '../core/wording.js'
import type { SummaryDoc } from './summary.js'

/** The job summary: the verdict and one row per check. */
export function smokeTestSummary(result: SmokeTestResult): SummaryDoc {
  const total = result.checks.length
  const failed = result.checks.filter(c => !c.passed).length
  const verdict = result.dryRun
    ? `📝 dry run: ${total} check(s) planned, nothing sent`
    : result.passed
      ? `✅ ${total} of ${total} check(s) passed`
      : `❌ ${failed} of ${total} check(s) failed`
  const facts: [string, string][] = []
  if (result.environment) facts.push(['Environment', result.environment])
  facts.push(['Duration', spokenDuration(result.durationMs)])
  if (result.verdictDeploymentId)
    facts.push(['Verdict recorded on', `deployment ${result.verdictDeploymentId}`])
  if (result.verdictNotRecorded) facts.push(['Verdict not recorded', result.verdictNotRecorded])
  return {
    title: 'Shiprail smoke test',
    verdict,
    facts,
    tables: [
      {
        header: ['Check', 'Result', 'Attempts', 'Status', 'Latency', 'Reason'],
        rows: result.checks.map(c => [
          `${c.name}`,
          result.dryRun ? '—' : c.passed ? '✅' : '❌',
          String(c.attempts),
          c.status === null ? '—' : String(c.status),
          c.latencyMs === null ? '—' : `${c.latencyMs} ms`,
          c.reason
        ])
      }
    ]
  }
}

/** The step's outputs: `passed`, `report` (JSON per check) and `result` (the whole result). */
export function smokeTestOutputs(result: SmokeTestResult): {
  passed: string
  report: string
  result: string
} {
  return {
    passed: String(result.passed),
    report: JSON.stringify(result.checks),
    result: JSON.stringify(result)
  }
}

/** One line saying why the step failed, or undefined when every check passed. */
export function smokeTestFailure(result: SmokeTestResult): string | undefined {
  if (result.passed) return undefined
  const failed = result.checks.filter(c => !c.passed)
  return `Smoke test failed: ${failed.length} of ${result.checks.length} checks failed (${failed.map(c => `${c.name}: ${c.reason}`).join('; ')}).`
}
