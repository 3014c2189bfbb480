/** The hardening settings are validated like every other setting: a bad value stops the start with advice. */
import { ConfigError, loadConfig } from '../../src/config';

const base = { DATABASE_URL: 'postgres://localhost:5432/bellhop' };

test('defaults: depth 10, 500 fields, 20 sign-ins per minute per address, 15 s statement timeout', () => {
  const config = loadConfig(base);
  expect(config).toMatchObject({
    graphqlMaxDepth: 10,
    graphqlMaxFields: 500,
    loginRateLimit: 20,
    loginRateWindowSeconds: 60,
    statementTimeoutMs: 15_000,
    trustProxy: false,
  });
});

test.each([
  ['GRAPHQL_MAX_DEPTH', '1', /GRAPHQL_MAX_DEPTH="1" is not valid: use a whole number from 2 to 100/],
  ['GRAPHQL_MAX_FIELDS', 'lots', /GRAPHQL_MAX_FIELDS="lots" is not valid/],
  ['LOGIN_RATE_LIMIT', '-1', /LOGIN_RATE_LIMIT="-1" is not valid/],
  ['LOGIN_RATE_WINDOW_SECONDS', '0', /LOGIN_RATE_WINDOW_SECONDS="0" is not valid/],
  ['GRAPHQL_STATEMENT_TIMEOUT_MS', '1.5', /GRAPHQL_STATEMENT_TIMEOUT_MS="1.5" is not valid/],
  ['GRAPHQL_INTROSPECTION', 'maybe', /GRAPHQL_INTROSPECTION="maybe" is not valid: use true or false/],
  ['TRUST_PROXY', 'everyone; drop', /TRUST_PROXY="everyone; drop" is not valid/],
])('%s=%s is refused with advice', (name, value, message) => {
  expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
  expect(() => loadConfig({ ...base, [name]: value })).toThrow(message);
});

test.each([
  ['1', 1],
  ['false', false],
  ['10.0.0.0/8, 192.168.1.10', '10.0.0.0/8, 192.168.1.10'],
])('TRUST_PROXY=%s', (value, expected) => {
  expect(loadConfig({ ...base, TRUST_PROXY: value }).trustProxy).toEqual(expected);
});

test('production needs a real JWT secret', () => {
  expect(() => loadConfig({ ...base, NODE_ENV: 'production', AUTHENTICATOR_PASSWORD: 'x' })).toThrow(/JWT_SECRET must be set/);
  expect(() => loadConfig({ ...base, NODE_ENV: 'production', AUTHENTICATOR_PASSWORD: 'x', JWT_SECRET: 'short' })).toThrow(/too short/);
});
