/**
 * Why the last session ended, when the person did not end it themselves, so the login
 * page can say so instead of appearing out of nowhere.
 */
import { observableValue } from '../lib/observableValue';

export type SessionEnd = 'expired' | null;

export const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Please sign in again.';

export const sessionNotice = observableValue<SessionEnd>(null);
