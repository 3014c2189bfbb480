import { useLocation } from 'react-router-dom';

/** Where to go after signing in: the page that sent the visitor to /login, else the dashboard. */
export function useRedirectTarget(): string {
  const state = useLocation().state as { from?: unknown } | null;
  return typeof state?.from === 'string' && state.from.startsWith('/') ? state.from : '/dashboard';
}
