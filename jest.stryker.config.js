// Jest for `npm run mutate` only: the in-process tests that pin the guarantees of the mutated
// modules. No sshd, nginx, Prometheus, no slow-server probe tests (http-probe.test.ts waits
// out timeouts) and no multi-process ledger test, so every mutant runs in seconds.
import base from './jest.config.js'

export default {
  ...base,
  testMatch: [
    '<rootDir>/__tests__/core/ledger/**/*.test.ts',
    '<rootDir>/__tests__/core/checks/**/*.test.ts',
    '<rootDir>/__tests__/core/drivers/**/*.test.ts',
    '<rootDir>/__tests__/core/context.test.ts',
    '<rootDir>/__tests__/checks/assertions.test.ts',
    '<rootDir>/__tests__/checks/status-range.test.ts',
    '<rootDir>/__tests__/checks/check-spec.test.ts',
    '<rootDir>/__tests__/releases/release-rules.test.ts',
    // State words, record descriptions and delivery metrics from hand-made records.
    '<rootDir>/__tests__/history/state-names.test.ts'
  ],
  maxWorkers: 1
}
