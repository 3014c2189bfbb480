/**
 * Test data, written the ways a psql user or an ETL job would (INSERT,
 * multi-row INSERT, COPY), and read back as plain rows.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { NotificationRow as PayloadRow } from '@bellhop/contract';

export interface LeadRow {
  first_name: string;
  last_name: string;
  email: string;
  /** Who owns it; none when left out (as an ETL job that knows no users would write it). */
  owner_id?: string | null;
}

/** A lead with a unique email. */
export function lead(firstName: string, lastName = 'Doe'): LeadRow {
  return { first_name: firstName, last_name: lastName, email: `${firstName.slice(0, 20).toLowerCase().replace(/[^a-z0-9]/g, '')}-${Math.random().toString(36).slice(2)}@example.com` };
}

/** As `psql -c "insert into app_public.leads …"` would: one statement, no API involved. Returns the lead's id. */
export async function insertLead(client: Client, row: LeadRow = lead('John')): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    'insert into app_public.leads (first_name, last_name, email, owner_id) values ($1, $2, $3, $4) returning id',
    [row.first_name, row.last_name, row.email, row.owner_id ?? null],
  );
  return rows[0]!.id;
}

/** Inserts leads in one statement and one transaction; returns their notifications' ids. */
export async function insertLeads(client: Client, count = 1, prefix = 'Lead'): Promise<string[]> {
  await client.query('begin');
  try {
    await client.query(
      `insert into app_public.leads (first_name, last_name, email)
       select $2 || ' ' || i, 'Test', 'lead-' || gen_random_uuid() || '@example.com' from generate_series(1, $1::int) i`,
      [count, prefix],
    );
    const { rows } = await client.query<{ id: string }>(
      'select id from app_public.notifications where txid = pg_current_xact_id() order by seq',
    );
    await client.query('commit');
    return rows.map((r) => r.id);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** COPY ... FROM STDIN in text format, as psql's \copy or an ETL job sends it. */
export async function copyLeads(client: Client, rows: LeadRow[]): Promise<void> {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  const text = rows.map((row) => [row.first_name, row.last_name, row.email].map(escape).join('\t') + '\n').join('');
  await pipeline(Readable.from([text]), client.query(copyFrom('copy app_public.leads (first_name, last_name, email) from stdin')));
}

export async function maxSeq(client: Client): Promise<number> {
  const { rows } = await client.query<{ seq: string }>('select coalesce(max(seq), 0) as seq from app_public.notifications');
  return Number(rows[0]!.seq);
}

export type NotificationRow = Omit<PayloadRow, 'created_at' | 'updated_at'>;

export async function notificationsAfter(client: Client, seq: number): Promise<NotificationRow[]> {
  const { rows } = await client.query<NotificationRow>(
    'select id, type, title, message, related_lead_id, recipient_id, actor_id from app_public.notifications where seq > $1 order by seq, recipient_id',
    [seq],
  );
  return rows;
}

/** The notifications that write() adds, oldest first. */
export async function notificationsFrom(client: Client, write: () => Promise<unknown>): Promise<NotificationRow[]> {
  const before = await maxSeq(client);
  await write();
  return notificationsAfter(client, before);
}

/** Every table a request could write, to prove that a failed request wrote nothing. */
export const WRITABLE_TABLES = [
  'app_public.users',
  'app_private.user_secrets',
  'app_public.leads',
  'app_public.tasks',
  'app_public.comments',
  'app_public.lead_followers',
  'app_public.notification_preferences',
  'app_public.notifications',
  'app_hidden.notification_receipts',
  'app_hidden.notification_watermarks',
  'app_private.user_events',
] as const;

/** Row count and a checksum of the contents of each writable table. */
export async function databaseState(client: Client): Promise<Record<string, string>> {
  const { rows } = await client.query<Record<string, string>>(
    `select ${WRITABLE_TABLES.map(
      (table) => `(select count(*) || ' rows, ' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from ${table} t) as "${table}"`,
    ).join(', ')}`,
  );
  return rows[0]!;
}
