import { useEffect, useRef, useState } from 'react';
import { TOO_MANY_CONNECTIONS, UNAUTHORIZED } from '@bellhop/contract';
import { connectRealtime, type RealtimeSocket } from './socket';
import type { ConnectionState } from './connectionState';

// socket.io does not retry after the server refuses the handshake or kicks the socket.
const RETRY_AFTER_REFUSAL_MS = 5_000;
const RETRY_AFTER_KICK_MS = 1_000;
// Too many tabs: give the person time to close some before asking again.
const RETRY_WHEN_LIMITED_MS = 30_000;

interface Options {
  /** Called when the relay refuses the token: it has expired or was revoked. */
  onUnauthorized: () => void;
  connect?: (token: string) => RealtimeSocket;
}

export interface WebSocketState {
  socket: RealtimeSocket | null;
  state: ConnectionState;
}

/** One socket per signed-in session: opened with the token, closed on sign-out. */
export function useWebSocket(token: string | null, { onUnauthorized, connect = connectRealtime }: Options): WebSocketState {
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);
  const [state, setState] = useState<ConnectionState>('offline');
  const onUnauthorizedRef = useRef(onUnauthorized);
  onUnauthorizedRef.current = onUnauthorized;
  const connectRef = useRef(connect);

  useEffect(() => {
    if (!token) {
      setSocket(null);
      setState('offline');
      return;
    }
    const s = connectRef.current(token);
    let retry: ReturnType<typeof setTimeout> | undefined;
    const retryLater = (ms: number, meanwhile: ConnectionState = 'reconnecting') => {
      clearTimeout(retry);
      retry = setTimeout(() => s.connect(), ms);
      setState(meanwhile);
    };

    s.on('connect', () => setState('live'));
    s.on('disconnect', (reason) => {
      // The relay drops a socket whose token expired; reconnecting makes the
      // handshake say so (connect_error "unauthorized"), which signs the user out.
      if (reason === 'io server disconnect') retryLater(RETRY_AFTER_KICK_MS);
      else if (reason === 'io client disconnect') setState('offline');
      else setState('reconnecting');
    });
    s.on('connect_error', (err) => {
      if (err.message === UNAUTHORIZED) {
        setState('offline');
        onUnauthorizedRef.current();
      } else if (err.message === TOO_MANY_CONNECTIONS) {
        // Not a reason to sign out: the session is fine, this tab is one too many.
        retryLater(RETRY_WHEN_LIMITED_MS, 'limited');
      } else if (s.active) {
        setState('reconnecting');
      } else {
        retryLater(RETRY_AFTER_REFUSAL_MS);
      }
    });
    const onReconnectAttempt = () => setState((was) => (was === 'limited' ? was : 'reconnecting'));
    const onReconnectFailed = () => setState('offline');
    s.io.on('reconnect_attempt', onReconnectAttempt);
    s.io.on('reconnect_failed', onReconnectFailed);

    setState(s.connected ? 'live' : 'connecting');
    setSocket(s);
    return () => {
      clearTimeout(retry);
      s.removeAllListeners();
      s.io.off('reconnect_attempt', onReconnectAttempt);
      s.io.off('reconnect_failed', onReconnectFailed);
      s.disconnect();
      setSocket(null);
    };
  }, [token]);

  return { socket, state };
}
