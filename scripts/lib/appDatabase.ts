/**
 * The app's database for command-line tools: DATABASE_URL, or the embedded
 * PostgreSQL of `npm start`. If that one is not running, it is started for
 * the duration of the command (and stopped afterwards).
 */
import { DEV_DATABASE, embeddedDevUrl, obtainDevPostgres, prepareDatabase, withClient, withDatabase } from '@bellhop/db';
import { authenticatorPassword, loadStartConfig } from '@bellhop/server';

async function answers(url: string): Promise<boolean> {
  try {
    await withClient(url, async () => undefined);
    return true;
  } catch {
    return false;
  }
}

export async function withAppDatabase<T>(fn: (url: string) => Promise<T>, say: (line: string) => void): Promise<T> {
  const start = loadStartConfig();
  if (start.databaseUrl) return fn(start.databaseUrl);
  const url = embeddedDevUrl(start.embeddedPort);
  if (url && (await answers(url))) return fn(url);
  say('The embedded PostgreSQL is not running; starting it for this command…');
  const postgres = await obtainDevPostgres(say, {
    databaseUrl: null,
    port: start.embeddedPort,
    onGiveUp: (error) => say(error.message),
  });
  try {
    const appUrl = withDatabase(postgres.adminUrl, DEV_DATABASE);
    // A fresh clone has no database yet: create and migrate it, as npm start would (without demo data).
    await prepareDatabase({ databaseUrl: appUrl, authenticatorPassword: authenticatorPassword(), seed: false, current: !start.production });
    return await fn(appUrl);
  } finally {
    await postgres.stop();
  }
}
