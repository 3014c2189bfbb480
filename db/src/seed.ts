import type { Client } from 'pg';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USERS = [
  { email: 'demo@example.com', name: 'Demo User' },
  { email: 'teammate@example.com', name: 'Team Mate' },
] as const;

/**
 * Demo data for a brand-new database: the two demo accounts and a small
 * pipeline whose history shows each notification type once. Does nothing if
 * any user exists, so a restart never duplicates it.
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
    for (const user of DEMO_USERS) {
      await client.query('select app_public.register($1, $2, $3)', [user.email, DEMO_PASSWORD, user.name]);
    }
    const { rows: [demo] } = await client.query<{ id: string }>(
      `select id from app_public.users where email = $1`,
      [DEMO_USERS[0].email],
    );
    await client.query(`select set_config('jwt.claims.user_id', $1, true)`, [demo!.id]);
    const { rows: leads } = await client.query<{ id: number }>(
      `insert into app_public.leads (first_name, last_name, email, company, status, score) values
         ('Ada', 'Lovelace', 'ada@analytical.example', 'Analytical Engines', 'qualified', 40),
         ('Grace', 'Hopper', 'grace@navy.example', 'US Navy', 'contacted', 25),
         ('Alan', 'Turing', 'alan@bletchley.example', 'Bletchley Park', 'new', 10)
       returning id`,
    );
    const [ada, grace] = leads;
    await client.query(`insert into app_public.tasks (lead_id, title) values ($1, 'Send the proposal'), ($2, 'Book a demo call')`, [ada!.id, grace!.id]);
    await client.query(`update app_public.tasks set completed_at = now() where title = 'Send the proposal'`);
    await client.query(`insert into app_public.comments (lead_id, body) values ($1, 'Very interested in the analytics module.')`, [ada!.id]);
    await client.query(`update app_public.leads set score = 65 where id = $1`, [ada!.id]);
    await client.query('commit');
    return true;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
