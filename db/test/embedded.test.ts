/**
 * The embedded PostgreSQL of `npm start` (db/src/embedded.ts, supervised.ts),
 * on a throwaway data folder: a taken port and a second start on the same
 * folder are refused with advice, and a server killed with SIGKILL comes
 * back by itself with its committed data.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '@bellhop/db';
import { waitUntil } from '@bellhop/testing/wait';
import { SupervisedPostgres } from '../src/supervised';

jest.setTimeout(120_000);

let dataDir: string;
const running: Array<{ stop(): Promise<void> }> = [];

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bellhop-embedded-test-'));
});

afterAll(async () => {
  for (const server of running.splice(0).reverse()) await server.stop().catch(() => undefined);
  // A server left running by a failed test (we started it): stop it by its pid before removing its folder.
  const pidFile = path.join(dataDir, 'cluster', 'postmaster.pid');
  if (fs.existsSync(pidFile) && isAlive(postmasterPid())) process.kill(postmasterPid(), 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The postmaster's pid, from its lock file. */
const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

test('a port that is taken: an error naming the port and EMBEDDED_PG_PORT', async () => {
  const blocker = net.createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  try {
    await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toThrow(
      `Port ${port} is already in use on 127.0.0.1. Stop whatever uses it, or set EMBEDDED_PG_PORT to a free port.`,
    );
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }
  expect(fs.existsSync(path.join(dataDir, 'cluster', 'postmaster.pid'))).toBe(false);
});

test('a second start on the same data folder: "already running", and the first keeps working', async () => {
  const first: RunningPostgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  running.push(first);
  const pid = postmasterPid();
  await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
    new RegExp(`The embedded PostgreSQL in .* is already running \\(pid ${pid}\\).*Stop it first, or set DATABASE_URL`),
  );
  expect(await query<{ ok: number }>(first.adminUrl, 'select 1 as ok')).toEqual([{ ok: 1 }]);
  await first.stop();
  running.splice(running.indexOf(first), 1);
  expect(isAlive(pid)).toBe(false);
});

test('two starts on the same folder at the same moment: one runs, the other is refused with advice', async () => {
  const results = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir, port: await freePort() }),
    startEmbeddedPostgres({ dataDir, port: await freePort() }),
  ]);
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  running.push(...started);
  const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
  expect(started).toHaveLength(1);
  expect(refused).toEqual([expect.stringMatching(/already running|Another PostgreSQL is already running on this data folder/)]);
  expect(await query<{ ok: number }>(started[0]!.adminUrl, 'select 1 as ok')).toEqual([{ ok: 1 }]);
  await started[0]!.stop();
  running.splice(running.indexOf(started[0]!), 1);
});

test('killed with SIGKILL under supervision, it comes back on the same port with its committed data', async () => {
  const log: string[] = [];
  const gaveUp: Error[] = [];
  const port = await freePort();
  const supervised = await SupervisedPostgres.start({ dataDir, port, log: (line) => log.push(line), onGiveUp: (error) => gaveUp.push(error) });
  running.push(supervised);
  const url = supervised.adminUrl;
  await query(url, 'create table kept (note text)');
  await query(url, `insert into kept values ('committed before the kill')`);

  const pid = postmasterPid();
  process.kill(pid, 'SIGKILL');
  await waitUntil(() => !isAlive(pid), () => `postmaster ${pid} to die`);
  await waitUntil(
    async () => query(url, 'select 1').then(() => true, () => false),
    () => `the embedded PostgreSQL to answer again. Log: ${log.join(' | ')}`,
    60_000,
  );
  expect(postmasterPid()).not.toBe(pid);
  expect(await query(supervised.adminUrl, 'select note from kept')).toEqual([{ note: 'committed before the kill' }]);
  expect(log).toEqual(expect.arrayContaining([expect.stringMatching(/stopped unexpectedly \(killed by SIGKILL\)/), expect.stringMatching(/is back/)]));
  expect(gaveUp).toEqual([]);

  const newPid = postmasterPid();
  await supervised.stop();
  running.splice(running.indexOf(supervised), 1);
  expect(isAlive(newPid)).toBe(false);
});

test('stopped while it is coming back after a crash, nothing is left running', async () => {
  const log: string[] = [];
  const supervised = await SupervisedPostgres.start({ dataDir, port: await freePort(), log: (line) => log.push(line), onGiveUp: () => undefined });
  running.push(supervised);
  const pid = postmasterPid();
  process.kill(pid, 'SIGKILL');
  // The restart has begun once a new postmaster has written its lock file: stop now, as Ctrl-C would.
  const pidFile = path.join(dataDir, 'cluster', 'postmaster.pid');
  await waitUntil(() => fs.existsSync(pidFile) && postmasterPid() !== pid, () => `a new postmaster to start. Log: ${log.join(' | ')}`, 30_000);
  const restarting = postmasterPid();
  await supervised.stop();
  running.splice(running.indexOf(supervised), 1);
  await waitUntil(() => !isAlive(restarting), () => `postmaster ${restarting}, started by the restart, to be stopped too. Log: ${log.join(' | ')}`, 10_000);
});
