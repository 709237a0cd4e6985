/**
 * Runs start-up steps one task each, in order: the first now, each next one in a task of its own
 * after it. Lighthouse, and a phone's input, see a page's thread by its tasks: several steps of
 * 5–20 ms in one task make one long task that blocks input, while in tasks of their own the
 * browser can paint or answer a tap between them. A step that throws is logged and the rest run.
 */
export function taskByTask(steps: readonly (readonly [name: string, step: () => void])[]): void {
  const [first, ...rest] = steps;
  if (!first) return;
  const [name, step] = first;
  try {
    step();
  } catch (error) {
    console.error(`start-up step "${name}" failed`, error);
  }
  if (rest.length > 0) setTimeout(() => taskByTask(rest), 0);
}
