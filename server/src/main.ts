/**
 * Production entry point: `node --import tsx server/src/main.ts`.
 * Applies pending migrations (unless MIGRATE=false), then serves the API and the relay.
 */
import { prepareDatabase } from '@bellhop/db';
import { authenticatorPassword, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { exitWithError, runUntilSignal } from './signals';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.migrate) {
    await prepareDatabase({
      databaseUrl: config.databaseUrl,
      authenticatorPassword: authenticatorPassword(),
      seed: config.seed,
      current: !config.production,
      log: (line) => logger.info(line),
    });
  }
  const server = await startServer(config, { logger });
  logger.info({ url: server.url, api: config.api, relay: config.relay }, 'Bellhop listening');
  runUntilSignal(() => server.close(), logger);
}

main().catch(exitWithError);
