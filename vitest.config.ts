import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['pipeline/**/*.test.ts', 'stages/**/*.test.ts', 'report/**/*.test.ts', 'test/**/*.test.ts'],
    // The language detector loads a large model once per worker; a few workers keep memory sane.
    maxWorkers: 2,
    // A worker keeps the modules it loaded from one test file to the next, so Lingua's models, the
    // names tagger and the stages' word lists load once per worker, not once per file. Tests that
    // change shared state (an environment variable, LEARNING_WINDOW) put it back when they end.
    isolate: false,
    // The first test touching the language stage waits for Lingua to load its models (seconds on
    // an idle machine, a minute or more on a loaded one); the limits are for hangs, not for speed.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // `npm run coverage`, and CI (.ci/run): the share of each source file the tests run.
    coverage: {
      provider: 'v8',
      include: ['index.ts', 'pipeline/**/*.ts', 'stages/**/*.ts'],
      exclude: ['**/*.test.ts', 'pipeline/run/test/**', 'stages/*/test/**', 'stages/*/data/*.ts', 'stages/*/scripts/**', '**/*.d.ts'],
      reporter: ['text'],
      // Printed when a test fails too: CI shows it on every run.
      reportOnFailure: true,
    },
  },
});
