import { authenticatorPasswordFrom } from '@bellhop/db';

/**
 * The one place that reads the environment. Every setting is validated here,
 * with an error that says how to fix it; the rest of the server takes a Config.
 */

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** Owner connection: migrations, and the relay's LISTEN and drain. */
  databaseUrl: string;
  /** The API's connection, as bellhop_authenticator. */
  authDatabaseUrl: string;
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
  /** Query bomb guards (see graphql/limits.ts). */
  graphqlMaxDepth: number;
  graphqlMaxFields: number;
  /** Backstop for anything the limits miss: PostgreSQL cancels an API statement after this long. */
  statementTimeoutMs: number;
  /** login/register requests per client IP per window; 0 turns the limit off. */
  loginRateLimit: number;
  loginRateWindowSeconds: number;
  /** Express "trust proxy": which hops may set X-Forwarded-For (the rate limit keys on the client IP). */
  trustProxy: boolean | number | string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEV_JWT_SECRET = 'bellhop-development-secret-do-not-use-in-production';

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not valid: use a whole number from ${min} to ${max}.`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not valid: use true or false.`);
}

function connectionString(env: Env, name: string, value: string | undefined): string {
  if (!value) throw new ConfigError(`${name} is not set. Set it to a postgres:// URL, or run "npm start" to use the embedded PostgreSQL.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL. Expected postgres://user:password@host:5432/database.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// (got ${url.protocol}//).`);
  }
  if (url.pathname.length <= 1) throw new ConfigError(`${name} must name a database, e.g. postgres://localhost:5432/bellhop.`);
  return value;
}

export function authenticatorUrlFor(databaseUrl: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = 'bellhop_authenticator';
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

function trustProxy(env: Env): boolean | number | string {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '') return 'loopback, linklocal, uniquelocal';
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  if (!/^[\w.:/, -]+$/.test(raw)) {
    throw new ConfigError(`TRUST_PROXY=${JSON.stringify(raw)} is not valid: use a hop count (1), addresses or subnets (10.0.0.0/8, loopback), true or false.`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = connectionString(env, 'DATABASE_URL', env.DATABASE_URL);
  const authDatabaseUrl = env.AUTH_DATABASE_URL
    ? connectionString(env, 'AUTH_DATABASE_URL', env.AUTH_DATABASE_URL)
    : authenticatorUrlFor(databaseUrl, authenticatorPassword(env));

  const jwtSecret = env.JWT_SECRET || (production ? '' : DEV_JWT_SECRET);
  if (!jwtSecret) throw new ConfigError('JWT_SECRET must be set when NODE_ENV=production (at least 32 characters; try `openssl rand -base64 48`).');
  if (production && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET is too short: use at least 32 characters.');

  const jwtTtl = env.JWT_TTL || '7 days';
  if (!/^\d+\s*(seconds?|minutes?|hours?|days?)$/i.test(jwtTtl)) {
    throw new ConfigError(`JWT_TTL=${JSON.stringify(jwtTtl)} is not valid: use e.g. "15 minutes", "12 hours" or "7 days".`);
  }

  const corsOrigins = (env.CORS_ORIGINS ?? (production ? '' : 'http://localhost:3000,http://127.0.0.1:3000'))
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS entry ${JSON.stringify(origin)} is not an origin: use e.g. https://crm.example.com (no path).`);
    }
  }

  return {
    production,
    port: integer(env, 'PORT', 3001, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    authDatabaseUrl,
    jwtSecret,
    jwtTtl,
    corsOrigins,
    graphiql: boolean(env, 'GRAPHIQL', !production),
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', !production),
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'info'),
    relay: boolean(env, 'RELAY', true),
    relayPollMs: integer(env, 'RELAY_POLL_MS', 20, 1, 10_000),
    relaySweepMs: integer(env, 'RELAY_SWEEP_MS', 1_000, 10, 600_000),
    relayBusyPerSecond: integer(env, 'RELAY_BUSY_PER_SECOND', 100, 0, 1_000_000),
    relayQueryTimeoutMs: integer(env, 'RELAY_QUERY_TIMEOUT_MS', 30_000, 100, 600_000),
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 100),
    graphqlMaxFields: integer(env, 'GRAPHQL_MAX_FIELDS', 500, 10, 100_000),
    statementTimeoutMs: integer(env, 'GRAPHQL_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000),
    loginRateLimit: integer(env, 'LOGIN_RATE_LIMIT', 20, 0, 1_000_000),
    loginRateWindowSeconds: integer(env, 'LOGIN_RATE_WINDOW_SECONDS', 60, 1, 86_400),
    trustProxy: trustProxy(env),
  };
}
