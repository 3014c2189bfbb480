import { useId } from 'react';
import type { Preference } from '../notifications/usePreferences';
import { typeName } from '../notifications/types';

interface Props {
  preference: Preference;
  onChange(next: { inApp: boolean; toast: boolean }): void;
}

/** One notification type: what it is, and its two switches. */
export function PreferenceRow({ preference: p, onChange }: Props) {
  const descriptionId = useId();
  const label = p.notificationTypeByType?.label ?? typeName(p.type);
  return (
    <fieldset className="preference" aria-describedby={descriptionId} data-testid="preference" data-type={p.type}>
      <legend className="preference-label">{label}</legend>
      <p id={descriptionId} className="preference-description muted">
        {p.notificationTypeByType?.description ?? ''}
      </p>
      <div className="preference-switches">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={p.inApp}
            onChange={(e) => onChange({ inApp: e.target.checked, toast: p.toast })}
          />
          <span>Show in app</span>
        </label>
        {/* Without inApp nothing arrives, so there is nothing to pop up: greyed, value kept. */}
        <label className={`switch${p.inApp ? '' : ' is-disabled'}`}>
          <input
            type="checkbox"
            role="switch"
            checked={p.toast}
            disabled={!p.inApp}
            onChange={(e) => onChange({ inApp: p.inApp, toast: e.target.checked })}
          />
          <span>Pop-up</span>
        </label>
      </div>
    </fieldset>
  );
}
