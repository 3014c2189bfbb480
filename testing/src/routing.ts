/**
 * Who a notification is for, read from the SQL rows as a DBA would: a row
 * with recipient_id is for that user; a broadcast (recipient_id null) is for
 * everyone it is not hidden from (a type they switched off, or deleted).
 */
import type { Client } from 'pg';

export interface RoutedRow {
  id: string;
  seq: number;
  type: string;
  recipient_id: string | null;
  actor_id: string | null;
  related_lead_id: number | null;
}

/** Every notification with seq > after, oldest first. */
export async function routedSince(client: Client, after = 0): Promise<RoutedRow[]> {
  const { rows } = await client.query<RoutedRow & { seq: string }>(
    'select id, seq, type, recipient_id, actor_id, related_lead_id from app_public.notifications where seq > $1 order by seq',
    [after],
  );
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** notification id → users it is hidden from (deleted receipts). */
export async function hiddenFrom(client: Client): Promise<Map<string, Set<string>>> {
  const { rows } = await client.query<{ notification_id: string; user_id: string }>(
    'select notification_id, user_id from app_hidden.notification_receipts where is_deleted',
  );
  const hidden = new Map<string, Set<string>>();
  for (const row of rows) {
    const users = hidden.get(row.notification_id) ?? new Set<string>();
    users.add(row.user_id);
    hidden.set(row.notification_id, users);
  }
  return hidden;
}

/** The ids each user should have, in row order: targeted to them, or broadcasts not hidden from them. */
export function audienceOf(rows: RoutedRow[], hidden: Map<string, Set<string>>, userIds: string[]): Map<string, string[]> {
  const expected = new Map(userIds.map((id) => [id, [] as string[]]));
  for (const row of rows) {
    for (const userId of userIds) {
      const reaches = row.recipient_id === null ? !hidden.get(row.id)?.has(userId) : row.recipient_id === userId;
      if (reaches) expected.get(userId)!.push(row.id);
    }
  }
  return expected;
}

/**
 * Rows as "type → recipient (by actor)" with names for ids, sorted: a
 * readable value to compare, e.g. "task_completed → Owen (by Cal)".
 */
export function describeRows(rows: RoutedRow[], names: Record<string, string>): string[] {
  const name = (id: string | null) => (id === null ? 'nobody' : (names[id] ?? id));
  return rows
    .map((row) => `${row.type} → ${row.recipient_id === null ? 'everyone' : name(row.recipient_id)} (by ${name(row.actor_id)})`)
    .sort();
}
