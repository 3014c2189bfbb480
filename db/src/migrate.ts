import path from 'node:path';
import fs from 'node:fs';
import { migrate, type Settings } from 'graphile-migrate';
import { Logger } from '@graphile/logger';
import { withDatabase } from './connection';

export const ROOT_DIR = path.resolve(__dirname, '../..');

function readGmrc(): Settings {
  // .gmrc is JSON5 for graphile-migrate; ours stays plain JSON so it parses here too.
  return JSON.parse(fs.readFileSync(path.join(ROOT_DIR, '.gmrc'), 'utf8')) as Settings;
}

/** Applies every committed migration that `connectionString` has not run yet. */
export async function runMigrations(connectionString: string, log: (line: string) => void = () => undefined): Promise<void> {
  const logger = new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log(`migrate ${level}: ${message}`);
    else log(message);
  });
  await migrate({
    ...readGmrc(),
    connectionString,
    rootConnectionString: withDatabase(connectionString, 'postgres'),
    migrationsFolder: path.join(ROOT_DIR, 'migrations'),
    logger,
  });
}
