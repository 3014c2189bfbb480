/**
 * Read state against a model over a long random run, and what mark_all_as_read
 * costs. Each test works inside its own rolled-back transaction.
 */
import type { Client } from 'pg';
import { actAs, actAsOwner, createUser, useTestDatabase, withRootDb } from '@bellhop/testing/database';
import { addNotifications, call, unreadCount, visible } from '@bellhop/testing/readState';

const db = useTestDatabase();

test('get_unread_count always matches get_notifications(unread_only) and a model, over 300 random operations', async () => {
  await withRootDb(db.url, async (client) => {
    const userId = await createUser(client, 'model@example.com');
    const other = await createUser(client, 'other@example.com');
    // Deterministic pseudo-random sequence (mulberry32), so a failure can be replayed.
    let seed = 20251123;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const model = new Map<string, { read: boolean; deleted: boolean }>();
    const order: string[] = [];
    for (const id of await addNotifications(client, userId, 4)) {
      model.set(id, { read: false, deleted: false });
      order.push(id);
    }
    const log: string[] = [];
    const deletedByOther = new Set<string>();
    /** An action on a notification this user deleted must fail and change nothing: it is gone for them. */
    const onTarget = async (fn: string, target: string, deleted: boolean): Promise<boolean> => {
      if (!deleted) {
        await call(client, fn, target);
        return true;
      }
      await client.query('savepoint gone');
      await expect(call(client, fn, target)).rejects.toThrow(`No notification with id ${target}.`);
      await client.query('rollback to savepoint gone');
      return false;
    };
    for (let step = 0; step < 300; step += 1) {
      const roll = random();
      const target = order[Math.floor(random() * order.length)]!;
      const state = model.get(target)!;
      if (roll < 0.1) {
        const [id] = await addNotifications(client, userId, 1);
        model.set(id!, { read: false, deleted: false });
        order.push(id!);
        log.push('new');
      } else if (roll < 0.4) {
        if (await onTarget('mark_as_read', target, state.deleted)) state.read = true;
        log.push(`read ${order.indexOf(target)}`);
      } else if (roll < 0.7) {
        if (await onTarget('mark_as_unread', target, state.deleted)) state.read = false;
        log.push(`unread ${order.indexOf(target)}`);
      } else if (roll < 0.8) {
        await call(client, 'mark_all_as_read');
        for (const s of model.values()) s.read = true;
        log.push('all');
      } else if (roll < 0.85) {
        if (await onTarget('delete_notification', target, state.deleted)) state.deleted = true;
        log.push(`delete ${order.indexOf(target)}`);
      } else {
        // Another user's actions must not matter.
        await actAs(client, other);
        if (random() < 0.5) await call(client, 'mark_all_as_read');
        else {
          const fn = random() < 0.5 ? 'mark_as_unread' : 'delete_notification';
          if ((await onTarget(fn, target, deletedByOther.has(target))) && fn === 'delete_notification') deletedByOther.add(target);
        }
        await actAs(client, userId);
        log.push('other');
      }

      const expected = [...order]
        .reverse()
        .filter((id) => !model.get(id)!.deleted)
        .map((id) => ({ id, is_read: model.get(id)!.read }));
      const context = `after: ${log.slice(-8).join(', ')}`;
      expect({ context, list: await visible(client) }).toEqual({ context, list: expected });
      expect({ context, unread: await visible(client, true) }).toEqual({ context, unread: expected.filter((n) => !n.is_read) });
      expect({ context, count: await unreadCount(client) }).toEqual({ context, count: expected.filter((n) => !n.is_read).length });
    }
  });
});

describe('mark_all_as_read costs the same whatever the history size', () => {
  interface Touched {
    read: number;
    written: number;
    receiptsTouched: number;
  }

  /** Rows read and written by one call, from this transaction's table statistics. */
  async function touched(client: Client, statement: string): Promise<Touched> {
    const snapshot = async () => {
      const { rows } = await client.query<{ relname: string; read: string; written: string }>(
        `select relname,
                coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) as read,
                n_tup_ins + n_tup_upd + n_tup_del as written
         from pg_stat_xact_user_tables
         where schemaname in ('app_public', 'app_hidden', 'app_private')`,
      );
      return new Map(rows.map((r) => [r.relname, { read: Number(r.read), written: Number(r.written) }]));
    };
    const before = await snapshot();
    await client.query(statement);
    const after = await snapshot();
    const result: Touched = { read: 0, written: 0, receiptsTouched: 0 };
    for (const [table, now] of after) {
      const then = before.get(table) ?? { read: 0, written: 0 };
      result.read += now.read - then.read;
      result.written += now.written - then.written;
      if (table === 'notification_receipts') result.receiptsTouched += now.read - then.read + now.written - then.written;
    }
    return result;
  }

  async function markAllCost(historySize: number): Promise<Touched> {
    return withRootDb(db.url, async (client) => {
      const userId = await createUser(client, `cost${historySize}@example.com`);
      await actAsOwner(client);
      await client.query(
        `insert into app_public.leads (first_name, last_name, email)
         select 'Lead', i::text, 'lead' || i || '@example.com' from generate_series(1, $1::int) i`,
        [historySize],
      );
      await actAs(client, userId);
      // Some explicit choices too: they must not be visited either.
      await client.query(`select app_public.mark_as_read(id) from app_public.notifications order by seq limit 20`);
      await client.query(`select app_public.mark_as_unread(id) from app_public.notifications order by seq desc limit 20`);
      return touched(client, 'select app_public.mark_all_as_read()');
    });
  }

  test('it touches the same few rows with 50 or 5,000 notifications, and no receipts', async () => {
    const small = await markAllCost(50);
    const large = await markAllCost(5_000);
    expect(large).toEqual(small);
    expect(large.receiptsTouched).toBe(0);
    expect(large.read + large.written).toBeLessThan(10);
  });
});
