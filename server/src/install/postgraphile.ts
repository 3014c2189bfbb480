import type http from 'node:http';
import type { Express } from 'express';
import type { Pool } from 'pg';
import { enhanceHttpServerWithWebSockets, postgraphile } from 'postgraphile';
import type { Config } from '../config';
import type { Shutdown } from '../shutdown';
import { SCHEMAS, postgraphileOptions } from '../graphql/options';
import type { NotificationFeed } from '../graphql/notificationCreated';
import type { UserDirectory } from '../auth/users';

export async function installPostGraphile(
  app: Express,
  httpServer: http.Server,
  pool: Pool,
  config: Config,
  shutdown: Shutdown,
  deps: { relay: NotificationFeed | null; users: UserDirectory },
): Promise<void> {
  const ownErrorListeners = pool.listeners('error');
  const middleware = postgraphile(pool, SCHEMAS, postgraphileOptions(config, deps));
  // PostGraphile adds a console.error for idle-client errors; ours logs them through pino already.
  for (const listener of pool.listeners('error')) {
    if (!ownErrorListeners.includes(listener)) pool.off('error', listener as (error: Error) => void);
  }
  app.use(middleware);
  // Build the schema now, so a broken database fails the start rather than the first request.
  await middleware.getGraphQLSchema();
  // GraphQL subscriptions (graphql-ws) on /graphql, beside Socket.io on /socket.io.
  await enhanceHttpServerWithWebSockets(httpServer, middleware);
  shutdown.add(() => middleware.release());
}
