/**
 * One Jest run for every workspace. `npm test` (scripts/test.ts) prepares the
 * database first and runs the browser tests (e2e/) in a second, serial pass.
 */
const nodeProject = (name, roots) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: roots.map((root) => `<rootDir>/${root}`),
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is its own gate (npm run typecheck); here we only transpile.
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', isolatedModules: true, esModuleInterop: true } }],
  },
});

module.exports = {
  rootDir: __dirname,
  // A global option: Jest ignores it inside a project.
  testTimeout: 30_000,
  projects: [
    nodeProject('db', ['db/test']),
    nodeProject('server', ['server/test']),
    '<rootDir>/web/jest.config.js',
  ],
};
