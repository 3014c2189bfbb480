import { useEffect, useRef, type RefObject } from 'react';

export type DismissReason = 'escape' | 'outside';

/**
 * Calls onDismiss on Escape anywhere, or on a press outside `container` and `anchor`
 * (the anchor is the toggle button, which closes the popup itself).
 */
export function useDismiss(
  container: RefObject<HTMLElement | null>,
  anchor: RefObject<HTMLElement | null> | undefined,
  onDismiss: (reason: DismissReason) => void,
): void {
  const callback = useRef(onDismiss);
  callback.current = onDismiss;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        callback.current('escape');
      }
    };
    const onPointerDown = (event: Event) => {
      const target = event.target as Node | null;
      if (!target) return;
      if (container.current?.contains(target) || anchor?.current?.contains(target)) return;
      callback.current('outside');
    };
    document.addEventListener('keydown', onKeyDown);
    // mousedown as well as pointerdown: jsdom and some older browsers lack pointer events.
    document.addEventListener('mousedown', onPointerDown);
    document.addEventListener('touchstart', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('mousedown', onPointerDown);
      document.removeEventListener('touchstart', onPointerDown);
    };
  }, [container, anchor]);
}
