/**
 * `npm start`: one command from a fresh clone to a running Bellhop.
 * PostgreSQL (yours via DATABASE_URL, or embedded), migrations, demo data
 * (first start only), the API + relay on :3001 and the web app on :3000.
 */
import { DEMO_PASSWORD, DEMO_USERS, obtainDevPostgres, prepareDatabase, withDatabase, type Postgres } from '@bellhop/db';
import {
  authenticatorPassword,
  createLogger,
  exitWithError,
  loadConfig,
  loadStartConfig,
  runUntilSignal,
  startServer,
  type RunningServer,
} from '@bellhop/server';
import { startWebHost, type WebHost } from '@bellhop/web/host';

const say = (line: string) => console.log(`[bellhop] ${line}`);

async function main(): Promise<void> {
  const start = loadStartConfig();
  let postgres: Postgres | null = null;
  let api: RunningServer | null = null;
  let web: WebHost | null = null;
  const logger = createLogger(start.logLevel);
  const stop = async () => {
    // Ctrl-C reaches the embedded PostgreSQL too; its goodbye is not an error.
    logger.level = 'silent';
    await web?.close();
    await api?.close();
    if (postgres?.embedded) say('Stopping embedded PostgreSQL…');
    await postgres?.stop();
  };
  try {
    postgres = await obtainDevPostgres(say, { databaseUrl: start.databaseUrl, port: start.embeddedPort });
    const databaseUrl = start.databaseUrl ?? withDatabase(postgres.adminUrl, 'bellhop');
    say(`Using ${postgres.description}.`);
    const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, PORT: String(start.apiPort) });
    const { seeded } = await prepareDatabase({
      databaseUrl,
      authenticatorPassword: authenticatorPassword(),
      seed: config.seed,
      current: !config.production,
      log: say,
    });
    if (!seeded) say('Existing data kept (demo data is only added to an empty database).');
    say('Starting the API and the relay…');
    api = await startServer(config, { logger });
    web = await startWebHost({ port: start.webPort, host: config.host, apiUrl: api.url, demoLogin: !config.production });
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  console.log('');
  say(`Web app:   ${web.url}`);
  say(`GraphQL:   ${api.url}/graphql   (GraphiQL: ${api.url}/graphiql)`);
  say(`Socket.io: ${api.url}/socket.io`);
  if (!start.production) say(`Demo login: ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}   (also ${DEMO_USERS[1].email})`);
  say('Press Ctrl-C to stop.');
  runUntilSignal(
    async () => {
      await stop();
      say('Stopped. Your data is kept for the next start.');
    },
    { info: () => say('Stopping…') },
  );
}

main().catch(exitWithError);
