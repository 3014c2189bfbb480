/**
 * Safe defaults (issue "Safe to expose"): outside production the server
 * listens on 127.0.0.1 only; X-Forwarded-For is not trusted unless
 * TRUST_PROXY says so; the development JWT secret is made once per install
 * in .data/jwt-secret, never written in the code; sign-up is open in
 * development and closed in production; bad values are refused with advice.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, loadConfig, loadStartConfig, loadWebHostConfig } from '../../src/config';
import { refusal } from '../configRefusal';

const base = { DATABASE_URL: 'postgres://localhost:5432/bellhop' };
const production = { ...base, NODE_ENV: 'production', AUTHENTICATOR_PASSWORD: 'a-real-password', JWT_SECRET: 'p'.repeat(48) };
const ROOT = path.resolve(__dirname, '../../..');


describe('HOST', () => {
  test.each([undefined, 'development', 'test'])('NODE_ENV=%s: 127.0.0.1 (this machine only) for the API, npm start and the web host', (nodeEnv) => {
    const env = { ...base, ...(nodeEnv ? { NODE_ENV: nodeEnv } : {}) };
    expect(loadConfig(env).host).toBe('127.0.0.1');
    expect(loadStartConfig(env).host).toBe('127.0.0.1');
    expect(loadWebHostConfig(env).host).toBe('127.0.0.1');
  });

  test('NODE_ENV=production: every interface (a container or server)', () => {
    expect(loadConfig(production).host).toBe('0.0.0.0');
    expect(loadWebHostConfig(production).host).toBe('0.0.0.0');
  });

  test('HOST set is used as it is', () => {
    expect(loadConfig({ ...base, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...production, HOST: '10.1.2.3' }).host).toBe('10.1.2.3');
  });
});

test('TRUST_PROXY is off unless set, in development and production alike', () => {
  expect(loadConfig(base).trustProxy).toBe(false);
  expect(loadConfig(production).trustProxy).toBe(false);
  expect(loadConfig({ ...base, TRUST_PROXY: '' }).trustProxy).toBe(false);
});

describe('REGISTRATION', () => {
  test('open by default in development, closed by default in production', () => {
    expect(loadConfig(base).registration).toBe('open');
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).registration).toBe('open');
    expect(loadConfig(production).registration).toBe('closed');
  });

  test('either can be chosen explicitly, in any case', () => {
    expect(loadConfig({ ...base, REGISTRATION: 'closed' }).registration).toBe('closed');
    expect(loadConfig({ ...production, REGISTRATION: 'Open' }).registration).toBe('open');
  });

  test('anything else is refused with the allowed values', () => {
    expect(refusal({ ...base, REGISTRATION: 'invite-only' })).toBe('REGISTRATION="invite-only" is not valid: use open or closed.');
  });
});

describe('the development JWT secret', () => {
  test('comes from .data/jwt-secret (made once, readable by its owner only), and every load agrees', () => {
    const first = loadConfig(base).jwtSecret;
    const second = loadConfig({ ...base, NODE_ENV: 'test' }).jwtSecret;
    expect(second).toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(DATA_DIR, 'jwt-secret');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(path.relative(ROOT, file)).toBe(path.join('.data', 'jwt-secret'));
  });

  test('is not in the code: no tracked file contains it, and .data/ is not tracked', () => {
    const secret = loadConfig(base).jwtSecret;
    // git grep exits 1 when nothing matches, 0 with the files that do.
    const search = spawnSync('git', ['grep', '-l', '-F', '--untracked', secret, '--', '.', ':!.data'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: search.status, files: search.stdout.split('\n').filter(Boolean) }).toEqual({ status: 1, files: [] });
    const ignored = spawnSync('git', ['check-ignore', '-q', '.data/jwt-secret'], { cwd: ROOT });
    expect(ignored.status).toBe(0);
  });

  test('an explicit JWT_SECRET wins, and production never falls back to the file', () => {
    expect(loadConfig({ ...base, JWT_SECRET: 's'.repeat(40) }).jwtSecret).toBe('s'.repeat(40));
    const { JWT_SECRET: _secret, ...withoutSecret } = production;
    expect(refusal(withoutSecret)).toMatch(/^JWT_SECRET must be set when NODE_ENV=production/);
  });
});

test('production turns off what only development needs: GraphiQL, introspection, demo seeding, cross-origin callers', () => {
  expect(loadConfig(production)).toMatchObject({ graphiql: false, introspection: false, seed: false, corsOrigins: [] });
  expect(loadConfig({ ...production, SEED: 'true' }).seed).toBe(false);
});

test.each([
  ['SOCKETS_PER_USER', '0', 'SOCKETS_PER_USER="0" is not valid: use a whole number from 1 to 10000.'],
  ['GRAPHQL_MAX_ROWS', '50', 'GRAPHQL_MAX_ROWS="50" is not valid: use a whole number from 100 to 1000000.'],
  ['GRAPHQL_MAX_ROWS', 'lots', 'GRAPHQL_MAX_ROWS="lots" is not valid: use a whole number from 100 to 1000000.'],
  ['RELAY', 'sometimes', 'RELAY="sometimes" is not valid: use true or false.'],
  ['LOG_LEVEL', 'loud', 'LOG_LEVEL="loud" is not valid: use silent or fatal or error or warn or info or debug or trace.'],
  ['CORS_ORIGINS', 'https://crm.example.com/app', 'CORS_ORIGINS entry "https://crm.example.com/app" is not an origin: use e.g. https://crm.example.com (no path).'],
  ['TRUST_PROXY', '*', 'TRUST_PROXY="*" is not valid: use a hop count (1), addresses or subnets (10.0.0.0/8, loopback), true or false.'],
])('%s=%s is refused with advice', (name, value, message) => {
  expect(refusal({ ...base, [name]: value })).toBe(message);
});

test('npm start refuses EMBEDDED_PG_PORT=5432 (a system PostgreSQL\'s port) and a bad WEB_PORT, with advice', () => {
  expect(() => loadStartConfig({ EMBEDDED_PG_PORT: '5432' })).toThrow(/EMBEDDED_PG_PORT=5432 is not allowed.*Use another free port\./);
  expect(() => loadStartConfig({ WEB_PORT: 'web' })).toThrow('WEB_PORT="web" is not valid: use a whole number from 0 to 65535.');
  expect(loadStartConfig({}).embeddedPort).not.toBe(5432);
});
