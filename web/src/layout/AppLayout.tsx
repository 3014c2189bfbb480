import { Outlet } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { useOutageRecovery } from '../apollo/useOutageRecovery';
import { NotificationsProvider } from '../notifications/NotificationsContext';
import { NotificationToasts } from '../notifications/NotificationToasts';
import type { ConnectionState } from '../realtime/connectionState';
import type { RealtimeSocket } from '../realtime/socket';
import { useWebSocket } from '../realtime/useWebSocket';
import { Header } from './Header';
import { StatusBanner } from './StatusBanner';

/**
 * Everything behind sign-in: one socket, one notification state, the header and the page.
 * `connect` opens the socket (tests pass a fake one).
 */
export function AppLayout({ connect }: { connect?: (token: string) => RealtimeSocket }) {
  const { token, expire } = useAuth();
  const { socket, state } = useWebSocket(token, { onUnauthorized: expire, connect });
  const server = useOutageRecovery();
  // The relay may still be connected while the API cannot answer: that is not "Live".
  const connection: ConnectionState = server === 'unavailable' && state === 'live' ? 'reconnecting' : state;
  return (
    <NotificationsProvider socket={socket}>
      <NotificationToasts />
      <Header connection={connection} />
      <StatusBanner server={server} connection={state} />
      <main className="page">
        <Outlet />
      </main>
    </NotificationsProvider>
  );
}
