// Stages for the pool's tests of shared tables (pipeline/core/shared-tables.ts). `table` reads the
// table "test/maker", made by the first thread that asks for it: eight bytes holding that thread's
// id (a document saying "stuck" makes it never return, as a worker ended over its time limit while
// it makes a table); it writes down its own thread, the table's maker and whether the table lies
// in shared memory. `lingua` writes down whether the language stage's tables lie in shared memory:
// Welsh's four-grams, and the merged trigrams.
import { threadId } from 'node:worker_threads';
import type { StageDefinition } from '../../core/stage.ts';
import { sharedTable } from '../../core/shared-tables.ts';
import { mergedTable } from '../../../stages/language/lingua/merged.ts';
import { gramTable } from '../../../stages/language/lingua/models.ts';
import { modelLanguages } from '../../../stages/language/lingua/score.ts';

const table: StageDefinition = {
  name: 'table',
  plugin: () => () => {},
  summarize: (tree) => {
    const stuck = tree.children.some((b) => b.value.includes('stuck'));
    const bytes = sharedTable('test/maker', (allocate) => {
      if (stuck) for (;;);
      const made = allocate(8);
      new Float64Array(made.buffer, made.byteOffset, 1)[0] = threadId;
      return made;
    })!;
    return { thread: threadId, maker: new Float64Array(bytes.buffer, bytes.byteOffset, 1)[0], shared: bytes.buffer instanceof SharedArrayBuffer };
  },
};

const lingua: StageDefinition = {
  name: 'lingua',
  plugin: () => () => {},
  summarize: () => ({ fourGrams: gramTable('WELSH', 4)?.shared ?? null, mergedTrigrams: mergedTable(3, modelLanguages).shared }),
};

export const stages: StageDefinition[] = [table, lingua];
