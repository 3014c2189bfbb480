/** Component tests: jsdom + Testing Library, TypeScript through ts-jest. */
module.exports = {
  rootDir: __dirname,
  displayName: 'web',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>'],
  // Component tests under src/, plus the Node web host's (host.test.ts sets its own environment).
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist'],
  setupFiles: ['<rootDir>/src/test/polyfills.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  moduleNameMapper: {
    '^@bellhop/contract$': '<rootDir>/../contract/src/index.ts',
    '\\.css$': '<rootDir>/src/test/styleStub.ts',
  },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
};
