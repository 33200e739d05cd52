// ESM + ts-jest: run as NODE_OPTIONS=--experimental-vm-modules jest (see package.json).
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testTimeout: 60000,
  // Tests start real servers (sshd, nginx, prometheus); two cores: keep workers modest.
  maxWorkers: 2
}
