/**
 * `npm run migrate`: roles and committed migrations on DATABASE_URL, as the
 * server does at start-up. For deployments that migrate as a separate step.
 */
import { prepareDatabase } from '@bellhop/db';
import { exitWithError, loadDatabaseToolConfig } from '@bellhop/server';

async function main(): Promise<void> {
  const config = loadDatabaseToolConfig();
  await prepareDatabase({
    databaseUrl: config.databaseUrl,
    authenticatorPassword: config.authenticatorPassword,
    seed: false,
    current: !config.production,
    log: (line) => console.log(line),
  });
  console.log('Migrations are up to date.');
}

main().catch((error: unknown) => exitWithError(error, 'Migration failed'));
