import { spawnSync } from 'node:child_process'

/**
 * The engine imports nothing outside itself (eslint.config.js, the block for src/core/). These
 * lint an import placed in a file under src/core/ through the repository's own config, so the
 * rule is proven to fire, not just present.
 */
interface Sample {
  filePath: string
  code: string
}

/** Lints every sample with the ESLint API in one child (one start-up), returns rule ids per sample. */
function lintAll(samples: Sample[]): string[][] {
  const script = `
    import { ESLint } from 'eslint'
    const samples = JSON.parse(process.argv[1])
    const eslint = new ESLint({ overrideConfig: { rules: { '@typescript-eslint/no-unused-vars': 'off' } } })
    const out = []
    for (const s of samples) {
      const [r] = await eslint.lintText(s.code, { filePath: s.filePath })
      out.push(r.messages.map(m => m.ruleId ?? 'parse error: ' + m.message))
    }
    process.stdout.write(JSON.stringify(out))
  `
  const out = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(samples)],
    { encoding: 'utf8', cwd: process.cwd(), timeout: 60_000 }
  )
  if (out.status !== 0) throw new Error(out.stderr)
  return JSON.parse(out.stdout) as string[][]
}

const FORBIDDEN = [
  "import { toText } from '../../report/summary.js'",
  "import type { SummaryDoc } from '../../report/summary.js'",
  "import { GitHubLedger } from '../../github/github-ledger.js'",
  "import { runAction } from '../../action/run-action.js'",
  "import { runCli } from '../../cli/cli.js'",
  "import { loadStepHandler } from '../../runtime/steps.js'",
  "import '../../entry/deploy.js'",
  "export { helpText } from '../../cli/args.js'",
  "import * as core from '@actions/core'",
  "import { Octokit } from '@octokit/core'"
]

const ALLOWED = [
  "import { recordVerdict } from '../ledger/verdict.js'",
  "import { plural } from '../wording.js'",
  "import { parse } from 'yaml'",
  "import { join } from 'node:path'"
]
const LAZY = "export const load = () => import('../github/octokit.js')"
const EDGE =
  "import * as core from '@actions/core'\nimport { toText } from '../report/summary.js'\nexport { core, toText }"

describe('src/core/ imports nothing outside the engine', () => {
  const inCore = (code: string) => ({ filePath: 'src/core/steps/probe.ts', code })
  let results: string[][] = []
  beforeAll(() => {
    results = lintAll([
      ...FORBIDDEN.map(inCore),
      ...ALLOWED.map(inCore),
      { filePath: 'src/core/ledger/probe.ts', code: LAZY },
      { filePath: 'src/action/probe.ts', code: EDGE }
    ])
  })

  it.each(FORBIDDEN.map((code, i) => [code, i] as const))('refuses %s', (_code, i) => {
    expect(results[i]).toContain('no-restricted-imports')
  })

  it.each(ALLOWED.map((code, i) => [code, FORBIDDEN.length + i] as const))(
    'allows %s',
    (_code, i) => {
      expect(results[i]).toEqual([])
    }
  )

  it('refuses a lazy import() of an edge', () => {
    expect(results[FORBIDDEN.length + ALLOWED.length]).toContain('no-restricted-syntax')
  })

  it('leaves the edges free to import the engine and GitHub', () => {
    expect(results[FORBIDDEN.length + ALLOWED.length + 1]).toEqual([])
  })
})
