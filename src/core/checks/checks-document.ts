import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse, YAMLParseError } from 'yaml'
import { InputError } from '../errors.js'
import { show } from './yaml-fields.js'

/**
 * The `checks` input as a document: inline YAML, or a .yml/.yaml/.json file in the workspace,
 * read twice (typed, and with every scalar kept as written). check-parser.ts then reads the
 * checks out of it.
 */

export const CHECKS_FORM =
  'a YAML list of checks (e.g. `- path: /health`), or a path to a .yml, .yaml or .json file holding one'

function yamlProblem(err: unknown): string {
  if (err instanceof YAMLParseError) return err.message.split('\n')[0].replace(/:$/, '')
  return err instanceof Error ? err.message : String(err)
}

/** `checks` holds a file path when it is one line ending in .yml/.yaml/.json; otherwise inline YAML. */
export function isChecksFile(value: string): boolean {
  return !/[\r\n]/.test(value.trim()) && /\.(ya?ml|json)$/i.test(value.trim())
}

/**
 * Why a .json checks file is not JSON, at a line and column: JSON is YAML, so YAML reads it, but
 * YAML's flow syntax also accepts what JSON does not (comments, bare words, trailing commas) and
 * words its errors for YAML. Node's "at position 41" is rewritten as a line and column.
 */
function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text)
    return undefined
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const at = /at position (\d+)/.exec(message)
    if (!at) return message
    const before = text.slice(0, Number(at[1]))
    const where = `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`
    return `${message.replace(/\s*in JSON at position \d+.*$/s, '')} at ${where}`
  }
}

function readChecksText(value: string, workspace: string): { text: string; source: string } {
  if (!isChecksFile(value)) return { text: value, source: '' }
  const file = value.trim()
  const full = resolve(workspace, file)
  try {
    return { text: readFileSync(full, 'utf8'), source: file }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const problem =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot be read (${code ?? yamlProblem(err)})`
    throw new InputError(
      'checks',
      `names the file ${show(file)}, which ${problem} (looked at ${full})`,
      CHECKS_FORM
    )
  }
}

/**
 * Reads the `checks` input. `typed` is the document as YAML's core schema reads it; `texts` is
 * the same with every scalar as a string. Throws InputError naming the file and the line.
 */
export function readChecksDocument(
  value: string,
  workspace: string
): { typed: unknown; texts: unknown; source: string } {
  const { text, source } = readChecksText(value, workspace)
  const format = /\.json$/i.test(source) ? 'JSON' : 'YAML'
  const notJson = format === 'JSON' ? jsonProblem(text) : undefined
  if (notJson)
    throw new InputError('checks', `is not valid JSON in ${source} (${notJson})`, CHECKS_FORM)
  let typed: unknown
  let texts: unknown
  try {
    typed = parse(text)
    texts = parse(text, { schema: 'failsafe' })
  } catch (err) {
    throw new InputError(
      'checks',
      `is not valid ${format}${source ? ` in ${source}` : ''} (${yamlProblem(err)})`,
      CHECKS_FORM
    )
  }
  return { typed, texts, source }
}
