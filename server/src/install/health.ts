import type { Express } from 'express';
import type { Pool } from 'pg';
import type { Relay } from '../relay/relay';
import type { Server } from 'socket.io';

/** /healthz: 200 when the database answers and the relay LISTENs, 503 otherwise. */
export function installHealth(app: Express, deps: { pool: Pool | null; relay: Relay | null; io: Server | null }): void {
  app.get('/healthz', async (_req, res) => {
    let database: 'up' | 'down' = 'up';
    if (deps.pool) {
      try {
        await deps.pool.query('select 1');
      } catch {
        database = 'down';
      }
    } else if (deps.relay) {
      database = deps.relay.health().database;
    }
    const relay = deps.relay?.health() ?? null;
    const ok = database === 'up' && (relay === null || relay.listening);
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      database,
      relay: relay && { ...relay, sockets: deps.io?.engine.clientsCount ?? 0 },
    });
  });

  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4');
    if (!deps.relay) {
      res.send('# relay disabled in this process\n');
      return;
    }
    res.send(deps.relay.metrics.render({ sockets: deps.io?.engine.clientsCount ?? 0, listening: deps.relay.health().listening }));
  });
}
