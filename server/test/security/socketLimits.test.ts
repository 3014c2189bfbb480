/**
 * Sockets (issue "Safe to expose"): bellhop_sockets_connected counts only
 * authenticated sockets, so bare Socket.io polling opens and refused
 * handshakes do not raise it; SOCKETS_PER_USER caps one user's sockets on a
 * relay with connect_error "too many connections", and a closed socket frees
 * its slot.
 */
import { TOO_MANY_CONNECTIONS, UNAUTHORIZED } from '@bellhop/contract';
import type { RunningServer } from '@bellhop/server';
import { connectError, health, insertLeads, metrics, openSocket, Inbox, useStack, waitForAll, waitUntil } from '@bellhop/testing';

jest.setTimeout(60_000);

const stack = useStack({ server: false, users: 2 });
let relay: RunningServer;
const [alice, bob] = [() => stack.accounts[0]!, () => stack.accounts[1]!];

beforeAll(async () => {
  relay = await stack.addServer({ api: false, env: { SOCKETS_PER_USER: '3' } });
});

const connected = async () => (await metrics(relay.url)).bellhop_sockets_connected;

/** A socket that must connect, closed with the stack. */
async function open(token: string): Promise<Inbox> {
  return stack.socket(token, {}, relay.url);
}

/** Waits until the gauge shows `count` (disconnects are noticed by the server a moment later). */
async function expectConnected(count: number): Promise<void> {
  await waitUntil(async () => (await connected()) === count, () => `bellhop_sockets_connected to be ${count}`);
  expect((await health(relay.url)).body.relay.sockets).toBe(count);
}

describe('the gauge counts authenticated sockets only', () => {
  test('50 bare Engine.IO polling opens (no Socket.io handshake) leave it at 0', async () => {
    const opens = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const response = await fetch(`${relay.url}/socket.io/?EIO=4&transport=polling`);
        return { status: response.status, body: await response.text() };
      }),
    );
    expect(opens.every((o) => o.status === 200 && o.body.startsWith('0{"sid"'))).toBe(true);
    expect(await connected()).toBe(0);
  });

  test('30 refused handshakes (no token, bad token, over websocket and polling) leave it at 0', async () => {
    for (let i = 0; i < 10; i += 1) {
      expect((await connectError(relay.url, null)).message).toBe(UNAUTHORIZED);
      expect((await connectError(relay.url, 'not-a-jwt', { transports: ['polling'] })).message).toBe(UNAUTHORIZED);
      expect((await connectError(relay.url, stack.token('00000000-0000-4000-8000-000000000000'))).message).toBe(UNAUTHORIZED);
    }
    expect(await connected()).toBe(0);
  });

  test('a valid socket counts, and stops counting when it closes', async () => {
    const inbox = await open(alice().token);
    await expectConnected(1);
    inbox.socket.close();
    await expectConnected(0);
  });
});

/** Opens a socket on the relay: 'connected' (it stays open, closed with the stack), or its connect_error. */
async function attempt(token: string): Promise<string> {
  const inbox = stack.add(new Inbox(openSocket(relay.url, token)), (i) => i.socket.close());
  return inbox.connected().then(
    () => 'connected',
    (error: Error) => error.message,
  );
}

describe('SOCKETS_PER_USER=3', () => {
  let sockets: Inbox[];

  test('the 4th socket of one user gets connect_error "too many connections" and nothing is delivered to it', async () => {
    sockets = [await open(alice().token), await open(alice().token), await open(alice().token)];
    await expectConnected(3);
    const refused = await connectError(relay.url, alice().token);
    expect(refused.message).toBe(TOO_MANY_CONNECTIONS);
    expect((await connectError(relay.url, alice().token, { transports: ['polling'] })).message).toBe(TOO_MANY_CONNECTIONS);
    expect(await connected()).toBe(3);

    const ids = await insertLeads(stack.sql, 1, 'Capped');
    await waitForAll(sockets, ids);
    expect(refused.inbox.created).toEqual([]);
  });

  test("another user is not affected by the first one's cap", async () => {
    const other = await open(bob().token);
    expect(other.socket.connected).toBe(true);
    await expectConnected(4);
    other.socket.close();
    await expectConnected(3);
  });

  test('closing one of the three frees its slot for exactly one new socket', async () => {
    expect(await attempt(alice().token)).toBe(TOO_MANY_CONNECTIONS);
    sockets[0]!.socket.close();
    await waitUntil(async () => (await attempt(alice().token)) === 'connected', () => "a new socket of Alice's to connect");
    expect(await attempt(alice().token)).toBe(TOO_MANY_CONNECTIONS);
    await expectConnected(3);
  });

  test('refused sockets took no slot: with the first three closed (one newer still open), exactly two more connect', async () => {
    for (const inbox of sockets) inbox.socket.close();
    await expectConnected(1);
    const results: string[] = [];
    for (let i = 0; i < 3; i += 1) results.push(await attempt(alice().token));
    expect(results).toEqual(['connected', 'connected', TOO_MANY_CONNECTIONS]);
  });

  test('five sockets of one user opened at the same moment: exactly three connect', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => attempt(bob().token)));
    expect(results.filter((r) => r === 'connected')).toHaveLength(3);
    expect(results.filter((r) => r === TOO_MANY_CONNECTIONS)).toHaveLength(2);
  });
});
