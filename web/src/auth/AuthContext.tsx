import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useApolloClient } from '@apollo/client';
import { tokenStore } from './tokenStore';
import { tokenExpiry } from './jwt';

export interface AuthValue {
  token: string | null;
  signIn(token: string): void;
  signOut(): void;
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
    const timer = setTimeout(() => tokenStore.set(null), Math.min(Math.max(exp * 1000 - Date.now(), 0), MAX_TIMEOUT_MS));
    return () => clearTimeout(timer);
  }, [token]);

  const signIn = useCallback((next: string) => tokenStore.set(next), []);
  const signOut = useCallback(() => tokenStore.set(null), []);
  const value = useMemo(() => ({ token, signIn, signOut }), [token, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
