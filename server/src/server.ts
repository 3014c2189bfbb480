import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { makeServer, type AppOptions } from './app';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the API and the relay (or either) and resolves once it listens. */
export async function startServer(
  config: Config,
  options: Partial<AppOptions> & { logger?: Logger } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const { httpServer, shutdown } = await makeServer(config, logger, {
    api: options.api ?? true,
    exportSchema: options.exportSchema ?? false,
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://localhost:${port}`,
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
