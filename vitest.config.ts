import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node; app component tests opt into jsdom per file with
// `// @vitest-environment jsdom`. Browser end-to-end tests live in tests/e2e and need the build.
export default defineConfig({
  test: {
    include: ['relay/**/*.test.ts', 'engine/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
