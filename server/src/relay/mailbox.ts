/**
 * The relay's cursor over the mailbox (notifications and per-user events).
 *
 * Sequence order is not commit order, so the cursor is a snapshot: after a
 * read, every transaction below the snapshot's xmax that was not still open
 * has finished, and its rows were read (or it rolled back). The next read
 * therefore asks only for rows past the position, plus rows of the
 * transactions that were still open. Each row is read exactly once, without
 * re-reading or remembering anything, however long some transaction stays
 * open. See README "How delivery works".
 */
import type { NotificationPayload, NotificationUpdatedPayload } from '@bellhop/contract';

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

interface ReadRow {
  source: 'notification' | 'user_event' | 'snapshot';
  txid: string | null;
  seq: string | null;
  user_id: string | null;
  payload: Record<string, unknown> | null;
  xmin: string | null;
  xmax: string | null;
  open: string[] | null;
}

// One statement, so one snapshot: the rows and the snapshot they are read in
// agree. The relay connects as the owner, so it reads the tables directly.
// Payloads are json, printed by PostgreSQL's JSON encoder as PostGraphile's
// are (the ::json also reads a database whose payload function still says jsonb).
// Only the keyset part is limited; rows of a transaction that was open are
// read whole once it commits (it can only be as big as one transaction).
// A row a transaction wrote itself has a txid below the snapshot's xmax once
// it is visible; one at or above it was written with an explicit txid from
// another cluster (pg_restore into a new one). Such rows are old: reading
// them would replay history to every socket and push the cursor past the
// real new rows, so they are left alone (see rebase_restored_txids()).
const READ_SQL = `
with s as materialized (select pg_current_snapshot() as snap)
select * from (
  (select 'notification' as source, n.txid::text, n.seq::text, null::uuid as user_id,
          app_private.notification_payload(n)::json as payload, null::text as xmin, null::text as xmax, null::text[] as open
     from app_public.notifications n
     where n.txid >= $1::text::xid8 and (n.txid, n.seq) > ($1::text::xid8, $2::bigint)
       and n.txid < (select pg_snapshot_xmax(s.snap) from s)
     order by n.txid, n.seq
     limit $6)
  union all
  (select 'notification', n.txid::text, n.seq::text, null, app_private.notification_payload(n)::json, null, null, null
     from app_public.notifications n
     where n.txid = any($5::text[]::xid8[]) and n.txid < $1::text::xid8)
  union all
  (select 'user_event', e.txid::text, e.id::text, e.user_id,
          json_build_object('kind', e.kind, 'ids', e.notification_ids, 'upToCreatedAt', e.up_to_created_at),
          null, null, null
     from app_private.user_events e
     where e.txid >= $3::text::xid8 and (e.txid, e.id) > ($3::text::xid8, $4::bigint)
       and e.txid < (select pg_snapshot_xmax(s.snap) from s)
     order by e.txid, e.id
     limit $6)
  union all
  (select 'user_event', e.txid::text, e.id::text, e.user_id,
          json_build_object('kind', e.kind, 'ids', e.notification_ids, 'upToCreatedAt', e.up_to_created_at),
          null, null, null
     from app_private.user_events e
     where e.txid = any($5::text[]::xid8[]) and e.txid < $3::text::xid8)
) rows
union all
select 'snapshot', null, null, null, null,
       pg_snapshot_xmin(s.snap)::text, pg_snapshot_xmax(s.snap)::text,
       array(select x::text from pg_snapshot_xip(s.snap) x order by x)
  from s`;

const START_SQL = `
select pg_snapshot_xmin(s)::text as xmin, pg_snapshot_xmax(s)::text as xmax,
       array(select x::text from pg_snapshot_xip(s) x order by x) as open
  from pg_current_snapshot() s`;

const byPosition = (a: { txid: bigint; seq: bigint }, b: { txid: bigint; seq: bigint }) =>
  a.txid === b.txid ? (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0) : a.txid < b.txid ? -1 : 1;

export class Mailbox {
  private notifications: Position | null = null;
  private events: Position | null = null;
  /** Transactions that were still open at the last read: their rows may appear below the positions. */
  private open: bigint[] = [];
  private xmin: bigint | null = null;
  private starting: Promise<void> | null = null;

  /** Where delivery starts: now (and whatever the transactions open now commit). */
  start(query: Query): Promise<void> {
    this.starting ??= query<{ xmin: string; xmax: string; open: string[] }>(START_SQL).then(
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
      READ_SQL,
      [
        notificationsAt.txid.toString(),
        notificationsAt.seq.toString(),
        eventsAt.txid.toString(),
        eventsAt.seq.toString(),
        this.open.map(String),
        limit,
      ],
      'bellhop_mailbox_read',
    );

    const snapshot = rows.find((r) => r.source === 'snapshot')!;
    const xmax = BigInt(snapshot.xmax!);
    const notifications: Array<{ txid: bigint; seq: bigint; payload: NotificationPayload }> = [];
    const userEvents: Array<{ txid: bigint; seq: bigint; event: UserEvent }> = [];
    for (const row of rows) {
      if (row.source === 'snapshot') continue;
      const at = { txid: BigInt(row.txid!), seq: BigInt(row.seq!) };
      if (row.source === 'notification') {
        notifications.push({ ...at, payload: row.payload as unknown as NotificationPayload });
      } else {
        const payload = row.payload as { kind: UserEvent['kind']; ids: string[]; upToCreatedAt: string | null };
        userEvents.push({ ...at, event: { userId: row.user_id!, ...payload } });
      }
    }
    notifications.sort(byPosition);
    userEvents.sort(byPosition);

    const nextNotifications = advance(notifications, notificationsAt, xmax, limit);
    const nextEvents = advance(userEvents, eventsAt, xmax, limit);
    this.notifications = nextNotifications.position;
    this.events = nextEvents.position;
    this.open = snapshot.open!.map(BigInt);
    this.xmin = BigInt(snapshot.xmin!);

    return {
      notifications: notifications.map((n) => n.payload),
      userEvents: userEvents.map((e) => e.event),
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
function advance(read: Array<{ txid: bigint; seq: bigint }>, from: Position, xmax: bigint, limit: number): { position: Position; cut: boolean } {
  const keyset = read.filter((r) => byPosition(r, from) > 0);
  if (keyset.length >= limit) {
    const last = keyset[keyset.length - 1]!;
    return { position: { txid: last.txid, seq: last.seq }, cut: true };
  }
  return { position: xmax > from.txid ? { txid: xmax, seq: 0n } : from, cut: false };
}

export function toUpdatedPayload(event: UserEvent): NotificationUpdatedPayload | null {
  if (event.kind === 'read' || event.kind === 'unread') return { kind: event.kind, ids: event.ids };
  if (event.kind === 'all_read') return { kind: 'all_read', upToCreatedAt: event.upToCreatedAt };
  return null;
}
