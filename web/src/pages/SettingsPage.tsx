import { useState } from 'react';
import { useMutation } from '@apollo/client';
import { createKeyedQueue } from '../lib/keyedQueue';
import { errorMessage } from '../lib/errorMessage';
import { useNotificationsContext } from '../notifications/NotificationsContext';
import { NOTIFICATION_PREFERENCES_QUERY, UPDATE_NOTIFICATION_PREFERENCE } from '../operations/preferences';
import { PreferenceRow } from '../settings/PreferenceRow';
import { FormError } from '../ui/FormError';

/** Per notification type: whether it is delivered at all ("Show in app") and whether it pops up. */
export function SettingsPage() {
  const { preferences, refresh } = useNotificationsContext();
  // Switches change at once (optimistic); the saves of one type go out in click order.
  const [inOrder] = useState(createKeyedQueue);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Refetched afterwards, so every component (the toasts too) reads what the server stored.
  const [update] = useMutation(UPDATE_NOTIFICATION_PREFERENCE, {
    refetchQueries: [{ query: NOTIFICATION_PREFERENCES_QUERY }],
  });

  const save = async (type: string, label: string, next: { inApp: boolean; toast: boolean }) => {
    setSaved(null);
    setError(null);
    const current = preferences.list.find((p) => p.type === type);
    // __typename lets the cache file it under the type (keyFields) at once; the result has it anyway.
    const optimistic = {
      __typename: 'NotificationPreference' as const,
      type,
      ...next,
      notificationTypeByType: current?.notificationTypeByType ?? null,
    };
    try {
      await inOrder(type, () => update({ variables: { type, ...next }, optimisticResponse: { updateNotificationPreference: optimistic } }));
      setSaved(`Saved: ${label}.`);
      // With "Show in app" changed, the server lists and counts that type differently now.
      if (current?.inApp !== next.inApp) void refresh();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section aria-labelledby="settings-heading" className="settings-page">
      <h1 id="settings-heading">Notification settings</h1>
      <p className="muted">
        Choose what reaches you. “Show in app” off: that kind is no longer delivered to you at all. “Pop-up” off: it is still listed
        and counted, without a pop-up.
      </p>
      <FormError message={error ?? (preferences.error ? errorMessage(preferences.error) : null)} />
      <p role="status" className="form-success-quiet">
        {saved}
      </p>
      {preferences.loading && preferences.list.length === 0 ? (
        <p className="muted">Loading your settings…</p>
      ) : (
        <div className="card preferences">
          {preferences.list.map((p) => (
            <PreferenceRow
              key={p.type}
              preference={p}
              onChange={(next) => void save(p.type, p.notificationTypeByType?.label ?? p.type, next)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
