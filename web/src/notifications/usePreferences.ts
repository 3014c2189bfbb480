import { useMemo } from 'react';
import { useQuery } from '@apollo/client';
import type { NotificationPreferenceFieldsFragment } from '../gql/graphql';
import { NOTIFICATION_PREFERENCES_QUERY } from '../operations/preferences';
import { BUILT_IN_TYPE_OPTIONS, typeName, type TypeOption } from './types';

export type Preference = NotificationPreferenceFieldsFragment;

export interface Preferences {
  /** Every type, in the server's order (notification_types.position). */
  list: Preference[];
  /** The type filter's choices: the server's labels once loaded, the built-in names until then. */
  typeOptions: TypeOption[];
  /** Whether a notification of this type may pop up. A type without a row is on. */
  wantsToast(type: string): boolean;
  loading: boolean;
  error: unknown;
}

function position(p: Preference): number {
  return p.notificationTypeByType?.position ?? Number.MAX_SAFE_INTEGER;
}

/** The signed-in user's notification preferences, loaded once and shared through the Apollo cache. */
export function usePreferences(): Preferences {
  const { data, loading, error } = useQuery(NOTIFICATION_PREFERENCES_QUERY);
  return useMemo(() => {
    const list = [...(data?.notificationPreferences ?? [])].sort((a, b) => position(a) - position(b) || a.type.localeCompare(b.type));
    const byType = new Map(list.map((p) => [p.type, p]));
    const typeOptions =
      list.length > 0 ? list.map((p) => ({ type: p.type, label: p.notificationTypeByType?.label ?? typeName(p.type) })) : BUILT_IN_TYPE_OPTIONS;
    const wantsToast = (type: string) => {
      const p = byType.get(type);
      // inApp off means not delivered at all; anything still in flight must not pop up either.
      return !p || (p.inApp && p.toast);
    };
    return { list, typeOptions, wantsToast, loading, error };
  }, [data, loading, error]);
}
