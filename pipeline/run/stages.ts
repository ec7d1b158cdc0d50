// The pipeline's stages by name, each stage's module loaded only when a run asks for that stage:
// `--stages repair,blocks` does not load the language stage's detectors or the name lists, and
// `--help`, `report` and `inspect` load no stage at all (about a second of start-up saved in each
// process and each worker thread). The names and their order are the preset's (stages/index.ts):
// stages.test.ts checks that the two agree.
import type { StageDefinition, StageLearning } from '../core/stage.ts';

const LOADERS: Record<string, () => Promise<StageDefinition>> = {
  repair: async () => (await import('../../stages/repair/index.ts')).repairStage,
  blocks: async () => (await import('../../stages/blocks/index.ts')).blocksStage,
  language: async () => (await import('../../stages/language/index.ts')).languageStage,
  chrome: async () => (await import('../../stages/chrome/index.ts')).chromeStage,
  names: async () => (await import('../../stages/names/index.ts')).namesStage,
  dates: async () => (await import('../../stages/dates/index.ts')).datesStage,
};

/**
 * What the stages that learn from the batch learn, loaded without the stages: with worker threads
 * the main thread only reads, learns and writes, and the stages themselves (the language stage's
 * detectors, the names tagger, the dates rules) would be about 20 MB of its memory and a third of a
 * second before the first record for nothing (chrome's and the names stage's learners alone: 59 MB
 * resident after importing them from the built package, against 80 MB for all six stages).
 * stages.test.ts checks that these are the stages' own learners.
 */
const LEARNING: Record<string, () => Promise<StageLearning>> = {
  chrome: async () => (await import('../../stages/chrome/learning.ts')).chromeLearning,
  names: async () => (await import('../../stages/names/learning.ts')).namesLearning,
};

/** The stages' names, in pipeline order. */
export const STAGE_NAMES: readonly string[] = Object.keys(LOADERS);

/** The stages of these names (known ones: the flags and the runner check them first), in the order given. */
export async function loadStages(names: readonly string[]): Promise<StageDefinition[]> {
  return Promise.all(
    names.map((name) => {
      const load = LOADERS[name];
      if (!load) throw new Error(`unknown stage ${name}`);
      return load();
    }),
  );
}

/** What the stages of these names learn from the batch (only a name for a stage that learns nothing), in the order given. */
export async function loadLearning(names: readonly string[]): Promise<StageLearning[]> {
  return Promise.all(
    names.map((name) => {
      if (!(name in LOADERS)) throw new Error(`unknown stage ${name}`);
      return LEARNING[name]?.() ?? { name };
    }),
  );
}
