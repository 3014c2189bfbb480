import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { buildApp } from './app';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the API and the relay (as config says) and resolves once it listens. */
export async function startServer(config: Config, options: { logger?: Logger } = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const { httpServer, shutdown } = await buildApp(config, logger);
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await shutdown.run();
    throw portError(error, config);
  }
  const { port } = httpServer.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`,
    port,
    close: () => {
      closing ??= (async () => {
        await shutdown.run();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      })();
      return closing;
    },
  };
}

function portError(error: unknown, config: Config): Error {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return new Error(`Port ${config.port} is already in use on ${config.host}. Stop whatever uses it, or set PORT to a free port.`);
  if (code === 'EADDRNOTAVAIL') return new Error(`HOST=${config.host} is not an address of this machine. Use 127.0.0.1, 0.0.0.0 or one of its addresses.`);
  return error as Error;
}
