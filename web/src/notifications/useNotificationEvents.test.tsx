import { act, waitFor } from '@testing-library/react';
import { SERVER_EVENTS } from '@bellhop/contract';
import { ids, setup } from '../test/notificationsHarness';

describe('useNotificationEvents', () => {
  it('prepends live notifications, counts them and tells listeners', async () => {
    const { result, server, socket } = setup(2);
    await waitFor(() => expect(result.current.unreadCount).toBe(2));
    const heard: string[][] = [];
    act(() => void result.current.subscribe((batch) => heard.push(ids([...batch]))));
    const created = server.insert();
    act(() => socket.emit(SERVER_EVENTS.created, created));
    // Events are applied together, a moment later (FLUSH_INTERVAL_MS).
    expect(heard).toEqual([]);
    await waitFor(() => expect(heard).toEqual([['n3']]));
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

  it('applies a read change after the creation buffered before it', async () => {
    const { result, server, socket } = setup(1);
    await waitFor(() => expect(result.current.unreadCount).toBe(1));
    const created = server.insert();
    server.rows[0]!.isRead = true;
    act(() => {
      socket.emit(SERVER_EVENTS.created, created);
      socket.emit(SERVER_EVENTS.updated, { kind: 'read', ids: [created.id] });
    });
    await waitFor(() => expect(result.current.items[0]).toMatchObject({ id: created.id, isRead: true }));
    await waitFor(() => expect(result.current.unreadCount).toBe(1));
  });

  it('stops listening when the socket goes away', async () => {
    const { socket, hook } = setup(1);
    expect(socket.listenerCount(SERVER_EVENTS.created)).toBe(1);
    hook.unmount();
    expect(socket.listenerCount(SERVER_EVENTS.created)).toBe(0);
    expect(socket.listenerCount('connect')).toBe(0);
  });
});
