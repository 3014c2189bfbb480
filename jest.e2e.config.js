/** Browser tests in real Chromium; run serially by scripts/test.ts after the rest. */
module.exports = {
  rootDir: __dirname,
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60_000,
  // Jest cannot load Vite (ESM only), so the app is built, if stale, in a child process first.
  globalSetup: '<rootDir>/e2e/globalSetup.ts',
  setupFilesAfterEnv: ['<rootDir>/e2e/retry.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', isolatedModules: true, esModuleInterop: true } }],
  },
};
