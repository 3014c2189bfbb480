import { Outlet } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { NotificationsProvider } from '../notifications/NotificationsContext';
import { NotificationToasts } from '../notifications/NotificationToasts';
import { useWebSocket } from '../realtime/useWebSocket';
import { Header } from './Header';

/** Everything behind sign-in: one socket, one notification state, the header and the page. */
export function AppLayout() {
  const { token, signOut } = useAuth();
  const { socket, state } = useWebSocket(token, { onUnauthorized: signOut });
  return (
    <NotificationsProvider socket={socket}>
      <NotificationToasts />
      <Header connection={state} />
      <main className="page">
        <Outlet />
      </main>
    </NotificationsProvider>
  );
}
