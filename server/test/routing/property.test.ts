/**
 * A property test of routing and delivery. 1,000+ random events (leads from
 * psql and GraphQL, owner changes, follows, tasks with assignees and their
 * completion, scores, comments with random @mentions, preference switches),
 * three users, two relays, a socket per user on each. Each event must write
 * exactly the rows a model of the rules predicts. After a barrier, each
 * socket must have received exactly what the SQL rows address to its user,
 * each once and in commit order, and nothing that user's getNotifications
 * does not list. Replay a failure with ROUTING_SEED=<seed from the message>.
 */
import type { NotificationPayload } from '@bellhop/contract';
import {
  audienceOf,
  createPeople,
  crm,
  getNotifications,
  hiddenFrom,
  maxSeq,
  routedSince,
  useStack,
  waitForAll,
  waitForBarrier,
  type Inbox,
  type Person,
} from '@bellhop/testing';
import { RandomEvents } from './events';
import { RoutingModel, random, row, type Type } from './model';

jest.setTimeout(300_000);

const EVENTS = 1_000;
const SEED = Number(process.env.ROUTING_SEED ?? Math.floor(Math.random() * 2 ** 31));

const stack = useStack({ servers: 2 });
let people: Person[];
let inboxes: Array<{ person: Person; relay: number; inbox: Inbox }>;
let startSeq: number;
let model: RoutingModel;

beforeAll(async () => {
  people = await createPeople(stack.sql, ['Ann', 'Ben', 'Cy'], (id) => stack.token(id));
  inboxes = [];
  for (const [relay, server] of stack.servers.entries()) {
    for (const person of people) inboxes.push({ person, relay, inbox: await stack.socket(person.token, {}, server.url) });
  }
  startSeq = await maxSeq(stack.sql);
  model = new RoutingModel(people.map((p) => p.id));
});

/** The rows since `after` as the model writes them, with names for ids. */
async function writtenSince(after: number): Promise<{ rows: string[]; broadcasts: Array<{ id: string; type: Type }> }> {
  const written = await routedSince(stack.sql, after);
  return {
    rows: written.map((r) => row(r.type as Type, r.recipient_id, r.actor_id)).sort(),
    broadcasts: written.filter((r) => r.recipient_id === null).map((r) => ({ id: r.id, type: r.type as Type })),
  };
}

test(`${EVENTS} random events each write exactly the rows the routing rules predict (seed in the message)`, async () => {
  const events = new RandomEvents(random(SEED), model, people, crm(stack.server.url), stack.sql);
  await events.start(3);
  const names = (text: string) => people.reduce((out, p) => out.replaceAll(p.id, p.name), text);
  for (let step = 0; step < EVENTS; step += 1) {
    const before = await maxSeq(stack.sql);
    const done = await events.next();
    const { rows, broadcasts } = await writtenSince(before);
    const context = `seed ${SEED}, event ${step}: ${done.what}`;
    expect([context, names(rows.join(' '))]).toEqual([context, names([...done.expected].sort().join(' '))]);
    if (broadcasts.length > 0) {
      const hidden = await hiddenFrom(stack.sql);
      for (const b of broadcasts) expect([context, [...(hidden.get(b.id) ?? [])].sort()]).toEqual([context, model.hiddenFrom(b.type)]);
    }
  }
  // Who owns and follows each lead, as the model says.
  const { rows } = await stack.sql.query<{ id: number; owner_id: string | null; followers: string[] }>(
    `select l.id, l.owner_id, coalesce(array_agg(f.user_id::text order by f.user_id::text) filter (where f.user_id is not null), '{}') as followers
     from app_public.leads l left join app_public.lead_followers f on f.lead_id = l.id group by l.id`,
  );
  expect(Object.fromEntries(rows.map((r) => [r.id, { owner: r.owner_id, followers: r.followers }]))).toEqual(model.snapshot());
});

test('every socket on both relays received exactly what the rows address to its user, once each, in commit order', async () => {
  // Everything on again, so the barrier (a broadcast) reaches every socket.
  await stack.sql.query('delete from app_public.notification_preferences');
  const all = inboxes.map((i) => i.inbox);
  const rows = await routedSince(stack.sql, startSeq);
  const expected = audienceOf(rows, await hiddenFrom(stack.sql), people.map((p) => p.id));
  for (const { person, inbox } of inboxes) await waitForAll([inbox], expected.get(person.id)!, 60_000);
  const barrier = await waitForBarrier(stack.sql, all, 30_000);
  for (const { person, relay, inbox } of inboxes) {
    const where = `seed ${SEED}, ${person.name} on relay ${relay}`;
    const received = inbox.ids().filter((id) => !barrier.includes(id));
    expect([where, inbox.duplicates()]).toEqual([where, []]);
    expect([where, received]).toEqual([where, expected.get(person.id)]);
    const foreign = inbox.created.filter((n: NotificationPayload) => n.recipientId !== null && n.recipientId !== person.id);
    expect([where, foreign]).toEqual([where, []]);
  }
  const targeted = rows.filter((r) => r.recipient_id !== null).length;
  expect(targeted).toBeGreaterThan(200);
});

test("what each socket received is a subset of its user's getNotifications (all pages), and the unread count matches", async () => {
  for (const person of people) {
    const listed = new Set((await getNotifications(stack.server.url, person.token)).map((n) => n.id));
    for (const { inbox } of inboxes.filter((i) => i.person === person)) {
      const missing = inbox.ids().filter((id) => !listed.has(id));
      expect([`seed ${SEED}, ${person.name}`, missing]).toEqual([`seed ${SEED}, ${person.name}`, []]);
      expect(inbox.ids().length).toBe(listed.size);
    }
    expect(await crm(stack.server.url).unreadCount(person.token)).toBe(listed.size);
  }
});
