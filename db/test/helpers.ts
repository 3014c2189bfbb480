/**
 * Shared by the db test files: acting as a user inside a transaction, a
 * LISTEN session on the doorbell channel, and writing leads the ways a psql
 * user or an ETL job would (INSERT, multi-row INSERT, COPY).
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client, type Notification } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export const CHANNEL = 'bellhop_notifications';
export const WAIT_MS = 10_000;

/** Switches the open transaction to the API's visitor role for one user (null: anonymous). */
export async function actAs(client: Client, userId: string | null): Promise<void> {
  await client.query(`select set_config('role', 'bellhop_visitor', true), set_config('jwt.claims.user_id', $1, true)`, [userId ?? '']);
}

/** Back to the owner (superuser) inside the open transaction. */
export async function actAsOwner(client: Client): Promise<void> {
  await client.query(`reset role`);
  await client.query(`select set_config('jwt.claims.user_id', '', true)`);
}

export interface LeadRow {
  first_name: string;
  last_name: string;
  email: string;
}

export function lead(firstName: string, lastName = 'Doe'): LeadRow {
  return { first_name: firstName, last_name: lastName, email: `${firstName.slice(0, 20).toLowerCase().replace(/[^a-z0-9]/g, '')}-${Math.random().toString(36).slice(2)}@example.com` };
}

export async function insertLead(client: Client, row: LeadRow = lead('John')): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    'insert into app_public.leads (first_name, last_name, email) values ($1, $2, $3) returning id',
    [row.first_name, row.last_name, row.email],
  );
  return rows[0]!.id;
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

export interface NotificationRow {
  id: string;
  type: string;
  title: string;
  message: string;
  related_lead_id: number | null;
}

export async function notificationsAfter(client: Client, seq: number): Promise<NotificationRow[]> {
  const { rows } = await client.query<NotificationRow>(
    'select id, type, title, message, related_lead_id from app_public.notifications where seq > $1 order by seq',
    [seq],
  );
  return rows;
}

/** A separate session LISTENing on the doorbell channel, as a DBA's psql or the relay would. */
export class Listener {
  readonly received: Notification[] = [];

  private constructor(private readonly client: Client) {
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.received.push(message);
    });
  }

  static async start(url: string): Promise<Listener> {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    return new Listener(client);
  }

  /**
   * Sends a uniquely marked NOTIFY from another session and waits for it:
   * anything committed earlier has arrived by then. Returns what came before it.
   */
  async drain(sender: Client, since: number): Promise<Notification[]> {
    const marker = `sentinel-${Math.random().toString(36).slice(2)}`;
    await sender.query('select pg_notify($1, $2)', [CHANNEL, marker]);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const index = this.received.findIndex((message, i) => i >= since && message.payload === marker);
      if (index >= 0) {
        this.received.splice(index, 1);
        return this.received.slice(since, index);
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the sentinel NOTIFY on ${CHANNEL}.`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stop(): Promise<void> {
    await this.client.end();
  }
}
