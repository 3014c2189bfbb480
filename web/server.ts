/**
 * Serves the built web app and forwards the API and relay paths to the API server, so
 * the browser only ever talks to one origin (no CORS, the same URLs in dev and prod).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Socket } from 'node:net';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { DEMO_LOGIN_META } from './src/config/demoLoginMeta';

/** Everything the API process answers: GraphQL, GraphiQL and its assets, and Socket.io. */
export const PROXIED_PATHS = ['/graphql', '/graphiql', '/_postgraphile', '/socket.io'];

export interface WebServerOptions {
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

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

const WEB_ROOT = __dirname;
const DEFAULT_DIST = path.join(WEB_ROOT, 'dist');
// Anything the bundle is made from; a newer file means dist is stale.
const SOURCES = ['src', 'index.html', 'vite.config.ts', path.join('..', 'contract', 'src')];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

function needsBuild(distDir: string): boolean {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(WEB_ROOT, source)) > built);
}

/** Builds into a fresh directory and swaps it in, so concurrent starts never see half a build. */
async function buildApp(distDir: string): Promise<void> {
  console.log('Building web app…');
  const { build } = await import('vite');
  const staging = `${distDir}.build-${process.pid}-${Date.now()}`;
  // Vite sets NODE_ENV=production for the whole process while it builds; the API may be
  // running in this same process (npm start) and must not switch to production mode.
  const nodeEnv = process.env.NODE_ENV;
  // Vite keeps a NODE_ENV it finds set: under NODE_ENV=test (npm test) the bundle would
  // otherwise ship development React. What is served is always a production build.
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_ROOT,
      configFile: path.join(WEB_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const previous = `${distDir}.old-${process.pid}-${Date.now()}`;
  try {
    if (fs.existsSync(distDir)) fs.renameSync(distDir, previous);
    fs.renameSync(staging, distDir);
  } catch (error) {
    // Another process swapped in its fresh build first; the result is the same.
    if (!fs.existsSync(path.join(distDir, 'index.html'))) throw error;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(previous, { recursive: true, force: true });
  }
  console.log(`Web app built into ${path.relative(process.cwd(), distDir) || distDir}.`);
}

function indexHtml(distDir: string, demoLogin: boolean): string {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  if (!demoLogin) return html;
  return html.replace('</head>', `  <meta name="${DEMO_LOGIN_META}" content="true" />\n  </head>`);
}

function isProxied(url: string | undefined): boolean {
  const pathname = (url ?? '').split('?')[0] ?? '';
  return PROXIED_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function displayUrl(host: string | undefined, port: number): string {
  const name = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** Builds web/dist unless it is newer than every source; for callers that cannot load Vite themselves (Jest). */
export async function buildIfStale(distDir = DEFAULT_DIST): Promise<boolean> {
  if (!needsBuild(distDir)) return false;
  await buildApp(distDir);
  return true;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const distDir = options.distDir ?? DEFAULT_DIST;
  const demoLogin = options.demoLogin ?? process.env.NODE_ENV !== 'production';
  if (!options.distDir) await buildIfStale(distDir);
  const html = indexHtml(distDir, demoLogin);

  // Our own agent and a list of proxied WebSockets, so close() can drop the connections
  // to the API as well; otherwise the API would wait for them when it shuts down.
  // No keep-alive to the API: reusing an idle socket just as the API closes it (its 5 s
  // keep-alive timeout) fails the browser's request with a 504, which happened under load.
  // A fresh local connection per request costs next to nothing.
  const agent = new http.Agent({ keepAlive: false });
  const upstreamSockets = new Set<Socket>();
  const proxy = createProxyMiddleware<http.IncomingMessage, http.ServerResponse>({
    target: options.apiUrl,
    agent,
    changeOrigin: true,
    // Upgrades are wired below on the server itself, not on the first HTTP request.
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

  const app = express();
  app.disable('x-powered-by');
  app.use(proxy);
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

  const server = http.createServer(app);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    if (isProxied(req.url)) void proxy.upgrade(req, socket, head);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

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
