/**
 * The engine's link to the relay, loaded with `import()` once the cached map is out: the socket
 * and its polling fallback, keeping the market in step with what arrives, and the validators for
 * relay messages (zod compiles them while this module loads, tens of ms). The first frame from the
 * cache needs none of it, so none of it stands between a warm start and that frame.
 */
export { createConnection } from './connection.ts';
export { createFeedSync } from './feedSync.ts';
export { isValidationCompiled } from './validate.ts';
