import { isExpired } from './jwt';

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

let current: string | null = typeof window === 'undefined' ? null : readStorage();

function emit(): void {
  for (const listener of listeners) listener();
}

export const tokenStore = {
  get(): string | null {
    return current;
  },
  set(token: string | null): void {
    if (token === current) return;
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
      current = next;
      emit();
    }
  });
}
