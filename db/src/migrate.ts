import path from 'node:path';
import fs from 'node:fs';
import { migrate, watch, type Settings } from 'graphile-migrate';
import { Logger } from '@graphile/logger';
import { clearAllPools } from 'graphile-migrate/dist/pgReal';
import { withDatabase } from './connection';

export const ROOT_DIR = path.resolve(__dirname, '../..');

function readGmrc(): Settings {
  // .gmrc is JSON5 for graphile-migrate; ours stays plain JSON so it parses here too.
  return JSON.parse(fs.readFileSync(path.join(ROOT_DIR, '.gmrc'), 'utf8')) as Settings;
}

/** True when migrations/current.sql holds uncommitted work. */
export function hasCurrentMigration(): boolean {
  const file = path.join(ROOT_DIR, 'migrations', 'current.sql');
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8').split('\n').some((line) => line.trim() && !line.trim().startsWith('--'));
}

/**
 * Applies every committed migration that `connectionString` has not run yet,
 * then, in development, migrations/current.sql (as `graphile-migrate watch --once`).
 */
export async function runMigrations(
  connectionString: string,
  log: (line: string) => void = () => undefined,
  options: { current?: boolean } = {},
): Promise<void> {
  const logger = new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log(`migrate ${level}: ${message}`);
    else log(message);
  });
  const settings: Settings = {
    ...readGmrc(),
    connectionString,
    rootConnectionString: withDatabase(connectionString, 'postgres'),
    migrationsFolder: path.join(ROOT_DIR, 'migrations'),
    logger,
  };
  try {
    await migrate(settings);
    if (options.current && hasCurrentMigration()) {
      log('Applying migrations/current.sql (uncommitted, development only)…');
      await watch(settings, true);
    }
  } finally {
    // graphile-migrate keeps its pool open a moment, and exits the process if
    // that idle connection is dropped meanwhile (say, by a test's cleanup
    // after a failed migration, which then went unreported).
    clearAllPools();
  }
}
