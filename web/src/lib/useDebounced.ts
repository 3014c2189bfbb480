import { useCallback, useEffect, useRef } from 'react';

/**
 * A stable function that runs `run` once, `delayMs` after the last of a series of calls.
 * Nothing runs after unmount.
 */
export function useDebounced(run: () => void, delayMs: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(run, delayMs);
  }, [run, delayMs]);
}
