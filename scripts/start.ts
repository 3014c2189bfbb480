/**
 * `npm start`: one command from a fresh clone to a running Bellhop.
 * PostgreSQL (yours via DATABASE_URL, or embedded), migrations, demo data
 * (first start only), the API + relay on :3001 and the web app on :3000.
 */
import { DEMO_PASSWORD, DEMO_USERS, obtainDevPostgres, prepareDatabase, withDatabase, type Postgres } from '@bellhop/db';
import { ConfigError, authenticatorPassword, loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/logger';
import { startServer, type RunningServer } from '../server/src/server';
import { runUntilSignal } from '../server/src/signals';
import { startWebServer, type WebServer } from '../web/server';

const say = (line: string) => console.log(`[bellhop] ${line}`);

async function main(): Promise<void> {
  const production = process.env.NODE_ENV === 'production';
  const apiPort = Number(process.env.PORT || 3001);
  const webPort = Number(process.env.WEB_PORT || 3000);
  let postgres: Postgres | null = null;
  let api: RunningServer | null = null;
  let web: WebServer | null = null;
  const logger = createLogger(process.env.LOG_LEVEL || 'warn');
  const stop = async () => {
    // Ctrl-C reaches the embedded PostgreSQL too; its goodbye is not an error.
    logger.level = 'silent';
    await web?.close();
    await api?.close();
    if (postgres?.embedded) say('Stopping embedded PostgreSQL…');
    await postgres?.stop();
  };
  try {
    postgres = await obtainDevPostgres(say);
    const databaseUrl = process.env.DATABASE_URL ?? withDatabase(postgres.adminUrl, 'bellhop');
    say(`Using ${postgres.description}.`);
    const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, PORT: String(apiPort) });
    const { seeded } = await prepareDatabase({
      databaseUrl,
      authenticatorPassword: authenticatorPassword(),
      seed: !production,
      log: say,
    });
    if (!seeded) say('Existing data kept (demo data is only added to an empty database).');
    say('Starting the API and the relay…');
    api = await startServer(config, { logger, exportSchema: !production });
    web = await startWebServer({ port: webPort, apiUrl: api.url, demoLogin: !production });
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  console.log('');
  say(`Web app:   ${web.url}`);
  say(`GraphQL:   ${api.url}/graphql   (GraphiQL: ${api.url}/graphiql)`);
  say(`Socket.io: ${api.url}/socket.io`);
  if (!production) say(`Demo login: ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}   (also ${DEMO_USERS[1].email})`);
  say('Press Ctrl-C to stop.');
  runUntilSignal(async () => {
    await stop();
    say('Stopped. Your data is kept for the next start.');
  }, { info: () => say('Stopping…') });
}

main().catch((error: Error) => {
  console.error(`[bellhop] ${error instanceof ConfigError ? `Configuration error: ${error.message}` : error.message}`);
  process.exit(1);
});
