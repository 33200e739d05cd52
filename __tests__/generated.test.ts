import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import { INPUTS, inputsFor, STEPS } from '../src/core/inputs.js'
import { outputsFor } from '../src/core/outputs.js'
import { VERSION } from '../src/version.js'
import { actionYml, actionYmlPath, fillReadme, versionModule } from '../scripts/generate.js'
import { ROOT } from './support/action-runner.js'

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

describe('generated files are fresh (run `npm run generate` / `npm run build`)', () => {
  it.each([...STEPS, 'root' as const])('%s action.yml matches src/core/inputs.ts', step => {
    expect(read(actionYmlPath(step))).toBe(actionYml(step))
  })

  it('every step action runs on node24 from its own bundle, with only its own inputs and outputs', () => {
    for (const step of STEPS) {
      const doc = parse(read(`${step}/action.yml`))
      expect(doc.runs.using).toBe('node24')
      expect(doc.runs.main).toBe(`../dist/${step}/index.js`)
      expect(Object.keys(doc.inputs).sort()).toEqual(
        inputsFor(step)
          .map(i => i.name)
          .sort()
      )
      expect(Object.keys(doc.outputs).sort()).toEqual(
        outputsFor(step)
          .map(o => o.name)
          .sort()
      )
    }
    const root = parse(read('action.yml'))
    expect(Object.keys(root.inputs).sort()).toEqual(['step', ...INPUTS.map(i => i.name)].sort())
  })

  it('the README tables match the action.yml files', () => {
    const readme = read('README.md')
    expect(readme).toBe(fillReadme(readme, read))
    for (const step of STEPS) expect(readme).toContain(`<!-- generated:${step} -->`)
    const behaviour = read('docs/behaviour.md')
    expect(behaviour).toBe(fillReadme(behaviour, read))
  })

  it('src/version.ts matches package.json', () => {
    expect(read('src/version.ts')).toBe(versionModule(read('package.json')))
    expect(VERSION).toBe(JSON.parse(read('package.json')).version)
  })

  it('the committed dist/ is what a fresh build of src/ produces', () => {
    const out = mkdtempSync(join(tmpdir(), 'shiprail-dist-'))
    execFileSync(process.execPath, ['scripts/build.mjs', '--out', out], {
      cwd: ROOT,
      stdio: 'pipe'
    })
    const fresh = listFiles(out)
      .map(f => relative(out, f))
      .sort()
    const committed = listFiles(join(ROOT, 'dist'))
      .map(f => relative(join(ROOT, 'dist'), f))
      .sort()
    expect(committed).toEqual(fresh)
    const stale = fresh.filter(f => readFileSync(join(out, f), 'utf8') !== read(join('dist', f)))
    expect(stale).toEqual([])
  }, 180_000)
})
