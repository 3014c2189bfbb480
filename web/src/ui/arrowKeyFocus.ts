import type { KeyboardEvent, RefObject } from 'react';

const KEYS = ['ArrowDown', 'ArrowUp', 'Home', 'End'] as const;

/**
 * A keydown handler that moves focus between the elements matching `itemSelector` inside
 * `container`: arrows step, Home and End jump. The current item is the one whose list row
 * holds focus, so it also works when focus is on a row's secondary buttons.
 */
export function arrowKeyFocus(container: RefObject<HTMLElement | null>, itemSelector: string) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || !(KEYS as readonly string[]).includes(event.key)) return;
    // A select, an input or a tab list uses these keys itself.
    if ((event.target as HTMLElement).closest('select, input, textarea, [role="tablist"]')) return;
    const items = Array.from(container.current?.querySelectorAll<HTMLElement>(itemSelector) ?? []);
    if (items.length === 0) return;
    const current = items.findIndex((item) => item.closest('li')?.contains(document.activeElement));
    const next =
      event.key === 'ArrowDown' ? Math.min(current + 1, items.length - 1)
      : event.key === 'ArrowUp' ? Math.max(current - 1, 0)
      : event.key === 'Home' ? 0
      : items.length - 1;
    event.preventDefault();
    items[next]?.focus();
  };
}
