/**
 * A relay on its own (`npm run relay`): Socket.io, /healthz and /metrics, no
 * GraphQL. Run as many as you like against one database.
 */
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';
import { exitWithError, runUntilSignal } from './signals';

async function main(): Promise<void> {
  const config = { ...loadConfig(), api: false, relay: true };
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, { logger });
  logger.info({ url: server.url }, 'Bellhop relay listening');
  runUntilSignal(() => server.close(), logger);
}

main().catch(exitWithError);
