import type { ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client';
import { act, renderHook, waitFor } from '@testing-library/react';
import { SERVER_EVENTS, type NotificationPayload } from '@bellhop/contract';
import { fakeApiClient } from '../test/fakeApi';
import { FakeSocket } from '../test/fakeSocket';
import { PAGE_SIZE, useNotifications } from './useNotifications';

/** The server's view of one user's notifications, newest first. */
function makeServer(size: number) {
  let clock = Date.parse('2025-10-23T12:00:00Z');
  const make = (i: number): NotificationPayload => {
    clock += 1000;
    const at = new Date(clock).toISOString();
    return {
      id: `n${i}`,
      type: 'lead_created',
      title: 'New Lead Created',
      message: `Lead ${i} added to pipeline`,
      isRead: false,
      relatedLeadId: i,
      createdAt: at,
      updatedAt: at,
    };
  };
  const rows: NotificationPayload[] = [];
  for (let i = 1; i <= size; i += 1) rows.unshift(make(i));
  let next = size + 1;
  const api = fakeApiClient({
    Notifications: ({ first, offset }) => ({
      getNotifications: rows
        .slice(offset as number, (offset as number) + (first as number))
        .map((n) => ({ __typename: 'Notification', ...n })),
    }),
    UnreadCount: () => ({ getUnreadCount: rows.filter((n) => !n.isRead).length }),
    MarkAsRead: ({ id }) => {
      const n = rows.find((r) => r.id === id);
      if (!n) throw new Error('Notification not found');
      n.isRead = true;
      return { markAsRead: { __typename: 'Notification', id, isRead: true, updatedAt: n.updatedAt } };
    },
    MarkAsUnread: ({ id }) => {
      const n = rows.find((r) => r.id === id)!;
      n.isRead = false;
      return { markAsUnread: { __typename: 'Notification', id, isRead: false, updatedAt: n.updatedAt } };
    },
    MarkAllAsRead: () => {
      const changed = rows.filter((n) => !n.isRead).length;
      rows.forEach((n) => (n.isRead = true));
      return { markAllAsRead: changed };
    },
    DeleteNotification: ({ id }) => {
      rows.splice(
        rows.findIndex((r) => r.id === id),
        1,
      );
      return { deleteNotification: true };
    },
  });
  return {
    ...api,
    rows,
    insert(): NotificationPayload {
      const n = make(next++);
      rows.unshift(n);
      return { ...n };
    },
  };
}

function setup(size = 3) {
  const server = makeServer(size);
  const socket = new FakeSocket();
  const wrapper = ({ children }: { children: ReactNode }) => <ApolloProvider client={server.client}>{children}</ApolloProvider>;
  const hook = renderHook(() => useNotifications(socket.asSocket()), { wrapper });
  return { server, socket, hook, result: hook.result };
}

const ids = (items: { id: string }[]) => items.map((n) => n.id);

describe('useNotifications', () => {
  it('loads the history newest first and the unread count', async () => {
    const { result } = setup(3);
    await waitFor(() => expect(result.current.items).toHaveLength(3));
    expect(ids(result.current.items)).toEqual(['n3', 'n2', 'n1']);
    await waitFor(() => expect(result.current.unreadCount).toBe(3));
    expect(result.current.hasMore).toBe(false);
  });

  it('prepends live notifications, counts them and tells listeners', async () => {
    const { result, server, socket } = setup(2);
    await waitFor(() => expect(result.current.unreadCount).toBe(2));
    const heard: string[] = [];
    act(() => void result.current.subscribe((n) => heard.push(n.id)));
    const created = server.insert();
    act(() => socket.emit(SERVER_EVENTS.created, created));
    expect(heard).toEqual(['n3']);
    // Apollo delivers cache changes to queries on the next tick.
    await waitFor(() => expect(ids(result.current.items)).toEqual(['n3', 'n2', 'n1']));
    expect(result.current.unreadCount).toBe(3);
  });

  it('applies read, unread and all-read changes made in another tab', async () => {
    const { result, server, socket } = setup(3);
    await waitFor(() => expect(result.current.unreadCount).toBe(3));
    server.rows[0]!.isRead = true;
    act(() => socket.emit(SERVER_EVENTS.updated, { kind: 'read', ids: ['n3'] }));
    await waitFor(() => expect(result.current.items[0]!.isRead).toBe(true));
    expect(result.current.unreadCount).toBe(2);

    server.rows[0]!.isRead = false;
    act(() => socket.emit(SERVER_EVENTS.updated, { kind: 'unread', ids: ['n3'] }));
    await waitFor(() => expect(result.current.unreadCount).toBe(3));

    server.rows.forEach((n) => (n.isRead = true));
    act(() => socket.emit(SERVER_EVENTS.updated, { kind: 'all_read', upToCreatedAt: server.rows[0]!.createdAt }));
    await waitFor(() => expect(result.current.items.every((n) => n.isRead)).toBe(true));
    await waitFor(() => expect(result.current.unreadCount).toBe(0));
  });

  it('removes notifications deleted in another tab', async () => {
    const { result, server, socket } = setup(3);
    await waitFor(() => expect(result.current.unreadCount).toBe(3));
    server.rows.splice(1, 1);
    act(() => socket.emit(SERVER_EVENTS.deleted, { ids: ['n2'] }));
    await waitFor(() => expect(ids(result.current.items)).toEqual(['n3', 'n1']));
    expect(result.current.unreadCount).toBe(2);
  });

  it('refetches list and count on reconnect, so nothing sent while offline is missed', async () => {
    const { result, server, socket } = setup(2);
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    server.insert();
    server.insert();
    server.rows.find((n) => n.id === 'n1')!.isRead = true;
    act(() => socket.serverConnect());
    await waitFor(() => expect(ids(result.current.items)).toEqual(['n4', 'n3', 'n2', 'n1']));
    await waitFor(() => expect(result.current.unreadCount).toBe(3));
  });

  it('marks read at once and keeps it when the server agrees', async () => {
    const { result, server } = setup(2);
    await waitFor(() => expect(result.current.unreadCount).toBe(2));
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = result.current.markRead('n2');
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
      const read = result.current.markRead('n2');
      const unread = result.current.markUnread('n2');
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
      await expect(result.current.markRead('n2')).rejects.toThrow('Notification not found');
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

  it('pages with "load more" until the history ends', async () => {
    const { result } = setup(PAGE_SIZE + 5);
    await waitFor(() => expect(result.current.items).toHaveLength(PAGE_SIZE));
    await waitFor(() => expect(result.current.hasMore).toBe(true));
    await act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toHaveLength(PAGE_SIZE + 5));
    expect(result.current.items[PAGE_SIZE + 4]!.id).toBe('n1');
    expect(result.current.hasMore).toBe(false);
  });

  it('stops listening when the socket goes away', async () => {
    const { socket, hook } = setup(1);
    expect(socket.listenerCount(SERVER_EVENTS.created)).toBe(1);
    hook.unmount();
    expect(socket.listenerCount(SERVER_EVENTS.created)).toBe(0);
    expect(socket.listenerCount('connect')).toBe(0);
  });
});
