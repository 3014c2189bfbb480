import type { ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client';
import { renderHook } from '@testing-library/react';
import type { NotificationPayload } from '@bellhop/contract';
import { NotificationsProvider, useNotificationsContext } from '../notifications/NotificationsContext';
import { fakeApiClient } from './fakeApi';
import { FakeSocket } from './fakeSocket';

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

/** The app's notification state (all three hooks, as the provider composes them) over a fake server and socket. */
export function setup(size = 3) {
  const server = makeServer(size);
  const socket = new FakeSocket();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApolloProvider client={server.client}>
      <NotificationsProvider socket={socket.asSocket()}>{children}</NotificationsProvider>
    </ApolloProvider>
  );
  const hook = renderHook(() => useNotificationsContext(), { wrapper });
  return { server, socket, hook, result: hook.result };
}

export const ids = (items: { id: string }[]) => items.map((n) => n.id);
