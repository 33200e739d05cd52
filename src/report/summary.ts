/**
 * A step's summary as data, rendered as Markdown for the job summary and as plain text for the
 * terminal, so the action and the CLI show the same facts.
 */
export interface SummaryTable {
  caption?: string
  header: string[]
  rows: string[][]
}

export interface SummaryDoc {
  title: string
  /** One-line verdict shown first, e.g. "✅ deployed 1.4.2 to production". */
  verdict: string
  /** Label/value pairs. */
  facts: [string, string][]
  tables: SummaryTable[]
  /** Extra Markdown blocks (e.g. a mermaid chart); left out of the terminal rendering. */
  markdownBlocks?: string[]
  links?: [string, string][]
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

function markdownTable(table: SummaryTable): string {
  const lines = [
    `| ${table.header.map(escapeCell).join(' | ')} |`,
    `| ${table.header.map(() => '---').join(' | ')} |`,
    ...table.rows.map(r => `| ${r.map(escapeCell).join(' | ')} |`)
  ]
  return (table.caption ? `**${escapeCell(table.caption)}**\n\n` : '') + lines.join('\n')
}

export function toMarkdown(doc: SummaryDoc): string {
  const parts = [`### ${doc.title}`, doc.verdict]
  if (doc.facts.length) {
    parts.push(
      markdownTable({ header: ['', ''], rows: doc.facts.map(([k, v]) => [`**${k}**`, v]) })
    )
  }
  for (const t of doc.tables) parts.push(markdownTable(t))
  for (const block of doc.markdownBlocks ?? []) parts.push(block)
  if (doc.links?.length)
    parts.push(doc.links.map(([label, url]) => `[${label}](${url})`).join(' · '))
  return parts.join('\n\n') + '\n'
}

function textTable(table: SummaryTable): string {
  const all = [table.header, ...table.rows]
  const widths = table.header.map((_, i) => Math.max(...all.map(r => (r[i] ?? '').length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  const out = [
    line(table.header),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...table.rows.map(r => line(r.map(plain)))
  ]
  return (table.caption ? `${table.caption}\n` : '') + out.join('\n')
}

/** Drops Markdown emphasis and code marks for the terminal. */
function plain(text: string): string {
  return text.replace(/\*\*|`/g, '')
}

export function toText(doc: SummaryDoc): string {
  const parts = [doc.title, plain(doc.verdict)]
  if (doc.facts.length) {
    const width = Math.max(...doc.facts.map(([k]) => k.length))
    parts.push(doc.facts.map(([k, v]) => `  ${k.padEnd(width)}  ${plain(v)}`).join('\n'))
  }
  for (const t of doc.tables) parts.push(textTable(t))
  if (doc.links?.length) parts.push(doc.links.map(([label, url]) => `${label}: ${url}`).join('\n'))
  return parts.join('\n\n') + '\n'
}
