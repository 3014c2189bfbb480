import { act, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { createApolloClient } from '../apollo/client';
import { serverStatus } from '../apollo/serverStatus';
import { tokenStore } from '../auth/tokenStore';
import { DashboardPage } from '../pages/DashboardPage';
import { fakeFetch, type Reply } from '../test/fakeFetch';
import { FakeSocket } from '../test/fakeSocket';
import { AppLayout } from './AppLayout';
import { OUTAGE_MESSAGE } from './StatusBanner';
import { renderRoutes } from '../test/renderRoutes';

jest.mock('sonner', () => ({ toast: Object.assign(jest.fn(), { error: jest.fn(), dismiss: jest.fn() }) }));

const JWT = `x.${btoa(JSON.stringify({ exp: 4102444800 }))}.y`;

const HEALTHY: Record<string, unknown> = {
  CurrentUser: { currentUser: { __typename: 'User', id: 'u1', name: 'Demo User', email: 'demo@example.com' } },
  Dashboard: { allLeads: { __typename: 'LeadsConnection', totalCount: 0 }, allLeadsList: [] },
  Notifications: { getNotifications: [] },
  UnreadCount: { getUnreadCount: 0 },
  NotificationPreferences: { notificationPreferences: [] },
  Ping: { __typename: 'Query' },
};
const healthy = (operationName: string): Reply => ({ status: 200, body: { data: HEALTHY[operationName] } });

const RAW = /ECONNREFUSED|Failed to fetch|Response not successful|proxy/i;

function renderApp(reply: Reply | ((operationName: string) => Reply)) {
  const api = fakeFetch(reply);
  const socket = new FakeSocket();
  const client = createApolloClient({ getToken: tokenStore.get, onUnauthorized: tokenStore.expire, fetch: api.fetch });
  renderRoutes(
    client,
    '/dashboard',
    <Route element={<AppLayout connect={() => socket.asSocket()} />}>
      <Route path="/dashboard" element={<DashboardPage />} />
    </Route>,
  );
  act(() => socket.serverConnect());
  return api;
}

const connection = () => screen.getByTestId('connection-status');

beforeEach(() => act(() => tokenStore.set(JWT)));
afterEach(() => {
  tokenStore.set(null);
  serverStatus.set('ok');
});

describe('an outage', () => {
  it('shows "retrying" instead of raw network errors, and "Live" only once the server answers again', async () => {
    const api = renderApp({ networkError: 'Failed to fetch' });
    expect(await screen.findByText(OUTAGE_MESSAGE)).toBeInTheDocument();
    // The socket is connected, but with the API down the page is not live.
    expect(connection()).not.toHaveTextContent('Live');
    expect(connection()).toHaveAttribute('data-state', 'reconnecting');
    expect(document.body.textContent).not.toMatch(RAW);
    expect(screen.getByRole('alert')).toHaveTextContent("Can't reach the server.");

    api.reply(healthy);
    await waitFor(() => expect(screen.queryByText(OUTAGE_MESSAGE)).not.toBeInTheDocument(), { timeout: 5_000 });
    expect(connection()).toHaveTextContent('Live');
  });

  it('treats 503 DATABASE_UNAVAILABLE as an outage and shows the server’s plain words', async () => {
    renderApp({
      status: 503,
      body: {
        errors: [{ message: 'The database is unavailable right now; try again in a moment.', extensions: { code: 'DATABASE_UNAVAILABLE' } }],
      },
    });
    expect(await screen.findByText(OUTAGE_MESSAGE)).toBeInTheDocument();
    expect(connection()).toHaveAttribute('data-state', 'reconnecting');
    expect(await screen.findByText('The database is unavailable right now; try again in a moment.')).toBeInTheDocument();
  });

  it('never shows a proxy’s or driver’s own error text', async () => {
    renderApp((operationName) =>
      operationName === 'Dashboard'
        ? { status: 200, body: { errors: [{ message: 'connect ECONNREFUSED 127.0.0.1:5432' }] } }
        : { status: 502, body: 'Error occurred while trying to proxy: localhost:3000/graphql' },
    );
    expect(await screen.findByText(OUTAGE_MESSAGE)).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
    expect(document.body.textContent).not.toMatch(RAW);
  });
});
