/**
 * The embedded PostgreSQL writes its log to a pipe that the process which
 * started it (npm test, npm start) must keep reading. When that process
 * blocked its event loop (spawnSync), the pipe filled and every backend that
 * logged an ERROR, and the checkpointer, hung in write(): CI saw queries and
 * DROP DATABASE stall for minutes. This writes far more than a pipe holds.
 */
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { useTestDatabase } from '@bellhop/testing/database';

const db = useTestDatabase();

test('PostgreSQL can log megabytes while the tests run, and keeps answering', async () => {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    // Only the throwaway embedded cluster logs to our pipe; a server of yours logs to its own files.
    if (!rows[0]!.data_directory.startsWith(path.join(os.tmpdir(), 'bellhop-test-pg-'))) return;
    const stalled = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error('PostgreSQL stalled writing its log: the process that started it is not reading the pipe (spawnSync?).')),
        20_000,
      ).unref(),
    );
    const logged = client.query(
      `do $$ begin for i in 1..4000 loop raise log 'bellhop log pipe check %: %', i, repeat('x', 1000); end loop; end $$`,
    );
    await Promise.race([logged, stalled]);
    const { rows: answer } = await client.query<{ ok: number }>('select 1 as ok');
    expect(answer).toEqual([{ ok: 1 }]);
  } finally {
    // A stalled backend never answers end(); the drop in afterAll terminates it.
    void client.end().catch(() => undefined);
  }
}, 30_000);
