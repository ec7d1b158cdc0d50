// The runner: documents stream in from the readers, go through the stages under a bounded p-queue,
// and are written in input order. At most `window` documents are between read and written at any
// time, so memory stays flat however large the dump.
import PQueue from 'p-queue';
import { pipelineStages } from '../stages/index.ts';
import { WorkerPool } from './pool.ts';
import { bodyOf, buildFailure, StageRunner, type ProcessResult } from './process.ts';
import { readDocuments, type InputDocument } from './read.ts';
import type { NewsRecord } from './record.ts';
import { RunStats, type RunSummary } from './stats.ts';
import type { BatchLearner, StageDefinition } from './stage.ts';
import { OutputWriter, outputLayout, prepareResume, readLines } from './write.ts';

export interface RunOptions {
  inputs: string[];
  out: string;
  /** Stage names to run (pipeline order is kept); null runs them all. */
  stages?: string[] | null;
  referenceDate?: string | null;
  concurrency?: number;
  /** Worker threads processing documents (1: all in the main thread). */
  workers?: number;
  resume?: boolean;
  rank?: number;
  worldSize?: number;
  maxDocumentBytes?: number;
  /** Options per stage name, passed to the stage's plugin. */
  stageOptions?: Record<string, unknown>;
  /** Called after each document is written (progress). */
  onDocument?: (written: number) => void;
}

export class RunError extends Error {}

export function selectStages(names: string[] | null | undefined): { index: number; stage: StageDefinition }[] {
  const all = pipelineStages.map((stage, index) => ({ index, stage }));
  if (!names) return all;
  const unknown = names.filter((n) => !pipelineStages.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new RunError(`unknown stage ${unknown.join(', ')} (stages: ${pipelineStages.map((s) => s.name).join(', ')})`);
  }
  return all.filter(({ stage }) => names.includes(stage.name));
}

export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const selected = selectStages(options.stages);
  const rank = options.rank ?? 0;
  const worldSize = options.worldSize ?? 1;
  // With workers, keep each of them busy: two documents each in flight at least.
  const concurrency = Math.max(1, options.concurrency ?? 4, 2 * (options.workers ?? 1));
  const names = selected.map((s) => s.stage.name);
  const layout = outputLayout(options.out, selected.map((s) => ({ index: s.index, name: s.stage.name })), rank, worldSize);
  const stats = new RunStats(names);

  // The output folder first: an unwritable one is reported before any pass over the input.
  let done = 0;
  let writer: OutputWriter;
  try {
    if (options.resume) done = await prepareResume(layout);
    writer = await OutputWriter.open(layout, options.resume === true);
  } catch (e) {
    throw new RunError(`cannot write the output folder ${options.out}: ${(e as Error).message}`);
  }
  const stageOptions = { ...options.stageOptions };
  const workers = Math.max(1, options.workers ?? 1);
  const referenceDate = options.referenceDate ?? null;
  const pool = workers > 1 ? new WorkerPool(workers, { stages: names, stageOptions, referenceDate }) : null;
  const runner = pool ? null : new StageRunner(selected.map((s) => s.stage), stageOptions);
  const processDocument = (doc: InputDocument): ProcessResult | Promise<ProcessResult> =>
    pool ? pool.process(doc) : (runner as StageRunner).process(doc, { referenceDate });
  if (done > 0) await recountKept(layout, done, stats);

  const queue = new PQueue({ concurrency });
  const window = concurrency * 4;
  const finished = new Map<number, ProcessResult>();
  let nextToWrite = done;
  let inFlight = 0;
  let writing: Promise<void> = Promise.resolve();
  let wake: (() => void) | null = null;
  let writeError: Error | null = null;
  let readMs = 0;

  const flush = () => {
    while (finished.has(nextToWrite)) {
      const result = finished.get(nextToWrite) as ProcessResult;
      finished.delete(nextToWrite);
      nextToWrite++;
      // Counted in input order, so run.json is the same at any concurrency.
      stats.addDocument(result.record, result.stageLines);
      writing = writing.then(async () => {
        if (writeError) return;
        try {
          await writer.write(result.record, result.stageLines);
        } catch (e) {
          writeError = e as Error;
        }
        inFlight--;
        options.onDocument?.(nextToWrite);
        wake?.();
      });
    }
  };

  let ordinal = -1;
  let position = -1;
  const documents = learnInWindows(
    readDocuments(options.inputs, { maxDocumentBytes: options.maxDocumentBytes, exclude: [options.out] }),
    selected.map((s) => s.stage),
  );
  for (;;) {
    const t0 = performance.now();
    const next = await documents.next();
    readMs += performance.now() - t0;
    if (next.done) break;
    position++;
    if (position % worldSize !== rank) continue;
    ordinal++;
    if (ordinal < done) continue;
    while (inFlight >= window && !writeError) await new Promise<void>((resolve) => (wake = resolve));
    if (writeError) break;
    inFlight++;
    const doc: InputDocument = next.value;
    const at = ordinal;
    void queue.add(async () => {
      let result: ProcessResult;
      try {
        result = await processDocument(doc);
      } catch (e) {
        result = buildFailure(doc, 'process', e instanceof Error ? e.message : String(e), names.length);
      }
      stats.addTimings(result.timings);
      finished.set(at, result);
      flush();
    });
  }
  await queue.onIdle();
  await writing;
  await pool?.close();
  if (writeError) throw new RunError(`cannot write the output: ${(writeError as Error).message}`);
  const summary = stats.summary(performance.now() - started, readMs);
  await writer.close({ ...summary, rank, worldSize, inputs: options.inputs });
  return summary;
}

/**
 * Documents read ahead and learned from together by the stages that learn from the batch: the
 * input is read once, and at most this many documents (or this much text) are held at a time.
 */
export const LEARNING_WINDOW = { documents: 1000, bytes: 32 * 1024 * 1024 };

/**
 * The documents as they are read, each with what the batch learners learned from its window (a
 * run of consecutive documents of the input). Windows depend only on the input order, so every
 * shard and every resumed run learns the same for the same document.
 */
async function* learnInWindows(documents: AsyncGenerator<InputDocument>, stages: StageDefinition[]): AsyncGenerator<InputDocument> {
  const learning = stages.filter((s) => s.createLearner !== undefined);
  if (learning.length === 0) {
    yield* documents;
    return;
  }
  let window: InputDocument[] = [];
  let bytes = 0;
  for await (const doc of documents) {
    window.push(doc);
    bytes += (doc.text?.length ?? 0) + (doc.html?.length ?? 0);
    if (window.length >= LEARNING_WINDOW.documents || bytes >= LEARNING_WINDOW.bytes) {
      yield* learnWindow(window, learning);
      window = [];
      bytes = 0;
    }
  }
  if (window.length > 0) yield* learnWindow(window, learning);
}

function learnWindow(window: InputDocument[], stages: StageDefinition[]): InputDocument[] {
  const learners = stages.map((stage) => ({ stage, learner: (stage.createLearner as () => BatchLearner)() }));
  const read = window.map((doc) => {
    if (doc.error !== null || doc.text !== null) return doc;
    // An HTML page is turned into text once, here, not again when it is processed.
    const body = bodyOf(doc);
    return 'text' in body ? { ...doc, text: body.text, html: null } : doc;
  });
  for (const doc of read) {
    if (doc.text === null || doc.error !== null) continue;
    for (const { learner } of learners) learner.add({ id: doc.id, text: doc.text, url: doc.source.url });
  }
  const results = learners.map(({ stage, learner }) => ({ stage, result: learner.result() }));
  return read.map((doc) => {
    const learned: Record<string, unknown> = {};
    for (const { stage, result } of results) {
      const mine = stage.learnedFor ? stage.learnedFor(result, { url: doc.source.url }) : result;
      if (mine !== null && mine !== undefined) learned[stage.name] = mine;
    }
    return Object.keys(learned).length > 0 ? { ...doc, learned } : doc;
  });
}

/** On --resume, the counts of the documents kept from the interrupted run. */
async function recountKept(layout: ReturnType<typeof outputLayout>, done: number, stats: RunStats): Promise<void> {
  const records = readLines(layout.records, done);
  const stageFiles = layout.stages.map((f) => readLines(f, done));
  for await (const record of records) {
    const lines = await Promise.all(stageFiles.map(async (g) => (await g.next()).value));
    stats.addDocument(record as NewsRecord, lines);
  }
}
