/**
 * The demo data shows the routing (SPEC "Demo accounts"): leads owned by each
 * demo user, a task assigned to the teammate, comments with @mentions, and
 * so a different bell for each of them, seen by signing in as each.
 */
import { DEMO_USERS } from '@bellhop/db';
import { getNotifications, useStack } from '@bellhop/testing';

const stack = useStack({ seed: true });
let demo: { id: string; token: string };
let mate: { id: string; token: string };

beforeAll(async () => {
  const [demoToken, mateToken] = [await stack.login(DEMO_USERS[0].email), await stack.login(DEMO_USERS[1].email)];
  demo = { id: stack.userId(demoToken), token: demoToken };
  mate = { id: stack.userId(mateToken), token: mateToken };
});

/** "type: message (by Name)", sorted: what a user's bell lists. */
async function bell(token: string): Promise<string[]> {
  const names: Record<string, string> = { [demo.id]: 'Demo User', [mate.id]: 'Team Mate' };
  return (await getNotifications(stack.server.url, token)).map((n) => `${n.type}: ${n.message} (by ${n.actorId ? names[n.actorId] : 'nobody'})`).sort();
}

test('leads are owned by each demo user, the teammate has a task, and a comment mentions someone', async () => {
  const { rows: leads } = await stack.sql.query<{ first_name: string; owner: string }>(
    'select l.first_name, u.email::text as owner from app_public.leads l join app_public.users u on u.id = l.owner_id order by l.first_name',
  );
  expect(leads).toEqual([
    { first_name: 'Ada', owner: 'demo@example.com' },
    { first_name: 'Alan', owner: 'demo@example.com' },
    { first_name: 'Grace', owner: 'teammate@example.com' },
  ]);
  const { rows: tasks } = await stack.sql.query('select t.title, u.email::text as assignee, t.completed_at is not null as done from app_public.tasks t join app_public.users u on u.id = t.assignee_id order by t.title');
  expect(tasks).toEqual([
    { title: 'Book a demo call', assignee: 'demo@example.com', done: false },
    { title: 'Send the proposal', assignee: 'teammate@example.com', done: true },
  ]);
  const { rows: mentions } = await stack.sql.query<{ body: string }>(`select body from app_public.comments where body ~* '@[a-z]+@example\\.com'`);
  expect(mentions.length).toBeGreaterThanOrEqual(1);
});

test("the demo user's bell: every new lead, and what the teammate did on the demo user's leads", async () => {
  expect(await bell(demo.token)).toEqual([
    'comment_added: Team Mate commented on Ada Lovelace: Very interested in the analytics module. @demo@example.com shall I send pricing? (by Team Mate)',
    'lead_created: Ada Lovelace added to pipeline (by Demo User)',
    'lead_created: Alan Turing added to pipeline (by Demo User)',
    'lead_created: Grace Hopper added to pipeline (by Demo User)',
    "score_updated: Team Mate changed Ada Lovelace's score from 40 to 65 (by Team Mate)",
    'task_completed: Team Mate completed "Send the proposal" for Ada Lovelace (by Team Mate)',
  ]);
  expect(await stack.data('{ getUnreadCount }', {}, demo.token)).toEqual({ getUnreadCount: 6 });
});

test("the teammate's bell: every new lead, the lead assigned to them, and the comment that mentions them", async () => {
  expect(await bell(mate.token)).toEqual([
    'comment_added: Demo User commented on Grace Hopper: @teammate@example.com could you call her back this week? (by Demo User)',
    'lead_assigned: Demo User assigned Grace Hopper to you (by Demo User)',
    'lead_created: Ada Lovelace added to pipeline (by Demo User)',
    'lead_created: Alan Turing added to pipeline (by Demo User)',
    'lead_created: Grace Hopper added to pipeline (by Demo User)',
  ]);
  expect(await stack.data('{ getUnreadCount }', {}, mate.token)).toEqual({ getUnreadCount: 5 });
});

test('the "For me" tab of each shows only what is addressed to them', async () => {
  const forMe = async (token: string) =>
    (await stack.data<{ getNotifications: Array<{ type: string }> }>('{ getNotifications(forMe: true) { type } }', {}, token)).getNotifications.map((n) => n.type).sort();
  expect(await forMe(demo.token)).toEqual(['comment_added', 'score_updated', 'task_completed']);
  expect(await forMe(mate.token)).toEqual(['comment_added', 'lead_assigned']);
});

test('each demo user follows the leads they own or have a task on', async () => {
  const { rows } = await stack.sql.query<{ first_name: string; follower: string }>(
    `select l.first_name, u.email::text as follower from app_public.lead_followers f
     join app_public.leads l on l.id = f.lead_id join app_public.users u on u.id = f.user_id order by 1, 2`,
  );
  expect(rows).toEqual([
    { first_name: 'Ada', follower: 'demo@example.com' },
    { first_name: 'Ada', follower: 'teammate@example.com' },
    { first_name: 'Alan', follower: 'demo@example.com' },
    { first_name: 'Grace', follower: 'demo@example.com' },
    { first_name: 'Grace', follower: 'teammate@example.com' },
  ]);
});
