/**
 * A step's summary as data, rendered as Markdown for the job summary and as plain text for the
 * terminal, so the action and the CLI show the same facts.
 */
export interface SummaryTable {
  caption?: string
  header: string[]
  rows: string[][]
  /**
   * The step already wrote these rows to its log (a dry run's plan): the terminal, where the
   * log and the summary land on one screen, leaves the table out.
   */
  logged?: boolean
}

/** A dry run's plan, one step a row; logged already, so the terminal leaves it out. */
export function planTable(plan: string[]): SummaryTable {
  return { caption: 'Plan', header: ['step'], rows: plan.map(line => [line]), logged: true }
}

/** How the terminal emphasises the title and the verdict; plain text when absent. */
export interface TextStyle {
  title(text: string): string
  verdict(text: string, tone: 'good' | 'bad' | 'neutral'): string
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
  // A list, not a table: a GFM table needs a header row, and an empty one renders as a blank band.
  if (doc.facts.length) {
    parts.push(doc.facts.map(([k, v]) => `- **${k}**: ${escapeCell(v)}`).join('\n'))
  }
  for (const t of doc.tables) parts.push(markdownTable(t))
  for (const block of doc.markdownBlocks ?? []) parts.push(block)
  if (doc.links?.length)
    parts.push(doc.links.map(([label, url]) => `[${label}](${url})`).join(' · '))
  return parts.join('\n\n') + '\n'
}

/**
 * Columns a terminal gives the text: an emoji drawn as a picture (✅ ❌ ⏪) and East Asian wide
 * characters take two, joiners, variation selectors and combining marks none.
 */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) as number
    const invisible =
      /\p{M}/u.test(ch) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f)
    if (invisible) continue
    const wide =
      /\p{Emoji_Presentation}/u.test(ch) ||
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
    width += wide ? 2 : 1
  }
  // A text-style symbol followed by VS16 (⚠️) is drawn as an emoji too.
  width += text.match(/(?![\p{Emoji_Presentation}])\p{Extended_Pictographic}\uFE0F/gu)?.length ?? 0
  return width
}

function padCell(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

function textTable(table: SummaryTable): string {
  const all = [table.header, ...table.rows].map(r => r.map(c => plain(c ?? '')))
  const widths = table.header.map((_, i) => Math.max(...all.map(r => displayWidth(r[i] ?? ''))))
  const line = (r: string[]) =>
    r
      .map((c, i) => padCell(c, widths[i]))
      .join('  ')
      .trimEnd()
  const [header, ...rows] = all
  const out = [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)]
  return (table.caption ? `${table.caption}\n` : '') + out.join('\n')
}

/** Drops Markdown emphasis and code marks for the terminal. */
function plain(text: string): string {
  return text.replace(/\*\*|`/g, '')
}

function toneOf(verdict: string): 'good' | 'bad' | 'neutral' {
  if (/^[✅⏪]/u.test(verdict)) return 'good'
  if (verdict.startsWith('❌')) return 'bad'
  return 'neutral'
}

export function toText(doc: SummaryDoc, style?: TextStyle): string {
  const verdict = plain(doc.verdict)
  const parts = [
    style ? style.title(doc.title) : doc.title,
    style ? style.verdict(verdict, toneOf(verdict)) : verdict
  ]
  if (doc.facts.length) {
    const width = Math.max(...doc.facts.map(([k]) => displayWidth(k)))
    parts.push(doc.facts.map(([k, v]) => `  ${padCell(k, width)}  ${plain(v)}`).join('\n'))
  }
  for (const t of doc.tables) if (!t.logged) parts.push(textTable(t))
  if (doc.links?.length) parts.push(doc.links.map(([label, url]) => `${label}: ${url}`).join('\n'))
  return parts.join('\n\n') + '\n'
}
