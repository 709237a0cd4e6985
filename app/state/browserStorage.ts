/** The page's localStorage, or null where the browser's settings block it (reading it then throws). */
export function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
