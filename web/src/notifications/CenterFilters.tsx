import { useId, useRef, type KeyboardEvent } from 'react';
import type { TypeOption } from './types';
import type { NotificationView } from './useNotificationList';

const TABS = [
  { forMe: true, label: 'For me' },
  { forMe: false, label: 'All' },
] as const;

interface Props {
  view: NotificationView;
  typeOptions: readonly TypeOption[];
  /** The tab panel the tabs control. */
  panelId: string;
  onChange(view: NotificationView): void;
}

export function tabId(panelId: string, forMe: boolean): string {
  return `${panelId}-tab-${forMe ? 'me' : 'all'}`;
}

/** The "For me" / "All" tabs (arrow keys move between them) and the type filter. */
export function CenterFilters({ view, typeOptions, panelId, onChange }: Props) {
  const tabsRef = useRef<HTMLDivElement>(null);
  const selectId = useId();

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((t) => t.forMe === view.forMe);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (index - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? TABS.length - 1
      : null;
    if (next === null) return;
    // The list's own arrow-key handling (Home, End) must not also act on this key.
    event.preventDefault();
    event.stopPropagation();
    const tab = TABS[next]!;
    onChange({ ...view, forMe: tab.forMe });
    tabsRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <div className="center-filters">
      <div role="tablist" aria-label="Whose notifications" className="center-tabs" ref={tabsRef}>
        {TABS.map((tab) => {
          const selected = tab.forMe === view.forMe;
          return (
            <button
              key={tab.label}
              type="button"
              role="tab"
              id={tabId(panelId, tab.forMe)}
              aria-selected={selected}
              aria-controls={panelId}
              tabIndex={selected ? 0 : -1}
              className="center-tab"
              onClick={() => onChange({ ...view, forMe: tab.forMe })}
              onKeyDown={onTabKeyDown}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div className="center-type">
        <label htmlFor={selectId}>Type</label>
        <select id={selectId} value={view.type ?? ''} onChange={(e) => onChange({ ...view, type: e.target.value || null })}>
          <option value="">All types</option>
          {typeOptions.map((option) => (
            <option key={option.type} value={option.type}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
