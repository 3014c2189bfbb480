import type { NotificationPayload } from '@bellhop/contract';
import { compareTimestamps, fromGraphQL, fromSocket, leadPath, socketToCache } from './model';

const payload: NotificationPayload = {
  id: 'a1',
  type: 'lead_created',
  title: 'New Lead Created',
  message: 'John Doe added to pipeline',
  isRead: false,
  relatedLeadId: 3,
  createdAt: '2025-10-23T12:00:00.123456+00:00',
  updatedAt: '2025-10-23T12:00:00.123456+00:00',
};

describe('notification model', () => {
  it('turns socket payloads and GraphQL results into the same object', () => {
    expect(fromSocket(payload)).toEqual(fromGraphQL({ ...payload }));
    expect(fromSocket(payload)).toEqual({
      id: 'a1',
      type: 'lead_created',
      title: 'New Lead Created',
      message: 'John Doe added to pipeline',
      isRead: false,
      relatedLeadId: 3,
      createdAt: '2025-10-23T12:00:00.123456+00:00',
    });
  });

  it('treats a missing read flag as unread and keeps unknown types visible', () => {
    const n = fromGraphQL({ ...payload, type: 'something_new', isRead: null, relatedLeadId: null });
    expect(n.isRead).toBe(false);
    expect(n.type).toBeNull();
    expect(leadPath(n)).toBeNull();
  });

  it('writes socket payloads in the cache shape', () => {
    expect(socketToCache(payload)).toEqual({ __typename: 'Notification', ...payload });
  });

  it('links to the related lead', () => {
    expect(leadPath({ relatedLeadId: 12 })).toBe('/leads/12');
  });

  it('orders timestamps to the microsecond', () => {
    expect(compareTimestamps('2025-10-23T12:00:00.123456+00:00', '2025-10-23T12:00:00.123457+00:00')).toBe(-1);
    expect(compareTimestamps('2025-10-23T12:00:00.1235+00:00', '2025-10-23T12:00:00.123499+00:00')).toBe(1);
    expect(compareTimestamps('2025-10-23T14:00:00+02:00', '2025-10-23T12:00:00.000000+00:00')).toBe(0);
    expect(compareTimestamps('2025-10-23T12:00:01Z', '2025-10-23T12:00:00.999999Z')).toBe(1);
  });
});
