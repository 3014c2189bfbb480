/**
 * A relay on its own (`npm run relay`): Socket.io, /healthz and /metrics, no
 * GraphQL. Run as many as you like against one database.
 */
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { runUntilSignal } from './signals';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const server = await startServer({ ...config, relay: true }, { logger, api: false });
  logger.info({ url: server.url }, 'Bellhop relay listening');
  runUntilSignal(() => server.close(), logger);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
