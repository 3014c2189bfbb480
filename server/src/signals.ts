import type { Logger } from './logger';

/** Stops cleanly on Ctrl-C or SIGTERM; a second signal exits at once. */
export function runUntilSignal(stop: () => Promise<void>, logger: Pick<Logger, 'info'>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    stop()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
