/**
 * The one place that reads the environment. Every setting is validated here,
 * with an error that says how to fix it; everything else takes a Config.
 * docs/operations.md lists every variable.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { AUTHENTICATOR_ROLE, DEFAULT_EMBEDDED_PORT, ROOT_DIR, authenticatorPasswordFrom } from '@bellhop/db';
import { ConfigError, boolean, connectionString, httpUrl, integer, oneOf, port, type Env } from './env';

export { ConfigError } from './env';

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** Owner connection: migrations, and the relay's LISTEN and drain. */
  databaseUrl: string;
  /** The API's connection, as bellhop_authenticator. */
  authDatabaseUrl: string;
  /** main.ts: apply pending migrations first; seed demo accounts into an empty database; serve GraphQL. */
  migrate: boolean;
  seed: boolean;
  api: boolean;
  /** Whether `register` creates accounts; operators add users with `npm run user:add` either way. */
  registration: 'open' | 'closed';
  jwtSecret: string;
  jwtTtl: string;
  corsOrigins: string[];
  graphiql: boolean;
  introspection: boolean;
  logLevel: string;
  /** Also serve the relay on this process (the default). */
  relay: boolean;
  /** How often the relay polls while it is draining, and when asleep. */
  relayPollMs: number;
  relaySweepMs: number;
  relayQueryTimeoutMs: number;
  /** Above this many new notifications a second the relay polls and writers stop ringing. */
  relayBusyPerSecond: number;
  /** Sockets one user may hold open on one relay process. */
  socketsPerUser: number;
  /** Query bomb guards (see graphql/queryLimits.ts). */
  graphqlMaxDepth: number;
  graphqlMaxFields: number;
  /** Rows one request may ask for, summed over every list field and alias. */
  graphqlMaxRows: number;
  /** Backstop for anything the limits miss: PostgreSQL cancels an API statement after this long. */
  statementTimeoutMs: number;
  /** login/register requests per client IP per window; 0 turns the limit off. */
  loginRateLimit: number;
  loginRateWindowSeconds: number;
  /** Express "trust proxy": which hops may set X-Forwarded-For (the rate limit keys on the client IP). */
  trustProxy: boolean | number | string;
}

/** Where development state lives (the embedded PostgreSQL, the generated JWT secret). */
export const DATA_DIR = path.join(ROOT_DIR, '.data');

export function authenticatorUrlFor(databaseUrl: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = AUTHENTICATOR_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
}

export function authenticatorPassword(env: Env = process.env): string {
  const password = authenticatorPasswordFrom(env);
  if (password === null && !env.AUTH_DATABASE_URL) {
    throw new ConfigError('AUTHENTICATOR_PASSWORD (or AUTH_DATABASE_URL) must be set when NODE_ENV=production.');
  }
  return password ?? '';
}

/** Outside production a secret is made once per install and kept in .data/, never in the code. */
function developmentJwtSecret(): string {
  const file = path.join(DATA_DIR, 'jwt-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    const secret = crypto.randomBytes(48).toString('base64url');
    // 'wx': two processes starting at once keep whichever secret was written first.
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
    return secret;
  }
}

function jwtSecret(env: Env, production: boolean): string {
  const secret = env.JWT_SECRET || (production ? '' : developmentJwtSecret());
  if (!secret) throw new ConfigError('JWT_SECRET must be set when NODE_ENV=production (at least 32 characters; try `openssl rand -base64 48`).');
  if (secret.length < 32) throw new ConfigError('JWT_SECRET is too short: use at least 32 characters (try `openssl rand -base64 48`).');
  return secret;
}

function trustProxy(env: Env): boolean | number | string {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '') return false;
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[\w.:/, -]+$/.test(raw)) {
    throw new ConfigError(`TRUST_PROXY=${JSON.stringify(raw)} is not valid: use a hop count (1), addresses or subnets (10.0.0.0/8, loopback), true or false.`);
  }
  return raw;
}

function corsOrigins(env: Env, production: boolean): string[] {
  const origins = (env.CORS_ORIGINS ?? (production ? '' : 'http://localhost:3000,http://127.0.0.1:3000'))
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS entry ${JSON.stringify(origin)} is not an origin: use e.g. https://crm.example.com (no path).`);
    }
  }
  return origins;
}

/** A development machine is not a server: only this machine may connect unless HOST says otherwise. */
function host(env: Env, production: boolean): string {
  return env.HOST || (production ? '0.0.0.0' : '127.0.0.1');
}

function jwtTtl(env: Env): string {
  const ttl = env.JWT_TTL || '7 days';
  if (!/^\d+\s*(seconds?|minutes?|hours?|days?)$/i.test(ttl)) {
    throw new ConfigError(`JWT_TTL=${JSON.stringify(ttl)} is not valid: use e.g. "15 minutes", "12 hours" or "7 days".`);
  }
  return ttl;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = connectionString('DATABASE_URL', env.DATABASE_URL);
  const authDatabaseUrl = env.AUTH_DATABASE_URL
    ? connectionString('AUTH_DATABASE_URL', env.AUTH_DATABASE_URL)
    : authenticatorUrlFor(databaseUrl, authenticatorPassword(env));
  return {
    production,
    port: port(env, 'PORT', 3001),
    host: host(env, production),
    databaseUrl,
    authDatabaseUrl,
    migrate: boolean(env, 'MIGRATE', true),
    seed: boolean(env, 'SEED', !production) && !production,
    api: boolean(env, 'API', true),
    registration: oneOf(env, 'REGISTRATION', production ? 'closed' : 'open', ['open', 'closed'] as const),
    jwtSecret: jwtSecret(env, production),
    jwtTtl: jwtTtl(env),
    corsOrigins: corsOrigins(env, production),
    graphiql: boolean(env, 'GRAPHIQL', !production),
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', !production),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const),
    relay: boolean(env, 'RELAY', true),
    relayPollMs: integer(env, 'RELAY_POLL_MS', 20, 1, 10_000),
    relaySweepMs: integer(env, 'RELAY_SWEEP_MS', 1_000, 10, 600_000),
    relayBusyPerSecond: integer(env, 'RELAY_BUSY_PER_SECOND', 100, 0, 1_000_000),
    relayQueryTimeoutMs: integer(env, 'RELAY_QUERY_TIMEOUT_MS', 30_000, 100, 600_000),
    socketsPerUser: integer(env, 'SOCKETS_PER_USER', 20, 1, 10_000),
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 100),
    graphqlMaxFields: integer(env, 'GRAPHQL_MAX_FIELDS', 500, 10, 100_000),
    graphqlMaxRows: integer(env, 'GRAPHQL_MAX_ROWS', 1_000, 100, 1_000_000),
    statementTimeoutMs: integer(env, 'GRAPHQL_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000),
    loginRateLimit: integer(env, 'LOGIN_RATE_LIMIT', 20, 0, 1_000_000),
    loginRateWindowSeconds: integer(env, 'LOGIN_RATE_WINDOW_SECONDS', 60, 1, 86_400),
    trustProxy: trustProxy(env),
  };
}

/** `npm start`: the launcher's own settings. DATABASE_URL unset means "use the embedded PostgreSQL". */
export interface StartConfig {
  production: boolean;
  host: string;
  databaseUrl: string | null;
  apiPort: number;
  webPort: number;
  embeddedPort: number;
  logLevel: string;
}

export function loadStartConfig(env: Env = process.env): StartConfig {
  const embeddedPort = integer(env, 'EMBEDDED_PG_PORT', DEFAULT_EMBEDDED_PORT, 1, 65535);
  if (embeddedPort === 5432) throw new ConfigError('EMBEDDED_PG_PORT=5432 is not allowed: that is the usual port of a system PostgreSQL. Use another free port.');
  const production = env.NODE_ENV === 'production';
  return {
    production,
    host: host(env, production),
    databaseUrl: env.DATABASE_URL ? connectionString('DATABASE_URL', env.DATABASE_URL) : null,
    apiPort: port(env, 'PORT', 3001),
    webPort: port(env, 'WEB_PORT', 3000),
    embeddedPort,
    logLevel: oneOf(env, 'LOG_LEVEL', 'warn', ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const),
  };
}

/** The web host on its own (scripts/serve-web.ts, the compose "web" service). */
export interface WebHostConfig {
  production: boolean;
  port: number;
  host: string;
  apiUrl: string;
}

export function loadWebHostConfig(env: Env = process.env): WebHostConfig {
  const production = env.NODE_ENV === 'production';
  return {
    production,
    port: port(env, 'PORT', 3000),
    host: host(env, production),
    apiUrl: httpUrl(env, 'API_URL', 'http://localhost:3001'),
  };
}

/** `npm test`: which PostgreSQL and which browser. */
export interface TestRunnerConfig {
  databaseUrl: string | null;
  databaseUrlName: 'TEST_DATABASE_URL' | 'DATABASE_URL' | null;
  chromiumPath: string;
  ci: boolean;
}

export function loadTestRunnerConfig(env: Env = process.env): TestRunnerConfig {
  const name = env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : env.DATABASE_URL ? 'DATABASE_URL' : null;
  return {
    databaseUrl: name ? connectionString(name, env[name]) : null,
    databaseUrlName: name,
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    ci: env.CI === 'true',
  };
}

/** `npm run migrate` and other database tools: the owner connection only. */
export interface DatabaseToolConfig {
  production: boolean;
  databaseUrl: string;
  authenticatorPassword: string;
}

export function loadDatabaseToolConfig(env: Env = process.env, fallbackUrl?: string): DatabaseToolConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = connectionString('DATABASE_URL', env.DATABASE_URL || fallbackUrl);
  return { production, databaseUrl, authenticatorPassword: authenticatorPassword(env) };
}
