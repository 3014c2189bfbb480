import { ensureDatabase, withClient } from './database';
import { ensureRoles } from './roles';
import { runMigrations } from './migrate';
import { seedDemoData } from './seed';

export interface PrepareOptions {
  /** Owner connection: runs migrations and owns the tables. */
  databaseUrl: string;
  authenticatorPassword: string;
  seed: boolean;
  /** Also apply migrations/current.sql (development and tests, never production). */
  current: boolean;
  log?: (line: string) => void;
}

/** Everything a database needs before the server starts: roles, migrations, demo data. */
export async function prepareDatabase(options: PrepareOptions): Promise<{ created: boolean; seeded: boolean }> {
  const log = options.log ?? (() => undefined);
  const created = await ensureDatabase(options.databaseUrl);
  if (created) log('Created the database.');
  await withClient(options.databaseUrl, (client) => ensureRoles(client, options.authenticatorPassword));
  log('Applying migrations…');
  await runMigrations(options.databaseUrl, log, { current: options.current });
  let seeded = false;
  if (options.seed) {
    seeded = await withClient(options.databaseUrl, seedDemoData);
    if (seeded) log('Seeded the demo accounts and a few leads.');
  }
  return { created, seeded };
}
