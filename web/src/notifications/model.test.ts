import type { NotificationPayload } from '@bellhop/contract';
import type { NotificationFieldsFragment } from '../gql/graphql';
import { leadPath, toNotification } from './model';

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
    const graphqlResult: NotificationFieldsFragment = { ...payload };
    expect(toNotification(payload)).toEqual(toNotification(graphqlResult));
    expect(toNotification(payload)).toEqual({
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
    const n = toNotification({ ...payload, type: 'something_new', isRead: null, relatedLeadId: null });
    expect(n.isRead).toBe(false);
    expect(n.type).toBeNull();
    expect(leadPath(n)).toBeNull();
  });

  it('links to the related lead', () => {
    expect(leadPath({ relatedLeadId: 12 })).toBe('/leads/12');
  });
});
