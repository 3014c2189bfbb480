import type { Notification } from '../notifications/model';

let counter = 0;

export function makeNotification(overrides: Partial<Notification> = {}): Notification {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type: 'lead_created',
    title: `New Lead Created ${counter}`,
    message: `Lead ${counter} added to pipeline`,
    isRead: false,
    relatedLeadId: counter,
    recipientId: null,
    actorId: null,
    actorName: null,
    createdAt: new Date(Date.now() - counter * 60_000).toISOString(),
    ...overrides,
  };
}

/** A list with nothing in it, loaded: what the list hook returns for a new user. */
export const EMPTY_LIST = { items: [], unreadCount: 0, loading: false, error: null, hasMore: false, loadingMore: false } as const;
