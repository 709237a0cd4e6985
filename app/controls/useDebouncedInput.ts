/**
 * A text input's local value, committed after a pause (or at once with `flush`). When the
 * committed value changes from outside (URL, "clear filters"), the local value follows.
 */
import { useEffect, useRef, useState } from 'react';

export function useDebouncedInput(committed: string, commit: (value: string) => void, delayMs: number) {
  const [text, setText] = useState(committed);
  const [seen, setSeen] = useState(committed);
  const timer = useRef<number | null>(null);
  if (committed !== seen) {
    setSeen(committed);
    setText(committed);
  }
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);
  const change = (value: string) => {
    setText(value);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      commit(value);
    }, delayMs);
  };
  const flush = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (text !== committed) commit(text);
  };
  return { text, change, flush };
}
