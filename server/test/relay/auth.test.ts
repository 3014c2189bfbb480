import jwt from 'jsonwebtoken';
import { createTestDatabase, type TestDatabase } from '@bellhop/db/testing';
import type { Client } from 'pg';
import type { RunningServer } from '../../src/server';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../src/jwt';
import { UNAUTHORIZED } from '@bellhop/contract';
import { Resources, connectError, createUsers, insertLeads, testConfig, tokenFor, waitForAll, waitUntil, type Inbox } from './helpers';

jest.setTimeout(30_000);

const resources = new Resources();
let db: TestDatabase;
let server: RunningServer;
let sql: Client;
let userId: string;
const config = () => testConfig(db);

beforeAll(async () => {
  db = await createTestDatabase();
  server = await resources.server(db, { api: false });
  sql = await resources.pg(db.url);
  [userId] = await createUsers(sql, 1) as [string];
});
afterAll(async () => {
  await resources.closeAll();
  await db.drop();
});

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);
const claims = () => ({ role: 'bellhop_visitor', user_id: userId });

const missingToken: Array<[string, () => string | null]> = [['missing', () => null]];
const badTokens: Array<[string, () => string | null]> = [
  ['empty', () => ''],
  ['garbage', () => 'not-a-jwt'],
  ['forged (wrong secret)', () => tokenFor(userId, { ...config(), jwtSecret: 'some-other-secret-of-decent-length!!' })],
  ['expired', () => jwt.sign({ ...claims(), exp: nowSeconds() - 60 }, config().jwtSecret, { audience: JWT_AUDIENCE, issuer: JWT_ISSUER })],
  ['alg:none', () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims(), aud: JWT_AUDIENCE, iss: JWT_ISSUER, exp: nowSeconds() + 3600 })}.`],
  ['wrong audience', () => jwt.sign(claims(), config().jwtSecret, { audience: 'postgraphile', issuer: JWT_ISSUER, expiresIn: 3600 })],
  ['wrong issuer', () => jwt.sign(claims(), config().jwtSecret, { audience: JWT_AUDIENCE, issuer: 'someone', expiresIn: 3600 })],
  ['HS512 instead of HS256', () => jwt.sign(claims(), config().jwtSecret, { algorithm: 'HS512', audience: JWT_AUDIENCE, issuer: JWT_ISSUER, expiresIn: 3600 })],
  ['wrong role', () => jwt.sign({ ...claims(), role: 'postgres' }, config().jwtSecret, { audience: JWT_AUDIENCE, issuer: JWT_ISSUER, expiresIn: 3600 })],
  ['no expiry', () => jwt.sign(claims(), config().jwtSecret, { audience: JWT_AUDIENCE, issuer: JWT_ISSUER })],
];

describe('a socket without a valid token', () => {
  test.each([...missingToken, ...badTokens])('%s token in auth gets connect_error "unauthorized"', async (_name, token) => {
    const { message } = await connectError(server.url, token());
    expect(message).toBe(UNAUTHORIZED);
  });

  test.each(badTokens)('%s token in the Authorization header gets "unauthorized"', async (_name, token) => {
    const { message } = await connectError(server.url, null, { extraHeaders: { Authorization: `Bearer ${token()}` } });
    expect(message).toBe(UNAUTHORIZED);
  });

  test('is refused over HTTP long-polling too', async () => {
    const { message } = await connectError(server.url, 'not-a-jwt', { transports: ['polling'] });
    expect(message).toBe(UNAUTHORIZED);
  });

  test('receives no events while valid sockets do', async () => {
    const refused: Inbox[] = [];
    for (const [, token] of [...missingToken, ...badTokens]) refused.push((await connectError(server.url, token())).inbox);
    const valid = await resources.socket(server.url, tokenFor(userId, config()));
    const ids = await insertLeads(sql, 2);
    await waitForAll([valid], ids);
    expect(refused.map((inbox) => inbox.created.length + inbox.updated.length + inbox.deleted.length)).toEqual(refused.map(() => 0));
    expect(refused.every((inbox) => !inbox.socket.connected)).toBe(true);
  });
});

describe('a socket with a valid token', () => {
  test('connects with auth: { token } and receives notifications', async () => {
    const inbox = await resources.socket(server.url, tokenFor(userId, config()));
    const ids = await insertLeads(sql, 1);
    await waitForAll([inbox], ids);
    expect(inbox.created.map((n) => n.id)).toEqual(ids);
  });

  test('connects with an Authorization: Bearer header, over websocket and over long-polling', async () => {
    const headers = { extraHeaders: { Authorization: `Bearer ${tokenFor(userId, config())}` } };
    const websocket = await resources.socket(server.url, null, headers);
    const polling = await resources.socket(server.url, null, { ...headers, transports: ['polling'] });
    const ids = await insertLeads(sql, 1);
    await waitForAll([websocket, polling], ids);
    expect(websocket.ids()).toEqual(ids);
    expect(polling.ids()).toEqual(ids);
  });

  test('is disconnected by the server when its token expires, and gets nothing after', async () => {
    const shortLived = await resources.socket(server.url, tokenFor(userId, config(), 2));
    const longLived = await resources.socket(server.url, tokenFor(userId, config()));
    await waitUntil(() => shortLived.disconnectReason !== null, () => 'the short-lived socket to be disconnected');
    expect(shortLived.disconnectReason).toBe('io server disconnect');
    expect(longLived.socket.connected).toBe(true);

    const ids = await insertLeads(sql, 1);
    await waitForAll([longLived], ids);
    expect(shortLived.created).toEqual([]);

    // And the same token cannot come back.
    const { message } = await connectError(server.url, (shortLived.socket.auth as { token: string }).token);
    expect(message).toBe(UNAUTHORIZED);
  });
});
