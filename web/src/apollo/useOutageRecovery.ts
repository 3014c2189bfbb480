import { useEffect, useSyncExternalStore } from 'react';
import { useApolloClient } from '@apollo/client';
import { PING_QUERY } from '../operations/status';
import { serverStatus, type ServerStatus } from './serverStatus';

// Soon at first, then less often, so a long outage is not hammered by every open tab.
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 20_000;

export function useServerStatus(): ServerStatus {
  return useSyncExternalStore(serverStatus.subscribe, serverStatus.get, serverStatus.get);
}

/**
 * While the server is unavailable, asks again now and then: the queries on screen if
 * there are any (their answers replace the errors), else a ping. Any answer that is not
 * an outage ends it (see apollo/client.ts).
 */
export function useOutageRecovery(): ServerStatus {
  const status = useServerStatus();
  const client = useApolloClient();

  useEffect(() => {
    if (status !== 'unavailable') return;
    let delay = FIRST_RETRY_MS;
    let timer: ReturnType<typeof setTimeout>;
    const attempt = () => {
      const active = client.getObservableQueries('active');
      const retry = active.size > 0 ? client.refetchQueries({ include: 'active' }) : client.query({ query: PING_QUERY, fetchPolicy: 'network-only' });
      void Promise.resolve(retry).catch(() => undefined);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
      timer = setTimeout(attempt, delay);
    };
    timer = setTimeout(attempt, delay);
    return () => clearTimeout(timer);
  }, [status, client]);

  return status;
}
