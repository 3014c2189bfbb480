/**
 * Serves the built web app and forwards the API and relay paths to the API server, so
 * the browser only ever talks to one origin (no CORS, the same URLs in dev and prod).
 * Imported by tools as `@bellhop/web/host`; `serve.ts` is its command line.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Socket } from 'node:net';
import express from 'express';
import { createProxyMiddleware, type RequestHandler } from 'http-proxy-middleware';
import { DEMO_LOGIN_META } from './src/config/demoLoginMeta';
import { buildIfStale, DEFAULT_DIST } from './buildIfStale';
import { isProxied } from './proxiedPaths';
import { securityHeaders } from './securityHeaders';

export { buildIfStale } from './buildIfStale';

export interface WebHostOptions {
  port: number;
  /** Where the API + relay listen, e.g. http://localhost:3001. */
  apiUrl: string;
  /** Interface to listen on; all interfaces when omitted. */
  host?: string;
  /** Show the demo login on the sign-in page. Defaults to NODE_ENV !== 'production', like the seed. */
  demoLogin?: boolean;
  /** Where the built app lives; defaults to web/dist, built on demand. */
  distDir?: string;
}

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

type Proxy = RequestHandler<http.IncomingMessage, http.ServerResponse>;

function indexHtml(distDir: string, demoLogin: boolean): string {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  if (!demoLogin) return html;
  return html.replace('</head>', `  <meta name="${DEMO_LOGIN_META}" content="true" />\n  </head>`);
}

function displayUrl(host: string | undefined, port: number): string {
  const name = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** Keeps every open socket of `server`, so close() can end keep-alive connections at once. */
function trackConnections(server: http.Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

/**
 * Our own agent and a list of proxied WebSockets, so close() can drop the connections
 * to the API as well; otherwise the API would wait for them when it shuts down.
 */
function createApiProxy(apiUrl: string) {
  // No keep-alive to the API: reusing an idle socket just as the API closes it (its 5 s
  // keep-alive timeout) fails the browser's request with a 504, which happened under load.
  // A fresh local connection per request costs next to nothing.
  const agent = new http.Agent({ keepAlive: false });
  const upstreamSockets = new Set<Socket>();
  const proxy: Proxy = createProxyMiddleware<http.IncomingMessage, http.ServerResponse>({
    target: apiUrl,
    agent,
    changeOrigin: true,
    // Upgrades are wired on the server itself (see startWebHost), not on the first HTTP request.
    ws: false,
    pathFilter: (pathname) => isProxied(pathname),
    // The API sees the browser's address and scheme, as it would without the proxy.
    xfwd: true,
    on: {
      open: (proxySocket: Socket) => {
        upstreamSockets.add(proxySocket);
        proxySocket.once('close', () => upstreamSockets.delete(proxySocket));
      },
    },
  });
  return { proxy, agent, upstreamSockets };
}

function createApp(proxy: Proxy, distDir: string, html: string): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(proxy);
  app.use(securityHeaders);
  app.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  app.use(express.static(distDir, { index: false }));
  // Client-side routes (/dashboard, /leads/7, …) all get the app shell.
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.set('Cache-Control', 'no-cache').type('html').send(html);
  });
  return app;
}

async function listen(server: http.Server, port: number, host: string | undefined): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const distDir = options.distDir ?? DEFAULT_DIST;
  const demoLogin = options.demoLogin ?? process.env.NODE_ENV !== 'production';
  if (!options.distDir) await buildIfStale(distDir);
  const html = indexHtml(distDir, demoLogin);

  const { proxy, agent, upstreamSockets } = createApiProxy(options.apiUrl);
  const server = http.createServer(createApp(proxy, distDir, html));
  const sockets = trackConnections(server);
  server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    if (isProxied(req.url)) void proxy.upgrade(req, socket, head);
    else socket.destroy();
  });
  const port = await listen(server, options.port, options.host);

  return {
    url: displayUrl(options.host, port),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive and proxied WebSocket connections would hold close() open forever.
        for (const socket of [...sockets, ...upstreamSockets]) socket.destroy();
        agent.destroy();
      }),
  };
}
