import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['pipeline/**/*.test.ts', 'stages/**/*.test.ts'],
    // The language detector loads a large model once per worker; a few workers keep memory sane.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
