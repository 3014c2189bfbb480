import { UNAUTHORIZED } from '@bellhop/contract';
import { BAD_TOKENS, ODD_TOKENS, connectError, insertLeads, useStack, waitForAll, waitUntil, type Inbox } from '@bellhop/testing';

jest.setTimeout(30_000);

const stack = useStack({ api: false, users: 1 });
const userId = () => stack.accounts[0]!.id;

type Case = [string, () => string | null];
/** Names now (test titles), tokens at run time (they need the user and the secret). */
const cases = (list: typeof BAD_TOKENS): Case[] => list.map(([name, make]) => [name, () => make(userId(), stack.config.jwtSecret)]);
const missingToken: Case[] = [['missing', () => null]];
const badTokens: Case[] = [...cases(ODD_TOKENS), ...cases(BAD_TOKENS)];

describe('a socket without a valid token', () => {
  test.each([...missingToken, ...badTokens])('%s token in auth gets connect_error "unauthorized"', async (_name, token) => {
    const { message } = await connectError(stack.server.url, token());
    expect(message).toBe(UNAUTHORIZED);
  });

  test.each(badTokens)('%s token in the Authorization header gets "unauthorized"', async (_name, token) => {
    const { message } = await connectError(stack.server.url, null, { extraHeaders: { Authorization: `Bearer ${token()}` } });
    expect(message).toBe(UNAUTHORIZED);
  });

  test('is refused over HTTP long-polling too', async () => {
    const { message } = await connectError(stack.server.url, 'not-a-jwt', { transports: ['polling'] });
    expect(message).toBe(UNAUTHORIZED);
  });

  test('receives no events while valid sockets do', async () => {
    const refused: Inbox[] = [];
    for (const [, token] of [...missingToken, ...badTokens]) refused.push((await connectError(stack.server.url, token())).inbox);
    const valid = await stack.socket(stack.token(userId()));
    const ids = await insertLeads(stack.sql, 2);
    await waitForAll([valid], ids);
    expect(refused.map((inbox) => inbox.created.length + inbox.updated.length + inbox.deleted.length)).toEqual(refused.map(() => 0));
    expect(refused.every((inbox) => !inbox.socket.connected)).toBe(true);
  });
});

describe('a socket with a valid token', () => {
  test('connects with auth: { token } and receives notifications', async () => {
    const inbox = await stack.socket(stack.token(userId()));
    const ids = await insertLeads(stack.sql, 1);
    await waitForAll([inbox], ids);
    expect(inbox.created.map((n) => n.id)).toEqual(ids);
  });

  test('connects with an Authorization: Bearer header, over websocket and over long-polling', async () => {
    const headers = { extraHeaders: { Authorization: `Bearer ${stack.token(userId())}` } };
    const websocket = await stack.socket(null, headers);
    const polling = await stack.socket(null, { ...headers, transports: ['polling'] });
    const ids = await insertLeads(stack.sql, 1);
    await waitForAll([websocket, polling], ids);
    expect(websocket.ids()).toEqual(ids);
    expect(polling.ids()).toEqual(ids);
  });

  test('is disconnected by the server when its token expires, and gets nothing after', async () => {
    const shortLived = await stack.socket(stack.token(userId(), 2));
    const longLived = await stack.socket(stack.token(userId()));
    await waitUntil(() => shortLived.disconnectReason !== null, () => 'the short-lived socket to be disconnected');
    expect(shortLived.disconnectReason).toBe('io server disconnect');
    expect(longLived.socket.connected).toBe(true);

    const ids = await insertLeads(stack.sql, 1);
    await waitForAll([longLived], ids);
    expect(shortLived.created).toEqual([]);

    // And the same token cannot come back.
    const { message } = await connectError(stack.server.url, (shortLived.socket.auth as { token: string }).token);
    expect(message).toBe(UNAUTHORIZED);
  });
});
