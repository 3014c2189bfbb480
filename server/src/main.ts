/**
 * Production entry point: `node dist/main.js` or `tsx src/main.ts`.
 * Applies pending migrations (unless MIGRATE=false), then serves the API and the relay.
 */
import { prepareDatabase } from '@bellhop/db';
import { ConfigError, authenticatorPassword, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { runUntilSignal } from './signals';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (process.env.MIGRATE !== 'false') {
    await prepareDatabase({
      databaseUrl: config.databaseUrl,
      authenticatorPassword: authenticatorPassword(),
      seed: !config.production && process.env.SEED !== 'false',
      log: (line) => logger.info(line),
    });
  }
  const server = await startServer(config, { logger, api: process.env.API !== 'false' });
  logger.info({ url: server.url }, 'Bellhop API and relay listening');
  runUntilSignal(() => server.close(), logger);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
