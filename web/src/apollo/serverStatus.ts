/**
 * Whether the API is answering. An outage (the network fails, a proxy cannot reach the
 * API, or the API says DATABASE_UNAVAILABLE) shows as a banner and pauses "Live" in the
 * header, instead of raw errors in every corner of the page.
 */
import { observableValue } from '../lib/observableValue';
import type { ErrorLike } from './authFailure';

export type ServerStatus = 'ok' | 'unavailable';

export const serverStatus = observableValue<ServerStatus>('ok');

/** Gateways answer these when the API behind them is down or restarting. */
const OUTAGE_STATUSES = new Set([502, 503, 504]);

// What a database driver says when it cannot reach PostgreSQL, should a server pass it through.
const DRIVER_OUTAGE = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT)\b|connection terminated|terminating connection/i;

export function isOutageError(error: ErrorLike): boolean {
  return error.extensions?.code === 'DATABASE_UNAVAILABLE' || DRIVER_OUTAGE.test(error.message ?? '');
}

/** A failed request: its HTTP status (none when fetch itself failed) and the errors it carried. */
export function isOutage(status: number | undefined, errors: readonly ErrorLike[], networkFailed: boolean): boolean {
  if (errors.some(isOutageError)) return true;
  if (status !== undefined) return OUTAGE_STATUSES.has(status);
  return networkFailed;
}
