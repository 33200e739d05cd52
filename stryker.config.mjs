// `npm run mutate`: Stryker over the decision logic whose guarantees the contract states
// (ledger rules, check assertions, credential and redirect rules, the redactor, release history
// and lock rules). Not part of `npm test`: it takes minutes; the score is recorded in TESTING.md.
// Line ranges keep the run to the rules themselves in files that also hold I/O plumbing.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/core/ledger/*.ts',
    'src/core/checks/assertions.ts',
    'src/core/checks/status-range.ts',
    // The redirect rules of the probe: method change, leaving the origin drops credentials.
    'src/core/checks/http-probe.ts:276-319',
    // Which header names and query keys are credentials, what survives a redirect, how a URL is
    // masked.
    'src/core/checks/credential-masking.ts',
    // The redactor.
    'src/core/context.ts:54-82',
    'src/core/drivers/release-history.ts',
    // The lock's pure rules (parse, staleness, description); acquiring runs host scripts.
    'src/core/drivers/release-lock.ts:1-120'
  ],
  testRunner: 'jest',
  jest: { configFile: 'jest.stryker.config.js' },
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  coverageAnalysis: 'perTest',
  checkers: [],
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // docs/ stays: tests in the set check docs/behaviour.md and docs/checks.md against the code.
  ignorePatterns: ['build', 'coverage', 'reports', 'bench', 'examples'],
  thresholds: { high: 90, low: 80, break: null }
}
