import type http from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@bellhop/contract';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Shutdown } from '../shutdown';
import { Relay } from '../relay/relay';
import { installSocketAuth } from '../relay/socketAuth';
import type { UserDirectory } from '../auth/users';

/** Socket.io on the HTTP server, fed by one Relay (one LISTEN connection). */
export async function installRelay(httpServer: http.Server, config: Config, logger: Logger, shutdown: Shutdown, users: UserDirectory): Promise<Relay> {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    serveClient: false,
    cors: { origin: config.corsOrigins, credentials: true },
    // Clients get no say on the server; keep frames small.
    maxHttpBufferSize: 10_000,
  });
  const stopChecking = installSocketAuth(io, config, users);
  const relay = new Relay({
    databaseUrl: config.databaseUrl,
    io,
    logger,
    pollMs: config.relayPollMs,
    sweepMs: config.relaySweepMs,
    busyPerSecond: config.relayBusyPerSecond,
    queryTimeoutMs: config.relayQueryTimeoutMs,
  });
  await relay.start();
  shutdown.add(async () => {
    stopChecking();
    await relay.stop();
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });
  return relay;
}
