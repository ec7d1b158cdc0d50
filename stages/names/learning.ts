// What the names stage learns from the batch (its full Latin names), apart from the stage itself:
// the runner's main thread, which with worker threads only reads, learns and writes, loads this and
// not the stage's tagger (pipeline/run/stages.ts).
import type { StageLearning } from '../../pipeline/core/stage.ts';
import { createNamesLearner } from './batch.ts';

// The full Latin names of the batch, so that a person written in another script or by the surname
// alone takes the batch's spelling (batch.ts).
export const namesLearning: StageLearning = { name: 'names', createLearner: createNamesLearner };
