import { graphql } from '../gql';

/** Who caused a notification; read from the cache to name the actor of a socket payload. */
export const ACTOR_FIELDS = graphql(`
  fragment ActorFields on User {
    id
    name
  }
`);

export const NOTIFICATION_FIELDS = graphql(`
  fragment NotificationFields on Notification {
    id
    type
    title
    message
    isRead
    relatedLeadId
    recipientId
    actorId
    userByActorId {
      id
      name
    }
    createdAt
    updatedAt
  }
`);

export const NOTIFICATIONS_QUERY = graphql(`
  query Notifications($first: Int!, $offset: Int!, $forMe: Boolean, $types: [String!]) {
    getNotifications(first: $first, offset: $offset, forMe: $forMe, types: $types) {
      ...NotificationFields
    }
  }
`);

export const UNREAD_COUNT_QUERY = graphql(`
  query UnreadCount {
    getUnreadCount
  }
`);

export const MARK_AS_READ = graphql(`
  mutation MarkAsRead($id: UUID!) {
    markAsRead(id: $id) {
      id
      isRead
      updatedAt
    }
  }
`);

export const MARK_AS_UNREAD = graphql(`
  mutation MarkAsUnread($id: UUID!) {
    markAsUnread(id: $id) {
      id
      isRead
      updatedAt
    }
  }
`);

export const MARK_ALL_AS_READ = graphql(`
  mutation MarkAllAsRead {
    markAllAsRead
  }
`);

export const DELETE_NOTIFICATION = graphql(`
  mutation DeleteNotification($id: UUID!) {
    deleteNotification(id: $id)
  }
`);
