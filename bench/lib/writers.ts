/**
 * A child process of concurrent writers: each its own connection, autocommit
 * single-row lead INSERTs back to back for a fixed time. Runs apart from the
 * server so the relay does not share an event loop with the load.
 */
import { Client } from 'pg';
import { nowMs } from './clock';
import { INSERT_LEAD, leadValues } from './inserts';
import type { WritersReply, WritersRequest } from './writersProtocol';

let clients: Client[] = [];
let next = 0;

async function open(url: string, count: number): Promise<void> {
  for (const client of clients) await client.end();
  clients = [];
  for (let i = 0; i < count; i += 1) {
    const client = new Client({ connectionString: url });
    await client.connect();
    clients.push(client);
  }
}

async function write(seconds: number, recordAcks: boolean): Promise<WritersReply> {
  const acks: number[] = [];
  let committed = 0;
  let failed = 0;
  const started = nowMs();
  const deadline = started + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (nowMs() < deadline) {
        try {
          const { rows } = await client.query<{ id: number }>({ ...INSERT_LEAD, values: leadValues((next += 1)) });
          committed += 1;
          if (recordAcks) acks.push(rows[0]!.id, nowMs());
        } catch {
          failed += 1;
        }
      }
    }),
  );
  return { type: 'written', committed, failed, seconds: (nowMs() - started) / 1000, acks };
}

process.on('message', (message: WritersRequest) => {
  const run = async (): Promise<WritersReply> => {
    if (message.type === 'open') {
      await open(message.url, message.writers);
      return { type: 'opened' };
    }
    return write(message.seconds, message.recordAcks);
  };
  run().then(
    (reply) => process.send!(reply),
    (error: Error) => process.send!({ type: 'error', message: error.message } satisfies WritersReply),
  );
});
process.on('disconnect', () => {
  void Promise.all(clients.map((client) => client.end())).finally(() => process.exit(0));
});
