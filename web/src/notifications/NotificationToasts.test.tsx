import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SERVER_EVENTS, type NotificationPayload } from '@bellhop/contract';
import { MATE, ME, makeServer, renderWithNotifications, type FakeServer } from '../test/notificationsHarness';
import { NotificationMenu } from './NotificationMenu';
import { NotificationToasts } from './NotificationToasts';
import { SUMMARY_TOAST_ID } from './toastBurst';
import { PAGE_SIZE } from './useNotificationList';

jest.mock('sonner', () => ({ toast: Object.assign(jest.fn(), { error: jest.fn(), dismiss: jest.fn() }) }));
const { toast } = jest.requireMock<{ toast: jest.Mock & { dismiss: jest.Mock } }>('sonner');

function renderApp(server: FakeServer) {
  const socket = renderWithNotifications(
    server,
    <>
      <NotificationToasts />
      <NotificationMenu />
    </>,
  );
  const emit = (payloads: NotificationPayload[]) => act(() => payloads.forEach((p) => socket.emit(SERVER_EVENTS.created, p)));
  return { socket, emit };
}

const bellName = () => screen.getByRole('button', { name: /^Notifications,/ }).getAttribute('aria-label');
const calls = (server: FakeServer, name: string) => server.calls.filter((c) => c.operationName === name).length;

beforeEach(() => toast.mockClear());

describe('NotificationToasts', () => {
  it('pops a toast for each of a few live notifications', async () => {
    const server = makeServer(0);
    const { emit } = renderApp(server);
    await waitFor(() => expect(calls(server, 'NotificationPreferences')).toBe(1));
    emit([server.insert({ message: 'Ada Lovelace added to pipeline' })]);
    await waitFor(() => expect(toast).toHaveBeenCalledTimes(1));
    expect(toast).toHaveBeenCalledWith('New Lead Created', expect.objectContaining({ description: 'Ada Lovelace added to pipeline' }));
  });

  it('pops nothing for a type whose pop-up (or whole delivery) is off', async () => {
    const server = makeServer(0);
    server.preferences.push(
      { type: 'comment_added', inApp: true, toast: false },
      { type: 'score_updated', inApp: false, toast: true },
      { type: 'lead_created', inApp: true, toast: true },
    );
    const { emit } = renderApp(server);
    await waitFor(() => expect(calls(server, 'NotificationPreferences')).toBe(1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    emit([
      server.insert({ type: 'comment_added', title: 'New Comment', recipientId: ME, actorId: MATE.id }),
      server.insert({ type: 'score_updated', title: 'Score Updated', recipientId: ME }),
      server.insert({ title: 'New Lead Created' }),
    ]);
    await waitFor(() => expect(toast).toHaveBeenCalledTimes(1));
    expect(toast).toHaveBeenCalledWith('New Lead Created', expect.anything());
    // Still listed and counted: only the pop-up is off.
    await waitFor(() => expect(bellName()).toBe('Notifications, 3 unread'));
  });

  it('sums up a burst of 5,000 in one toast, one count query and a bounded list', async () => {
    const server = makeServer(3);
    const { emit } = renderApp(server);
    await waitFor(() => expect(bellName()).toBe('Notifications, 3 unread'));
    const countsBefore = calls(server, 'UnreadCount');

    const burst = Array.from({ length: 5_000 }, (_, i) => server.insert({ message: `Lead ${i} added to pipeline` }));
    const started = performance.now();
    emit(burst);
    await waitFor(() => expect(toast).toHaveBeenCalled());
    const elapsed = performance.now() - started;

    expect(toast).toHaveBeenCalledTimes(1);
    expect(toast).toHaveBeenCalledWith('5,000 new leads', expect.objectContaining({ id: SUMMARY_TOAST_ID }));
    await waitFor(() => expect(bellName()).toBe('Notifications, 5003 unread'));
    // The debounced reconciliation: one request for the whole burst.
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(calls(server, 'UnreadCount') - countsBefore).toBe(1);
    expect(elapsed).toBeLessThan(3_000);

    await userEvent.click(screen.getByRole('button', { name: /^Notifications,/ }));
    expect(screen.getAllByTestId('notification-item')).toHaveLength(PAGE_SIZE);
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
  });

  it('turns the first few toasts of a burst into the summary', async () => {
    const server = makeServer(0);
    const { emit } = renderApp(server);
    await waitFor(() => expect(calls(server, 'NotificationPreferences')).toBe(1));
    emit([server.insert()]);
    await waitFor(() => expect(toast).toHaveBeenCalledTimes(1));
    emit([server.insert({ type: 'comment_added' }), server.insert(), server.insert()]);
    await waitFor(() => expect(toast).toHaveBeenCalledTimes(2));
    expect(toast).toHaveBeenLastCalledWith('4 new notifications', expect.objectContaining({ id: SUMMARY_TOAST_ID }));
    expect(toast.dismiss).toHaveBeenCalledWith('n1');
  });
});
