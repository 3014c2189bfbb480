/**
 * The original plan's backend success criteria, sent over HTTP byte for byte
 * as its curl examples send them (seed/original-plan.md, "Backend verification").
 */
import type { NotificationPayload } from '@bellhop/contract';
import { useStack } from '@bellhop/testing';

// The plan's `curl -d '…'` arguments, exactly (the backslashes are part of the JSON).
const CREATE_LEAD_BODY = String.raw`{"query": "mutation { createLead(input: {firstName: \"John\", lastName: \"Doe\", email: \"john@example.com\"}) { id firstName lastName } }"}`;
const GET_NOTIFICATIONS_BODY = `{"query": "query { getNotifications { id type title message isRead relatedLeadId createdAt } }"}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The fields the plan's query asks for. */
type SeedNotification = Pick<NotificationPayload, 'id' | 'type' | 'title' | 'message' | 'isRead' | 'relatedLeadId' | 'createdAt'>;

describe('on a fresh database, with one signed-in user', () => {
  const stack = useStack();
  let token: string;
  let leadId: number;
  let notification: SeedNotification;

  beforeAll(async () => {
    await stack.register('seller@example.com', 'Sam Seller', 'seller-password');
    token = await stack.login('seller@example.com', 'seller-password');
  });

  test('createLead, as the plan sends it, returns the lead and saves a notification row', async () => {
    const result = await stack.post<{ createLead: { id: number; firstName: string; lastName: string } }>(CREATE_LEAD_BODY, token);
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.data?.createLead).toEqual({ id: expect.any(Number), firstName: 'John', lastName: 'Doe' });
    leadId = result.data!.createLead.id;

    const { rows } = await stack.sql.query('select type, title, message, related_lead_id from app_public.notifications');
    expect(rows).toEqual([{ type: 'lead_created', title: 'New Lead Created', message: 'John Doe added to pipeline', related_lead_id: leadId }]);
  });

  test('getNotifications, exactly as the plan writes it, returns an array with that 1 notification', async () => {
    const result = await stack.post<{ getNotifications: SeedNotification[] }>(GET_NOTIFICATIONS_BODY, token);
    expect(result.errors).toBeUndefined();
    const list = result.data!.getNotifications;
    expect(list).toHaveLength(1);
    notification = list[0]!;
    expect(Object.keys(notification)).toEqual(['id', 'type', 'title', 'message', 'isRead', 'relatedLeadId', 'createdAt']);
    expect(notification).toEqual({
      id: expect.stringMatching(UUID),
      type: 'lead_created',
      title: 'New Lead Created',
      message: 'John Doe added to pipeline',
      isRead: false,
      relatedLeadId: leadId,
      createdAt: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(notification.createdAt))).toBe(false);
  });

  test('getUnreadCount is 1', async () => {
    expect(await stack.data('query { getUnreadCount }', {}, token)).toEqual({ getUnreadCount: 1 });
  });

  test('markAsRead returns the notification read and stores it in the database', async () => {
    const result = await stack.data<{ markAsRead: { id: string; isRead: boolean } }>(
      `mutation { markAsRead(id: "${notification.id}") { id isRead } }`,
      {},
      token,
    );
    expect(result.markAsRead).toEqual({ id: notification.id, isRead: true });
    const { rows } = await stack.sql.query('select user_id, is_read from app_hidden.notification_receipts where notification_id = $1', [notification.id]);
    expect(rows).toEqual([{ user_id: stack.userId(token), is_read: true }]);
  });

  test('getUnreadCount is 0 afterwards, and getNotifications shows isRead: true', async () => {
    expect(await stack.data('query { getUnreadCount }', {}, token)).toEqual({ getUnreadCount: 0 });
    const result = await stack.post<{ getNotifications: SeedNotification[] }>(GET_NOTIFICATIONS_BODY, token);
    expect(result.data!.getNotifications.map((n) => [n.id, n.isRead])).toEqual([[notification.id, true]]);
  });
});

describe('on the seeded database that npm start serves', () => {
  const stack = useStack({ seed: true });
  let demo: string;
  let teammate: string;

  beforeAll(async () => {
    demo = await stack.login('demo@example.com', 'demo-password');
    teammate = await stack.login('teammate@example.com', 'demo-password');
  });

  test('the demo login works and the seed flow puts John Doe at the top of the list', async () => {
    const created = await stack.post<{ createLead: { id: number } }>(CREATE_LEAD_BODY, demo);
    expect(created.errors).toBeUndefined();
    const result = await stack.post<{ getNotifications: SeedNotification[] }>(GET_NOTIFICATIONS_BODY, demo);
    const [newest] = result.data!.getNotifications;
    expect(newest).toMatchObject({ type: 'lead_created', title: 'New Lead Created', message: 'John Doe added to pipeline', relatedLeadId: created.data!.createLead.id });
  });

  test('the teammate still sees it unread after the demo user reads it', async () => {
    const list = (token: string) => stack.post<{ getNotifications: SeedNotification[] }>(GET_NOTIFICATIONS_BODY, token);
    const count = async (token: string) => (await stack.data<{ getUnreadCount: number }>('{ getUnreadCount }', {}, token)).getUnreadCount;
    const [newest] = (await list(demo)).data!.getNotifications;
    const teammateBefore = await count(teammate);
    const demoBefore = await count(demo);

    await stack.data(`mutation { markAsRead(id: "${newest!.id}") { isRead } }`, {}, demo);

    expect(await count(demo)).toBe(demoBefore - 1);
    expect((await list(demo)).data!.getNotifications[0]).toMatchObject({ id: newest!.id, isRead: true });
    expect(await count(teammate)).toBe(teammateBefore);
    expect((await list(teammate)).data!.getNotifications[0]).toMatchObject({ id: newest!.id, isRead: false });
  });
});
