import { graphql } from '../gql';

export const NOTIFICATION_PREFERENCE_FIELDS = graphql(`
  fragment NotificationPreferenceFields on NotificationPreference {
    type
    inApp
    toast
    notificationTypeByType {
      type
      label
      description
      position
    }
  }
`);

// first: 100 is the API's most per list; there are a handful of types.
export const NOTIFICATION_PREFERENCES_QUERY = graphql(`
  query NotificationPreferences {
    notificationPreferences(first: 100) {
      ...NotificationPreferenceFields
    }
  }
`);

export const UPDATE_NOTIFICATION_PREFERENCE = graphql(`
  mutation UpdateNotificationPreference($type: String!, $inApp: Boolean!, $toast: Boolean!) {
    updateNotificationPreference(type: $type, inApp: $inApp, toast: $toast) {
      ...NotificationPreferenceFields
    }
  }
`);
