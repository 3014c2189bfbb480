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
import { installPostGraphile } from './install/postgraphile';
import { installLimits } from './install/limits';

export interface AppOptions {
  /** Serve the GraphQL API (false for a relay-only process). */
  api: boolean;
  /** Write schema.graphql for the web app's codegen. */
  exportSchema: boolean;
}

export async function makeServer(config: Config, logger: Logger, options: AppOptions) {
  const app = express();
  const httpServer = http.createServer(app);
  const shutdown = new Shutdown();
  try {
    installSecurity(app, config);
    const pool = options.api ? installDatabasePool(app, config, logger, shutdown) : null;
    const { io, relay } = config.relay ? await installRelay(httpServer, config, logger, shutdown) : { io: null, relay: null };
    installHealth(app, { pool, relay, io });
    if (pool) installLimits(app, config, shutdown);
    if (pool) await installPostGraphile(app, httpServer, pool, config, shutdown, options, relay);
  } catch (error) {
    await shutdown.run();
    throw error;
  }
  return { app, httpServer, shutdown };
}
