import { useEffect, useId, useState, type FormEvent } from 'react';
import { withCurrent, type Person } from './useUsers';

interface Props {
  label: string;
  /** Visible label, or only for screen readers when the row already says what it is about. */
  hideLabel?: boolean;
  users: readonly Person[];
  current: Person | null;
  /** Offer "Unassigned" (a task may have nobody; a lead always has an owner once set). */
  allowNone: boolean;
  buttonLabel: string;
  busy: boolean;
  onSave(userId: string | null): void;
}

/**
 * A select of people and a button to apply it. A button rather than saving on change:
 * arrowing through a closed select fires a change per step in some browsers, and each
 * save would notify someone.
 */
export function PersonPicker({ label, hideLabel, users, current, allowNone, buttonLabel, busy, onSave }: Props) {
  const id = useId();
  const [value, setValue] = useState(current?.id ?? '');
  // Follow changes made elsewhere (another user, a live refetch).
  useEffect(() => setValue(current?.id ?? ''), [current?.id]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (value === '' && !allowNone) return;
    onSave(value === '' ? null : value);
  };

  return (
    <form className="person-picker" onSubmit={onSubmit}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'person-picker-label'}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => setValue(e.target.value)}>
        {(allowNone || !current) && (
          <option value="" disabled={!allowNone}>
            {allowNone ? 'Unassigned' : 'No owner'}
          </option>
        )}
        {withCurrent(users, current).map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button secondary small" disabled={busy || value === (current?.id ?? '')}>
        {buttonLabel}
      </button>
    </form>
  );
}
