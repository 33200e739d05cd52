/**
 * scripts/release.mjs: cutting a release pins every reference Shiprail makes to itself in the
 * reusable workflows to the full commit SHA whose dist/ they run (issue 12, item 8: a tag can be
 * moved under a caller who pinned the workflow by SHA), and the examples to the release's tag;
 * --check fails when one points anywhere else.
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
afterEach(() => rmSync(tree, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }))

const SHA = 'c0ffee'.padEnd(40, '0')
const PINNED = `${SHA} (workflows) and v1.2.0`

function git(...args: string[]): string {
  const r = spawnSync('git', ['-C', tree, ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout.trim()
}

function commitAll(message: string): string {
  git('add', '-A')
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', message)
  return git('rev-parse', 'HEAD')
}

describe('release.mjs <tag>', () => {
  it('pins every reference in the reusable workflows to the commit, the examples to the tag', () => {
    const result = release('v1.2.0', '--sha', SHA, '--root', tree)
    expect(result.status).toBe(0)
    expect(result.out).toContain(`6 of 6 references rewritten to ${PINNED}`)
    expect(readTree('.github/workflows/pipeline.yml')).toBe(
      PIPELINE.replace(`ci.yml@v1\n`, `ci.yml@${SHA}\n`)
        .replace(
          `${R}/status-check@main # was ${R}/status-check@v1.`,
          `${R}/status-check@${SHA} # was ${R}/status-check@${SHA}.`
        )
        .replace(`${R}@v1\n`, `${R}@${SHA}\n`)
    )
    expect(readTree('examples/ship.yml')).toContain(`${R}/.github/workflows/pipeline.yml@v1.2.0'`)
    expect(readTree('examples/ci/Jenkinsfile')).toContain(`${R}/deploy@v1.2.0 through`)
  })

  it('pins to HEAD by default: the commit whose dist/ the workflows run', () => {
    git('init', '-q')
    const head = commitAll('main')
    const result = release('v1.2.0', '--root', tree)
    expect(result.status).toBe(0)
    expect(readTree('.github/workflows/pipeline.yml')).toContain(`${R}@${head}\n`)
  })

  it("leaves the project's own CI and other repositories' references alone", () => {
    release('v1.2.0', '--sha', SHA, '--root', tree)
    expect(readTree('.github/workflows/test.yml')).toBe(OWN_CI)
    expect(readTree('.github/workflows/pipeline.yml')).toContain(`someone-else/${R}/deploy@main`)
  })

  it('is idempotent', () => {
    release('v1.2.0', '--sha', SHA, '--root', tree)
    const again = release('v1.2.0', '--sha', SHA, '--root', tree)
    expect(again.status).toBe(0)
    expect(again.out).toContain(`All 6 references already point at ${PINNED}.`)
  })

  it.each([['v1'], ['1.2.0'], ['main'], ['v1.2']])(
    'refuses %s: a release pins an exact tag',
    tag => {
      const result = release(tag, '--sha', SHA, '--root', tree)
      expect(result.status).toBe(2)
      expect(result.out).toContain('is not an exact version tag like v1.2.0')
      expect(readTree('.github/workflows/pipeline.yml')).toBe(PIPELINE)
    }
  )

  it('refuses a short or symbolic --sha', () => {
    const result = release('v1.2.0', '--sha', 'c0ffee', '--root', tree)
    expect(result.status).toBe(2)
    expect(result.out).toContain('is not a full 40-hex commit SHA')
  })
})

describe('release.mjs --check <tag>', () => {
  it('passes after the rewrite', () => {
    release('v1.2.0', '--sha', SHA, '--root', tree)
    expect(release('--check', 'v1.2.0', '--sha', SHA, '--root', tree)).toEqual({
      status: 0,
      out: `All 6 references point at ${PINNED}.\n`
    })
    expect(release('--check', 'v1.2.0', '--root', tree).status).toBe(0)
  })

  it('fails on a released workflow that names a tag, which can be moved', () => {
    release('v1.2.0', '--sha', SHA, '--root', tree)
    write(
      '.github/workflows/pipeline.yml',
      readTree('.github/workflows/pipeline.yml').replace(`ci.yml@${SHA}`, 'ci.yml@v1.2.0')
    )
    const result = release('--check', 'v1.2.0', '--root', tree)
    expect(result.status).toBe(1)
    expect(result.out).toContain(
      `.github/workflows/pipeline.yml:5: ${R}/.github/workflows/ci.yml@v1.2.0 (expected a full commit SHA)`
    )
  })

  it('fails on a reference to a branch, naming the file and line, and changes nothing', () => {
    release('v1.2.0', '--sha', SHA, '--root', tree)
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

  it('fails when the pinned commit runs other bundles than the tagged tree', () => {
    git('init', '-q')
    write('dist/deploy/index.js', 'old bundle\n')
    const old = commitAll('old')
    write('dist/deploy/index.js', 'new bundle\n')
    commitAll('new')
    release('v1.2.0', '--sha', old, '--root', tree)
    commitAll('release')
    const result = release('--check', 'v1.2.0', '--root', tree)
    expect(result.status).toBe(1)
    expect(result.out).toContain(
      `${old}: its dist/ or action.yml files differ from this checkout's`
    )
  })

  it('fails when a tree has no references at all (wrong root)', () => {
    const result = release('--check', 'v1.2.0', '--root', join(tree, 'examples', 'ci', 'nowhere'))
    expect(result.status).toBe(1)
    expect(result.out).toContain('No shiprail references found')
  })
})

describe('this repository', () => {
  // Issue 12, item 8: the GitLab and Jenkins jobs that hold the SSH key installed `shiprail@1`.
  it.each(['examples/gitlab-ci.yml', 'examples/Jenkinsfile'])(
    '%s installs Shiprail from the lockfile (npm ci), never a floating version',
    file => {
      const text = readFileSync(join(ROOT, file), 'utf8')
      const code = text
        .split('\n')
        .filter(l => !/^\s*(#|\/\/)/.test(l))
        .join('\n')
      expect(code).not.toMatch(/npm (install|i|add|exec)\b[^\n]*shiprail@/)
      expect(code).not.toMatch(/npx[^\n]*shiprail@/)
      expect(code).toMatch(/npm ci\b/)
      expect(text).toContain('--save-exact shiprail@<version>')
    }
  )

  it('references itself through one major tag everywhere (release.mjs --check v1)', () => {
    const result = release('--check', 'v1')
    expect(result.out).toMatch(/^All \d+ references point at v1\.\n$/)
    expect(result.status).toBe(0)
  })
})
