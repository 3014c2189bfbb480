/**
 * `npm run db:dump`: writes db/schema.sql, the schema after all migrations,
 * so reviewers see schema changes as a diff. Needs pg_dump and a PostgreSQL
 * of the same major version (DATABASE_URL, or the local server on :5432).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEV_AUTHENTICATOR_PASSWORD, ROOT_DIR, dropDatabase, prepareDatabase, withDatabase } from '@bellhop/db';
import { exitWithError, loadDatabaseToolConfig } from '@bellhop/server';

async function main(): Promise<void> {
  const server = loadDatabaseToolConfig(process.env, 'postgres://postgres@127.0.0.1:5432/postgres').databaseUrl;
  const name = `bellhop_dump_${process.pid}`;
  const url = withDatabase(server, name);
  console.log(`Migrating a scratch database ${name}…`);
  try {
    await prepareDatabase({ databaseUrl: url, authenticatorPassword: DEV_AUTHENTICATOR_PASSWORD, seed: false, current: true });
    const dump = execFileSync(
      'pg_dump',
      ['--schema-only', '--no-owner', '--exclude-schema=graphile_migrate', '--schema=app_public', '--schema=app_hidden', '--schema=app_private', url],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    // Drop lines that only say which pg_dump ran, so the file diffs cleanly.
    const cleaned = dump
      .split('\n')
      .filter((line) => !/^-- Dumped (from|by)|^\\(un)?restrict /.test(line))
      .join('\n');
    const target = path.join(ROOT_DIR, 'db', 'schema.sql');
    fs.writeFileSync(target, cleaned);
    console.log(`Wrote ${path.relative(process.cwd(), target)} (${cleaned.split('\n').length} lines).`);
  } finally {
    await dropDatabase(server, name);
  }
}

main().catch((error: unknown) => exitWithError(error, 'No dump written'));
