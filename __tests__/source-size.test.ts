import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** No source file is a maze: past this many lines, split it along the seams it already has. */
const MAX_LINES = 500

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : []
  })
}

describe('source files', () => {
  const root = process.cwd()
  const files = sourceFiles(join(root, 'src')).map(f => relative(root, f))

  it('finds the sources', () => {
    expect(files).toContain('src/core/steps/status-check.ts')
  })

  it(`are at most ${MAX_LINES} lines each`, () => {
    const tooLong = files
      .map(f => ({ file: f, lines: readFileSync(join(root, f), 'utf8').split('\n').length }))
      .filter(f => f.lines > MAX_LINES)
      .map(f => `${f.file}: ${f.lines} lines`)
    expect(tooLong).toEqual([])
  })
})
