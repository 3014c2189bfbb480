import type { Express } from 'express';
import type { Pool } from 'pg';
import type { Relay } from '../relay/relay';
import { waitAtMost } from '../waitAtMost';

const PING_TIMEOUT_MS = 2_000;

async function ping(pool: Pool): Promise<'up' | 'down'> {
  let result: 'up' | 'down' = 'down';
  await waitAtMost(
    pool.query('select 1').then(() => {
      result = 'up';
    }),
    PING_TIMEOUT_MS,
  );
  return result;
}

/**
 * /healthz: 200 when the database answers and (in a relay process) the relay
 * LISTENs, 503 otherwise, saying which. /metrics: Prometheus text.
 */
export function installHealth(app: Express, deps: { pool: Pool | null; relay: Relay | null }): void {
  app.get('/healthz', async (_req, res) => {
    const relay = deps.relay ? await deps.relay.health() : null;
    const database = deps.pool ? await ping(deps.pool) : (relay?.database ?? 'up');
    const ok = database === 'up' && (relay === null || (relay.database === 'up' && relay.listening));
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, relay });
  });

  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4');
    res.send(deps.relay ? deps.relay.renderMetrics() : '# relay disabled in this process\n');
  });
}
