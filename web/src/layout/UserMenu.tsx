import { useQuery } from '@apollo/client';
import { NavLink } from 'react-router-dom';
import { CURRENT_USER_QUERY } from '../operations/auth';
import { useAuth } from '../auth/AuthContext';

export function UserMenu() {
  const { signOut } = useAuth();
  const { data } = useQuery(CURRENT_USER_QUERY);
  const user = data?.currentUser;
  return (
    <div className="user-menu">
      {user && (
        <span className="user-name truncate" data-testid="user-name" title={user.email}>
          {user.name}
        </span>
      )}
      <NavLink to="/settings" className="button secondary small" title="Notification settings">
        Settings
      </NavLink>
      <button type="button" className="button secondary small" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}
