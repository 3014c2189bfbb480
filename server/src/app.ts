/**
 * The server, as a list of install steps, one concern per file.
 */
import http from 'node:http';
import express from 'express';
import type { Config } from './config';
import type { Logger } from './logger';
import { Shutdown } from './shutdown';
import { installSecurity } from './install/security';
import { installDatabasePool } from './install/database';
import { installRelay } from './install/relay';
import { installHealth } from './install/health';
import { installRequestGuards } from './install/requestGuards';
import { installPostGraphile } from './install/postgraphile';
import { installAuthentication } from './install/authentication';
import { installUserDirectory } from './install/users';

export interface App {
  httpServer: http.Server;
  shutdown: Shutdown;
}

/** Everything the process serves: the relay if config.relay, GraphQL if config.api. Nothing listens yet. */
export async function buildApp(config: Config, logger: Logger): Promise<App> {
  const app = express();
  const httpServer = http.createServer(app);
  const shutdown = new Shutdown();
  try {
    installSecurity(app, config);
    const users = installUserDirectory(config, logger, shutdown);
    const pool = config.api ? installDatabasePool(config, logger, shutdown) : null;
    const relay = config.relay ? await installRelay(httpServer, config, logger, shutdown, users) : null;
    installHealth(app, { pool, relay });
    if (pool) {
      installRequestGuards(app, config, shutdown);
      installAuthentication(app, config, users);
      await installPostGraphile(app, httpServer, pool, config, shutdown, { relay, users });
    }
  } catch (error) {
    await shutdown.run();
    throw error;
  }
  return { httpServer, shutdown };
}
