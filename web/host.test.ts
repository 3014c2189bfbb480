/**
 * @jest-environment node
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import { startWebHost, type WebHost } from './host';

/** A stand-in for the API + relay: echoes GraphQL requests and greets sockets. */
async function startFakeApi() {
  const requests: { url: string; authorization?: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { echo: req.url } }));
    });
  });
  const sockets = new SocketServer(server);
  sockets.on('connection', (socket) => socket.emit('hello', socket.handshake.auth));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      const closed = sockets.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

describe('startWebHost', () => {
  let api: Awaited<ReturnType<typeof startFakeApi>>;
  let web: WebHost;
  let dist: string;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bellhop-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>t</title></head><body>app</body></html>');
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets', 'main-abc.js'), 'console.log(1)');
    api = await startFakeApi();
    web = await startWebHost({ port: 0, host: '127.0.0.1', apiUrl: api.url, distDir: dist, demoLogin: true });
  });

  afterAll(async () => {
    await web.close();
    await api.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves the app shell for client-side routes, with the demo-login flag', async () => {
    const res = await fetch(`${web.url}/leads/12`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('app');
    expect(html).toContain('<meta name="bellhop-demo-login" content="true" />');
  });

  it('serves built assets and 404s missing ones instead of returning HTML', async () => {
    const ok = await fetch(`${web.url}/assets/main-abc.js`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${web.url}/assets/missing.js`)).status).toBe(404);
  });

  it('proxies /graphql with its headers and body', async () => {
    const res = await fetch(`${web.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc' },
      body: JSON.stringify({ query: '{ getUnreadCount }' }),
    });
    expect(await res.json()).toEqual({ data: { echo: '/graphql' } });
    const last = api.requests.at(-1);
    expect(last).toMatchObject({ url: '/graphql', authorization: 'Bearer abc' });
    expect(last?.body).toContain('getUnreadCount');
  });

  it('proxies /graphiql', async () => {
    const res = await fetch(`${web.url}/graphiql`);
    expect(await res.json()).toEqual({ data: { echo: '/graphiql' } });
  });

  it('proxies Socket.io, WebSocket upgrade included', async () => {
    const client = connectClient(web.url, { auth: { token: 't0k' }, transports: ['websocket'] });
    try {
      const greeting = await new Promise<unknown>((resolve, reject) => {
        client.on('hello', resolve);
        client.on('connect_error', reject);
      });
      expect(greeting).toEqual({ token: 't0k' });
    } finally {
      client.close();
    }
  });

  it('closes even with open WebSocket connections', async () => {
    const other = await startWebHost({ port: 0, host: '127.0.0.1', apiUrl: api.url, distDir: dist });
    const client = connectClient(other.url, { transports: ['websocket'], reconnection: false });
    await new Promise((resolve) => client.on('hello', resolve));
    await other.close();
    client.close();
    expect((await fetch(`${web.url}/dashboard`).then((r) => r.text())).includes('app')).toBe(true);
  });
});
