/**
 * The notification triggers, driven from plain SQL as a psql user or an ETL
 * job would write: every test runs in a transaction that is rolled back.
 */
import { createTestDatabase, createUser, withRootDb, type TestDatabase } from '@bellhop/db/testing';
import { actAs, copyLeads, insertLead, lead, maxSeq, notificationsAfter } from './helpers';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('lead_created', () => {
  test('inserting a lead from plain SQL writes a lead_created notification', async () => {
    await withRootDb(db.url, async (client) => {
      await client.query(`insert into app_public.leads (first_name, last_name, email) values ('John', 'Doe', 'john@example.com')`);
      const { rows } = await client.query('select type, title, message from app_public.notifications');
      expect(rows).toEqual([{ type: 'lead_created', title: 'New Lead Created', message: 'John Doe added to pipeline' }]);
    });
  });

  test('the notification points at the new lead', async () => {
    await withRootDb(db.url, async (client) => {
      const id = await insertLead(client, lead('John', 'Doe'));
      const [notification] = await notificationsAfter(client, 0);
      expect(notification?.related_lead_id).toBe(id);
    });
  });

  test('a multi-row INSERT writes one notification per row, in row order', async () => {
    await withRootDb(db.url, async (client) => {
      const { rows: leads } = await client.query<{ id: number }>(
        `insert into app_public.leads (first_name, last_name, email) values
           ('Ada', 'Lovelace', 'ada@example.com'), ('Grace', 'Hopper', 'grace@example.com'), ('Alan', 'Turing', 'alan@example.com')
         returning id`,
      );
      const notifications = await notificationsAfter(client, 0);
      expect(notifications.map((n) => [n.type, n.message, n.related_lead_id])).toEqual([
        ['lead_created', 'Ada Lovelace added to pipeline', leads[0]!.id],
        ['lead_created', 'Grace Hopper added to pipeline', leads[1]!.id],
        ['lead_created', 'Alan Turing added to pipeline', leads[2]!.id],
      ]);
    });
  });

  test('COPY FROM STDIN writes one notification per copied row', async () => {
    await withRootDb(db.url, async (client) => {
      await copyLeads(client, [lead('Ada', 'Lovelace'), lead('Grace', 'Hopper'), lead('Alan', 'Turing')]);
      const { rows: leads } = await client.query<{ id: number }>('select id from app_public.leads order by id');
      const notifications = await notificationsAfter(client, 0);
      expect(leads).toHaveLength(3);
      expect(notifications.map((n) => [n.type, n.title, n.message, n.related_lead_id])).toEqual([
        ['lead_created', 'New Lead Created', 'Ada Lovelace added to pipeline', leads[0]!.id],
        ['lead_created', 'New Lead Created', 'Grace Hopper added to pipeline', leads[1]!.id],
        ['lead_created', 'New Lead Created', 'Alan Turing added to pipeline', leads[2]!.id],
      ]);
    });
  });

  test('INSERT ... SELECT of many rows writes exactly one notification per lead', async () => {
    await withRootDb(db.url, async (client) => {
      await client.query(
        `insert into app_public.leads (first_name, last_name, email)
         select 'Lead', i::text, 'lead' || i || '@example.com' from generate_series(1, 250) i`,
      );
      const { rows } = await client.query<{ notifications: number; leads: number }>(
        `select count(*)::int as notifications, count(distinct related_lead_id)::int as leads
         from app_public.notifications where type = 'lead_created'`,
      );
      expect(rows[0]).toEqual({ notifications: 250, leads: 250 });
    });
  });
});

describe('task_completed', () => {
  test('creating an open task notifies nobody', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const before = await maxSeq(client);
      await client.query(`insert into app_public.tasks (lead_id, title) values ($1, 'Call back')`, [leadId]);
      expect(await notificationsAfter(client, before)).toEqual([]);
    });
  });

  test('setting completed_at with UPDATE writes a task_completed notification', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const { rows: [task] } = await client.query<{ id: number }>(
        `insert into app_public.tasks (lead_id, title) values ($1, 'Send the proposal') returning id`,
        [leadId],
      );
      const before = await maxSeq(client);
      await client.query('update app_public.tasks set completed_at = now() where id = $1', [task!.id]);
      const notifications = await notificationsAfter(client, before);
      expect(notifications.map((n) => [n.type, n.title, n.message, n.related_lead_id])).toEqual([
        ['task_completed', 'Task Completed', '"Send the proposal" completed for John Doe', leadId],
      ]);
    });
  });

  test('inserting a task that is already completed writes a task_completed notification; open rows in the same INSERT do not', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const before = await maxSeq(client);
      await client.query(
        `insert into app_public.tasks (lead_id, title, completed_at) values ($1, 'Done already', now()), ($1, 'Still open', null)`,
        [leadId],
      );
      const notifications = await notificationsAfter(client, before);
      expect(notifications.map((n) => [n.type, n.message])).toEqual([['task_completed', '"Done already" completed for John Doe']]);
    });
  });

  test('completing a completed task again, or editing it, changes nothing', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const { rows: [task] } = await client.query<{ id: number }>(
        `insert into app_public.tasks (lead_id, title, completed_at) values ($1, 'Done', now()) returning id`,
        [leadId],
      );
      const before = await maxSeq(client);
      await client.query(`update app_public.tasks set completed_at = now() + interval '1 minute' where id = $1`, [task!.id]);
      await client.query(`update app_public.tasks set title = 'Done (renamed)' where id = $1`, [task!.id]);
      expect(await notificationsAfter(client, before)).toEqual([]);
    });
  });

  test('complete_task twice writes one notification and keeps the first completion time', async () => {
    await withRootDb(db.url, async (client) => {
      const userId = await createUser(client, 'tasks@example.com');
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const { rows: [task] } = await client.query<{ id: number }>(
        `insert into app_public.tasks (lead_id, title) values ($1, 'Call') returning id`,
        [leadId],
      );
      const before = await maxSeq(client);
      await actAs(client, userId);
      const first = await client.query<{ completed_at: Date }>('select (app_public.complete_task($1)).completed_at', [task!.id]);
      const second = await client.query<{ completed_at: Date }>('select (app_public.complete_task($1)).completed_at', [task!.id]);
      expect(second.rows[0]!.completed_at).toEqual(first.rows[0]!.completed_at);
      expect((await notificationsAfter(client, before)).map((n) => n.type)).toEqual(['task_completed']);
    });
  });

  test('completing several tasks in one UPDATE writes one notification per task', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, lead('John', 'Doe'));
      await client.query(`insert into app_public.tasks (lead_id, title) select $1, 'Task ' || i from generate_series(1, 3) i`, [leadId]);
      const before = await maxSeq(client);
      await client.query('update app_public.tasks set completed_at = now() where lead_id = $1', [leadId]);
      expect((await notificationsAfter(client, before)).map((n) => n.message)).toEqual([
        '"Task 1" completed for John Doe',
        '"Task 2" completed for John Doe',
        '"Task 3" completed for John Doe',
      ]);
    });
  });
});

describe('score_updated', () => {
  test('changing a score writes a score_updated notification', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const before = await maxSeq(client);
      await client.query('update app_public.leads set score = 40 where id = $1', [leadId]);
      const notifications = await notificationsAfter(client, before);
      expect(notifications.map((n) => [n.type, n.title, n.message, n.related_lead_id])).toEqual([
        ['score_updated', 'Lead Score Updated', 'John Doe score changed from 0 to 40', leadId],
      ]);
    });
  });

  test('an UPDATE that leaves the score unchanged notifies nobody', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const before = await maxSeq(client);
      await client.query('update app_public.leads set score = 0 where id = $1', [leadId]);
      await client.query(`update app_public.leads set status = 'contacted', company = 'Acme' where id = $1`, [leadId]);
      expect(await notificationsAfter(client, before)).toEqual([]);
    });
  });

  test('an UPDATE of many leads notifies only for the ones whose score changed', async () => {
    await withRootDb(db.url, async (client) => {
      const a = await insertLead(client, lead('Ada', 'Lovelace'));
      const b = await insertLead(client, lead('Grace', 'Hopper'));
      await client.query('update app_public.leads set score = 10 where id = $1', [b]);
      const before = await maxSeq(client);
      await client.query('update app_public.leads set score = 10 where id = any($1)', [[a, b]]);
      expect((await notificationsAfter(client, before)).map((n) => [n.message, n.related_lead_id])).toEqual([
        ['Ada Lovelace score changed from 0 to 10', a],
      ]);
    });
  });
});

describe('comment_added', () => {
  test('inserting a comment writes a comment_added notification naming the author', async () => {
    await withRootDb(db.url, async (client) => {
      const userId = await createUser(client, 'writer@example.com', 'Wendy Writer');
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const before = await maxSeq(client);
      await client.query('insert into app_public.comments (lead_id, author_id, body) values ($1, $2, $3)', [leadId, userId, 'Wants a demo.']);
      expect((await notificationsAfter(client, before)).map((n) => [n.type, n.title, n.message, n.related_lead_id])).toEqual([
        ['comment_added', 'New Comment', 'Wendy Writer commented on John Doe: Wants a demo.', leadId],
      ]);
    });
  });

  test('a comment written from psql without an author still notifies', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const before = await maxSeq(client);
      await client.query(`insert into app_public.comments (lead_id, body) values ($1, 'Imported note'), ($1, 'Second note')`, [leadId]);
      expect((await notificationsAfter(client, before)).map((n) => n.message)).toEqual([
        'Someone commented on John Doe: Imported note',
        'Someone commented on John Doe: Second note',
      ]);
    });
  });

  test('add_comment as a signed-in user records them as the author', async () => {
    await withRootDb(db.url, async (client) => {
      const userId = await createUser(client, 'author@example.com', 'Arthur Author');
      const leadId = await insertLead(client, lead('John', 'Doe'));
      const before = await maxSeq(client);
      await actAs(client, userId);
      await client.query(`select app_public.add_comment($1, 'Hello')`, [leadId]);
      expect((await notificationsAfter(client, before)).map((n) => n.message)).toEqual(['Arthur Author commented on John Doe: Hello']);
    });
  });
});

describe('very long values', () => {
  const huge = 'x'.repeat(100_000);

  test('a lead with a 100,000-character first name is stored whole and its message is clipped', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, { first_name: huge, last_name: 'Doe', email: 'long@example.com' });
      const { rows: [stored] } = await client.query<{ length: number }>('select length(first_name) as length from app_public.leads where id = $1', [leadId]);
      expect(stored!.length).toBe(100_000);
      const [notification] = await notificationsAfter(client, 0);
      expect(notification!.message).toBe(`${'x'.repeat(199)}… added to pipeline`);
    });
  });

  test('long names, titles and bodies never make a task, comment or score write fail', async () => {
    await withRootDb(db.url, async (client) => {
      const leadId = await insertLead(client, { first_name: huge, last_name: huge, email: 'long@example.com' });
      const before = await maxSeq(client);
      await client.query('insert into app_public.tasks (lead_id, title, completed_at) values ($1, $2, now())', [leadId, huge]);
      await client.query('insert into app_public.comments (lead_id, body) values ($1, $2)', [leadId, huge]);
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
