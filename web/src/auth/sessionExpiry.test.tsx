import { useQuery } from '@apollo/client';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router-dom';
import { createApolloClient } from '../apollo/client';
import { CURRENT_USER_QUERY } from '../operations/auth';
import { LoginPage } from '../pages/LoginPage';
import { fakeFetch, type Reply } from '../test/fakeFetch';
import { useAuth } from './AuthContext';
import { RequireAuth } from './RequireAuth';
import { SESSION_EXPIRED_MESSAGE, sessionNotice } from './sessionNotice';
import { tokenStore } from './tokenStore';
import { renderRoutes } from '../test/renderRoutes';

const JWT = `x.${btoa(JSON.stringify({ exp: 4102444800 }))}.y`;
const REJECTED: Reply = {
  status: 401,
  body: { errors: [{ message: 'invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } }] },
};

function Dashboard() {
  useQuery(CURRENT_USER_QUERY);
  const { signOut } = useAuth();
  return (
    <>
      <h1>Dashboard</h1>
      <button type="button" onClick={signOut}>
        Sign out
      </button>
    </>
  );
}

function renderApp(reply: Reply) {
  const api = fakeFetch(reply);
  const client = createApolloClient({ getToken: tokenStore.get, onUnauthorized: tokenStore.expire, fetch: api.fetch });
  renderRoutes(
    client,
    '/dashboard',
    <>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/dashboard"
        element={
          <RequireAuth>
            <Dashboard />
          </RequireAuth>
        }
      />
    </>,
  );
  return api;
}

afterEach(() => {
  tokenStore.set(null);
  sessionNotice.set(null);
});

describe('an expired session', () => {
  it('lands on the login page with a message after a 401', async () => {
    act(() => tokenStore.set(JWT));
    renderApp(REJECTED);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(SESSION_EXPIRED_MESSAGE);
    expect(tokenStore.get()).toBeNull();
  });

  it('says nothing of the kind after signing out on purpose', async () => {
    act(() => tokenStore.set(JWT));
    renderApp({ status: 200, body: { data: { currentUser: null } } });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText(SESSION_EXPIRED_MESSAGE)).not.toBeInTheDocument();
  });

  it('drops the message once signed in again', () => {
    act(() => tokenStore.set(JWT));
    act(() => tokenStore.expire());
    expect(sessionNotice.get()).toBe('expired');
    act(() => tokenStore.set(JWT));
    expect(sessionNotice.get()).toBeNull();
  });
});
