import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Marked } from 'marked'
import puppeteer, { type Browser } from 'puppeteer-core'

/**
 * A job summary as GitHub shows it: the Markdown through a GFM renderer (marked), GitHub's
 * light or dark colours, and every ```mermaid block drawn by mermaid in headless Chromium, as
 * github.com draws them (theme `default` in light mode, `dark` in dark mode). Mermaid is
 * loaded from node_modules: nothing is fetched. Each page is screenshotted.
 */

export type Theme = 'light' | 'dark'

/** GitHub's Primer colours for the parts a summary uses. */
export const THEMES: Record<
  Theme,
  { bg: string; fg: string; border: string; headerBg: string; stripe: string; code: string }
> = {
  light: {
    bg: '#ffffff',
    fg: '#1f2328',
    border: '#d1d9e0',
    headerBg: '#f6f8fa',
    stripe: '#f6f8fa',
    code: '#818b981f'
  },
  dark: {
    bg: '#0d1117',
    fg: '#f0f6fc',
    border: '#3d444d',
    headerBg: '#151b23',
    stripe: '#151b23',
    code: '#656c7633'
  }
}

export interface RenderedSummary {
  /** Mermaid's parse or render errors; empty when every chart was drawn. */
  mermaidErrors: string[]
  /** Charts drawn (an <svg> per mermaid block). */
  charts: number
  /** Stroke colours of every plotted line, as rgb()/hex strings. */
  lineColours: string[]
  /** Fill of each chart's own background (mermaid's dark theme draws one). */
  chartBackgrounds: string[]
  /** Text of each table's header cells. */
  tableHeaders: string[][]
  /** The page's visible text, whitespace collapsed. */
  text: string
  /** href of every link, by its text. */
  links: Record<string, string>
  screenshot: string
}

const require = createRequire(import.meta.url)
const MERMAID = require.resolve('mermaid/dist/mermaid.min.js')

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function stylesheet(theme: Theme): string {
  const c = THEMES[theme]
  return `
body { margin: 0; padding: 24px; background: ${c.bg}; color: ${c.fg}; width: 1000px;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, "Liberation Sans", sans-serif; }
h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
p, ul, table, pre { margin: 0 0 16px; }
a { color: ${theme === 'light' ? '#0969da' : '#4493f8'}; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
th, td { border: 1px solid ${c.border}; padding: 6px 13px; }
th { font-weight: 600; background: ${c.headerBg}; }
tr:nth-child(2n) { background: ${c.stripe}; }
code { background: ${c.code}; border-radius: 6px; padding: 0.2em 0.4em; font: 85% "Liberation Mono", monospace; }
pre.mermaid { background: transparent; }
`
}

/** The summary's Markdown as an HTML page; mermaid blocks become `<pre class="mermaid">`. */
export function summaryPage(markdown: string, theme: Theme): string {
  const marked = new Marked({ gfm: true })
  marked.use({
    renderer: {
      code({ text, lang }) {
        return lang === 'mermaid'
          ? `<pre class="mermaid">${escapeHtml(text)}</pre>`
          : `<pre><code>${escapeHtml(text)}</code></pre>`
      }
    }
  })
  const body = marked.parse(markdown, { async: false })
  return `<!doctype html><html><head><meta charset="utf-8"><style>${stylesheet(theme)}</style>
<script src="${pathToFileURL(MERMAID).href}"></script></head>
<body><article>${body}</article>
<script>
window.rendered = (async () => {
  const errors = []
  mermaid.initialize({ startOnLoad: false, theme: ${JSON.stringify(theme === 'light' ? 'default' : 'dark')} })
  for (const block of document.querySelectorAll('pre.mermaid')) {
    try { await mermaid.parse(block.textContent) } catch (e) { errors.push(String(e && e.message || e)) }
  }
  try { await mermaid.run({ querySelector: 'pre.mermaid' }) } catch (e) { errors.push(String(e && e.message || e)) }
  const links = {}
  for (const a of document.querySelectorAll('a')) links[a.textContent] = a.href
  return {
    mermaidErrors: errors,
    charts: document.querySelectorAll('pre.mermaid svg').length,
    lineColours: [...document.querySelectorAll('pre.mermaid svg [class*="line-plot"] path')].map(
      p => getComputedStyle(p).stroke
    ),
    chartBackgrounds: [...document.querySelectorAll('pre.mermaid svg rect.background')].map(
      r => getComputedStyle(r).fill
    ),
    tableHeaders: [...document.querySelectorAll('table')].map(t =>
      [...t.querySelectorAll('thead th')].map(th => th.textContent.trim())
    ),
    text: document.body.innerText.replace(/\\s+/g, ' ').trim(),
    links
  }
})()
</script></body></html>`
}

export class SummaryRenderer {
  private constructor(private readonly browser: Browser) {}

  static async start(): Promise<SummaryRenderer> {
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
    })
    return new SummaryRenderer(browser)
  }

  async close(): Promise<void> {
    await this.browser.close()
  }

  /** Renders one summary in one theme; the page and its screenshot go to `dir`. */
  async render(
    markdown: string,
    theme: Theme,
    dir: string,
    name: string
  ): Promise<RenderedSummary> {
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `${name}-${theme}.html`)
    writeFileSync(file, summaryPage(markdown, theme))
    const page = await this.browser.newPage()
    try {
      await page.setViewport({ width: 1048, height: 600 })
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
      // The page's own script draws the charts and reads the result (see summaryPage).
      const facts = (await page.evaluate('window.rendered')) as Omit<RenderedSummary, 'screenshot'>
      const screenshot = join(dir, `${name}-${theme}.png`)
      await page.screenshot({ path: screenshot as `${string}.png`, fullPage: true })
      return { ...facts, screenshot }
    } finally {
      await page.close()
    }
  }
}

/** WCAG contrast ratio of two colours given as `rgb(r, g, b)` or `#rrggbb`. */
export function contrast(a: string, b: string): number {
  const lum = (colour: string) => {
    const parts = colour.startsWith('#')
      ? [1, 3, 5].map(i => parseInt(colour.slice(i, i + 2), 16))
      : (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number)
    const [r, g, bl] = parts.map(v => {
      const c = v / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}
