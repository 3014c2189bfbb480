import { act, waitFor } from '@testing-library/react';
import { SERVER_EVENTS } from '@bellhop/contract';
import { ids, setup } from '../test/notificationsHarness';

describe('useNotificationActions', () => {
  it('marks read at once and keeps it when the server agrees', async () => {
    const { result, server } = setup(2);
    await waitFor(() => expect(result.current.unreadCount).toBe(2));
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = result.current.setRead('n2', true);
    });
    await waitFor(() => expect(result.current.unreadCount).toBe(1));
    await act(() => done);
    expect(server.rows.find((n) => n.id === 'n2')!.isRead).toBe(true);
    await waitFor(() => expect(result.current.unreadCount).toBe(1));
    expect(result.current.items.find((n) => n.id === 'n2')!.isRead).toBe(true);
  });

  it('ends as last clicked when clicks, results and echoes interleave', async () => {
    const { result, server, socket } = setup(2);
    await waitFor(() => expect(result.current.unreadCount).toBe(2));
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      const read = result.current.setRead('n2', true);
      const unread = result.current.setRead('n2', false);
      // The echo of the first click arrives before either result.
      socket.emit(SERVER_EVENTS.updated, { kind: 'read', ids: ['n2'] });
      done = Promise.all([read, unread]);
    });
    await act(() => done);
    act(() => socket.emit(SERVER_EVENTS.updated, { kind: 'unread', ids: ['n2'] }));
    await waitFor(() => expect(result.current.items.find((n) => n.id === 'n2')!.isRead).toBe(false));
    expect(result.current.unreadCount).toBe(2);
    expect(server.rows.find((n) => n.id === 'n2')!.isRead).toBe(false);
  });

  it('undoes a change the server refuses', async () => {
    const { result, server } = setup(2);
    await waitFor(() => expect(result.current.unreadCount).toBe(2));
    server.rows.splice(0, 1); // n2 vanished on the server
    await act(async () => {
      await expect(result.current.setRead('n2', true)).rejects.toThrow('Notification not found');
    });
    await waitFor(() => expect(result.current.items.find((n) => n.id === 'n2')!.isRead).toBe(false));
  });

  it('marks all read and deletes', async () => {
    const { result, server } = setup(3);
    await waitFor(() => expect(result.current.unreadCount).toBe(3));
    await act(() => result.current.markAllRead());
    await waitFor(() => expect(result.current.unreadCount).toBe(0));
    expect(server.rows.every((n) => n.isRead)).toBe(true);
    await act(() => result.current.remove('n1'));
    await waitFor(() => expect(ids(result.current.items)).toEqual(['n3', 'n2']));
    expect(server.rows).toHaveLength(2);
  });
});
