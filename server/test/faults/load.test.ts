/**
 * 50 writers at full speed for FAULT_LOAD_SECONDS (20 in CI), two sockets on
 * two relay processes: delivered = committed, no duplicates. Meanwhile the
 * NOTIFY queue is sampled, and for the second half a stalled listener (a
 * session that LISTENs and then sits in an open transaction, so it cannot
 * consume) holds the queue's tail back.
 *
 * What a stalled listener does: PostgreSQL keeps every NOTIFY queued until
 * the slowest listener has read it, so the queue grows by one entry per ring
 * for as long as the listener is stuck. When it is full, every transaction
 * that NOTIFYs fails at COMMIT ("too many notifications in the NOTIFY queue").
 * Bellhop's writers ring only while some relay is asleep, so the growth
 * follows relay wake-ups, not the write rate; the numbers are printed.
 */
import { type Client, type Notification } from 'pg';
import { SERVER_EVENTS } from '@bellhop/contract';
import { Writers, sleep, useStack, waitUntil, type Inbox } from '@bellhop/testing';

const SECONDS = Number(process.env.FAULT_LOAD_SECONDS || 20);
const WRITERS = Number(process.env.FAULT_LOAD_WRITERS || 50);
jest.setTimeout((SECONDS + 120) * 1000);

const stack = useStack({ server: false, users: 1 });

/** Per-id delivery counts for one socket (Inbox.count is linear; this run has tens of thousands). */
function tally(inbox: Inbox): Map<string, number> {
  const counts = new Map<string, number>();
  inbox.socket.on(SERVER_EVENTS.created, (n) => counts.set(n.id, (counts.get(n.id) ?? 0) + 1));
  return counts;
}

const PROBES = 20_000;

interface Listening {
  client: Client;
  received: () => number;
  probes: () => number;
}

/** A session that LISTENs on the doorbell channel and counts what reaches it: rings, and this test's probes. */
async function listener(): Promise<Listening> {
  const client = await stack.pg();
  let received = 0;
  let probes = 0;
  client.on('notification', (message: Notification) => {
    if (message.channel !== 'bellhop_notifications') return;
    if (message.payload?.startsWith('probe')) probes += 1;
    else received += 1;
  });
  await client.query('listen bellhop_notifications');
  return { client, received: () => received, probes: () => probes };
}

type Sampler = ReturnType<typeof sampleQueue>;

/** Samples pg_notification_queue_usage() until stopped; keeps the maximum per phase. */
function sampleQueue(client: Client) {
  const max: Record<string, number> = {};
  let phase = 'before';
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ usage: number }>('select pg_notification_queue_usage() as usage');
      max[phase] = Math.max(max[phase] ?? 0, rows[0]!.usage);
      await sleep(100);
    }
  })();
  return {
    max,
    setPhase: (name: string) => (phase = name),
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

const usage = async () => (await stack.sql.query<{ usage: number }>('select pg_notification_queue_usage() as usage')).rows[0]!.usage;

interface Run {
  writers: Writers;
  elapsed: number;
  ringsDuringStall: number;
  commitsDuringStall: number;
}

/** Writers at full speed for SECONDS; for the second half, `stalled` sits in an open transaction. */
async function write(observer: Listening, stalled: Listening, sampler: Sampler): Promise<Run> {
  const writers = new Writers(stack.db.url, WRITERS);
  let started = Date.now();
  let ringsBeforeStall = 0;
  let commitsBeforeStall = 0;
  try {
    await writers.start();
    started = Date.now();
    sampler.setPhase('writing');
    await sleep((SECONDS * 1000) / 2);

    // From here on the stalled session cannot read the queue.
    await stalled.client.query('begin');
    await stalled.client.query('select 1');
    ringsBeforeStall = observer.received();
    commitsBeforeStall = writers.transactions;
    sampler.setPhase('stalled');
    await sleep((SECONDS * 1000) / 2);
  } finally {
    await writers.stop();
  }
  return {
    writers,
    elapsed: (Date.now() - started) / 1000,
    ringsDuringStall: observer.received() - ringsBeforeStall,
    commitsDuringStall: writers.transactions - commitsBeforeStall,
  };
}

/** What a stalled listener costs per NOTIFY: queue PROBES more and read the usage before and after. */
async function probe(observer: Listening, sampler: Sampler): Promise<[number, number]> {
  sampler.setPhase('probes');
  const before = await usage();
  await stack.sql.query(`select pg_notify('bellhop_notifications', 'probe-' || i) from generate_series(1, $1::int) i`, [PROBES]);
  await waitUntil(() => observer.probes() === PROBES, () => 'the observer to receive the probes');
  return [before, await usage()];
}

/** Released: the backlog reaches the session, and the queue empties again. */
async function release(observer: Listening, stalled: Listening, sampler: Sampler): Promise<void> {
  await stalled.client.query('commit');
  sampler.setPhase('released');
  await waitUntil(
    () => stalled.received() === observer.received() && stalled.probes() === PROBES,
    () => 'the stalled session to receive its backlog',
  );
  await waitUntil(async () => (await usage()) === 0, () => 'the NOTIFY queue to drain after the release');
  await sampler.stop();
}

test(`${WRITERS} writers for ${SECONDS} s, two sockets on two relays: delivered = committed, no duplicates; the NOTIFY queue stays near zero, even with a stalled listener`, async () => {
  const relays = await Promise.all([stack.process('relay'), stack.process('relay')]);
  const sockets = await Promise.all(relays.map((relay) => stack.socket(stack.accounts[0]!.token, {}, relay.url)));
  const counts = sockets.map(tally);

  const observer = await listener();
  const stalled = await listener();
  const sampler = sampleQueue(await stack.pg());

  const { writers, elapsed, ringsDuringStall, commitsDuringStall } = await write(observer, stalled, sampler);
  const stalledBefore = stalled.received();
  const [usageBeforeProbes, usageWithProbes] = await probe(observer, sampler);
  await release(observer, stalled, sampler);

  const committed = writers.committed;
  await waitUntil(
    () => counts.every((c) => c.size >= committed.length),
    () => `both sockets to receive all ${committed.length} (have ${counts.map((c) => c.size).join(', ')})`,
    60_000,
  );
  const { rows } = await stack.sql.query<{ n: number }>(`select count(*)::int as n from app_public.notifications where message like 'Writer %'`);

  console.log(
    [
      `[faults] load: ${WRITERS} writers, ${elapsed.toFixed(1)} s, ${writers.transactions} transactions, ${committed.length} notifications committed ` +
        `(${Math.round(writers.transactions / elapsed)} tx/s); delivered per socket: ${counts.map((c) => c.size).join(', ')}`,
      `[faults] doorbell: ${observer.received()} NOTIFYs for ${writers.transactions} transactions ` +
        `(${((100 * observer.received()) / writers.transactions).toFixed(1)}%); during the stall ${ringsDuringStall} for ${commitsDuringStall}`,
      `[faults] pg_notification_queue_usage() max: writing ${sampler.max.writing ?? 0}, writing with a stalled listener ${sampler.max.stalled ?? 0}, ` +
        `after release ${sampler.max.released ?? 0}; the stalled session received ${stalled.received() - stalledBefore} queued rings once released`,
      `[faults] stalled listener cost: ${PROBES} more NOTIFYs moved the usage from ${usageBeforeProbes} to ${usageWithProbes} ` +
        `(about ${Math.round((usageWithProbes - usageBeforeProbes) * 8 * 1024 ** 3 / PROBES)} bytes each of the default 8 GB queue); back to 0 once released`,
    ].join('\n'),
  );

  expect(rows[0]!.n).toBe(committed.length);
  for (const c of counts) {
    expect(c.size).toBe(committed.length);
    expect([...c.values()].filter((n) => n !== 1)).toEqual([]);
    expect(committed.filter((id) => !c.has(id))).toEqual([]);
  }
  // Near zero: the queue holds at most a few pages (a page is 8 kB of a default 8 GB).
  expect(sampler.max.writing ?? 0).toBeLessThan(0.0001);
  expect(sampler.max.stalled ?? 0).toBeLessThan(0.001);
  // The stalled session missed nothing either (waited for above), it just got it late.
  expect(stalled.received()).toBe(observer.received());
  // The mechanism is real: with the tail held back, NOTIFYs accumulate...
  expect(usageWithProbes).toBeGreaterThan(usageBeforeProbes);
  expect(usageWithProbes).toBeLessThan(0.001);
  expect(ringsDuringStall).toBeLessThanOrEqual(commitsDuringStall);
});
