/**
 * Notification rows written straight from SQL: very long values, related_lead_id
 * without a foreign key, and the ids. Every test runs in a transaction that is
 * rolled back.
 */
import { insertLead, lead, maxSeq, notificationsAfter } from '@bellhop/testing/data';
import { useTestDatabase, withRootDb } from '@bellhop/testing/database';

const db = useTestDatabase();

describe('long values', () => {
  const longest = 'x'.repeat(200);

  test('a name at the 200-character limit is stored whole and its message is clipped', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, { first_name: longest, last_name: longest, email: 'long@example.com' });
      const { rows: [stored] } = await client.query<{ length: number }>('select length(first_name) as length from app_public.leads where id = $1', [leadId]);
      expect(stored!.length).toBe(200);
      const [notification] = await notificationsAfter(client, 0);
      // "First Last" is clipped to 200 characters, ellipsis included.
      expect(notification!.message).toBe(`${'x'.repeat(199)}… added to pipeline`);
    });
  });

  test.each([
    ['leads', 'first_name', `insert into app_public.leads (first_name, last_name, email) values ($1, 'Doe', 'a@example.com')`, 'leads_first_name_length', 201],
    ['leads', 'company', `insert into app_public.leads (first_name, last_name, email, company) values ('A', 'B', 'a@example.com', $1)`, 'leads_company_length', 201],
    ['leads', 'email', `insert into app_public.leads (first_name, last_name, email) values ('A', 'B', $1 || '@example.com')`, 'leads_email_length', 320],
    ['comments', 'body', `insert into app_public.comments (lead_id, body) values ((select min(id) from app_public.leads), $1)`, 'comments_body_length', 10_001],
    ['tasks', 'title', `insert into app_public.tasks (lead_id, title) values ((select min(id) from app_public.leads), $1)`, 'tasks_title_length', 501],
  ])('a %s.%s over its limit is refused by the table itself, from any writer', async (_table, _column, sql, constraint, length) => {
    await withRootDb(db.url, async (client) => {
      await insertLead(client);
      const before = await maxSeq(client);
      await client.query('savepoint over_limit');
      await expect(client.query(sql, ['y'.repeat(length)])).rejects.toMatchObject({ code: '23514', constraint });
      await client.query('rollback to savepoint over_limit');
      expect(await notificationsAfter(client, before)).toEqual([]);
    });
  });

  test('long titles and bodies within their limits never make a task, comment or score write fail', async () => {
    await withRootDb(db.url, async (client) => {
      const ownerId = (await client.query<{ id: string }>(`select app_private.create_user('long-owner@example.com', 'Owner', 'password123') as id`)).rows[0]!.id;
      const leadId = await insertLead(client, { first_name: longest, last_name: longest, email: 'long@example.com', owner_id: ownerId });
      const before = await maxSeq(client);
      await client.query('insert into app_public.tasks (lead_id, title, completed_at) values ($1, $2, now())', [leadId, 'y'.repeat(500)]);
      await client.query('insert into app_public.comments (lead_id, body) values ($1, $2)', [leadId, 'z'.repeat(10_000)]);
      await client.query('update app_public.leads set score = 99 where id = $1', [leadId]);
      const notifications = await notificationsAfter(client, before);
      expect(notifications.map((n) => n.type)).toEqual(['task_completed', 'comment_added', 'score_updated']);
      for (const n of notifications) expect(n.message.length).toBeLessThan(600);
    });
  });
});

describe('related_lead_id written straight to notifications', () => {
  const insertNotification = (client: { query: (text: string, values: unknown[]) => Promise<unknown> }, leadId: number | null) =>
    client.query(
      `insert into app_public.notifications (type, title, message, related_lead_id) values ('lead_created', 'T', 'M', $1)`,
      [leadId],
    );

  test('an id that names no lead is refused with a foreign-key error, and nothing is written', async () => {
    await withRootDb(db.url, async (client) => {
      const before = await maxSeq(client);
      await client.query('savepoint attempt');
      const error = await insertNotification(client, 987654321).then(() => null, (e: { code: string; message: string; hint: string }) => e);
      expect(error).toMatchObject({ code: '23503', message: 'related_lead_id 987654321 is not the id of a lead' });
      expect(error!.hint).toContain('app_public.leads');
      await client.query('rollback to savepoint attempt');
      expect(await notificationsAfter(client, before)).toEqual([]);
      const leadId = await insertLead(client, lead('Ada', 'Lovelace'));
      await expect(
        client.query('update app_public.notifications set related_lead_id = 987654321 where related_lead_id = $1', [leadId]),
      ).rejects.toMatchObject({ code: '23503' });
    });
  });

  test('a real lead id or null is accepted', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, lead('Grace', 'Hopper'));
      const before = await maxSeq(client);
      await insertNotification(client, leadId);
      await insertNotification(client, null);
      expect((await notificationsAfter(client, before)).map((n) => n.related_lead_id)).toEqual([leadId, null]);
    });
  });

  test('deleting or renumbering a lead keeps the reference true, as the foreign key did', async () => {
    await withRootDb(db.url, async (client) => {
      const gone = await insertLead(client, lead('Gone', 'Lead'));
      const moved = await insertLead(client, lead('Moved', 'Lead'));
      await client.query('delete from app_public.leads where id = $1', [gone]);
      await client.query('update app_public.leads set id = $2 where id = $1', [moved, moved + 1_000_000]);
      const { rows } = await client.query<{ message: string; related_lead_id: number | null }>(
        `select message, related_lead_id from app_public.notifications where message in ('Gone Lead added to pipeline', 'Moved Lead added to pipeline') order by seq`,
      );
      expect(rows).toEqual([
        { message: 'Gone Lead added to pipeline', related_lead_id: null },
        { message: 'Moved Lead added to pipeline', related_lead_id: moved + 1_000_000 },
      ]);
      await client.query('truncate app_public.leads cascade');
      const { rows: left } = await client.query('select 1 from app_public.notifications where related_lead_id is not null');
      expect(left).toEqual([]);
    });
  });
});

describe('notification ids', () => {
  test('are UUIDv7: version 7, the insert time in their first 48 bits, and later ids sort after earlier ones', async () => {
    await withRootDb(db.url, async (client) => {
      const ids: string[] = [];
      for (const name of ['Ada', 'Grace', 'Alan']) {
        await insertLead(client, lead(name, 'Test'));
        const [notification] = await notificationsAfter(client, await maxSeq(client) - 1);
        ids.push(notification!.id);
        // Ids are ordered to the millisecond; within one they are random.
        await client.query('select pg_sleep(0.002)');
      }
      expect([...ids].sort()).toEqual(ids);
      const { rows } = await client.query<{ version: string; variant: string; age_ms: number }>(
        `select substr(id::text, 15, 1) as version, substr(id::text, 20, 1) as variant,
                abs(extract(epoch from clock_timestamp()) * 1000 - ('x' || lpad(replace(left(id::text, 13), '-', ''), 16, '0'))::bit(64)::bigint)::float8 as age_ms
         from unnest($1::uuid[]) as id`,
        [ids],
      );
      for (const row of rows) {
        expect(row).toEqual({ version: '7', variant: expect.stringMatching(/^[89ab]$/), age_ms: expect.any(Number) });
        expect(row.age_ms).toBeLessThan(10_000);
      }
    });
  });
});
