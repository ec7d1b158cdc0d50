// A worker thread of the pool: builds its own StageRunner from the stage names and options it is
// given, then processes the documents the main thread sends, one message each. It tells the main
// thread when it starts a document (a message) and each stage (in shared memory), so a document
// over its time limit can be stopped (by ending this thread) and blamed on the stage it was in.
import { parentPort, workerData } from 'node:worker_threads';
import type { Processor } from 'unified';
import type { Root } from '../core/document.ts';
import { StageRunner, written } from './process.ts';
import type { InputDocument } from './read.ts';
import type { StageDefinition } from '../core/stage.ts';
import type { DocumentMessage, WorkerInit } from './pool.ts';
import { loadStages } from './stages.ts';
import { joinTableShare } from '../core/shared-tables.ts';

const init = workerData as WorkerInit;

// Before the stages load: the tables they keep are then made once for all the pool's workers.
if (init.tables) joinTableShare(init.tables);

/** Where this thread writes the index of the stage it enters (pool.ts, WorkerInit.stageNow). */
const stageNow = new Int32Array(init.stageNow ?? new SharedArrayBuffer(4));

/** The stage, its plugin wrapped to say "this stage starts now" before each document. */
function reporting(stage: StageDefinition, index: number): StageDefinition {
  const plugin = function (this: Processor, options?: unknown) {
    const transformer = (stage.plugin as unknown as (this: Processor, o?: unknown) => unknown).call(this, options) as
      | ((tree: Root, ...rest: unknown[]) => unknown)
      | undefined;
    if (!transformer) return undefined;
    const report = () => Atomics.store(stageNow, 0, index);
    // Same arity as the stage's transformer: unified tells callback-style ones (tree, file, next) by it.
    return transformer.length >= 3
      ? (tree: Root, file: unknown, next: unknown) => (report(), transformer(tree, file, next))
      : (tree: Root, file: unknown) => (report(), transformer(tree, file));
  } as unknown as StageDefinition['plugin'];
  return { ...stage, plugin };
}

// The pipeline's stages are imported only when they are the ones asked for: a thread given a
// stage module of its own (the pool's tests) does not load the pipeline's models and word lists.
const stages: readonly StageDefinition[] = init.stageModule
  ? ((await import(init.stageModule)) as { stages: StageDefinition[] }).stages.filter((s) => init.stages.includes(s.name))
  : await loadStages(init.stages);
const runner = new StageRunner(stages.map((stage) => reporting(stage, init.stages.indexOf(stage.name))), init.stageOptions, init.stageFiles !== false);
// The pool starts its other workers once this one has loaded its stages, and knows from this that
// a death from now on is a document's, not stages that cannot load.
parentPort?.postMessage({ loaded: true });

/** The batch learners' result last sent, per stage: documents of the same window say `same` (pool.ts). */
const learned = new Map<string, unknown>();

/** The document as the main thread has it: each learned result sent with it or named as the same. */
function received({ doc, same }: DocumentMessage): InputDocument {
  if (!doc.learned) return doc;
  for (const [stage, value] of Object.entries(doc.learned)) learned.set(stage, value);
  for (const stage of same ?? []) doc.learned[stage] = learned.get(stage);
  return doc;
}

parentPort?.on('message', (message: DocumentMessage) => {
  Atomics.store(stageNow, 0, -1);
  parentPort?.postMessage({ seq: message.seq, started: true });
  // runner.process turns any failure into the document's error record.
  const result = runner.process(received(message), { referenceDate: init.referenceDate });
  const output = written(result, init.stageFiles !== false);
  // The lines' bytes are handed over, not copied.
  parentPort?.postMessage({ seq: message.seq, result: output }, [output.bytes.buffer as ArrayBuffer]);
});
