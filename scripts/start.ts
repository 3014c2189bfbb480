/**
 * `npm start`: one command from a fresh clone to a running Bellhop.
 * PostgreSQL (yours via DATABASE_URL, or embedded), migrations, demo data
 * (first start only), the API + relay on :3001 and the web app on :3000.
 */
import { DEMO_PASSWORD, DEMO_USERS, DEV_DATABASE, assertPortFree, obtainDevPostgres, prepareDatabase, withDatabase, type Postgres } from '@bellhop/db';
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

interface Running {
  postgres: Postgres | null;
  api: RunningServer | null;
  web: WebHost | null;
}

async function stopAll(running: Running): Promise<void> {
  await running.web?.close();
  await running.api?.close();
  if (running.postgres?.embedded) say('Stopping the embedded PostgreSQL…');
  await running.postgres?.stop();
}

async function main(): Promise<void> {
  const start = loadStartConfig();
  const logger = createLogger(start.logLevel);
  const running: Running = { postgres: null, api: null, web: null };
  const giveUp = (error: Error) => {
    console.error(`[bellhop] ${error.message}\n[bellhop] Stopping. Your data is in .data/postgres; run npm start again once the cause is fixed.`);
    void stopAll(running).finally(() => process.exit(1));
  };
  let databaseUrl: string;
  try {
    // Ports first, so a clash is reported before anything starts.
    await assertPortFree(start.apiPort, 'PORT', start.host);
    await assertPortFree(start.webPort, 'WEB_PORT', start.host);
    running.postgres = await obtainDevPostgres(say, { databaseUrl: start.databaseUrl, port: start.embeddedPort, onGiveUp: giveUp });
    databaseUrl = start.databaseUrl ?? withDatabase(running.postgres.adminUrl, DEV_DATABASE);
    say(`Using ${running.postgres.description}.`);
    const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, PORT: String(start.apiPort) });
    const { seeded } = await prepareDatabase({ databaseUrl, authenticatorPassword: authenticatorPassword(), seed: config.seed, current: !config.production, log: say });
    if (!seeded) say('Existing data kept (demo data is only added to an empty database).');
    say('Starting the API and the relay…');
    running.api = await startServer(config, { logger });
    running.web = await startWebHost({ port: start.webPort, host: config.host, apiUrl: running.api.url, demoLogin: !config.production });
  } catch (error) {
    await stopAll(running).catch(() => undefined);
    throw error;
  }
  const { api, web } = running;
  console.log('');
  say(`Web app:   ${web.url}`);
  say(`GraphQL:   ${api.url}/graphql   (GraphiQL: ${api.url}/graphiql)`);
  say(`Socket.io: ${api.url}/socket.io`);
  say(`Database:  ${databaseUrl}   (npm run psql opens it)`);
  if (!start.production) say(`Demo login: ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}   (also ${DEMO_USERS[1].email})`);
  say('Press Ctrl-C to stop.');
  runUntilSignal(
    async () => {
      await stopAll(running);
      say('Stopped. Your data is kept for the next start.');
    },
    { info: () => say('Stopping…') },
  );
}

main().catch(exitWithError);
