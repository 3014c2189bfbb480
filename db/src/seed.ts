import type { Client } from 'pg';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USERS = [
  { email: 'demo@example.com', name: 'Demo User' },
  { email: 'teammate@example.com', name: 'Team Mate' },
] as const;

/** Runs the next statements as this user, as a GraphQL request would (the actor of what they write). */
async function actAs(client: Client, userId: string): Promise<void> {
  await client.query(`select set_config('jwt.claims.user_id', $1, true)`, [userId]);
}

async function insertLeads(client: Client, owners: { demo: string; mate: string }): Promise<{ ada: number; grace: number }> {
  const { rows } = await client.query<{ id: number; first_name: string }>(
    `insert into app_public.leads (first_name, last_name, email, company, status, score, owner_id) values
       ('Ada', 'Lovelace', 'ada@analytical.example', 'Analytical Engines', 'qualified', 40, $1),
       ('Grace', 'Hopper', 'grace@navy.example', 'US Navy', 'contacted', 25, $2),
       ('Alan', 'Turing', 'alan@bletchley.example', 'Bletchley Park', 'new', 10, $1)
     returning id, first_name`,
    [owners.demo, owners.mate],
  );
  const id = (name: string) => rows.find((row) => row.first_name === name)!.id;
  return { ada: id('Ada'), grace: id('Grace') };
}

/**
 * Demo data for a brand-new database: the two demo accounts and a small
 * pipeline that shows each notification type and its routing: leads owned
 * by each user, a task assigned to the teammate, comments with @mentions.
 * Does nothing if any user exists, so a restart never duplicates it.
 */
export async function seedDemoData(client: Client): Promise<boolean> {
  await client.query('begin');
  try {
    // Two starts at once must not both seed.
    await client.query(`select pg_advisory_xact_lock(hashtext('bellhop.seed'))`);
    const { rows } = await client.query<{ any: boolean }>('select exists (select 1 from app_public.users) as any');
    if (rows[0]?.any) {
      await client.query('rollback');
      return false;
    }
    const ids: string[] = [];
    for (const user of DEMO_USERS) {
      const { rows: [created] } = await client.query<{ id: string }>('select app_private.create_user($1, $2, $3) as id', [user.email, user.name, DEMO_PASSWORD]);
      ids.push(created!.id);
    }
    const [demo, mate] = ids;
    await actAs(client, demo!);
    const { ada, grace } = await insertLeads(client, { demo: demo!, mate: mate! });
    await client.query(
      `insert into app_public.tasks (lead_id, title, assignee_id) values ($1, 'Send the proposal', $3), ($2, 'Book a demo call', $4)`,
      [ada, grace, mate, demo],
    );
    await client.query(`insert into app_public.comments (lead_id, body) values ($1, '@teammate@example.com could you call her back this week?')`, [grace]);
    await actAs(client, mate!);
    await client.query(`update app_public.tasks set completed_at = now() where title = 'Send the proposal'`);
    await client.query(`insert into app_public.comments (lead_id, body) values ($1, 'Very interested in the analytics module. @demo@example.com shall I send pricing?')`, [ada]);
    await client.query(`update app_public.leads set score = 65 where id = $1`, [ada]);
    await client.query('commit');
    return true;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
