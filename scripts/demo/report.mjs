/**
 * The demo's report: one self-contained HTML file (inline CSS and SVG, no script, nothing
 * fetched) with the verdict, what the users saw (the latency chart, with every deploy,
 * rollback and status-check window on it), the steps, and the deploy history from the ledger
 * and from the releases driver's history.jsonl.
 */
import { describeStep, seconds, usersLine, whyBad } from './words.mjs'

const VERSION_COLORS = ['#0969da', '#1a7f37', '#bf8700', '#8250df', '#57606a']
const FAILED = '#cf222e'

export function escapeHtml(text) {
  return String(text ?? '').replace(
    /[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]
  )
}

/** ✓, ✗ and ↩ as coloured text: they render with any font, unlike emoji. */
function mark(ok, rollback = false) {
  if (!ok) return '<span class="no">✗</span>'
  return rollback ? '<span class="rb">↩</span>' : '<span class="yes">✓</span>'
}

function time(iso) {
  return iso ? new Date(iso).toISOString().slice(11, 19) : '—'
}

/** Versions in the order they first answered, each with its colour. */
function versionColors(model) {
  const versions = []
  for (const s of model.steps) {
    if (s.step === 'deploy' && !versions.includes(s.subject)) versions.push(s.subject)
  }
  for (const r of model.requests) {
    if (r.version && !versions.includes(r.version)) versions.push(r.version)
  }
  return new Map(versions.map((v, i) => [v, VERSION_COLORS[i % VERSION_COLORS.length]]))
}

/**
 * Latency of every user request over the demo (log scale, 1 ms to 1 s and over), coloured by
 * the version that answered; failures as red crosses; status-check windows shaded green or red;
 * deploys and the rollback as labelled lines.
 */
export function latencyChart(model, colors) {
  const width = 1100
  const height = 360
  const left = 64
  const right = 16
  const top = 56
  const bottom = 44
  const plotW = width - left - right
  const plotH = height - top - bottom
  const lastAt = Math.max(
    model.durationMs / 1000,
    ...model.requests.map(r => r.at / 1000),
    ...model.steps.map(s => s.at + s.ms / 1000)
  )
  const xMax = Math.max(1, Math.ceil(lastAt))
  const yMin = 1
  const yMax = Math.max(1000, ...model.requests.map(r => r.ms))
  const x = t => left + (Math.min(Math.max(t, 0), xMax) / xMax) * plotW
  const y = ms =>
    top +
    plotH -
    ((Math.log10(Math.max(ms, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) *
      plotH
  const parts = []

  for (const w of model.windows) {
    const fill = w.healthy ? '#dafbe1' : '#ffebe9'
    const label = `status-check ${w.version}: ${w.healthy ? 'healthy' : 'unhealthy'}`
    parts.push(
      `<rect x="${x(w.start).toFixed(1)}" y="${top}" width="${Math.max(2, x(w.end) - x(w.start)).toFixed(1)}" height="${plotH}" fill="${fill}"><title>${escapeHtml(label)}</title></rect>`
    )
  }
  // Grid and axes.
  for (const tick of [1, 3, 10, 30, 100, 300, 1000, 3000].filter(t => t <= yMax)) {
    const ty = y(tick).toFixed(1)
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${left - 8}" y="${ty}" text-anchor="end" dominant-baseline="middle" class="axis">${tick >= 1000 ? `${tick / 1000} s` : `${tick} ms`}</text>`
    )
  }
  const step = xMax > 40 ? 10 : 5
  for (let t = 0; t <= xMax; t += step) {
    parts.push(
      `<text x="${x(t).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle" class="axis">${t} s</text>`
    )
  }
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#57606a"/>`,
    `<text x="${left + plotW / 2}" y="${height - 6}" text-anchor="middle" class="axis">seconds since the demo started</text>`,
    `<text x="14" y="${top + plotH / 2}" text-anchor="middle" class="axis" transform="rotate(-90 14 ${top + plotH / 2})">latency (log scale)</text>`
  )
  // Deploys and rollbacks: a line each, labels on two rows so neighbours do not overlap.
  model.markers.forEach((m, i) => {
    const mx = x(m.at).toFixed(1)
    const stroke = m.kind === 'rollback' ? FAILED : '#24292f'
    const ly = top - 30 + (i % 2) * 16
    // Near an edge, the label hangs inwards so it is not cut off.
    const anchor = +mx > width - right - 70 ? 'end' : +mx < left + 70 ? 'start' : 'middle'
    parts.push(
      `<line x1="${mx}" x2="${mx}" y1="${ly + 4}" y2="${top + plotH}" stroke="${stroke}" stroke-dasharray="4 3"/>`,
      `<text x="${mx}" y="${ly}" text-anchor="${anchor}" class="marker" fill="${stroke}">${escapeHtml(m.label)}</text>`
    )
  })
  for (const r of model.requests) {
    const cx = x(r.at / 1000).toFixed(1)
    const cy = y(r.ms).toFixed(1)
    const what = r.status === null ? (r.error ?? 'no answer') : `${r.status}`
    const title = `<title>${escapeHtml(`t=${(r.at / 1000).toFixed(1)} s: ${what} from ${r.version ?? '?'} in ${r.ms} ms`)}</title>`
    if (r.status === 200) {
      const fill = colors.get(r.version) ?? '#57606a'
      parts.push(
        `<circle cx="${cx}" cy="${cy}" r="2.6" fill="${fill}" fill-opacity="0.8">${title}</circle>`
      )
    } else {
      parts.push(
        `<path d="M${+cx - 3.5},${+cy - 3.5}l7,7m0,-7l-7,7" stroke="${FAILED}" stroke-width="1.8">${title}</path>`
      )
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Latency of user requests over the demo">${parts.join('')}</svg>`
}

function legend(colors, model) {
  const items = [...colors].map(
    ([v, c]) => `<span><i class="dot" style="background:${c}"></i>${escapeHtml(v)}</span>`
  )
  items.push(`<span><b class="cross">×</b>failed request</span>`)
  if (model.windows.some(w => w.healthy))
    items.push(`<span><i class="band" style="background:#dafbe1"></i>status-check: healthy</span>`)
  if (model.windows.some(w => !w.healthy))
    items.push(
      `<span><i class="band" style="background:#ffebe9"></i>status-check: unhealthy</span>`
    )
  return `<p class="legend">${items.join('')}</p>`
}

function table(header, rows, className = '') {
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${header.map(h => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}

/** A state word of `shiprail history`, coloured by what it means for the environment. */
function badge(state) {
  const kind =
    state === 'live'
      ? 'live'
      : ['bad', 'failed', 'rolled-back'].includes(state)
        ? 'bad'
        : state === 'verified'
          ? 'ok'
          : 'muted'
  return `<span class="badge ${kind}">${escapeHtml(state)}</span>`
}

function stepsTable(model) {
  return table(
    ['#', 't', 'step', 'subject', 'result', 'took'],
    model.steps.map(s => [
      String(s.n),
      `<span class="nw">${s.at.toFixed(1)} s</span>`,
      `<span class="nw">${escapeHtml(s.step)}</span>`,
      escapeHtml(s.subject),
      `${mark(s.ok, s.step === 'rollback')} ${escapeHtml(describeStep(s))}`,
      `<span class="nw">${seconds(s.ms)}</span>`
    ])
  )
}

function historyTable(model) {
  return table(
    ['id', 'version', 'operation', 'created', 'deploy', 'verdicts (oldest first)', 'state'],
    model.history.map(entry => {
      const verdicts = entry.verdicts.length
        ? entry.verdicts
            .map(v => `${mark(v.state === 'success')} ${escapeHtml(v.description)}`)
            .join('<br>')
        : '—'
      const operation =
        entry.operation === 'rollback'
          ? `rollback of ${escapeHtml(entry.rollbackOf ?? '?')}`
          : 'deploy'
      return [
        escapeHtml(entry.id),
        `<b>${escapeHtml(entry.version)}</b>`,
        operation,
        time(entry.createdAt),
        escapeHtml(entry.outcome),
        verdicts,
        badge(entry.state) + (entry.rollbackTarget ? ' ⏪' : '')
      ]
    }),
    'history'
  )
}

function releasesTable(model) {
  return table(
    ['time', 'operation', 'release', 'version', 'outcome', 'deployment'],
    model.releaseHistory.map(e => [
      time(e.time),
      escapeHtml(e.operation),
      `<code>${escapeHtml(e.release)}</code>${e.release === model.currentRelease ? ' ← current' : ''}`,
      escapeHtml(e.version),
      escapeHtml(e.outcome + (e.rollbackOf ? ` (from ${e.rollbackOf})` : '')),
      escapeHtml(e.deploymentId)
    ])
  )
}

function statusWindows(model) {
  const rows = []
  for (const s of model.steps.filter(s => s.step === 'status-check' && s.data)) {
    const d = s.data
    for (const p of d.probes) {
      rows.push([
        escapeHtml(s.subject),
        `probe ${escapeHtml(p.name)}`,
        p.total ? `${p.passes}/${p.total} passed` : '—',
        p.p95 === null ? '—' : `p50 ${p.p50} ms · p95 ${p.p95} ms · max ${p.max} ms`,
        `≥ ${Math.round(p.minSuccessRate * 100)}%${p.maxP95LatencyMs ? `, p95 ≤ ${p.maxP95LatencyMs} ms` : ''}`,
        `${mark(p.passed)} ${escapeHtml(p.reason)}`
      ])
    }
    if (d.logs) {
      rows.push([
        escapeHtml(s.subject),
        'logs',
        `${d.logs.errorCount} error lines in ${d.logs.linesScanned}`,
        d.logs.firstMatches.length ? `<code>${escapeHtml(d.logs.firstMatches[0])}</code>` : '—',
        `≤ ${d.logs.maxErrors}`,
        `${mark(d.logs.passed)} ${escapeHtml(d.logs.reason)}`
      ])
    }
  }
  return table(
    ['version', 'watched', 'value', 'latency / first error line', 'threshold', 'result'],
    rows
  )
}

const STYLE = `
body{font:15px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
main{max-width:1160px;margin:0 auto;padding:24px 28px 48px;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.sub{color:#57606a;margin:0 0 16px}
.verdict{font-size:19px;font-weight:600;padding:14px 18px;border-radius:8px;margin:12px 0 16px}
.verdict.ok{background:#dafbe1;border:1px solid #4ac26b}.verdict.fail{background:#ffebe9;border:1px solid #ff8182}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{flex:1 1 200px;border:1px solid #d0d7de;border-radius:8px;padding:10px 14px}
.card .k{color:#57606a;font-size:13px}.card .v{font-size:22px;font-weight:600}.card .d{font-size:13px;color:#57606a}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:6px 0}th,td{border:1px solid #d0d7de;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12.5px;font-weight:600;white-space:nowrap}
.badge.live{background:#0969da;color:#fff}.badge.bad{background:${FAILED};color:#fff}.badge.ok{background:#dafbe1;color:#116329}.badge.muted{background:#eaeef2;color:#57606a}
.axis{font-size:12px;fill:#57606a}.marker{font-size:12.5px;font-weight:600}
.legend span{margin-right:18px;font-size:13px;white-space:nowrap}.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px}
.band{display:inline-block;width:16px;height:10px;margin-right:5px;border:1px solid #d0d7de}.cross{color:${FAILED};margin-right:5px}
.foot{color:#57606a;font-size:13px;margin-top:28px}
.yes{color:#1a7f37;font-weight:700}.no{color:${FAILED};font-weight:700}.rb{color:#0969da;font-weight:700}
.nw{white-space:nowrap}
`

/** The whole report as one HTML document. */
export function renderReport(model) {
  const colors = versionColors(model)
  const live = model.live
  const bad = model.bad
  const failed = model.requests.filter(r => r.status !== 200).length
  const cards = [
    [
      'Live now',
      model.served?.version ?? '—',
      live
        ? `ledger: deployment ${escapeHtml(live.id)} (${escapeHtml(live.operation)}), ${escapeHtml(live.state)}`
        : 'nothing live in the ledger'
    ],
    [
      'Marked bad',
      bad.map(r => r.version).join(', ') || 'none',
      model.bad
        .map(
          b =>
            `deployment ${escapeHtml(b.id)}: ${escapeHtml(b.state)}, ${escapeHtml(whyBad(b))}; never a rollback target again`
        )
        .join('<br>')
    ],
    ['User requests', String(model.requests.length), `${failed} failed`],
    [
      'Demo took',
      seconds(model.durationMs),
      `${model.steps.length} steps, Node ${escapeHtml(model.node)}`
    ]
  ]
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shiprail demo report: ${model.ok ? 'rolled back as expected' : 'did not end as expected'}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Shiprail demo report</h1>
<p class="sub">Environment <b>${escapeHtml(model.environment)}</b> on this machine (releases driver, <code>hosts: local</code>, file ledger), started ${escapeHtml(model.startedAt)}${model.fast ? ', short windows' : ''}.</p>
<div class="verdict ${model.ok ? 'ok' : 'fail'}" id="verdict">${mark(model.ok)} Verdict: ${escapeHtml(model.verdict)}</div>
<div class="cards">${cards
    .map(
      ([k, v, d]) =>
        `<div class="card"><div class="k">${k}</div><div class="v">${escapeHtml(v)}</div><div class="d">${d}</div></div>`
    )
    .join('')}</div>
<h2>What the users saw</h2>
<p>${escapeHtml(usersLine(model))}</p>
${latencyChart(model, colors)}
${legend(colors, model)}
<h2>Steps</h2>
${stepsTable(model)}
<h2>status-check windows</h2>
${statusWindows(model)}
<h2 id="history">Deploy history (ledger)</h2>
<p>From <code>${escapeHtml(model.paths.ledger)}</code> through <code>shiprail history --json</code>, oldest first: the deploy's outcome, then every verdict the checks and the rollback recorded on it.</p>
${historyTable(model)}
<h2>Releases on the host</h2>
<p>From <code>${escapeHtml(model.paths.root)}/.shiprail/history.jsonl</code>.</p>
${releasesTable(model)}
<p class="foot">Files: <code>${escapeHtml(model.paths.work)}</code>. Run it again: <code>npm run demo</code>.</p>
</main>
</body>
</html>
`
}
