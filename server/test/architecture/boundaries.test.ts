/**
 * The lines between the parts (docs/architecture.md) are lint rules, and
 * lint is a gate of npm test. Each forbidden import below must be reported,
 * and each allowed one must not: a rule that reports nothing protects nothing.
 */
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');
// The project's own config, passed in: ESLint's loader needs dynamic import(), which Jest's VM lacks.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'eslint.config.js')) as ESLint.Options['overrideConfig'];
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

async function importProblems(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = [x];\n`, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

test.each([
  ['the relay importing PostGraphile', 'server/src/relay/example.ts', "import { postgraphile as x } from 'postgraphile';"],
  ['the relay importing graphql', 'server/src/relay/example.ts', "import { parse as x } from 'graphql';"],
  ['the relay importing the GraphQL layer', 'server/src/relay/example.ts', "import { SCHEMAS as x } from '../graphql/options';"],
  ['the web app importing the server package', 'web/src/notifications/example.ts', "import { loadConfig as x } from '@bellhop/server';"],
  ['the web app importing a server internal by path', 'web/src/notifications/example.ts', "import { Relay as x } from '../../../server/src/relay/relay';"],
  ['the web app importing the database package', 'web/src/example.ts', "import { DEMO_USERS as x } from '@bellhop/db';"],
  ['browser code importing a Node built-in', 'web/src/example.ts', "import x from 'node:fs';"],
  ['the contract importing a package', 'contract/src/example.ts', "import x from 'react';"],
  ['the contract importing another part', 'contract/src/example.ts', "import { loadConfig as x } from '../../server/src/config';"],
  ['a tool reaching into server internals', 'bench/example.ts', "import { Relay as x } from '../server/src/relay/relay';"],
  ['a tool importing a file inside a package', 'scripts/example.ts', "import { loadConfig as x } from '@bellhop/server/src/config';"],
  ['the database package importing the server', 'db/src/example.ts', "import { loadConfig as x } from '@bellhop/server';"],
])('forbidden: %s', async (_name, file, line) => {
  expect(await importProblems(file, line)).toHaveLength(1);
});

test.each([
  ['the web app importing the contract', 'web/src/notifications/example.ts', "import { SERVER_EVENTS as x } from '@bellhop/contract';"],
  ['the web app importing its generated types', 'web/src/notifications/example.ts', "import { type NotificationFieldsFragment as x } from '../gql/graphql';"],
  ['the contract importing itself', 'contract/src/example.ts', "import { SERVER_EVENTS as x } from './events';"],
  ['the relay importing the contract', 'server/src/relay/example.ts', "import { SERVER_EVENTS as x } from '@bellhop/contract';"],
  ['a tool importing a public entry point', 'bench/example.ts', "import { startServer as x } from '@bellhop/server';"],
  ['a tool importing the web host', 'scripts/example.ts', "import { startWebHost as x } from '@bellhop/web/host';"],
])('allowed: %s', async (_name, file, line) => {
  expect(await importProblems(file, line)).toEqual([]);
});
