import type { NotificationPayload } from '@bellhop/contract';
import { NOTIFICATION_FIELDS, getNotifications, insertLeads, metrics, useStack, waitForAll, type Inbox } from '@bellhop/testing';

jest.setTimeout(30_000);

const stack = useStack({ users: 2 });
let tokens: [string, string];
let inboxes: Inbox[];

beforeAll(async () => {
  tokens = stack.accounts.map((user) => user.token) as [string, string];
  // 20 clients of two users: some as extra tabs over long-polling, most over websocket.
  inboxes = await Promise.all(
    Array.from({ length: 20 }, (_, i) => stack.socket(tokens[i % 2]!, i % 5 === 0 ? { transports: ['polling', 'websocket'] } : {})),
  );
});

async function fromGraphQL(token: string, id: string): Promise<NotificationPayload> {
  const found = (await getNotifications(stack.server.url, token)).find((n) => n.id === id);
  if (!found) throw new Error(`GraphQL does not list notification ${id}`);
  return found;
}

test('one raw SQL insert reaches all 20 sockets of two users, with exactly the GraphQL Notification', async () => {
  const before = await metrics(stack.server.url);
  await stack.sql.query(`insert into app_public.leads (first_name, last_name, email) values ('John', 'Doe', 'john@example.com')`);
  const { rows } = await stack.sql.query<{ id: string }>('select id from app_public.notifications order by seq desc limit 1');
  const id = rows[0]!.id;
  await waitForAll(inboxes, [id]);

  const expected = await fromGraphQL(tokens[0], id);
  expect(await fromGraphQL(tokens[1], id)).toStrictEqual(expected);
  expect(expected).toMatchObject({ type: 'lead_created', title: 'New Lead Created', message: 'John Doe added to pipeline', isRead: false });
  expect(Object.keys(expected).sort()).toEqual(NOTIFICATION_FIELDS.split(' ').sort());
  for (const inbox of inboxes) {
    expect(inbox.created.filter((n) => n.id === id)).toStrictEqual([expected]);
  }

  const after = await metrics(stack.server.url);
  expect(after.bellhop_sockets_connected).toBe(20);
  expect(after.bellhop_notifications_relayed_total).toBe(before.bellhop_notifications_relayed_total! + 1);
});

test('timestamps print exactly as GraphQL prints them, whatever their fraction', async () => {
  // PostGraphile drops trailing zeros from the fraction ("…00.12+00:00", "…00+00:00").
  const { rows } = await stack.sql.query<{ id: string }>(
    `insert into app_public.notifications (type, title, message, created_at, updated_at)
     values ('lead_created', 'Stamp', 'round fraction', '2026-01-02 03:04:05.120000+00', '2026-01-02 03:04:05.120000+00'),
            ('lead_created', 'Stamp', 'whole second', '2026-01-02 03:04:05+00', '2026-01-02 03:04:06.000001+00')
     returning id`,
  );
  const ids = rows.map((r) => r.id);
  await waitForAll(inboxes, ids);
  for (const id of ids) {
    const expected = await fromGraphQL(tokens[0], id);
    for (const inbox of inboxes) expect(inbox.created.filter((n) => n.id === id)).toStrictEqual([expected]);
  }
  expect((await fromGraphQL(tokens[0], ids[1]!)).createdAt).toBe('2026-01-02T03:04:05+00:00');
});

test('every notification type made through GraphQL arrives with the same values GraphQL returns, on its recipient\'s sockets only', async () => {
  const [actor, follower] = tokens;
  const lead = await stack.data<{ createLead: { id: number } }>(
    'mutation($input: CreateLeadInput!) { createLead(input: $input) { id } }',
    { input: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', company: 'Engines' } },
    actor,
  );
  const leadId = lead.createLead.id;
  await stack.data('mutation($l: Int!) { followLead(leadId: $l) { id } }', { l: leadId }, follower);
  const task = await stack.data<{ createTask: { id: number } }>('mutation($l: Int!) { createTask(leadId: $l, title: "Call back") { id } }', { l: leadId }, actor);
  await stack.data('mutation($id: Int!) { completeTask(id: $id) { id } }', { id: task.createTask.id }, actor);
  await stack.data('mutation($l: Int!) { addComment(leadId: $l, body: "Looks promising") { id } }', { l: leadId }, actor);
  await stack.data('mutation($l: Int!) { updateLeadScore(id: $l, score: 42) { id } }', { l: leadId }, actor);
  await stack.data('mutation($l: Int!, $o: UUID!) { assignLead(id: $l, ownerId: $o) { id } }', { l: leadId, o: stack.userId(follower) }, actor);

  const listed = (await getNotifications(stack.server.url, follower)).filter((n) => n.relatedLeadId === leadId);
  expect(listed.map((n) => n.type).sort()).toEqual(['comment_added', 'lead_assigned', 'lead_created', 'score_updated', 'task_completed']);
  const actorListed = (await getNotifications(stack.server.url, actor)).filter((n) => n.relatedLeadId === leadId);
  expect(actorListed.map((n) => n.type)).toEqual(['lead_created']);
  await waitForAll(inboxes.filter((_, i) => i % 2 === 1), listed.map((n) => n.id));
  await waitForAll(inboxes, actorListed.map((n) => n.id));
  inboxes.forEach((inbox, i) => {
    const mine = i % 2 === 1 ? listed : actorListed;
    for (const expected of mine) expect(inbox.created.filter((n) => n.id === expected.id)).toStrictEqual([expected]);
    expect(inbox.created.filter((n) => n.relatedLeadId === leadId)).toHaveLength(mine.length);
  });
});

test('a lead with the longest name arrives with the clipped message (rows never ride in NOTIFY)', async () => {
  const longName = 'A'.repeat(200);
  await stack.sql.query('insert into app_public.leads (first_name, last_name, email) values ($1, $2, $3)', [longName, 'Long', 'long@example.com']);
  const { rows } = await stack.sql.query<{ id: string }>('select id from app_public.notifications order by seq desc limit 1');
  const id = rows[0]!.id;
  await waitForAll(inboxes, [id]);

  const expected = await fromGraphQL(tokens[1], id);
  expect(expected.message).toBe(`${'A'.repeat(199)}… added to pipeline`);
  for (const inbox of inboxes) expect(inbox.created.filter((n) => n.id === id)).toStrictEqual([expected]);
});

test('a multi-row insert and a COPY-sized batch arrive once each, in order, on every socket', async () => {
  const ids = await insertLeads(stack.sql, 300);
  await waitForAll(inboxes, ids);
  for (const inbox of inboxes) {
    const seen = inbox.ids().filter((id) => ids.includes(id));
    expect(seen).toEqual(ids);
  }
});

test('/metrics exposes sockets, relayed notifications, lag and reconnects in Prometheus text', async () => {
  const response = await fetch(`${stack.server.url}/metrics`);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  for (const name of ['bellhop_sockets_connected', 'bellhop_notifications_relayed_total', 'bellhop_relay_lag_seconds', 'bellhop_relay_reconnects_total']) {
    expect(text).toContain(`# TYPE ${name} `);
  }
  const values = await metrics(stack.server.url);
  expect(values.bellhop_sockets_connected).toBe(20);
  // 1 + 2 + 5 (one per recipient; the actor's own are not written) + 1 + 300 from the tests above.
  expect(values.bellhop_notifications_relayed_total).toBeGreaterThanOrEqual(309);
  expect(values.bellhop_relay_lag_seconds_count).toBe(values.bellhop_notifications_relayed_total);
  expect(values['bellhop_relay_lag_seconds_bucket{le="+Inf"}']).toBe(values.bellhop_relay_lag_seconds_count);
  expect(values.bellhop_relay_reconnects_total).toBe(0);
});
