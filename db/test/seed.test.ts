/**
 * Demo data: created once on an empty database, never duplicated.
 */
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData, withClient } from '@bellhop/db';
import { createTestDatabase, useTestDatabase } from '@bellhop/testing/database';
import type { Client } from 'pg';

const db = useTestDatabase();

async function counts(client: Client): Promise<Record<string, number>> {
  const { rows } = await client.query<Record<string, number>>(
    `select (select count(*)::int from app_public.users) as users,
            (select count(*)::int from app_public.leads) as leads,
            (select count(*)::int from app_public.tasks) as tasks,
            (select count(*)::int from app_public.comments) as comments,
            (select count(*)::int from app_public.notifications) as notifications`,
  );
  return rows[0]!;
}

test('seeding an empty database creates the two demo users, who can log in, and a small pipeline', async () => {
  await withClient(db.url, async (client) => {
    expect(await counts(client)).toEqual({ users: 0, leads: 0, tasks: 0, comments: 0, notifications: 0 });
    expect(await seedDemoData(client)).toBe(true);

    const { rows: users } = await client.query('select email::text, name from app_public.users order by email');
    expect(users).toEqual([
      { email: 'demo@example.com', name: 'Demo User' },
      { email: 'teammate@example.com', name: 'Team Mate' },
    ]);
    expect(DEMO_USERS.map((u) => u.email)).toEqual(['demo@example.com', 'teammate@example.com']);
    for (const { email } of DEMO_USERS) {
      const { rows } = await client.query<{ user_id: string }>('select (app_public.login($1, $2)).user_id', [email, DEMO_PASSWORD]);
      expect(rows[0]!.user_id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(DEMO_PASSWORD).toBe('demo-password');

    const { rows: types } = await client.query<{ type: string }>('select distinct type from app_public.notifications order by type');
    expect(types.map((t) => t.type)).toEqual(['comment_added', 'lead_assigned', 'lead_created', 'score_updated', 'task_completed']);
  });
});

test('seeding again changes nothing', async () => {
  await withClient(db.url, async (client) => {
    const before = await counts(client);
    expect(before.users).toBe(2);
    expect(await seedDemoData(client)).toBe(false);
    expect(await counts(client)).toEqual(before);
  });
});

test('two starts seeding the same empty database at once seed it once', async () => {
  const other = await createTestDatabase();
  try {
    const results = await Promise.all([withClient(other.url, seedDemoData), withClient(other.url, seedDemoData)]);
    expect(results.sort()).toEqual([false, true]);
    await withClient(other.url, async (client) => {
      expect((await counts(client)).users).toBe(2);
      expect((await counts(client)).leads).toBe(3);
    });
  } finally {
    await other.drop();
  }
});
