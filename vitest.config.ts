import path from 'node:path';
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Lingua's models for every language take a few seconds of CPU to load in each worker that needs
// them (short texts in the Latin script are read against all of them). Four files need them: they are
// handed out first after the packaging test, so that while one worker spends its first half
// minute on that test (building, packing, installing, all in child processes), the other runs the
// four one after another and loads the models once. Files a worker takes later find them loaded
// whichever worker they land on. The rest keep vitest's order (slowest first, from its cache).
const FIRST = ['test/package.test.ts', 'stages/language/language.test.ts', 'pipeline/run/run.test.ts', 'pipeline/run/linear.test.ts', 'report/browser.test.ts'];

class ModelsInOneWorker extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = FIRST.indexOf(path.relative(import.meta.dirname, spec.moduleId));
      return i < 0 ? FIRST.length : i;
    };
    // Array sort is stable: the files not named keep the base order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

const config: ViteUserConfig = defineConfig({
  test: {
    include: ['pipeline/**/*.test.ts', 'stages/**/*.test.ts', 'report/**/*.test.ts', 'test/**/*.test.ts'],
    // Each worker loads the language models it needs once; two workers for two cores.
    maxWorkers: 2,
    // Worker threads rather than child processes: one process, no second Node to start.
    pool: 'threads',
    // A worker keeps the modules it loaded from one test file to the next, so Lingua's models, the
    // names tagger and the stages' word lists load once per worker, not once per file. Tests that
    // change shared state (an environment variable, LEARNING_WINDOW) put it back when they end.
    isolate: false,
    sequence: { sequencer: ModelsInOneWorker },
    // The first test touching the language stage waits for Lingua's models to load (seconds on an
    // idle machine, longer on a loaded one); the limits are for hangs, not for speed.
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

export default config;
