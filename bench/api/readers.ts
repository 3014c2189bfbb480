/** What d asks (two queries, each as GraphQL and as SQL) and of whom (four read states). */

export const RECEIPTS = 100;
export const DELETED = 20;

export interface Query {
  name: 'getNotifications(first: 20)' | 'getUnreadCount';
  graphql: string;
  sql: string;
}

export const QUERIES: Query[] = [
  {
    name: 'getNotifications(first: 20)',
    graphql: '{ getNotifications(first: 20) { id type title message isRead relatedLeadId createdAt updatedAt } }',
    sql: `select n.id, n.type, n.title, n.message, app_public.notifications_is_read(n) as is_read, n.related_lead_id,
                 n.created_at, n.updated_at
          from app_public.get_notifications() n limit 20`,
  },
  { name: 'getUnreadCount', graphql: '{ getUnreadCount }', sql: 'select app_public.get_unread_count()' },
];

export interface Reader {
  label: string;
  email: string;
  /** SQL run as owner to put the user in this state; $1 user id, $2 total. */
  setup: string;
  expectedUnread(total: number): number;
}

export const READERS: Reader[] = [
  {
    label: 'nothing read (watermark 0)',
    email: 'bench-d-none@example.com',
    setup: `update app_hidden.notification_watermarks set read_up_to = 0, marked_at = '-infinity' where user_id = $1 and $2::int >= 0`,
    expectedUnread: (total) => total,
  },
  {
    label: 'half read (watermark mid)',
    email: 'bench-d-half@example.com',
    setup: `update app_hidden.notification_watermarks set read_up_to = $2::int / 2, marked_at = now() where user_id = $1`,
    expectedUnread: (total) => total - Math.floor(total / 2),
  },
  {
    label: 'all read (watermark top)',
    email: 'bench-d-all@example.com',
    setup: `update app_hidden.notification_watermarks set read_up_to = $2::int, marked_at = now() where user_id = $1`,
    expectedUnread: () => 0,
  },
  {
    label: `watermark mid + ${2 * RECEIPTS + DELETED} receipts`,
    email: 'bench-d-receipts@example.com',
    // Marked read above the watermark, unread below it, and a few deleted near the top.
    setup: `
      with w as (
        update app_hidden.notification_watermarks set read_up_to = $2::int / 2, marked_at = now() - interval '1 hour'
        where user_id = $1 returning read_up_to
      )
      insert into app_hidden.notification_receipts (user_id, notification_id, is_read, is_deleted, read_set_at)
      select $1, n.id,
             case when n.seq > w.read_up_to + ${RECEIPTS} then null else n.seq > w.read_up_to end,
             n.seq > w.read_up_to + ${RECEIPTS}, now()
      from w join app_public.notifications n
        on n.seq between w.read_up_to - ${RECEIPTS - 1} and w.read_up_to + ${RECEIPTS}
        or n.seq > $2::int - ${DELETED}`,
    expectedUnread: (total) => total - Math.floor(total / 2) - RECEIPTS - DELETED + RECEIPTS,
  },
];
