/** Bellhop as users run it: startServer (API + relay) on a free port. */
import { withClient } from '@bellhop/db';
import { configForDatabase, signToken, startServer, type Config, type RunningServer } from '@bellhop/server';
import type { BenchDatabase } from './databases';

export interface Bellhop {
  url: string;
  config: Config;
  server: RunningServer;
  tokenFor(userId: string): string;
  close(): Promise<void>;
}

/**
 * The bench's fleets connect up to 5,000 sockets with one user's token, so
 * the per-user socket cap is lifted to its maximum; nothing else differs
 * from a default configuration.
 */
const BENCH_ENV = { SOCKETS_PER_USER: '10000' };

/** `api: false` is the relay alone (as `npm run relay`), for measurements that only use sockets. */
export async function startBellhop(db: BenchDatabase, options: { api: boolean; env?: Record<string, string> }): Promise<Bellhop> {
  const config = configForDatabase(db, { ...BENCH_ENV, ...(options.api ? {} : { API: 'false' }), ...options.env });
  const server = await startServer(config);
  return {
    // 127.0.0.1, not localhost: the server listens on IPv4 only.
    url: `http://127.0.0.1:${server.port}`,
    config,
    server,
    tokenFor: (userId) => signToken(userId, config.jwtSecret, 6 * 3600),
    close: () => server.close(),
  };
}

/** A user made the way register makes one; returns its id. */
export async function createUser(databaseUrl: string, email: string): Promise<string> {
  return withClient(databaseUrl, async (client) => {
    await client.query('select app_public.register($1, $2, $3)', [email, 'bench-password', 'Bench User']);
    const { rows } = await client.query<{ id: string }>('select id from app_public.users where email = $1', [email]);
    return rows[0]!.id;
  });
}
