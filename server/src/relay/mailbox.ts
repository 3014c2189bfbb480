/**
 * The relay's cursor over the mailbox (notifications and per-user events).
 *
 * Sequence order is not commit order, so the cursor is a snapshot: after a
 * read, every transaction below the snapshot's xmax that was not still open
 * has finished, and its rows were read (or it rolled back). The next read
 * therefore asks only for rows past the position, plus rows of the
 * transactions that were still open. Each row is read exactly once, without
 * re-reading or remembering anything, however long some transaction stays
 * open. See docs/realtime.md.
 */
import type { NotificationRow, UserEventRow } from '@bellhop/contract';
import { RELAY_SQL } from './sql';

/** A notification as the relay reads it: the row, and whom a broadcast is hidden from. */
export interface DeliveryRow extends NotificationRow {
  /** For a broadcast: users who deleted it or switched its type off (never pushed to them). */
  hidden_from: string[] | null;
}

export interface DrainResult {
  notifications: DeliveryRow[];
  userEvents: UserEventRow[];
  /** True when the read was cut short by its limit, so more is waiting. */
  more: boolean;
  /** The read's snapshot xmin: every transaction below it had finished. */
  horizon: bigint;
}

/** `name`: run as a prepared statement (parsed and planned once per connection). */
export type Query = <T extends object>(text: string, values?: unknown[], name?: string) => Promise<T[]>;

export const DRAIN_LIMIT = 5000;

/** Keyset position in one source: (txid, seq) at and below it is done, open transactions aside. */
interface Position {
  txid: bigint;
  seq: bigint;
}

type ReadRow = { source: 'notification' | 'user_event' | 'snapshot'; txid: string; seq: string; xmin: string; xmax: string; open: string[] } & DeliveryRow &
  UserEventRow;

interface Positioned<T> extends Position {
  row: T;
}

const byPosition = (a: Position, b: Position) => (a.txid === b.txid ? (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0) : a.txid < b.txid ? -1 : 1);

function deliveryRow(r: ReadRow): DeliveryRow {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    message: r.message,
    related_lead_id: r.related_lead_id,
    recipient_id: r.recipient_id,
    actor_id: r.actor_id,
    created_at: r.created_at,
    updated_at: r.updated_at,
    hidden_from: r.hidden_from,
  };
}

function userEventRow(r: ReadRow): UserEventRow {
  return { user_id: r.user_id, kind: r.kind, notification_ids: r.notification_ids, up_to_created_at: r.up_to_created_at };
}

export class Mailbox {
  private notifications: Position | null = null;
  private events: Position | null = null;
  /** Transactions that were still open at the last read: their rows may appear below the positions. */
  private open: bigint[] = [];
  private xmin: bigint | null = null;
  private starting: Promise<void> | null = null;

  /** Where delivery starts: now (and whatever the transactions open now commit). */
  start(query: Query): Promise<void> {
    this.starting ??= query<{ xmin: string; xmax: string; open: string[] }>(RELAY_SQL.start).then(
      ([row]) => {
        if (this.notifications) return;
        const xmax = BigInt(row!.xmax);
        this.notifications = { txid: xmax, seq: 0n };
        this.events = { txid: xmax, seq: 0n };
        this.open = row!.open.map(BigInt);
        this.xmin = BigInt(row!.xmin);
      },
      (error: unknown) => {
        // Not started: a later drain (e.g. after a reconnect) tries again.
        this.starting = null;
        throw error;
      },
    );
    return this.starting;
  }

  /** The last read's snapshot xmin. */
  get horizon(): bigint | null {
    return this.xmin;
  }

  /** Transactions that were open at the last read, whose rows may still come. */
  get pending(): number {
    return this.open.length;
  }

  /**
   * Reads what is new. The cursor only moves once a read has fully
   * returned, so a failed read (say, the connection dropped) loses nothing.
   */
  async drain(query: Query, limit = DRAIN_LIMIT): Promise<DrainResult> {
    await this.start(query);
    const notificationsAt = this.notifications!;
    const eventsAt = this.events!;
    const rows = await query<ReadRow>(
      RELAY_SQL.read,
      [notificationsAt.txid.toString(), notificationsAt.seq.toString(), eventsAt.txid.toString(), eventsAt.seq.toString(), this.open.map(String), limit],
      'bellhop_mailbox_read',
    );

    const snapshot = rows.find((r) => r.source === 'snapshot')!;
    const xmax = BigInt(snapshot.xmax);
    const notifications: Array<Positioned<DeliveryRow>> = [];
    const userEvents: Array<Positioned<UserEventRow>> = [];
    for (const row of rows) {
      if (row.source === 'snapshot') continue;
      const at = { txid: BigInt(row.txid), seq: BigInt(row.seq) };
      if (row.source === 'notification') notifications.push({ ...at, row: deliveryRow(row) });
      else userEvents.push({ ...at, row: userEventRow(row) });
    }
    notifications.sort(byPosition);
    userEvents.sort(byPosition);

    const nextNotifications = advance(notifications, notificationsAt, xmax, limit);
    const nextEvents = advance(userEvents, eventsAt, xmax, limit);
    this.notifications = nextNotifications.position;
    this.events = nextEvents.position;
    this.open = snapshot.open.map(BigInt);
    this.xmin = BigInt(snapshot.xmin);

    return {
      notifications: notifications.map((n) => n.row),
      userEvents: userEvents.map((e) => e.row),
      more: nextNotifications.cut || nextEvents.cut,
      horizon: this.xmin,
    };
  }
}

/**
 * Where the next read starts in one source. A full read has seen everything
 * below the snapshot's xmax (open transactions aside); a read cut short by
 * its limit has seen everything up to its last keyset row.
 */
function advance(read: Position[], from: Position, xmax: bigint, limit: number): { position: Position; cut: boolean } {
  const keyset = read.filter((r) => byPosition(r, from) > 0);
  if (keyset.length >= limit) {
    const last = keyset[keyset.length - 1]!;
    return { position: { txid: last.txid, seq: last.seq }, cut: true };
  }
  return { position: xmax > from.txid ? { txid: xmax, seq: 0n } : from, cut: false };
}
