/**
 * The notification triggers, driven from plain SQL as a psql user or an ETL
 * job would write: every test runs in a transaction that is rolled back.
 */
import type { Client } from 'pg';
import { copyLeads, insertLead, lead, notificationsAfter, notificationsFrom, type NotificationRow } from '@bellhop/testing/data';
import { actAs, actAsOwner, createUser, useTestDatabase, withRootDb } from '@bellhop/testing/database';

const db = useTestDatabase();

/** What a notification says, and which lead it points at. */
const described = (n: NotificationRow) => [n.type, n.title, n.message, n.related_lead_id];

/** In a rolled-back transaction: a lead for John Doe, owned by Owen, so its notifications have someone to reach. */
function withJohnDoe(fn: (client: Client, leadId: number, ownerId: string) => Promise<void>): Promise<void> {
  return withRootDb(db.url, async (client) => {
    const ownerId = await createUser(client, `owen-${Math.random().toString(36).slice(2)}@example.com`, 'Owen Owner');
    return fn(client, await insertLead(client, { ...lead('John', 'Doe'), owner_id: ownerId }), ownerId);
  });
}

async function insertTask(client: Client, leadId: number, title: string, completed = false): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `insert into app_public.tasks (lead_id, title, completed_at) values ($1, $2, ${completed ? 'now()' : 'null'}) returning id`,
    [leadId, title],
  );
  return rows[0]!.id;
}

describe('lead_created', () => {
  test('inserting a lead from plain SQL writes a lead_created notification', async () => {
    await withRootDb(db.url, async (client) => {
      await client.query(`insert into app_public.leads (first_name, last_name, email) values ('John', 'Doe', 'john@example.com')`);
      const { rows } = await client.query('select type, title, message from app_public.notifications');
      expect(rows).toEqual([{ type: 'lead_created', title: 'New Lead Created', message: 'John Doe added to pipeline' }]);
    });
  });

  test('the notification points at the new lead', async () => {
    await withJohnDoe(async (client, id) => {
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
      expect(notifications.map(described)).toEqual([
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
    await withJohnDoe(async (client, leadId) => {
      expect(await notificationsFrom(client, () => insertTask(client, leadId, 'Call back'))).toEqual([]);
    });
  });

  test('setting completed_at with UPDATE writes a task_completed notification', async () => {
    await withJohnDoe(async (client, leadId) => {
      const taskId = await insertTask(client, leadId, 'Send the proposal');
      const written = await notificationsFrom(client, () => client.query('update app_public.tasks set completed_at = now() where id = $1', [taskId]));
      expect(written.map(described)).toEqual([['task_completed', 'Task Completed', '"Send the proposal" completed for John Doe', leadId]]);
    });
  });

  test('inserting a task that is already completed writes a task_completed notification; open rows in the same INSERT do not', async () => {
    await withJohnDoe(async (client, leadId) => {
      const written = await notificationsFrom(client, () =>
        client.query(`insert into app_public.tasks (lead_id, title, completed_at) values ($1, 'Done already', now()), ($1, 'Still open', null)`, [leadId]),
      );
      expect(written.map((n) => [n.type, n.message])).toEqual([['task_completed', '"Done already" completed for John Doe']]);
    });
  });

  test('completing a completed task again, or editing it, changes nothing', async () => {
    await withJohnDoe(async (client, leadId) => {
      const taskId = await insertTask(client, leadId, 'Done', true);
      const written = await notificationsFrom(client, async () => {
        await client.query(`update app_public.tasks set completed_at = now() + interval '1 minute' where id = $1`, [taskId]);
        await client.query(`update app_public.tasks set title = 'Done (renamed)' where id = $1`, [taskId]);
      });
      expect(written).toEqual([]);
    });
  });

  test('complete_task twice writes one notification and keeps the first completion time', async () => {
    await withRootDb(db.url, async (client) => {
      const userId = await createUser(client, 'tasks@example.com');
      const ownerId = await createUser(client, 'owner-tasks@example.com');
      const taskId = await insertTask(client, await insertLead(client, { ...lead('John', 'Doe'), owner_id: ownerId }), 'Call');
      const complete = () => client.query<{ completed_at: Date }>('select (app_public.complete_task($1)).completed_at', [taskId]);
      const times: Date[] = [];
      const written = await notificationsFrom(client, async () => {
        await actAs(client, userId);
        for (let i = 0; i < 2; i += 1) times.push((await complete()).rows[0]!.completed_at);
        // Back to the owner, who may read every row (the actor may not read the owner's).
        await actAsOwner(client);
      });
      expect(times[1]).toEqual(times[0]);
      expect(written.map((n) => n.type)).toEqual(['task_completed']);
    });
  });

  test('completing several tasks in one UPDATE writes one notification per task', async () => {
    await withJohnDoe(async (client, leadId) => {
      await client.query(`insert into app_public.tasks (lead_id, title) select $1, 'Task ' || i from generate_series(1, 3) i`, [leadId]);
      const written = await notificationsFrom(client, () => client.query('update app_public.tasks set completed_at = now() where lead_id = $1', [leadId]));
      expect(written.map((n) => n.message)).toEqual(['"Task 1" completed for John Doe', '"Task 2" completed for John Doe', '"Task 3" completed for John Doe']);
    });
  });
});

describe('score_updated', () => {
  test('changing a score writes a score_updated notification', async () => {
    await withJohnDoe(async (client, leadId) => {
      const written = await notificationsFrom(client, () => client.query('update app_public.leads set score = 40 where id = $1', [leadId]));
      expect(written.map(described)).toEqual([['score_updated', 'Lead Score Updated', 'John Doe score changed from 0 to 40', leadId]]);
    });
  });

  test('an UPDATE that leaves the score unchanged notifies nobody', async () => {
    await withJohnDoe(async (client, leadId) => {
      const written = await notificationsFrom(client, async () => {
        await client.query('update app_public.leads set score = 0 where id = $1', [leadId]);
        await client.query(`update app_public.leads set status = 'contacted', company = 'Acme' where id = $1`, [leadId]);
      });
      expect(written).toEqual([]);
    });
  });

  test('an UPDATE of many leads notifies only for the ones whose score changed', async () => {
    await withRootDb(db.url, async (client) => {
      const ownerId = await createUser(client, 'owner-scores@example.com');
      const a = await insertLead(client, { ...lead('Ada', 'Lovelace'), owner_id: ownerId });
      const b = await insertLead(client, { ...lead('Grace', 'Hopper'), owner_id: ownerId });
      await client.query('update app_public.leads set score = 10 where id = $1', [b]);
      const written = await notificationsFrom(client, () => client.query('update app_public.leads set score = 10 where id = any($1)', [[a, b]]));
      expect(written.map((n) => [n.message, n.related_lead_id])).toEqual([['Ada Lovelace score changed from 0 to 10', a]]);
    });
  });
});

describe('comment_added', () => {
  test('inserting a comment writes a comment_added notification naming the author', async () => {
    await withRootDb(db.url, async (client) => {
      const userId = await createUser(client, 'writer@example.com', 'Wendy Writer');
      const ownerId = await createUser(client, 'owner-comments@example.com');
      const leadId = await insertLead(client, { ...lead('John', 'Doe'), owner_id: ownerId });
      const written = await notificationsFrom(client, () =>
        client.query('insert into app_public.comments (lead_id, author_id, body) values ($1, $2, $3)', [leadId, userId, 'Wants a demo.']),
      );
      expect(written.map(described)).toEqual([['comment_added', 'New Comment', 'Wendy Writer commented on John Doe: Wants a demo.', leadId]]);
      expect(written.map((n) => [n.recipient_id, n.actor_id])).toEqual([[ownerId, userId]]);
    });
  });

  test('a comment written from psql without an author still notifies', async () => {
    await withJohnDoe(async (client, leadId) => {
      const written = await notificationsFrom(client, () =>
        client.query(`insert into app_public.comments (lead_id, body) values ($1, 'Imported note'), ($1, 'Second note')`, [leadId]),
      );
      expect(written.map((n) => n.message)).toEqual(['Someone commented on John Doe: Imported note', 'Someone commented on John Doe: Second note']);
    });
  });

  test('add_comment as a signed-in user records them as the author', async () => {
    await withRootDb(db.url, async (client) => {
      const userId = await createUser(client, 'author@example.com', 'Arthur Author');
      const ownerId = await createUser(client, 'owner-author@example.com');
      const leadId = await insertLead(client, { ...lead('John', 'Doe'), owner_id: ownerId });
      const written = await notificationsFrom(client, async () => {
        await actAs(client, userId);
        await client.query(`select app_public.add_comment($1, 'Hello')`, [leadId]);
        await actAsOwner(client);
      });
      expect(written.map((n) => n.message)).toEqual(['Arthur Author commented on John Doe: Hello']);
    });
  });
});
