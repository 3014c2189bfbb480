/** Read state through the SQL functions the API calls, as the user the transaction acts as. */
import type { Client } from 'pg';
import { insertLead, lead } from './data';
import { actAs, actAsOwner } from './database';

export interface Visible {
  id: string;
  is_read: boolean;
}

/** What get_notifications lists (newest first), with each one's read state. */
export async function visible(client: Client, unreadOnly = false): Promise<Visible[]> {
  const { rows } = await client.query<Visible>(
    'select n.id, app_public.notifications_is_read(n) as is_read from app_public.get_notifications($1) n',
    [unreadOnly],
  );
  return rows;
}

/** The same as id → isRead. */
export async function readState(client: Client): Promise<Record<string, boolean>> {
  return Object.fromEntries((await visible(client)).map((row) => [row.id, row.is_read]));
}

export async function unreadCount(client: Client): Promise<number> {
  const { rows } = await client.query<{ count: number }>('select app_public.get_unread_count() as count');
  return rows[0]!.count;
}

/** Calls app_public.<fn>(id), or app_public.<fn>() without an id. */
export async function call(client: Client, fn: string, id?: string): Promise<void> {
  await client.query(`select app_public.${fn}(${id ? '$1' : ''})`, id ? [id] : []);
}

/** Inserts leads as the owner and returns their notification ids, oldest first; then acts as userId (if any) again. */
export async function addNotifications(client: Client, userId: string | null, count: number): Promise<string[]> {
  await actAsOwner(client);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const leadId = await insertLead(client, lead(`Lead${i}`));
    const { rows } = await client.query<{ id: string }>('select id from app_public.notifications where related_lead_id = $1', [leadId]);
    ids.push(rows[0]!.id);
  }
  if (userId) await actAs(client, userId);
  return ids;
}
