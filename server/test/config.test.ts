/**
 * loadConfig: the core settings (port, database, JWT) are refused with a
 * message that says what to do. The hardening settings have their own tests
 * in security/config.test.ts.
 */
import { loadConfig } from '../src/config';
import { refusal } from './configRefusal';

const base = { DATABASE_URL: 'postgres://postgres@localhost:5432/bellhop' };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');


test('development defaults: port 3001, the authenticator derived from DATABASE_URL, a dev JWT secret', () => {
  const config = loadConfig(base);
  expect(config).toMatchObject({ production: false, port: 3001, databaseUrl: base.DATABASE_URL });
  expect(new URL(config.authDatabaseUrl).username).toBe('bellhop_authenticator');
  expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
});

test.each([
  ['abc', 'PORT="abc" is not valid: use a whole number from 0 to 65535.'],
  ['70000', 'PORT="70000" is not valid: use a whole number from 0 to 65535.'],
  ['-1', 'PORT="-1" is not valid: use a whole number from 0 to 65535.'],
  ['30.5', 'PORT="30.5" is not valid: use a whole number from 0 to 65535.'],
])('PORT=%s is refused', (port, message) => {
  expect(refusal({ ...base, PORT: port })).toBe(message);
});

test('PORT=0 (any free port, as the tests use) is accepted', () => {
  expect(loadConfig({ ...base, PORT: '0' }).port).toBe(0);
});

test.each([
  [undefined, 'DATABASE_URL is not set. Set it to a postgres:// URL, or run "npm start" to use the embedded PostgreSQL.'],
  ['localhost:5432/bellhop', /^DATABASE_URL must start with postgres:\/\//],
  ['not a url', 'DATABASE_URL is not a valid URL. Expected postgres://user:password@host:5432/database.'],
  ['mysql://root@localhost/bellhop', 'DATABASE_URL must start with postgres:// (got mysql://).'],
  ['postgres://postgres@localhost:5432', 'DATABASE_URL must name a database, e.g. postgres://localhost:5432/bellhop.'],
] as Array<[string | undefined, string | RegExp]>)('DATABASE_URL=%s is refused', (url, message) => {
  expect(refusal({ DATABASE_URL: url })).toMatch(message instanceof RegExp ? message : new RegExp(`^${escape(message)}$`));
});

test('postgresql:// is accepted as well as postgres://', () => {
  expect(loadConfig({ DATABASE_URL: 'postgresql://localhost/bellhop' }).databaseUrl).toBe('postgresql://localhost/bellhop');
});

describe('production', () => {
  const production = { ...base, NODE_ENV: 'production', AUTHENTICATOR_PASSWORD: 'a-real-password' };

  test('a missing JWT_SECRET is refused, with a way to make one', () => {
    expect(refusal(production)).toBe(
      'JWT_SECRET must be set when NODE_ENV=production (at least 32 characters; try `openssl rand -base64 48`).',
    );
  });

  test('a short JWT_SECRET is refused', () => {
    expect(refusal({ ...production, JWT_SECRET: 'short' })).toBe('JWT_SECRET is too short: use at least 32 characters (try `openssl rand -base64 48`).');
  });

  test('a missing authenticator password is refused', () => {
    expect(refusal({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(48) })).toBe(
      'AUTHENTICATOR_PASSWORD (or AUTH_DATABASE_URL) must be set when NODE_ENV=production.',
    );
  });

  test('with both set it starts, without the development secret', () => {
    const config = loadConfig({ ...production, JWT_SECRET: 'x'.repeat(48) });
    expect(config).toMatchObject({ production: true, jwtSecret: 'x'.repeat(48) });
    expect(new URL(config.authDatabaseUrl).password).toBe('a-real-password');
  });
});

test('a bad JWT_TTL is refused with examples', () => {
  expect(refusal({ ...base, JWT_TTL: 'forever' })).toBe('JWT_TTL="forever" is not valid: use e.g. "15 minutes", "12 hours" or "7 days".');
});
