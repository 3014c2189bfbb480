import { Link, NavLink } from 'react-router-dom';
import { NotificationMenu } from '../notifications/NotificationMenu';
import { ConnectionStatus } from '../realtime/ConnectionStatus';
import type { ConnectionState } from '../realtime/connectionState';
import { UserMenu } from './UserMenu';

export function Header({ connection }: { connection: ConnectionState }) {
  return (
    <header className="app-header">
      <div className="header-left">
        <Link to="/dashboard" className="brand">
          Bellhop
        </Link>
        <nav aria-label="Main">
          <NavLink to="/dashboard">Dashboard</NavLink>
          <NavLink to="/leads">Leads</NavLink>
        </nav>
      </div>
      <div className="header-right">
        <ConnectionStatus state={connection} />
        <NotificationMenu />
        <UserMenu />
      </div>
    </header>
  );
}
