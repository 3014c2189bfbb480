// @ts-check
/**
 * Lint for every workspace. Besides the usual rules it enforces the lines
 * between the parts (docs/architecture.md): who may import whom.
 */
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

/** Import restrictions for some files; `patterns` are regexes on the import path. */
function boundary(files, patterns) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }],
    },
  };
}

const PARTS = '(server|db|web|contract|testing|scripts|bench|e2e)';
const LEAVES_FOLDER = `^(\\.\\./)+${PARTS}(/|$)`;

const WEB = [
  ['^@bellhop/(?!contract$)', 'The web app may import only @bellhop/contract from the other parts; use GraphQL for everything else.'],
  [LEAVES_FOLDER, 'The web app may not reach into other parts by path; import @bellhop/contract.'],
];
const RUNTIME = [
  ['^@bellhop/(web|testing)', 'Runtime code never imports the web app or the test support.'],
  [LEAVES_FOLDER, 'Import other parts through their package (@bellhop/…), not by path.'],
];
const TOOLS = [
  [LEAVES_FOLDER, 'Tools use public entry points only: @bellhop/server, @bellhop/db, @bellhop/contract, @bellhop/web/host, @bellhop/testing.'],
  ['^@bellhop/(server|db|contract)/', 'Tools use public entry points only: import the package itself, not a file inside it.'],
  ['^@bellhop/web/(?!host$)', 'Tools may use the web package only through @bellhop/web/host.'],
];

module.exports = tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'web/src/gql/**', '.data/**', 'coverage/**', '**/*.js', '!eslint.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      // Small files with one job each, and functions that fit on a screen.
      'max-lines': ['error', { max: 250 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['eslint.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Later entries replace the rule for their files, so each one lists every pattern that applies.
  // The contract is shared by the server and the browser bundle: it imports nothing.
  boundary(['contract/**/*.ts'], [['^(?!\\./)', 'The contract imports nothing (it is shared by the server and the browser); keep it self-contained.']]),
  // The web app sees only the event contract and its own generated GraphQL types.
  boundary(['web/**/*.{ts,tsx}'], WEB),
  {
    ...boundary(['web/src/**/*.{ts,tsx}'], [...WEB, ['^node:', 'Browser code cannot use Node built-ins.']]),
    // Component tests and their setup run in Node (jsdom).
    ignores: ['web/src/test/**', 'web/src/**/*.test.{ts,tsx}'],
  },
  boundary(['server/src/**/*.ts'], RUNTIME),
  // The relay is PostgreSQL + Socket.io only: it never depends on the GraphQL layer.
  boundary(['server/src/relay/**/*.ts'], [
    ...RUNTIME,
    ['^(postgraphile|graphql|graphile-|@graphile/)', 'The relay never imports PostGraphile or graphql (docs/architecture.md).'],
    ['^\\.\\./(graphql|install)(/|$)', 'The relay never imports the GraphQL layer or the install steps.'],
  ]),
  boundary(['db/src/**/*.ts'], [...RUNTIME, ['^@bellhop/server', 'The database package sits below the server: it never imports it.']]),
  // Tools use the parts' public entry points, never their internals.
  boundary(['scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'testing/**/*.ts'], TOOLS),
);
