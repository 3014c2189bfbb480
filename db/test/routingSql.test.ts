/**
 * Routing for SQL writers (psql, ETL jobs): multi-row statements route each
 * row on its own, mentions are found in any text, a session that names its
 * user (jwt.claims.user_id) is that user's action, and deleting a user takes
 * their notifications with them. Each test runs in a rolled-back transaction.
 */
import type { Client } from 'pg';
import { describeRows, routedSince, type RoutedRow } from '@bellhop/testing/routing';
import { createUser, useTestDatabase, withRootDb } from '@bellhop/testing/database';
import { maxSeq } from '@bellhop/testing/data';

const db = useTestDatabase();

interface Cast {
  ann: string;
  ben: string;
  cy: string;
  names: Record<string, string>;
}

/** In a rolled-back transaction: Ann, Ben and Cy, and a helper that describes the rows a write adds. */
function withCast(fn: (client: Client, cast: Cast, rowsOf: (write: () => Promise<unknown>) => Promise<string[]>) => Promise<void>): Promise<void> {
  return withRootDb(db.url, async (client) => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const [ann, ben, cy] = [
      await createUser(client, `ann-${suffix}@example.com`, 'Ann'),
      await createUser(client, `ben-${suffix}@example.com`, 'Ben'),
      await createUser(client, `cy-${suffix}@example.com`, 'Cy'),
    ];
    const names = { [ann]: 'Ann', [ben]: 'Ben', [cy]: 'Cy' };
    const rowsOf = async (write: () => Promise<unknown>) => {
      const before = await maxSeq(client);
      await write();
      return describeRows(await routedSince(client, before), names);
    };
    await fn(client, { ann, ben, cy, names }, rowsOf);
  });
}

async function leadOwnedBy(client: Client, owner: string | null): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `insert into app_public.leads (first_name, last_name, email, owner_id) values ('Ada', 'Lovelace', 'ada-' || gen_random_uuid() || '@example.com', $1) returning id`,
    [owner],
  );
  return rows[0]!.id;
}

const emailOf = async (client: Client, id: string) => (await client.query<{ email: string }>('select email::text from app_public.users where id = $1', [id])).rows[0]!.email;

test('a multi-row INSERT of leads with owners: one broadcast per lead, and lead_assigned to each owner', async () => {
  await withCast(async (client, { ann, ben }, rowsOf) => {
    const insert = `insert into app_public.leads (first_name, last_name, email, owner_id) values
      ('A', 'One', 'a1@example.com', $1), ('B', 'Two', 'b2@example.com', $2), ('C', 'Three', 'c3@example.com', null)`;
    expect(await rowsOf(() => client.query(insert, [ann, ben]))).toEqual([
      'lead_assigned → Ann (by nobody)',
      'lead_assigned → Ben (by nobody)',
      'lead_created → everyone (by nobody)',
      'lead_created → everyone (by nobody)',
      'lead_created → everyone (by nobody)',
    ]);
  });
});

test('multi-row INSERTs and UPDATEs of comments, tasks and scores route each row to its own lead\'s people', async () => {
  await withCast(async (client, { ann, ben, cy }, rowsOf) => {
    const [annsLead, bensLead] = [await leadOwnedBy(client, ann), await leadOwnedBy(client, ben)];
    const comments = `insert into app_public.comments (lead_id, body, author_id) values ($1, 'x', $3), ($2, 'y', $3), ($2, 'z', $4)`;
    expect(await rowsOf(() => client.query(comments, [annsLead, bensLead, cy, ben]))).toEqual([
      'comment_added → Ann (by Cy)',
      'comment_added → Ben (by Cy)',
      'comment_added → Cy (by Ben)', // Cy follows Ben's lead since her comment in the same statement
    ]);
    expect(await rowsOf(() => client.query('update app_public.leads set score = 55 where id in ($1, $2)', [annsLead, bensLead]))).toEqual([
      'score_updated → Ann (by nobody)',
      'score_updated → Ben (by nobody)',
      'score_updated → Cy (by nobody)',
      'score_updated → Cy (by nobody)',
    ]);
    await client.query(`insert into app_public.tasks (lead_id, title) values ($1, 't1'), ($2, 't2')`, [annsLead, bensLead]);
    expect(await rowsOf(() => client.query('update app_public.tasks set completed_at = now() where lead_id in ($1, $2)', [annsLead, bensLead]))).toEqual([
      'task_completed → Ann (by nobody)',
      'task_completed → Ben (by nobody)',
      'task_completed → Cy (by nobody)',
      'task_completed → Cy (by nobody)',
    ]);
  });
});

test('a session that sets jwt.claims.user_id acts as that user: they are the actor and hear nothing of it', async () => {
  await withCast(async (client, { ann, ben }, rowsOf) => {
    const leadId = await leadOwnedBy(client, ann);
    await client.query(`insert into app_public.lead_followers (lead_id, user_id) values ($1, $2)`, [leadId, ben]);
    await client.query(`select set_config('jwt.claims.user_id', $1, true)`, [ann]);
    expect(await rowsOf(() => client.query('update app_public.leads set score = 12 where id = $1', [leadId]))).toEqual(['score_updated → Ben (by Ann)']);
    expect(await rowsOf(() => client.query(`insert into app_public.comments (lead_id, body) values ($1, 'mine')`, [leadId]))).toEqual([
      'comment_added → Ben (by Ann)',
    ]);
  });
});

describe('mentions', () => {
  test.each([
    ['followed by punctuation', (e: string) => `Thanks @${e}, see you.`],
    ['in parentheses', (e: string) => `(cc @${e})`],
    ['at the very start, upper case', (e: string) => `@${e.toUpperCase()} please`],
    ['twice', (e: string) => `@${e} and again @${e}`],
  ])('%s: found, one notification', async (_name, body) => {
    await withCast(async (client, { cy }, rowsOf) => {
      const leadId = await leadOwnedBy(client, null);
      const text = body(await emailOf(client, cy));
      expect(await rowsOf(() => client.query(`insert into app_public.comments (lead_id, body) values ($1, $2)`, [leadId, text]))).toEqual([
        'comment_added → Cy (by nobody)',
      ]);
    });
  });

  test.each([
    ['an email without @ in front', (e: string) => `write to ${e}`],
    ['a longer address that contains it', (e: string) => `@x${e}`],
  ])('%s is not a mention', async (_name, body) => {
    await withCast(async (client, { cy }, rowsOf) => {
      const leadId = await leadOwnedBy(client, null);
      const text = body(await emailOf(client, cy));
      expect(await rowsOf(() => client.query(`insert into app_public.comments (lead_id, body) values ($1, $2)`, [leadId, text]))).toEqual([]);
    });
  });

  test('a 10,000-character comment full of mentions is written, and notifies each person once', async () => {
    await withCast(async (client, { ann, ben, cy }, rowsOf) => {
      const leadId = await leadOwnedBy(client, ann);
      const emails = [await emailOf(client, ben), await emailOf(client, cy)];
      let body = '';
      for (let i = 0; body.length < 9_900; i += 1) body += `@${emails[i % 2]} @ghost${i}@example.com `;
      expect(await rowsOf(() => client.query(`insert into app_public.comments (lead_id, body) values ($1, $2)`, [leadId, body.slice(0, 10_000)]))).toEqual([
        'comment_added → Ann (by nobody)',
        'comment_added → Ben (by nobody)',
        'comment_added → Cy (by nobody)',
      ]);
    });
  });
});

test('deleting a user deletes the notifications addressed to them, and those they caused no longer name them', async () => {
  await withCast(async (client, { ann, ben }) => {
    const leadId = await leadOwnedBy(client, ben);
    await client.query(`insert into app_public.comments (lead_id, body, author_id) values ($1, 'from Ann', $2)`, [leadId, ann]);
    await client.query(`insert into app_public.comments (lead_id, body, author_id) values ($1, 'from Ben', $2)`, [leadId, ben]);
    const before = await routedSince(client, 0);
    const caused = before.filter((r: RoutedRow) => r.actor_id === ann).map((r) => r.id);
    expect(caused.length).toBe(1);
    expect(before.filter((r) => r.recipient_id === ann)).toHaveLength(1);
    await client.query('delete from app_public.users where id = $1', [ann]);
    const after = await routedSince(client, 0);
    expect(after.filter((r) => r.recipient_id === ann)).toEqual([]);
    expect(after.filter((r) => caused.includes(r.id))).toEqual([expect.objectContaining({ actor_id: null })]);
  });
});
