/**
 * Plain words for the demo's results, the same in the terminal and in the report. They read
 * the steps' `--json` results (the types are in src/core/steps/*.ts).
 */

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`
}

/** The first clause of a check's reason, with "expected status 200-299, got 500" made short. */
function firstClause(text) {
  return String(text ?? '')
    .split('; ')[0]
    .replace(/^expected status (\S+), got (\d+)$/, 'status $2 (expected $1)')
}

/** What a failed smoke-test or status-check found, one short clause per failed check. */
export function problems(data, brief = false) {
  if (!data) return []
  if (brief) return problems(data).map(p => p.replace(/ \(expected [^)]*\)$/, ''))
  if (data.step === 'smoke-test') {
    return data.checks.filter(c => !c.passed).map(c => `${c.name}: ${firstClause(c.reason)}`)
  }
  if (data.step !== 'status-check') return []
  const found = []
  for (const p of data.probes.filter(p => !p.passed)) {
    const last = [...p.samples].reverse().find(s => !s.ok)
    found.push(`${p.name}: ${firstClause(last?.reason ?? p.reason)}`)
  }
  for (const m of data.metrics.filter(m => !m.passed))
    found.push(`${m.name}: ${firstClause(m.reason)}`)
  if (data.logs && !data.logs.passed) {
    found.push(`logs: ${data.logs.errorCount} error line${data.logs.errorCount === 1 ? '' : 's'}`)
  }
  return found
}

/** A step's result in one line; `brief` for the timeline. */
export function describeStep(entry, brief = false) {
  const d = entry.data
  if (!d) return `${entry.step} failed: ${entry.errors.join('; ') || `exit ${entry.code}`}`
  if (entry.step === 'deploy') {
    if (d.outcome !== 'success') return `deploy failed: ${d.error}`
    if (brief) return `deployed (was ${d.previousVersion ?? 'nothing'}), release ${d.release}`
    return `deployed ${d.version} (was ${d.previousVersion ?? 'nothing'}): current → releases/${d.release}, deployment ${d.deploymentId}`
  }
  if (entry.step === 'smoke-test') {
    if (d.passed) return `passed: ${d.checks.length}/${d.checks.length} checks`
    return `failed: ${problems(d, brief).join('; ')}`
  }
  if (entry.step === 'status-check') {
    const p95 = d.overall.p95Ms === null ? '—' : `${Math.round(d.overall.p95Ms)} ms`
    if (d.healthy) {
      const probes = `${d.overall.probes}/${d.overall.probes} probes passed`
      return `healthy: ${d.rounds} rounds over ${seconds(d.durationMs)}, ${probes}, p95 ${p95}${d.logs ? ', no error in the logs' : ''}`
    }
    const early = d.endedEarly ? ` (ended early, round ${d.rounds} of ${d.plannedRounds})` : ''
    return `unhealthy after ${seconds(d.durationMs)}${brief ? '' : early}: ${problems(d, brief).join('; ')}`
  }
  if (entry.step === 'rollback') {
    if (d.outcome !== 'success') return `rollback failed: ${d.error}`
    if (brief) return `driver phase took ${d.driverMs} ms; ${d.fromVersion} marked bad`
    return `rolled back from ${d.fromVersion} to ${d.version} (driver phase ${d.driverMs} ms); deployment ${d.fromDeploymentId} (${d.fromVersion}) marked bad`
  }
  return entry.ok ? 'passed' : 'failed'
}

/** Why a deployment is bad, from its verdicts: "status-check failed, then rolled back to 2.0.0". */
export function whyBad(entry) {
  return entry.verdicts
    .filter(v => v.state !== 'success')
    .map(v => {
      const [head, next] = v.description.split(': ')
      return head === 'rollback' && next ? next : head
    })
    .join(', then ')
}

/** What the simulated users saw: how many requests, which failed, and when. */
export function usersLine(model) {
  const all = model.requests
  if (all.length === 0) return 'Users: no request was sent.'
  // The switches the users lived through: those after their first request.
  const n = model.markers.filter(m => m.at * 1000 > all[0].at).length
  const switches = `${n} switch${n === 1 ? '' : 'es'} of current`
  const failed = all.filter(r => r.status !== 200)
  if (failed.length === 0) return `Users: ${all.length} requests, none failed, across ${switches}.`
  const byVersion = new Map()
  for (const r of failed) {
    const v = r.version ? `answered by ${r.version}` : (r.error ?? `status ${r.status}`)
    byVersion.set(v, (byVersion.get(v) ?? 0) + 1)
  }
  const which = [...byVersion].map(([v, n]) => `${n} ${v}`).join(', ')
  const first = (failed[0].at / 1000).toFixed(1)
  const last = (failed[failed.length - 1].at / 1000).toFixed(1)
  return `Users: ${all.length} requests; ${failed.length} failed (${which}) between t=${first} and ${last} s; the other ${all.length - failed.length} succeeded, across ${switches}.`
}
