'use client';

import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A callback that keeps one identity for the component's life while always calling the latest
 * `run`: memoised children that take it do not re-render on every keystroke.
 */
export function useSteadyCallback<A extends unknown[]>(
  run: (...args: A) => void,
): (...args: A) => void {
  const latest = useRef(run);
  useLayoutEffect(() => {
    latest.current = run;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
