/**
 * `npm test`: the five gates in one command.
 *   1. typecheck   2. lint   3. generated GraphQL types are current
 *   4. the Jest suites (db, server, web) against a real PostgreSQL
 *   5. the browser tests in real Chromium
 * Leftover processes are checked last. Ends with one line: "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { obtainTestPostgres, prepareDatabase, withClient, withDatabase, dropDatabase, DEV_AUTHENTICATOR_PASSWORD } from '@bellhop/db';
import { loadTestRunnerConfig } from '@bellhop/server';

const ROOT = path.resolve(__dirname, '..');
const say = (line: string) => console.log(`\n[test] ${line}`);
let passed = 0;
let failed = 0;
const failures: string[] = [];

function record(name: string, ok: boolean): void {
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

/**
 * Never spawnSync here: while a child runs, this process must keep reading the
 * embedded PostgreSQL's log pipe. A blocked event loop let that pipe fill, and
 * then every backend that logged (an ERROR, a checkpoint) hung in write().
 */
function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  say(`${name}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`[test] ${name}: ${error.message}`);
      resolve(false);
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

async function gate(name: string, command: string, args: string[]): Promise<void> {
  record(name, await run(name, command, args));
}

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  success: boolean;
}

async function jest(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const output = path.join(os.tmpdir(), `bellhop-jest-${process.pid}-${name}.json`);
  // --forceExit: a suite that leaks a handle must not hang CI; the leak still shows in the log.
  const ok = await run(name, process.execPath, [require.resolve('jest/bin/jest'), ...args, '--forceExit', '--json', `--outputFile=${output}`], env);
  if (!fs.existsSync(output)) {
    record(`${name} (did not run)`, false);
    return;
  }
  const result = JSON.parse(fs.readFileSync(output, 'utf8')) as JestJson;
  fs.rmSync(output);
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  if (!ok || !result.success) failures.push(name);
}


async function main(): Promise<void> {
  const settings = loadTestRunnerConfig();
  const only = process.argv.slice(2);
  const quick = only.length > 0;
  if (!quick) {
    await gate('typecheck', 'npm', ['run', '--silent', 'typecheck']);
    await gate('lint', 'npm', ['run', '--silent', 'lint']);
    await gate('codegen is current', 'npm', ['run', '--silent', 'codegen:check', '-w', 'web']);
  }

  say('Preparing PostgreSQL…');
  const postgres = await obtainTestPostgres((line) => console.log(`[test] ${line}`), {
    databaseUrl: settings.databaseUrl,
    databaseUrlName: settings.databaseUrlName,
  });
  const template = `bellhop_test_template_${process.pid}`;
  const templateUrl = withDatabase(postgres.adminUrl, template);
  try {
    console.log(`[test] Using ${postgres.description}; migrating template database ${template}…`);
    await prepareDatabase({
      databaseUrl: templateUrl,
      authenticatorPassword: DEV_AUTHENTICATOR_PASSWORD,
      seed: false,
      current: true,
      log: (line) => console.log(`[test] ${line}`),
    });
    // A template may have no sessions, or CREATE DATABASE ... TEMPLATE waits and fails.
    await withClient(postgres.adminUrl, (client) =>
      client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [template]),
    );
    const env = {
      ...process.env,
      TEST_ADMIN_URL: withDatabase(postgres.adminUrl, 'postgres'),
      TEST_TEMPLATE_DB: template,
      NODE_ENV: 'test',
      // One secret for this run: every test process, and the relays they spawn, sign and verify with it.
      JWT_SECRET: crypto.randomBytes(32).toString('base64url'),
    };
    // A filter such as `e2e` may match nothing here; that is not a failure.
    await jest('jest', ['--config', 'jest.config.js', ...(quick ? ['--passWithNoTests'] : []), ...only], env);

    const chromium = fs.existsSync(settings.chromiumPath) ? settings.chromiumPath : null;
    if (!chromium) {
      const message = `NO BROWSER: Chromium not found at ${settings.chromiumPath}. ` +
        'Install it (apt-get install chromium) or set CHROMIUM_PATH. The browser tests did not run.';
      console.error(`\n${'!'.repeat(message.length)}\n${message}\n${'!'.repeat(message.length)}`);
      if (settings.ci) record('browser tests (no Chromium)', false);
    } else if (!quick || only.some((arg) => arg.includes('e2e'))) {
      await jest('e2e', ['--config', 'jest.e2e.config.js', '--runInBand'], { ...env, CHROMIUM_PATH: chromium });
    }
  } finally {
    await dropDatabase(postgres.adminUrl, template).catch(() => undefined);
    // Databases a suite could not drop in time (see testing/src/database.ts).
    await withClient(postgres.adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [
        `bellhop_test_${process.pid}_`,
      ]);
      for (const { datname } of rows) await dropDatabase(postgres.adminUrl, datname).catch(() => undefined);
    }).catch(() => undefined);
    await postgres.stop();
  }

  if (failures.length > 0) console.log(`\n[test] Failed: ${failures.join(', ')}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: Error) => {
  console.error(`[test] ${error.message}`);
  console.log(`\n${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
