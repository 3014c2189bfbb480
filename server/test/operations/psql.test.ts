/**
 * `npm run psql` (scripts/psql.ts) on the app's database (DATABASE_URL):
 * psql when the machine has it, otherwise the built-in prompt
 * (scripts/lib/sqlShell.ts), which runs `-c` commands and reads statements
 * from its input. Run as child processes, as an operator runs them.
 */
import fs from 'node:fs';
import { runScript, useTestDatabase, NODE_BIN_DIR, type ScriptResult } from '@bellhop/testing';

jest.setTimeout(60_000);

const db = useTestDatabase();
/** PATH with psql on it (this machine's), and one with node only. */
const WITH_PSQL = `${NODE_BIN_DIR}:/usr/local/bin:/usr/bin:/bin`;
const WITHOUT_PSQL = NODE_BIN_DIR;
const hasPsql = WITH_PSQL.split(':').some((dir) => fs.existsSync(`${dir}/psql`));

const psql = (path: string, args: string[], input?: string): Promise<ScriptResult> =>
  runScript('psql.ts', args, { env: { PATH: path, HOME: process.env.HOME, DATABASE_URL: db.url }, input });

test('the built-in prompt is what a machine without psql gets (the PATH without psql has none)', () => {
  expect(fs.existsSync(`${WITHOUT_PSQL}/psql`)).toBe(false);
});

(hasPsql ? describe : describe.skip)('with psql on the PATH', () => {
  test('-c "select 1" prints the result', async () => {
    const result = await psql(WITH_PSQL, ['-c', 'select 1 as one']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s*one\s*\n-+\n\s*1\s*\n\(1 row\)/);
  });

  test('a failing command exits non-zero with the error', async () => {
    const result = await psql(WITH_PSQL, ['-c', 'select nope']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/column "nope" does not exist/);
  });
});

describe('without psql: the built-in prompt', () => {
  test('-c "select 1" prints the result as a table', async () => {
    const result = await psql(WITHOUT_PSQL, ['-c', 'select 1 as one']);
    expect([result.code, result.stdout]).toEqual([0, ' one\n-----\n 1  \n(1 row)\n']);
  });

  test('-c runs the SQL surface a DBA uses: an insert notifies, and the row is there', async () => {
    const insert = await psql(WITHOUT_PSQL, ['-c', `insert into app_public.leads (first_name, last_name, email) values ('John', 'Doe', 'john@example.com')`]);
    expect([insert.code, insert.stdout]).toEqual([0, 'INSERT 1\n']);
    const result = await psql(WITHOUT_PSQL, ['-c', 'select type, message from app_public.notifications']);
    expect(result.stdout).toContain('lead_created | John Doe added to pipeline');
    expect(result.stdout).toContain('(1 row)');
  });

  test('statements typed at the prompt (ended by ";", over several lines) run in order, and \\q quits', async () => {
    const result = await psql(WITHOUT_PSQL, [], 'select 2 as two;\nselect\n  3 as three;\n\\q\nselect 4 as never;\n');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('No psql on this machine: a built-in SQL prompt.');
    expect(result.stdout).toContain(' two\n-----\n 2  \n(1 row)');
    expect(result.stdout).toContain(' three\n-------\n 3    \n(1 row)');
    expect(result.stdout).not.toContain('never');
  });

  test('an SQL error is printed, and the prompt goes on', async () => {
    const result = await psql(WITHOUT_PSQL, [], 'select nope;\nselect 5 as five;\n');
    expect(result.stdout).toContain('ERROR:  column "nope" does not exist');
    expect(result.stdout).toContain(' five\n------\n 5   \n(1 row)');
  });

  test('a failing -c command exits non-zero, as psql does', async () => {
    const result = await psql(WITHOUT_PSQL, ['-c', 'select nope']);
    expect(result.stdout + result.stderr).toContain('column "nope" does not exist');
    expect(result.code).not.toBe(0);
  });
});
