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

/** Each import, where it stands, and whether the lines between the parts forbid it. */
const CASES: Array<[string, string, string, 'forbidden' | 'allowed']> = [
  ['the relay importing PostGraphile', 'server/src/relay/example.ts', "import { postgraphile as x } from 'postgraphile';", 'forbidden'],
  ['the relay importing graphql', 'server/src/relay/example.ts', "import { parse as x } from 'graphql';", 'forbidden'],
  ['the relay importing the GraphQL layer', 'server/src/relay/example.ts', "import { SCHEMAS as x } from '../graphql/options';", 'forbidden'],
  ['the web app importing the server package', 'web/src/notifications/example.ts', "import { loadConfig as x } from '@bellhop/server';", 'forbidden'],
  ['the web app importing a server internal by path', 'web/src/notifications/example.ts', "import { Relay as x } from '../../../server/src/relay/relay';", 'forbidden'],
  ['the web app importing the database package', 'web/src/example.ts', "import { DEMO_USERS as x } from '@bellhop/db';", 'forbidden'],
  ['browser code importing a Node built-in', 'web/src/example.ts', "import x from 'node:fs';", 'forbidden'],
  ['the contract importing a package', 'contract/src/example.ts', "import x from 'react';", 'forbidden'],
  ['the contract importing another part', 'contract/src/example.ts', "import { loadConfig as x } from '../../server/src/config';", 'forbidden'],
  ['a tool reaching into server internals', 'bench/example.ts', "import { Relay as x } from '../server/src/relay/relay';", 'forbidden'],
  ['a tool importing a file inside a package', 'scripts/example.ts', "import { loadConfig as x } from '@bellhop/server/src/config';", 'forbidden'],
  ['the database package importing the server', 'db/src/example.ts', "import { loadConfig as x } from '@bellhop/server';", 'forbidden'],
  ['the web app importing the contract', 'web/src/notifications/example.ts', "import { SERVER_EVENTS as x } from '@bellhop/contract';", 'allowed'],
  ['the web app importing its generated types', 'web/src/notifications/example.ts', "import { type NotificationFieldsFragment as x } from '../gql/graphql';", 'allowed'],
  ['the contract importing itself', 'contract/src/example.ts', "import { SERVER_EVENTS as x } from './events';", 'allowed'],
  ['the relay importing the contract', 'server/src/relay/example.ts', "import { SERVER_EVENTS as x } from '@bellhop/contract';", 'allowed'],
  ['a tool importing a public entry point', 'bench/example.ts', "import { startServer as x } from '@bellhop/server';", 'allowed'],
  ['a tool importing the web host', 'scripts/example.ts', "import { startWebHost as x } from '@bellhop/web/host';", 'allowed'],
];

test.each(CASES.map(([name, file, line, verdict]) => [`${verdict}: ${name}`, file, line, verdict] as const))('%s', async (_name, file, line, verdict) => {
  // A forbidden import is reported once; an allowed one not at all.
  expect(await importProblems(file, line)).toEqual(verdict === 'forbidden' ? [expect.any(String)] : []);
});
