import { ConfigError } from './env';
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

/**
 * The last word of an entry point that failed: the message, never a stack
 * trace for a known cause. `failed` says what did not happen.
 */
export function exitWithError(error: unknown, failed = 'Bellhop could not start'): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ConfigError ? `Configuration error: ${message}` : `${failed}: ${message}`);
  process.exit(1);
}
