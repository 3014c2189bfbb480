/**
 * The relay's cursor over the mailbox (notifications and per-user events).
 *
 * Sequence order is not commit order, so the cursor is a transaction-id
 * horizon: every transaction older than the horizon has finished, so nothing
 * new can ever appear below it. Rows at or above the horizon may be returned
 * again by the next read; `sent` remembers them until the horizon passes them,
 * so each row is handed out exactly once. See README "How delivery works".
 */
import type { NotificationPayload, NotificationUpdatedPayload } from '../events';

export interface UserEvent {
  userId: string;
  kind: 'read' | 'unread' | 'all_read' | 'deleted';
  ids: string[];
  upToCreatedAt: string | null;
}

export interface DrainResult {
  notifications: NotificationPayload[];
  userEvents: UserEvent[];
  /** True when the read was cut short by its limit, so more is waiting. */
  more: boolean;
  horizon: bigint;
}

interface DrainRow {
  horizon: string;
  source: 'notification' | 'user_event' | 'horizon';
  txid: string | null;
  row_id: string | null;
  user_id: string | null;
  payload: Record<string, unknown> | null;
}

export type Query = <T extends object>(text: string, values?: unknown[]) => Promise<T[]>;

export const DRAIN_LIMIT = 5000;

export class Mailbox {
  private since: bigint | null = null;
  private readonly sent = new Map<string, bigint>();

  /** Where delivery starts: now. Older history is for GraphQL, not the socket. */
  async start(query: Query): Promise<void> {
    if (this.since !== null) return;
    const [row] = await query<{ horizon: string }>('select pg_snapshot_xmin(pg_current_snapshot())::text as horizon');
    this.since = BigInt(row!.horizon);
  }

  get horizon(): bigint | null {
    return this.since;
  }

  /** Rows remembered above the horizon; grows only while a long transaction holds it back. */
  get pending(): number {
    return this.sent.size;
  }

  async drain(query: Query): Promise<DrainResult> {
    if (this.since === null) await this.start(query);
    const since = this.since!;
    const rows = await query<DrainRow>(
      'select horizon::text, source, txid::text, row_id, user_id, payload from app_private.relay_drain($1::text::xid8, $2)',
      [since.toString(), DRAIN_LIMIT],
    );
    const horizon = BigInt(rows.find((r) => r.source === 'horizon')!.horizon);
    const notifications: NotificationPayload[] = [];
    const userEvents: UserEvent[] = [];
    let lastNotificationTxid: bigint | null = null;
    let lastEventTxid: bigint | null = null;
    let notificationCount = 0;
    let eventCount = 0;

    for (const row of rows) {
      if (row.source === 'horizon') continue;
      const txid = BigInt(row.txid!);
      const key = `${row.source === 'notification' ? 'n' : 'e'}:${row.row_id}`;
      if (row.source === 'notification') {
        notificationCount += 1;
        lastNotificationTxid = txid;
      } else {
        eventCount += 1;
        lastEventTxid = txid;
      }
      if (this.sent.has(key)) continue;
      this.sent.set(key, txid);
      if (row.source === 'notification') {
        notifications.push(row.payload as unknown as NotificationPayload);
      } else {
        const payload = row.payload as { kind: UserEvent['kind']; ids: string[]; upToCreatedAt: string | null };
        userEvents.push({ userId: row.user_id!, ...payload });
      }
    }

    // A read cut short by its limit may only advance as far as it got.
    let next = horizon;
    const notificationsCut = notificationCount >= DRAIN_LIMIT;
    const eventsCut = eventCount >= DRAIN_LIMIT;
    if (notificationsCut && lastNotificationTxid !== null && lastNotificationTxid < next) next = lastNotificationTxid;
    if (eventsCut && lastEventTxid !== null && lastEventTxid < next) next = lastEventTxid;
    if (next > since) this.since = next;
    for (const [key, txid] of this.sent) {
      if (txid < this.since!) this.sent.delete(key);
    }
    return { notifications, userEvents, more: notificationsCut || eventsCut, horizon };
  }
}

export function toUpdatedPayload(event: UserEvent): NotificationUpdatedPayload | null {
  if (event.kind === 'read' || event.kind === 'unread') return { kind: event.kind, ids: event.ids };
  if (event.kind === 'all_read') return { kind: 'all_read', upToCreatedAt: event.upToCreatedAt };
  return null;
}
