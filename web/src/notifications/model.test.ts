import type { NotificationPayload } from '@bellhop/contract';
import type { NotificationFieldsFragment } from '../gql/graphql';
import { isForMe, leadPath, toNotification } from './model';
import { typeBadge, typeName } from './types';

const payload: NotificationPayload = {
  id: 'a1',
  type: 'comment_added',
  title: 'New Comment',
  message: 'Team Mate commented on Ada Lovelace: hello',
  isRead: false,
  relatedLeadId: 3,
  recipientId: 'me',
  actorId: 'mate',
  createdAt: '2025-10-23T12:00:00.123456+00:00',
  updatedAt: '2025-10-23T12:00:00.123456+00:00',
};

describe('notification model', () => {
  it('turns socket payloads and GraphQL results into the same object, with the actor name when known', () => {
    const graphqlResult: NotificationFieldsFragment = { ...payload, userByActorId: { id: 'mate', name: 'Team Mate' } };
    expect(toNotification(graphqlResult)).toEqual({ ...toNotification(payload), actorName: 'Team Mate' });
    // Every field as sent (createdAt keeps its microseconds), less updatedAt.
    const { updatedAt: _updatedAt, ...sent } = payload;
    expect(toNotification(payload)).toEqual({ ...sent, actorName: null });
  });

  it('treats a missing read flag as unread and keeps types a DBA added', () => {
    const n = toNotification({ ...payload, type: 'contract_signed', isRead: null, relatedLeadId: null, recipientId: null, userByActorId: null });
    expect(n.isRead).toBe(false);
    expect(n.type).toBe('contract_signed');
    expect(typeBadge(n.type)).toBe('Contract signed');
    expect(typeName('lead_assigned')).toBe('Leads assigned to you');
    expect(leadPath(n)).toBeNull();
    expect(isForMe(n)).toBe(false);
  });

  it('links to the related lead', () => {
    expect(leadPath({ relatedLeadId: 12 })).toBe('/leads/12');
  });
});
