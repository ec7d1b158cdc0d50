import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['pipeline/**/*.test.ts', 'stages/**/*.test.ts', 'report/**/*.test.ts'],
    // The language detector loads a large model once per worker; a few workers keep memory sane.
    maxWorkers: 2,
    // The first test touching the language stage waits for Lingua to load its models (seconds on
    // an idle machine, a minute or more on a loaded one); the limits are for hangs, not for speed.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
