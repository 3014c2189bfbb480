import { isExpired } from './jwt';
import { sessionNotice } from './sessionNotice';

/**
 * The JWT lives in localStorage so it survives reloads and is shared by the user's
 * tabs. This store is the only code that touches it; the Apollo link reads it per
 * request and React subscribes to it.
 */
const KEY = 'bellhop.token';

type Listener = () => void;
const listeners = new Set<Listener>();

function readStorage(): string | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return value && !isExpired(value) ? value : null;
  } catch {
    return null;
  }
}

/** At start-up: a token that expired while the app was closed means the session did. */
function readInitial(): string | null {
  const token = readStorage();
  try {
    if (!token && window.localStorage.getItem(KEY)) {
      window.localStorage.removeItem(KEY);
      sessionNotice.set('expired');
    }
  } catch {
    // No storage: nothing was kept.
  }
  return token;
}

let current: string | null = typeof window === 'undefined' ? null : readInitial();

function emit(): void {
  for (const listener of listeners) listener();
}

export const tokenStore = {
  get(): string | null {
    return current;
  },
  /** Signs out because the server no longer accepts the token; the login page says so. */
  expire(): void {
    if (current === null) return;
    sessionNotice.set('expired');
    tokenStore.set(null);
  },
  set(token: string | null): void {
    if (token === current) return;
    // A new session starts without the notice of how the last one ended.
    if (token !== null) sessionNotice.set(null);
    current = token;
    try {
      if (token) window.localStorage.setItem(KEY, token);
      else window.localStorage.removeItem(KEY);
    } catch {
      // Private mode without storage: the session still works until reload.
    }
    emit();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Signing in or out in one tab does the same in the others.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY && event.key !== null) return;
    const next = readStorage();
    if (next !== current) {
      // Another tab signed out because the token ran out: this tab's session ended the same way.
      if (next === null && current !== null && isExpired(current)) sessionNotice.set('expired');
      current = next;
      emit();
    }
  });
}
