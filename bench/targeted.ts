/**
 * f. Targeted delivery: a comment on a lead with an owner, 3 followers and 1
 * @mention, by a sixth user, notifies those 5 people as one row each. From
 * the INSERT until each of the 5 recipients' sockets has its one
 * notification; and no other user's socket (the author's, a bystander's)
 * gets it. Skipped while the schema has no app_public.lead_followers.
 */
import { quoteLiteral, withClient } from '@bellhop/db';
import { createUser, startBellhop } from './lib/bellhop';
import { nowMs, sleep } from './lib/clock';
import type { BenchDatabase, Cluster } from './lib/databases';
import type { LogEntry } from './lib/fleetProtocol';
import { say, startCell } from './lib/progress';
import type { MeasurementReport } from './lib/report';
import { SocketFleet } from './lib/sockets';
import { cdf, ms, summarize, type Summary } from './lib/stats';

export interface TargetedPlan {
  /** Comments, one at a time, each on its own lead. */
  samples: number;
}

export const targetedCells = () => 1;

/** Socket order: the 5 recipients first, then the author and a bystander. */
const ROLES = ['owner', 'follower-1', 'follower-2', 'follower-3', 'mentioned', 'author', 'bystander'] as const;
const RECIPIENTS = 5;
const TYPE = 'comment_added';
export const SKIPPED = 'skipped: the schema has no app_public.lead_followers yet';

export interface TargetedData {
  samples: number;
  latency: Summary & { cdf: number[] };
  /** Recipient × comment pairs with no notification. */
  missing: number;
  /** Notifications beyond one per recipient and comment. */
  duplicates: number;
  /** comment_added events at the author's or the bystander's socket. */
  strays: number;
}

const email = (role: string) => `bench-f-${role}@example.com`;

/** The users, and `samples` leads owned by the owner and followed by the three followers. */
async function prepare(db: BenchDatabase, samples: number): Promise<{ users: string[]; leads: number[] }> {
  const users: string[] = [];
  for (const role of ROLES) users.push(await createUser(db.url, email(role)));
  const leads = await withClient(db.url, async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `insert into app_public.leads (first_name, last_name, email, owner_id)
       select 'Targeted', 'Lead ' || g, 'targeted' || g || '@bench.example.com', $1::uuid
       from generate_series(1, $2::int) g order by g returning id`,
      [users[0], samples],
    );
    const ids = rows.map((row) => row.id);
    await client.query(
      `insert into app_public.lead_followers (lead_id, user_id)
       select l, u from unnest($1::int[]) l cross join unnest($2::uuid[]) u on conflict do nothing`,
      [ids, users.slice(1, 4)],
    );
    return ids;
  });
  return { users, leads };
}

/** As the web app's addComment does it: one transaction with the author as the JWT claim. */
function commentSql(leadId: number, author: string, sample: number): string {
  const body = `Please call them back @${email('mentioned')} (sample ${sample})`;
  return `begin;
    select set_config('jwt.claims.user_id', ${quoteLiteral(author)}, true);
    insert into app_public.comments (lead_id, author_id, body) values (${leadId}, ${quoteLiteral(author)}::uuid, ${quoteLiteral(body)});
    commit;`;
}

function evaluate(log: LogEntry[], sentAt: Map<number, number>): TargetedData {
  const comments = log.filter((entry) => entry.type === TYPE);
  const latencies: number[] = [];
  let missing = 0;
  let duplicates = 0;
  for (const [lead, sent] of sentAt) {
    const mine = comments.filter((entry) => entry.key === lead && entry.socket < RECIPIENTS);
    const counts = Array.from({ length: RECIPIENTS }, (_, socket) => mine.filter((entry) => entry.socket === socket).length);
    missing += counts.filter((count) => count === 0).length;
    duplicates += counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    if (counts.every((count) => count > 0)) latencies.push(Math.max(...mine.map((entry) => entry.at)) - sent);
  }
  const strays = comments.filter((entry) => entry.socket >= RECIPIENTS).length;
  return { samples: sentAt.size, latency: { ...summarize(latencies), cdf: cdf(latencies) }, missing, duplicates, strays };
}

async function runComments(db: BenchDatabase, fleet: SocketFleet, users: string[], leads: number[]): Promise<TargetedData> {
  const log: LogEntry[] = [];
  const sentAt = new Map<number, number>();
  await withClient(db.url, async (client) => {
    for (const [i, lead] of leads.entries()) {
      const sql = commentSql(lead, users[5]!, i + 1);
      sentAt.set(lead, nowMs());
      await client.query(sql);
      await fleet.settle(RECIPIENTS, 500, 5_000);
      log.push(...(await fleet.collect(new Map())).log);
    }
  });
  // Anything late (a duplicate, a stray) still counts.
  await sleep(1_000);
  log.push(...(await fleet.collect(new Map())).log);
  return evaluate(log, sentAt);
}

async function hasFollowers(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ found: boolean }>(`select to_regclass('app_public.lead_followers') is not null as found`);
    return rows[0]!.found;
  });
}

export async function measureTargeted(cluster: Cluster, plan: TargetedPlan): Promise<MeasurementReport> {
  const db = await cluster.clone('f');
  let data: TargetedData | null = null;
  try {
    if (await hasFollowers(db.url)) {
      const { users, leads } = await prepare(db, plan.samples);
      const bellhop = await startBellhop(db, { api: false });
      const fleet = new SocketFleet();
      try {
        await fleet.connectUsers(bellhop.url, users.map((id) => bellhop.tokenFor(id)));
        await sleep(500);
        await fleet.collect(new Map());
        startCell(`f. targeted: ${plan.samples} comments, each to an owner, 3 followers and 1 @mention`);
        data = await runComments(db, fleet, users, leads);
      } finally {
        await fleet.close();
        await bellhop.close();
      }
    }
  } finally {
    await db.drop();
  }
  if (!data) say(`f. ${SKIPPED}`);
  else say(`f.   p50 ${ms(data.latency.p50)} p99 ${ms(data.latency.p99)} ms; missing ${data.missing}, duplicates ${data.duplicates}, to others ${data.strays}`);
  return targetedReport(data);
}

function targetedReport(data: TargetedData | null): MeasurementReport {
  const title = 'f. Targeted delivery: a comment to its owner, 3 followers and 1 @mention (ms)';
  const common = {
    id: 'f' as const,
    title,
    notes: [
      `Users: ${ROLES.join(', ')}, one socket each. Each comment is on its own lead (owner set, 3 rows in app_public.lead_followers), by the author, with "@${email('mentioned')}" in its body, inserted in one transaction with the author as jwt.claims.user_id (as the API does).`,
      'From just before the INSERT until the last of the 5 recipients\' sockets has its comment_added; one comment at a time. To others: comment_added events at the author\'s or the bystander\'s socket.',
    ],
    headers: ['Comments', 'Recipients', 'p50 / p95 / p99', 'Max', 'Missing', 'Duplicates', 'To others'],
  };
  if (!data) return { ...common, skipped: SKIPPED, rows: [], targets: [], data: { skipped: SKIPPED } };
  const exact = data.missing === 0 && data.duplicates === 0 && data.strays === 0;
  return {
    ...common,
    rows: [
      [
        String(data.samples),
        String(RECIPIENTS),
        `${ms(data.latency.p50)} / ${ms(data.latency.p95)} / ${ms(data.latency.p99)}`,
        ms(data.latency.max),
        String(data.missing),
        String(data.duplicates),
        String(data.strays),
      ],
    ],
    targets: [
      {
        label: 'f. comment to 5 recipients',
        goal: 'each recipient exactly once, nobody else',
        actual: `${data.missing} missing, ${data.duplicates} duplicates, ${data.strays} to others; p50 ${ms(data.latency.p50)}, p99 ${ms(data.latency.p99)} ms`,
        met: exact,
      },
    ],
    data,
  };
}
