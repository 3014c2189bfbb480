/**
 * Why the last session ended, when the person did not end it themselves, so the login
 * page can say so instead of appearing out of nowhere.
 */
export type SessionEnd = 'expired' | null;

type Listener = () => void;
const listeners = new Set<Listener>();
let current: SessionEnd = null;

export const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Please sign in again.';

export const sessionNotice = {
  get(): SessionEnd {
    return current;
  },
  set(next: SessionEnd): void {
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
