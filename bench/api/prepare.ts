/** d's database: a big mailbox, the readers in their states, and the housekeeping a running relay would have done. */
import { withClient } from '@bellhop/db';
import { createUser } from '../lib/bellhop';
import { sleep } from '../lib/clock';
import { say } from '../lib/progress';
import { READERS, type Reader } from './readers';

async function fillMailbox(url: string, total: number): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(
      `insert into app_public.notifications (type, title, message, created_at, updated_at)
       select 'lead_created', 'New Lead Created', 'Bench Lead ' || g || ' added to pipeline',
              now() - ($1::int - g) * interval '1 second', now() - ($1::int - g) * interval '1 second'
       from generate_series(1, $1::int) g`,
      [total],
    );
  });
}

export async function prepareMailbox(url: string, total: number): Promise<Array<{ reader: Reader; id: string }>> {
  say(`d. writing ${total.toLocaleString('en-US')} notifications…`);
  await fillMailbox(url, total);
  const users: Array<{ reader: Reader; id: string }> = [];
  for (const reader of READERS) {
    const id = await createUser(url, reader.email);
    await withClient(url, (client) => client.query(reader.setup, [id, total]));
    users.push({ reader, id });
  }
  // Where a running relay's refresh would long have got to.
  say('d. counting chunks (refresh_notification_counts), vacuum analyze, checkpoint…');
  await withClient(url, async (client) => {
    for (let i = 0; i < 3; i += 1) await client.query('select app_private.refresh_notification_counts(2000000)');
  });
  await withClient(url, async (client) => {
    await client.query('vacuum analyze app_public.notifications, app_hidden.notification_receipts, app_hidden.notification_watermarks');
    // Writing a million rows leaves a checkpoint and autovacuum due; let them run now, not during the first cells.
    await client.query('checkpoint');
    for (let waited = 0; waited < 60; waited += 1) {
      const { rows } = await client.query<{ busy: number }>(`select count(*)::int as busy from pg_stat_activity where backend_type = 'autovacuum worker'`);
      if (rows[0]!.busy === 0) break;
      await sleep(1000);
    }
  });
  return users;
}
