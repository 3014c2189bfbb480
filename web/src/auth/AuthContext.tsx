import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useApolloClient } from '@apollo/client';
import { sessionNotice } from './sessionNotice';
import { tokenStore } from './tokenStore';
import { tokenExpiry } from './jwt';

export interface AuthValue {
  token: string | null;
  signIn(token: string): void;
  signOut(): void;
  /** The server refused the token (expired or revoked): sign out and say why on the login page. */
  expire(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

// setTimeout overflows (fires at once) beyond ~24.8 days.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function AuthProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(tokenStore.subscribe, tokenStore.get, tokenStore.get);
  const client = useApolloClient();

  // Whatever the reason for signing out (button, other tab, rejected token), no data of
  // the previous user may stay in the cache.
  useEffect(() => {
    if (!token) void client.clearStore();
  }, [token, client]);

  // Leave before the API and the relay start rejecting the token.
  useEffect(() => {
    const exp = token ? tokenExpiry(token) : null;
    if (exp === null) return;
    const timer = setTimeout(() => tokenStore.expire(), Math.min(Math.max(exp * 1000 - Date.now(), 0), MAX_TIMEOUT_MS));
    return () => clearTimeout(timer);
  }, [token]);

  const signIn = useCallback((next: string) => tokenStore.set(next), []);
  const signOut = useCallback(() => {
    sessionNotice.set(null);
    tokenStore.set(null);
  }, []);
  const expire = useCallback(() => tokenStore.expire(), []);
  const value = useMemo(() => ({ token, signIn, signOut, expire }), [token, signIn, signOut, expire]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
