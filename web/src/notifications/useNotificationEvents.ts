import { useCallback, useEffect, useRef } from 'react';
import { useApolloClient } from '@apollo/client';
import {
  SERVER_EVENTS,
  type NotificationDeletedPayload,
  type NotificationPayload,
  type NotificationUpdatedPayload,
} from '@bellhop/contract';
import type { RealtimeSocket } from '../realtime/socket';
import { addNotification, markReadUpTo, removeNotifications, setReadState } from './cacheUpdates';
import { toNotification, type Notification } from './model';
import type { NotificationList } from './useNotificationList';

export type NotificationListener = (notification: Notification) => void;

export interface NotificationEvents {
  /** Calls `listener` for each notification that arrives live (not for history); returns the unsubscribe. */
  subscribe(listener: NotificationListener): () => void;
}

/**
 * Applies the relay's events to the Apollo cache, so the list and count follow what
 * happens after they were loaded, and refetches on every (re)connect so nothing sent
 * while disconnected is missed.
 */
export function useNotificationEvents(
  socket: RealtimeSocket | null,
  { refresh, reconcileCount }: Pick<NotificationList, 'refresh' | 'reconcileCount'>,
): NotificationEvents {
  const client = useApolloClient();
  const listeners = useRef(new Set<NotificationListener>());

  useEffect(() => {
    if (!socket) return;
    const onCreated = (payload: NotificationPayload) => {
      addNotification(client.cache, payload);
      reconcileCount();
      const notification = toNotification(payload);
      for (const listener of listeners.current) listener(notification);
    };
    const onUpdated = (update: NotificationUpdatedPayload) => {
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
      if (removeNotifications(client.cache, ids).unknownIds) reconcileCount();
    };
    const onConnect = () => void refresh();

    socket.on(SERVER_EVENTS.created, onCreated);
    socket.on(SERVER_EVENTS.updated, onUpdated);
    socket.on(SERVER_EVENTS.deleted, onDeleted);
    socket.on('connect', onConnect);
    return () => {
      socket.off(SERVER_EVENTS.created, onCreated);
      socket.off(SERVER_EVENTS.updated, onUpdated);
      socket.off(SERVER_EVENTS.deleted, onDeleted);
      socket.off('connect', onConnect);
    };
  }, [socket, client, refresh, reconcileCount]);

  const subscribe = useCallback((listener: NotificationListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  return { subscribe };
}
