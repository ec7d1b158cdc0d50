// A worker thread of the pool: builds its own StageRunner from the stage names and options it is
// given, then processes the documents the main thread sends, one message each.
import { parentPort, workerData } from 'node:worker_threads';
import { StageRunner } from './process.ts';
import type { InputDocument } from './read.ts';
import { selectStages } from './run.ts';

interface Init {
  stages: string[];
  stageOptions: Record<string, unknown>;
  referenceDate: string | null;
}

const init = workerData as Init;
const runner = new StageRunner(
  selectStages(init.stages).map((s) => s.stage),
  init.stageOptions,
);

parentPort?.on('message', (message: { seq: number; doc: InputDocument }) => {
  // runner.process turns any failure into the document's error record.
  const result = runner.process(message.doc, { referenceDate: init.referenceDate });
  parentPort?.postMessage({ seq: message.seq, result });
});
