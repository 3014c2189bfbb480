/**
 * What a LISTEN session sees on bellhop_notifications. These tests commit
 * (NOTIFY is only sent at commit), so the file has its own database and
 * compares against counts taken at the start of each test.
 *
 * The listener holds the doorbell lock as a sleeping relay does, so every
 * committed write of notifications rings.
 * NOTIFYs arrive in commit order, so a committed "sentinel" write after the
 * one under test tells us when anything the earlier one sent would have
 * arrived: no sleeping and hoping.
 */
import { copyLeads, insertLead, lead, maxSeq, notificationsAfter } from '@bellhop/testing/data';
import { createUser, useTestDatabase } from '@bellhop/testing/database';
import { CHANNEL, Listener } from '@bellhop/testing/doorbell';

const db = useTestDatabase();
let listener: Listener;

beforeAll(async () => {
  listener = db.resources.add(await Listener.start(db.url), (l) => l.stop());
});

async function notificationCount(): Promise<number> {
  const { rows } = await db.sql.query<{ count: number }>('select count(*)::int as count from app_public.notifications');
  return rows[0]!.count;
}

test('the listener holds every slot of the doorbell lock, as a sleeping relay does', async () => {
  const { rows } = await db.sql.query(
    `select count(distinct pid)::int as holders, count(*)::int as slots, app_private.doorbell_slots() as expected
     from pg_locks where locktype = 'advisory' and classid = app_private.doorbell_lock_key() and mode = 'ShareLock' and granted`,
  );
  expect(rows).toEqual([{ holders: 1, slots: 32, expected: 32 }]);
});

test('a writer in the middle of its check does not make another writer ring', async () => {
  // Session A holds one slot exclusively, as a writer does for an instant; B's slot is another.
  const [a, b] = [await db.pg(), await db.pg()];
  const { rows } = await b.query<{ slot: number }>('select 1 + pg_backend_pid() % app_private.doorbell_slots() as slot');
  const otherSlot = (rows[0]!.slot % 32) + 1;
  await listener.sleep(false);
  try {
    await a.query('select pg_advisory_lock(app_private.doorbell_lock_key(), $1)', [otherSlot]);
    const seen = listener.received.length;
    await insertLead(b, lead('Concurrent', 'Writer'));
    expect(await listener.drain(db.sql, seen)).toEqual([]);
  } finally {
    await a.query('select pg_advisory_unlock_all()');
    await listener.sleep(true);
  }
});

test('the slot count written out in the trigger is doorbell_slots()', async () => {
  const { rows } = await db.sql.query<{ body: string; slots: number }>(
    `select pg_get_functiondef('app_private.tg__ring_doorbell()'::regprocedure) as body, app_private.doorbell_slots() as slots`,
  );
  expect(rows[0]!.body).toContain(`1 + pg_backend_pid() % ${rows[0]!.slots}`);
});

test('while no relay sleeps (nobody holds the doorbell lock), a write does not ring', async () => {
  await listener.sleep(false);
  try {
    const seen = listener.received.length;
    await insertLead(db.sql, lead('Quiet', 'Write'));
    expect(await listener.drain(db.sql, seen)).toEqual([]);
  } finally {
    await listener.sleep(true);
  }
});

test('a committed single-row INSERT is seen by LISTEN, with the table name as payload', async () => {
  const seen = listener.received.length;
  await insertLead(db.sql, lead('John', 'Doe'));
  const messages = await listener.drain(db.sql, seen);
  expect(messages.map((m) => [m.channel, m.payload])).toEqual([[CHANNEL, 'notifications']]);
});

test('a rolled-back transaction leaves no notification row and sends no NOTIFY', async () => {
  const seen = listener.received.length;
  const rowsBefore = await notificationCount();
  const before = await maxSeq(db.sql);

  await db.sql.query('begin');
  await insertLead(db.sql, lead('Rolled', 'Back'));
  expect(await notificationsAfter(db.sql, before)).toHaveLength(1);
  await db.sql.query('rollback');

  expect(await notificationCount()).toBe(rowsBefore);
  expect(await listener.drain(db.sql, seen)).toEqual([]);
});

test('the same write, committed, is seen by LISTEN', async () => {
  const seen = listener.received.length;
  await db.sql.query('begin');
  await insertLead(db.sql, lead('Rolled', 'Forward'));
  await db.sql.query('commit');
  expect((await listener.drain(db.sql, seen)).map((m) => m.payload)).toEqual(['notifications']);
});

test('a lead rolled back to a savepoint leaves no notification, while the rest of the transaction commits', async () => {
  const seen = listener.received.length;
  const before = await maxSeq(db.sql);
  await db.sql.query('begin');
  await db.sql.query('savepoint s');
  await insertLead(db.sql, lead('Undone', 'Lead'));
  await db.sql.query('rollback to savepoint s');
  await insertLead(db.sql, lead('Kept', 'Lead'));
  await db.sql.query('commit');
  expect((await listener.drain(db.sql, seen)).map((m) => m.payload)).toEqual(['notifications']);
  expect((await notificationsAfter(db.sql, before)).map((n) => n.message)).toEqual(['Kept Lead added to pipeline']);
});

test('a committed multi-row INSERT writes one row per lead and rings', async () => {
  const seen = listener.received.length;
  const before = await maxSeq(db.sql);
  await db.sql.query(
    `insert into app_public.leads (first_name, last_name, email) values
       ('Ada', 'Lovelace', 'ada@example.com'), ('Grace', 'Hopper', 'grace@example.com'), ('Alan', 'Turing', 'alan@example.com')`,
  );
  // One doorbell per statement, not per row.
  expect((await listener.drain(db.sql, seen)).map((m) => m.payload)).toEqual(['notifications']);
  expect((await notificationsAfter(db.sql, before)).map((n) => n.message)).toEqual([
    'Ada Lovelace added to pipeline',
    'Grace Hopper added to pipeline',
    'Alan Turing added to pipeline',
  ]);
});

test('a committed COPY writes one row per lead and rings', async () => {
  const seen = listener.received.length;
  const before = await maxSeq(db.sql);
  await copyLeads(db.sql, [lead('Copy', 'One'), lead('Copy', 'Two')]);
  expect((await listener.drain(db.sql, seen)).map((m) => m.payload)).toEqual(['notifications']);
  expect((await notificationsAfter(db.sql, before)).map((n) => n.message)).toEqual([
    'Copy One added to pipeline',
    'Copy Two added to pipeline',
  ]);
});

test('a lead with the longest name commits, and its NOTIFY stays tiny', async () => {
  const seen = listener.received.length;
  const before = await maxSeq(db.sql);
  await insertLead(db.sql, { first_name: 'é'.repeat(200), last_name: 'Doe', email: 'long@example.com' });
  const messages = await listener.drain(db.sql, seen);
  expect(messages.map((m) => m.payload)).toEqual(['notifications']);
  expect(Buffer.byteLength(messages[0]!.payload ?? '')).toBeLessThan(8000);
  const [row] = await notificationsAfter(db.sql, before);
  expect(row!.message).toBe(`${'é'.repeat(199)}… added to pipeline`);
});

test('task completion, score change and comment each ring once committed', async () => {
  // An owner, so that each of these reaches someone.
  const ownerId = await createUser(db.sql, 'doorbell-owner@example.com');
  const leadId = await insertLead(db.sql, { ...lead('John', 'Doe'), owner_id: ownerId });
  const { rows: [task] } = await db.sql.query<{ id: number }>(`insert into app_public.tasks (lead_id, title) values ($1, 'Call') returning id`, [leadId]);
  await listener.drain(db.sql, listener.received.length);
  for (const write of [
    () => db.sql.query('update app_public.tasks set completed_at = now() where id = $1', [task!.id]),
    () => db.sql.query('update app_public.leads set score = 50 where id = $1', [leadId]),
    () => db.sql.query(`insert into app_public.comments (lead_id, body) values ($1, 'Hi')`, [leadId]),
  ]) {
    const seen = listener.received.length;
    await write();
    expect((await listener.drain(db.sql, seen)).map((m) => m.payload)).toEqual(['notifications']);
  }
});

test('a notification written straight to the table rings; a statement that writes none does not', async () => {
  const leadId = await insertLead(db.sql, lead('Jane', 'Roe'));
  await listener.drain(db.sql, listener.received.length);
  let seen = listener.received.length;
  await db.sql.query(`insert into app_public.notifications (type, title, message, related_lead_id) values ('lead_created', 'Hand-written', 'From psql', $1)`, [leadId]);
  expect((await listener.drain(db.sql, seen)).map((m) => m.payload)).toEqual(['notifications']);

  seen = listener.received.length;
  await db.sql.query('update app_public.leads set score = score where id = $1', [leadId]);
  expect(await listener.drain(db.sql, seen)).toEqual([]);
});
