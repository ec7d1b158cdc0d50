// Stages for the pool's tests: `count` notes the document, `stuck` never returns on a document
// that says "stuck" (as a stage caught in a pathological regular expression would), `learned`
// writes down what the batch learners gave it (file.data.learned), `seen` how many documents its
// thread has processed.
import type { StageDefinition } from '../../core/stage.ts';

const count: StageDefinition = { name: 'count', plugin: () => () => {}, summarize: (tree) => ({ blocks: tree.children.length }) };

const stuck: StageDefinition = {
  name: 'stuck',
  plugin: () => (tree) => {
    if (tree.children.some((b) => b.value.includes('stuck'))) for (;;);
  },
  summarize: () => ({}),
};

const learned: StageDefinition = { name: 'learned', plugin: () => () => {}, summarize: (_tree, file) => ({ learned: file.data.learned ?? null }) };

let documentsSeen = 0;
const seen: StageDefinition = { name: 'seen', plugin: () => () => {}, summarize: () => ({ seen: ++documentsSeen }) };

export const stages: StageDefinition[] = [count, stuck, learned, seen];
