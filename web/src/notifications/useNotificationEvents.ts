import { useCallback, useEffect, useRef } from 'react';
import { useApolloClient } from '@apollo/client';
import {
  SERVER_EVENTS,
  type NotificationDeletedPayload,
  type NotificationPayload,
  type NotificationUpdatedPayload,
} from '@bellhop/contract';
import type { RealtimeSocket } from '../realtime/socket';
import { markReadUpTo, removeNotifications, setReadState } from './cacheUpdates';
import { insertNotifications } from './liveInsert';
import type { Notification } from './model';
import { PAGE_SIZE, type NotificationList } from './useNotificationList';

/**
 * New notifications are applied together every this often: a 5,000-row INSERT arrives as
 * 5,000 events within a second or two, and one cache write per event would freeze the page.
 * A timer rather than requestAnimationFrame, so a background tab keeps up as well.
 */
export const FLUSH_INTERVAL_MS = 100;
// A throttled background tab may hold its timer back for long; beyond this, apply at once.
const MAX_BUFFERED = 10_000;

/** Receives the notifications that arrived live (never history), a batch at a time, oldest first. */
export type NotificationListener = (batch: readonly Notification[]) => void;

export interface NotificationEvents {
  /** Calls `listener` with each batch of live notifications; returns the unsubscribe. */
  subscribe(listener: NotificationListener): () => void;
}

type Sync = Pick<NotificationList, 'refresh' | 'reconcileCount' | 'noteTrimmed'>;

/**
 * Applies the relay's events to the Apollo cache, so the list and count follow what
 * happens after they were loaded, and refetches on every (re)connect so nothing sent
 * while disconnected is missed.
 */
export function useNotificationEvents(socket: RealtimeSocket | null, { refresh, reconcileCount, noteTrimmed }: Sync): NotificationEvents {
  const client = useApolloClient();
  const listeners = useRef(new Set<NotificationListener>());

  useEffect(() => {
    if (!socket) return;
    let buffer: NotificationPayload[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;

    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (buffer.length === 0) return;
      const batch = buffer;
      buffer = [];
      const { added, trimmed } = insertNotifications(client.cache, batch, PAGE_SIZE);
      if (trimmed.length > 0) noteTrimmed(trimmed);
      if (added.length === 0) return;
      // The optimistic count can drift (a duplicate, a race with another tab); the server's is exact.
      reconcileCount();
      for (const listener of listeners.current) listener(added);
    };

    const onCreated = (payload: NotificationPayload) => {
      buffer.push(payload);
      if (buffer.length >= MAX_BUFFERED) flush();
      else timer ??= setTimeout(flush, FLUSH_INTERVAL_MS);
    };
    // Changes to notifications apply after the ones created before them, in order.
    const onUpdated = (update: NotificationUpdatedPayload) => {
      flush();
      if (update.kind === 'all_read') {
        // Show it at once, then reload: the server's cut-off is by insertion order, which
        // can differ from createdAt order for rows written by overlapping transactions.
        if (update.upToCreatedAt !== null) markReadUpTo(client.cache, update.upToCreatedAt);
        void refresh();
      } else if (setReadState(client.cache, update.ids, update.kind === 'read').unknownIds) {
        reconcileCount();
      }
    };
    const onDeleted = ({ ids }: NotificationDeletedPayload) => {
      flush();
      if (removeNotifications(client.cache, ids).unknownIds) reconcileCount();
    };
    const onConnect = () => {
      flush();
      void refresh();
    };

    socket.on(SERVER_EVENTS.created, onCreated);
    socket.on(SERVER_EVENTS.updated, onUpdated);
    socket.on(SERVER_EVENTS.deleted, onDeleted);
    socket.on('connect', onConnect);
    return () => {
      clearTimeout(timer);
      buffer = [];
      socket.off(SERVER_EVENTS.created, onCreated);
      socket.off(SERVER_EVENTS.updated, onUpdated);
      socket.off(SERVER_EVENTS.deleted, onDeleted);
      socket.off('connect', onConnect);
    };
  }, [socket, client, refresh, reconcileCount, noteTrimmed]);

  const subscribe = useCallback((listener: NotificationListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  return { subscribe };
}
