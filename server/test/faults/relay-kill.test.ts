/**
 * Two Bellhop processes on one database; one is SIGKILLed mid-stream and
 * started again.
 *
 * The client contract (the web app follows it): Socket.io reconnects by
 * itself, and on every reconnect the client refetches getNotifications,
 * because what was committed while it was away is in the database, not in
 * any relay's memory. A relay starts delivering from "now".
 */
import { Writers, getNotifications, useStack, waitForAll, waitUntil, type ServerProcess } from '@bellhop/testing';

jest.setTimeout(180_000);

const stack = useStack({ server: false, users: 1 });
let killed: ServerProcess;
let survivor: ServerProcess;
const token = () => stack.accounts[0]!.token;

beforeAll(async () => {
  // The API + relay process (npm start's server), and a relay-only one (npm run relay).
  [killed, survivor] = await Promise.all([stack.process('server'), stack.process('relay')]);
});

test('one of two relays SIGKILLed mid-stream: the other\'s sockets miss nothing; its own reconnect and catch up by refetching', async () => {
  const onSurvivor = await stack.socket(token(), {}, survivor.url);
  const onKilled = await stack.socket(token(), { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 500 }, killed.url);

  // The client side of the contract: refetch on every reconnect.
  const refetched = new Set<string>();
  let reconnects = 0;
  let refetches = 0;
  onKilled.socket.on('connect', () => {
    reconnects += 1;
    // As the web app does: the newest page again; older ones are history, a scroll away.
    getNotifications(killed.url, token(), { pages: 1 }).then(
      (list) => {
        for (const n of list) refetched.add(n.id);
        refetches += 1;
      },
      (error: Error) => console.log(`[faults] refetch failed: ${error.message}`),
    );
  });

  const writers = new Writers(stack.db.url, 4, 5);
  await writers.start();
  const grow = async (by: number, why: string) => {
    const target = writers.committed.length + by;
    await waitUntil(() => writers.committed.length >= target, () => `${by} more commits ${why}`, 30_000);
  };
  let committedWhileAway = 0;
  try {
    await grow(100, 'before the kill');
    await killed.kill('SIGKILL');
    await waitUntil(() => onKilled.disconnectReason !== null, () => 'the socket to notice the kill');
    const atKill = writers.committed.length;
    await grow(100, 'while the relay is down');
    await killed.start();
    await waitUntil(() => refetches >= 1, () => 'the socket to reconnect by itself and refetch', 30_000);
    committedWhileAway = writers.committed.length - atKill;
    await grow(100, 'after the restart');
  } finally {
    await writers.stop();
  }

  const committed = writers.committed;
  // The survivor: every notification, exactly once, with no refetch.
  await waitForAll([onSurvivor], committed, 30_000);
  expect(onSurvivor.ids().length).toBe(committed.length);
  expect(new Set(onSurvivor.ids()).size).toBe(committed.length);

  // The killed relay's socket: it missed some live (the outage was real), never got one twice,
  // refetched on reconnect, and everything it missed is in its user's history.
  const live = onKilled.ids();
  expect(new Set(live).size).toBe(live.length);
  const missedLive = committed.filter((id) => onKilled.count(id) === 0);
  expect(missedLive.length).toBeGreaterThan(0);
  expect(refetches).toBeGreaterThanOrEqual(1);
  const history = new Set((await getNotifications(killed.url, token())).map((n) => n.id));
  expect(committed.filter((id) => !history.has(id))).toEqual([]);
  expect(reconnects).toBeGreaterThanOrEqual(1);
  console.log(
    `[faults] relay kill: ${committed.length} committed (about ${committedWhileAway} between the kill and the reconnect); survivor socket got ${onSurvivor.ids().length}; ` +
      `killed relay's socket got ${live.length} live; ${missedLive.length} missed are in its history (${refetched.size} refetched on ${reconnects} reconnect(s))`,
  );
});
