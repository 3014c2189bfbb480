import type { ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client';
import { render, renderHook } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { NotificationPayload } from '@bellhop/contract';
import { NotificationsProvider, useNotificationsContext } from '../notifications/NotificationsContext';
import { fakeApiClient, type Resolver } from './fakeApi';
import { FakeSocket } from './fakeSocket';

export const ME = '00000000-0000-4000-8000-0000000000aa';
export const MATE = { id: '00000000-0000-4000-8000-0000000000bb', name: 'Team Mate' };

export interface FakePreference {
  type: string;
  inApp: boolean;
  toast: boolean;
  label?: string;
}

function toPreference(p: FakePreference, position: number) {
  return {
    __typename: 'NotificationPreference',
    type: p.type,
    inApp: p.inApp,
    toast: p.toast,
    notificationTypeByType: {
      __typename: 'NotificationType',
      type: p.type,
      label: p.label ?? p.type,
      description: `About ${p.type}`,
      position,
    },
  };
}

/** The server's view of one user's notifications, newest first. */
export function makeServer(size: number, extra: Record<string, Resolver> = {}) {
  let clock = Date.parse('2025-10-23T12:00:00Z');
  const make = (i: number, overrides: Partial<NotificationPayload> = {}): NotificationPayload => {
    clock += 1000;
    const at = new Date(clock).toISOString();
    return {
      id: `n${i}`,
      type: 'lead_created',
      title: 'New Lead Created',
      message: `Lead ${i} added to pipeline`,
      isRead: false,
      relatedLeadId: i,
      recipientId: null,
      actorId: null,
      createdAt: at,
      updatedAt: at,
      ...overrides,
    };
  };
  const rows: NotificationPayload[] = [];
  for (let i = 1; i <= size; i += 1) rows.unshift(make(i));
  const preferences: FakePreference[] = [];
  let next = size + 1;
  const stored = (n: NotificationPayload) => ({
    __typename: 'Notification',
    ...n,
    userByActorId: n.actorId === MATE.id ? { __typename: 'User', ...MATE } : null,
  });
  const api = fakeApiClient({
    Notifications: ({ first, offset, forMe, types }) => ({
      getNotifications: rows
        .filter((n) => (forMe ? n.recipientId !== null : true))
        .filter((n) => (Array.isArray(types) ? types.includes(n.type) : true))
        .slice(offset as number, (offset as number) + (first as number))
        .map(stored),
    }),
    UnreadCount: () => ({ getUnreadCount: rows.filter((n) => !n.isRead).length }),
    NotificationPreferences: () => ({ notificationPreferences: preferences.map(toPreference) }),
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
      rows.forEach((n) => (n.isRead = true));
      return { markAllAsRead: true };
    },
    DeleteNotification: ({ id }) => {
      rows.splice(
        rows.findIndex((r) => r.id === id),
        1,
      );
      return { deleteNotification: true };
    },
    ...extra,
  });
  return {
    ...api,
    rows,
    preferences,
    /** A new notification on the server; returns its socket payload. */
    insert(overrides: Partial<NotificationPayload> = {}): NotificationPayload {
      const n = make(next++, overrides);
      rows.unshift(n);
      return { ...n };
    },
  };
}

export type FakeServer = ReturnType<typeof makeServer>;

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

/** Renders `ui` inside the app's providers (Apollo over the fake server, a router, notifications over `socket`). */
export function renderWithNotifications(server: FakeServer, ui: ReactNode, socket = new FakeSocket()) {
  render(
    <ApolloProvider client={server.client}>
      <MemoryRouter>
        <NotificationsProvider socket={socket.asSocket()}>{ui}</NotificationsProvider>
      </MemoryRouter>
    </ApolloProvider>,
  );
  return socket;
}

export const ids = (items: { id: string }[]) => items.map((n) => n.id);
