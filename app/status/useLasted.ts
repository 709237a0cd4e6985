/** Whether a condition has held for a while: for states worth showing only if they persist. */
import { useEffect, useState } from 'react';

/** True once `active` has been true for `ms` without a break (at once when `ms` ≤ 0). */
export function useLasted(active: boolean, ms: number): boolean {
  // Each stretch of `active` gets a number; the timer marks the stretch it saw last that long.
  const [stretch, setStretch] = useState(0);
  const [wasActive, setWasActive] = useState(active);
  const [lasted, setLasted] = useState(-1);
  if (active !== wasActive) {
    setWasActive(active);
    if (active) setStretch(stretch + 1);
  }
  useEffect(() => {
    if (!active || ms <= 0) return;
    const timer = window.setTimeout(() => setLasted(stretch), ms);
    return () => window.clearTimeout(timer);
  }, [active, ms, stretch]);
  return active && (ms <= 0 || lasted === stretch);
}
