/**
 * scripts/release.mjs: cutting a release pins every reference Shiprail makes to itself (in the
 * reusable workflows and the examples) to the release's tag, and --check fails when one points
 * anywhere else, so a tagged release never runs a moving branch of itself.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { SHIPRAIL_REPOSITORY } from '../../src/runtime/run-environment.js'
import { ROOT } from './workflow-files.js'

const R = SHIPRAIL_REPOSITORY

function release(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/release.mjs'), ...args], {
    encoding: 'utf8'
  })
  return { status: result.status, out: result.stdout + result.stderr }
}

let tree: string
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(tree, path)), { recursive: true })
  writeFileSync(join(tree, path), text)
}
const readTree = (path: string) => readFileSync(join(tree, path), 'utf8')

const PIPELINE = `on:
  workflow_call:
jobs:
  ci:
    uses: ${R}/.github/workflows/ci.yml@v1
  check:
    runs-on: ubuntu-24.04
    steps:
      - uses: ${R}/status-check@main # was ${R}/status-check@v1.
      - uses: ${R}@v1
        with:
          step: smoke-test
      - uses: someone-else/${R}/deploy@main
`
const OWN_CI = `on: push
jobs:
  t:
    runs-on: ubuntu-24.04
    steps:
      - uses: ${R}/deploy@main
`
const EXAMPLE = `jobs:
  ship:
    uses: '${R}/.github/workflows/pipeline.yml@v1.1.0'
`

beforeEach(() => {
  tree = mkdtempSync(join(tmpdir(), 'shiprail-release-'))
  write('.github/workflows/pipeline.yml', PIPELINE)
  write('.github/workflows/test.yml', OWN_CI)
  write('examples/ship.yml', EXAMPLE)
  write('examples/ci/Jenkinsfile', `// uses ${R}/deploy@v1 through the CLI\n`)
})
afterEach(() => rmSync(tree, { recursive: true, force: true }))

describe('release.mjs <tag>', () => {
  it('rewrites every reference in the reusable workflows and the examples to the tag', () => {
    const result = release('v1.2.0', '--root', tree)
    expect(result.status).toBe(0)
    expect(result.out).toContain('6 of 6 references rewritten to v1.2.0')
    expect(readTree('.github/workflows/pipeline.yml')).toBe(
      PIPELINE.replace(`ci.yml@v1\n`, 'ci.yml@v1.2.0\n')
        .replace(
          `${R}/status-check@main # was ${R}/status-check@v1.`,
          `${R}/status-check@v1.2.0 # was ${R}/status-check@v1.2.0.`
        )
        .replace(`${R}@v1\n`, `${R}@v1.2.0\n`)
    )
    expect(readTree('examples/ship.yml')).toContain(`${R}/.github/workflows/pipeline.yml@v1.2.0'`)
    expect(readTree('examples/ci/Jenkinsfile')).toContain(`${R}/deploy@v1.2.0 through`)
  })

  it("leaves the project's own CI and other repositories' references alone", () => {
    release('v1.2.0', '--root', tree)
    expect(readTree('.github/workflows/test.yml')).toBe(OWN_CI)
    expect(readTree('.github/workflows/pipeline.yml')).toContain(`someone-else/${R}/deploy@main`)
  })

  it('is idempotent', () => {
    release('v1.2.0', '--root', tree)
    const again = release('v1.2.0', '--root', tree)
    expect(again.status).toBe(0)
    expect(again.out).toContain('All 6 references already point at v1.2.0.')
  })

  it.each([['v1'], ['1.2.0'], ['main'], ['v1.2']])(
    'refuses %s: a release pins an exact tag',
    tag => {
      const result = release(tag, '--root', tree)
      expect(result.status).toBe(2)
      expect(result.out).toContain('is not an exact version tag like v1.2.0')
      expect(readTree('.github/workflows/pipeline.yml')).toBe(PIPELINE)
    }
  )
})

describe('release.mjs --check <tag>', () => {
  it('passes after the rewrite', () => {
    release('v1.2.0', '--root', tree)
    const result = release('--check', 'v1.2.0', '--root', tree)
    expect(result).toEqual({ status: 0, out: 'All 6 references point at v1.2.0.\n' })
  })

  it('fails on a reference to a branch, naming the file and line, and changes nothing', () => {
    release('v1.2.0', '--root', tree)
    write(
      'examples/ship.yml',
      readTree('examples/ship.yml').replace('pipeline.yml@v1.2.0', 'pipeline.yml@main')
    )
    const before = readTree('examples/ship.yml')
    const result = release('--check', 'v1.2.0', '--root', tree)
    expect(result.status).toBe(1)
    expect(result.out).toContain(
      `examples/ship.yml:3: ${R}/.github/workflows/pipeline.yml@main (expected @v1.2.0)`
    )
    expect(readTree('examples/ship.yml')).toBe(before)
  })

  it('fails when a tree has no references at all (wrong root)', () => {
    const result = release('--check', 'v1.2.0', '--root', join(tree, 'examples', 'ci', 'nowhere'))
    expect(result.status).toBe(1)
    expect(result.out).toContain('No shiprail references found')
  })
})

describe('this repository', () => {
  it('references itself through one major tag everywhere (release.mjs --check v1)', () => {
    const result = release('--check', 'v1')
    expect(result.out).toMatch(/^All \d+ references point at v1\.\n$/)
    expect(result.status).toBe(0)
  })
})
