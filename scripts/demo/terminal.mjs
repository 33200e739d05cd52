/**
 * The demo's terminal output: a header per step, a progress line per phase as it ends, the
 * step's verdict from its JSON result, and at the end what is live and a timeline. Lines are
 * cut to the terminal's width (the full text is in results/ and the report). Colour only on a
 * terminal, and never with NO_COLOR (https://no-color.org).
 */
import { describeStep, seconds, usersLine, whyBad } from './words.mjs'

export function createTerminal(stream, env = process.env) {
  const color = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb'
  const width = Math.max(80, stream.isTTY ? (stream.columns ?? 140) : 140)
  const paint = code => text => (color ? `\x1b[${code}m${text}\x1b[0m` : text)
  const bold = paint('1')
  const dim = paint('2')
  const red = paint('31')
  const green = paint('32')
  const cut = text =>
    [...text].length <= width ? text : `${[...text].slice(0, width - 1).join('')}…`
  const line = (text, style = t => t) => stream.write(`${style(cut(text))}\n`)
  const icon = entry => (entry.ok ? (entry.step === 'rollback' ? '⏪' : '✅') : '❌')
  const marked = text => (text.startsWith('✅') ? green : text.startsWith('❌') ? red : t => t)

  return {
    line,
    /** A line as it is, never cut (the report's path). */
    raw: text => stream.write(`${text}\n`),
    bold,
    red,
    fact(label, text) {
      line(`  ${label.padEnd(10)}  ${text}`)
    },
    stepHeader(n, name, subject, at) {
      const title = `[${n}] ${name} ${subject}`
      line('')
      stream.write(
        `${bold(title)}${' '.repeat(Math.max(2, 64 - title.length))}${dim(`t=${at.toFixed(1)} s`)}\n`
      )
    },
    /** One event of the CLI's progress (see run-step.mjs). */
    progress(kind, value, shown) {
      if (kind === 'line') {
        shown.inside = true
        const text = value.replace(/^error: /, '')
        line(`    ${text}`, marked(text))
      } else if (kind === 'phase') {
        // A phase whose lines were shown (checks, rounds) needs no line of its own.
        if (!shown.inside) {
          const inner = value.inner.map(p => `${p.name} ${p.seconds.toFixed(1)}`).join(', ')
          line(
            `    · ${value.name} ${value.seconds.toFixed(1)} s${inner ? ` (${inner})` : ''}`,
            dim
          )
        }
        shown.inside = false
      } else if (!value.startsWith('error: ')) {
        // The final `error:` line repeats what the verdict below says.
        const text = value.replace(/^warning: /, '⚠ ')
        line(`    ${text}`, marked(text))
      }
    },
    verdict(entry) {
      line(
        `  ${icon(entry)} ${describeStep(entry)} (${seconds(entry.ms)})`,
        entry.ok ? t => t : red
      )
    },
    ending(model) {
      line('')
      line(`${model.ok ? '✅' : '❌'} ${model.verdict}`, bold)
      line('')
      line('What is live', bold)
      const served = model.served?.version
        ? `answers ${model.served.version} (release ${model.served.release ?? '?'})`
        : model.served
          ? `did not answer (${model.served.error ?? `status ${model.served.status}`})`
          : 'was not asked (the demo stopped early)'
      line(`  ${model.environment} ${served}`)
      line(`  ${model.paths.root}/current → releases/${model.currentRelease ?? '—'}`)
      if (model.live) {
        const r = model.live
        line(`  ledger: deployment ${r.id}, ${r.version} by ${r.operation}: ${r.state}`)
      }
      for (const b of model.bad) {
        line(`  ${b.state}: ${b.version} (deployment ${b.id}): ${whyBad(b)}`)
      }
      line('')
      stream.write(`${bold('Timeline')}${dim('  (t = seconds since the demo started)')}\n`)
      for (const s of model.steps) {
        const head = `  t=${s.at.toFixed(1).padStart(5)} s  ${s.step.padEnd(13)}${s.subject.padEnd(15)}`
        line(`${head}${icon(s)} ${describeStep(s, true)} (${seconds(s.ms)})`)
      }
      line('')
      line(usersLine(model))
      line(
        `Files: ${model.paths.work} (builds/, srv/app/, .shiprail/ledger.json, log/app.log, results/)`,
        dim
      )
    }
  }
}
