// The runner: documents stream in from the readers, go through the stages under a bounded p-queue,
// and are written in input order. At most `window` documents are between read and written at any
// time, so memory stays flat however large the dump.
import { appendFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import PQueue from 'p-queue';
import { GazetteerError, loadGazetteer } from '../../stages/names/gazetteer.ts';
import { UsageError } from './errors.ts';
import { applyHeapPolicy } from './heap.ts';
import { WorkerPool } from './pool.ts';
import { buildFailure, StageRunner, written, type WrittenResult } from './process.ts';
import { learnInWindows } from './windows.ts';
import { inputParts, type InputPart, partBytes, partsOfRank, partsSize } from './parts.ts';
import { countEntryDocuments, IdRegistry, type InputDocument, type LineCarry, readEntries, type ReadOptions } from './read.ts';
import { claimOutput, describeInputs, type RunState, writeState } from './state.ts';
import type { NewsRecord } from '../core/record.ts';
import { InOrderWriter } from './in-order.ts';
import { loadLearning, loadStages, STAGE_NAMES } from './stages.ts';
import { RunStats, type RunSummary } from './stats.ts';
import type { StageDefinition, StageLearning } from '../core/stage.ts';
import { type OutputLayout, OutputWriter, outputLayout, prepareResume, readLines } from './write.ts';

export interface RunOptions {
  inputs: string[];
  out: string;
  /** Stage names to run (pipeline order is kept); null runs them all. */
  stages?: string[] | null;
  referenceDate?: string | null;
  concurrency?: number;
  /** Worker threads processing documents (1: all in the main thread). */
  workers?: number;
  /** Continue the earlier run in `out`: keep its complete documents, process the rest. */
  resume?: boolean;
  /** Replace the newsnorm files in `out`; without it (or `resume`), a non-empty `out` is refused. */
  overwrite?: boolean;
  rank?: number;
  worldSize?: number;
  maxDocumentBytes?: number;
  /**
   * Time limit of one document in milliseconds; a document over it is stopped and recorded as
   * failed by the stage it was in. A number, or `per-mb` (the default of documentTimeout), runs
   * the documents in worker threads (even one), where a stuck stage can be stopped; null sets no
   * limit; undefined: `per-mb` with two workers or more, else the main thread without a limit
   * (the command line passes `per-mb`).
   */
  documentTimeoutMs?: number | 'per-mb' | null;
  /** Options per stage name, passed to the stage's plugin. */
  stageOptions?: Record<string, unknown>;
  /**
   * False: no stage files (stages/NN-name.jsonl) and no stage lines made; run.json still counts
   * every stage's decisions, from a small hidden file that lets --resume and --merge rebuild them.
   */
  stageFiles?: boolean;
  /** Called after each document is written (progress). */
  onDocument?: (written: number) => void;
  /** Called once the output folder is claimed, before any document is processed. */
  onStart?: (start: RunStart) => void;
  /** Called after each document is written, with the counts a progress display needs. */
  onProgress?: (progress: RunProgress) => void;
  /** Told of what the user should know but that does not stop the run (skipped files, duplicate ids). */
  onNotice?: (message: string) => void;
  /** Aborting it stops the run cleanly: documents in flight are written, run.json says `interrupted`. */
  signal?: AbortSignal;
  /** How the user reruns this run (`npm start --`, `newsnorm`), for the messages that suggest a flag. */
  command?: string;
  /**
   * V8's heap growth between full collections for the process, in percent (heap.ts: 60 by
   * default, which keeps a worker's memory flat on a large dump); null or 0 leaves V8's own.
   */
  heapGrowingPercent?: number | null;
}

export interface RunStart {
  /** Documents kept from the earlier run (--resume). */
  kept: number;
  /** Documents left to process, when counted (on --resume), else null. */
  remaining: number | null;
  /** Bytes of input, when known (not with gzip inputs). */
  inputBytes: number | null;
}

export interface RunProgress {
  /** Documents written by this run, and those kept from an earlier one. */
  written: number;
  kept: number;
  failed: number;
  /** Input bytes of the documents this run processed (for MB/s). */
  processedBytes: number;
  /** How far into the input the last written document lies, in bytes (for the time left). */
  inputOffset: number;
}

export class RunError extends Error {}

/** The stages named (all of them without names), in pipeline order, with their places in it; not loaded. */
export function stagePlaces(names: string[] | null | undefined): { index: number; name: string }[] {
  const all = STAGE_NAMES.map((name, index) => ({ index, name }));
  if (!names) return all;
  const unknown = names.filter((n) => !STAGE_NAMES.includes(n));
  if (unknown.length > 0) {
    throw new RunError(`unknown stage ${unknown.join(', ')} (stages: ${STAGE_NAMES.join(', ')})`);
  }
  return all.filter(({ name }) => names.includes(name));
}

/**
 * Everything the run needs checked before a byte is written: the inputs exist, the stages'
 * files (a gazetteer) can be read. Throws UsageError with a message for the user.
 */
export async function validateRun(options: RunOptions): Promise<void> {
  for (const input of options.inputs) {
    const problem = await stat(input).then(
      () => null,
      (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? `no such input: "${input}"` : `cannot read the input "${input}" (${e.code ?? e.message})`),
    );
    if (problem !== null) throw new UsageError(problem);
  }
  const gazetteer = (options.stageOptions?.names as { gazetteer?: unknown } | undefined)?.gazetteer;
  if (typeof gazetteer === 'string') {
    try {
      loadGazetteer(gazetteer);
    } catch (e) {
      if (e instanceof GazetteerError) throw new UsageError(`--gazetteer ${e.message}`);
      throw e;
    }
  }
}

/** What the output was made from, for --resume to compare. */
async function runState(options: RunOptions, stages: string[], rank: number, worldSize: number): Promise<RunState> {
  return {
    version: 2,
    inputs: await describeInputs(options.inputs),
    stages,
    referenceDate: options.referenceDate ?? null,
    maxDocumentBytes: options.maxDocumentBytes ?? null,
    stageOptions: JSON.parse(JSON.stringify(options.stageOptions ?? {})) as Record<string, unknown>,
    rank,
    worldSize,
    partBytes: partBytes(),
    // Only when off, so that the state of a run with stage files is what it was before the flag.
    ...(options.stageFiles === false ? { stageFiles: false as const } : {}),
  };
}

/**
 * Claims the output folder (refusing one that holds another run's output), then: the summary of
 * a run that already finished (--resume of a finished rank: nothing to do, the input is not even
 * read), or a writer appending after the documents kept from an earlier run.
 */
async function openOutput(
  options: RunOptions,
  layout: OutputLayout,
  state: RunState,
): Promise<{ finished: RunSummary } | { writer: OutputWriter; done: number }> {
  const resuming = await claimOutput(layout, state, {
    resume: options.resume === true,
    overwrite: options.overwrite === true,
    command: options.command ?? 'newsnorm',
  }).catch((e: unknown) => {
    if (e instanceof UsageError) throw e;
    throw new RunError(`cannot read the output folder ${options.out}: ${(e as Error).message}`);
  });
  const finished = resuming ? await readFinished(layout) : null;
  if (finished !== null) return { finished };
  try {
    const done = resuming ? await prepareResume(layout) : 0;
    const writer = await OutputWriter.open(layout, resuming);
    await writeState(layout, state);
    return { writer, done };
  } catch (e) {
    throw new RunError(`cannot write the output folder ${options.out}: ${(e as Error).message}`);
  }
}

/**
 * How a document is processed: in the main thread by `stages` (loaded when there is no pool), or
 * by the pool's workers (`startPool`).
 */
function documentProcessor(options: RunOptions, names: string[], stages: StageDefinition[] | null, pool: WorkerPool | null) {
  const stageOptions = { ...options.stageOptions };
  const referenceDate = options.referenceDate ?? null;
  const stageFiles = options.stageFiles !== false;
  const runner = stages ? new StageRunner(stages, stageOptions, stageFiles) : null;
  const slowMs = Number(process.env.NEWSNORM_TEST_SLOW_MS ?? 0);
  const processDocument = async (doc: InputDocument): Promise<WrittenResult> => {
    traceProcessed(doc.id);
    if (slowMs > 0) await new Promise((resolve) => setTimeout(resolve, slowMs));
    return pool ? pool.process(doc) : written((runner as StageRunner).process(doc, { referenceDate }), stageFiles);
  };
  return { processDocument, pool, names, stageFiles };
}

/**
 * The worker threads, when there are several workers or a time limit (a stuck stage can be stopped
 * only in a worker thread); null: the documents are processed in the main thread.
 */
function startPool(options: RunOptions, names: string[]): WorkerPool | null {
  const workers = Math.max(1, options.workers ?? 1);
  const limit = options.documentTimeoutMs;
  if (workers === 1 && typeof limit !== 'number' && limit !== 'per-mb') return null;
  const init = { stages: names, stageOptions: { ...options.stageOptions }, referenceDate: options.referenceDate ?? null, stageFiles: options.stageFiles !== false };
  return new WorkerPool(workers, init, { timeoutMs: (doc, warming) => documentTimeout(doc, warming, limit === 'per-mb' ? undefined : limit) });
}

export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  // Before the stages load and the workers start: it holds for every thread of the run.
  applyHeapPolicy(options.heapGrowingPercent);
  // Everything is checked before anything is written: inputs, stage files, the output folder. The
  // inputs and files first, before the stages load (a second or more): a typo is told at once.
  await validateRun(options);
  // The workers load their stages while the main thread loads the learners and reads the first
  // window (a worker started from the sources takes seconds to load them on a busy machine).
  const pool = startPool(options, stagePlaces(options.stages).map((s) => s.name));
  try {
    return await runWith(options, pool, started);
  } catch (e) {
    await pool?.close();
    throw e;
  }
}

async function runWith(options: RunOptions, pool: WorkerPool | null, started: number): Promise<RunSummary> {
  const places = stagePlaces(options.stages);
  const names = places.map((s) => s.name);
  // With worker threads the main thread runs no stage: it only reads, learns and writes, and loads
  // only what the stages learn from the batch (stages.ts).
  const stages = pool ? null : await loadStages(names);
  const learning = stages ?? (await loadLearning(names));
  const rank = options.rank ?? 0;
  const worldSize = options.worldSize ?? 1;
  const layout = outputLayout(options.out, places, rank, worldSize, options.stageFiles !== false);
  const stats = new RunStats(names);

  const opened = await openOutput(options, layout, await runState(options, names, rank, worldSize));
  if ('finished' in opened) {
    await pool?.close();
    options.onStart?.({ kept: opened.finished.documents, remaining: 0, inputBytes: null });
    return { ...opened.finished, resumed: { kept: opened.finished.documents, processed: 0 } };
  }
  const { writer, done } = opened;
  // This rank's part of the input: the only files it reads (see parts.ts).
  const mine = partsOfRank(await inputParts(options.inputs, [options.out]), rank, worldSize);
  const remaining = options.resume ? Math.max(0, (await countEntryDocuments(mine.flatMap((p) => p.entries))) - done) : null;
  options.onStart?.({ kept: done, remaining, inputBytes: partsSize(mine) });
  if (done > 0) await recountKept(layout, done, stats);

  const noticed = noticesOf(options);
  const processor = documentProcessor(options, names, stages, pool);
  // The first document read goes to each worker at once, so that the models it needs load while
  // the first learning window is read and learned (the worker is idle until then).
  const documents = partDocuments(mine, documentIds(worldSize, noticed.duplicate), noticed.readOptions, learning, (doc) => processor.pool?.warmUp(doc));
  const fed = await feed(documents, options, processor, done, writer, stats);
  const summary: RunSummary = {
    ...stats.summary(performance.now() - started, fed.readMs),
    ...(fed.interrupted ? { interrupted: true } : {}),
    skipped: noticed.skipped,
    duplicateIds: noticed.duplicateIds(),
    resumed: options.resume ? { kept: done, processed: fed.written } : null,
  };
  await writer.close({ ...summary, rank, worldSize, inputs: options.inputs });
  if (!summary.interrupted) await writeFile(layout.done, `${new Date().toISOString()}\n`);
  return summary;
}

/** What the run tells the user without stopping: skipped files and repeated ids, counted for run.json. */
function noticesOf(options: RunOptions) {
  const skipped: { path: string; reason: string }[] = [];
  let duplicateIds = 0;
  const readOptions: ReadOptions = {
    maxDocumentBytes: options.maxDocumentBytes,
    onSkipped: (file, reason) => {
      if (skipped.length < MAX_LISTED) skipped.push({ path: file, reason });
      options.onNotice?.(`skipped ${file}: ${reason}`);
    },
  };
  const duplicate = (id: string, renamed: string) => {
    duplicateIds++;
    options.onNotice?.(`the id "${id}" appears more than once in the input: this one is "${renamed}"`);
  };
  return { skipped, readOptions, duplicate, duplicateIds: () => duplicateIds };
}

/**
 * Takes documents from the input and has them processed under a bounded queue, writing them in
 * input order; the first `done` (kept from an earlier run) are read past. At most `window`
 * documents are between read and written at any time, so memory stays flat however large the
 * input. Stops early on an interruption or a failed write; what was taken is still written.
 */
async function feed(
  documents: AsyncGenerator<InputDocument>,
  options: RunOptions,
  { processDocument, pool, names, stageFiles }: ReturnType<typeof documentProcessor>,
  done: number,
  writer: OutputWriter,
  stats: RunStats,
): Promise<{ readMs: number; written: number; interrupted: boolean }> {
  // With workers, keep each of them busy: two documents each in flight at least.
  const concurrency = Math.max(1, options.concurrency ?? 4, 2 * (options.workers ?? 1));
  const window = concurrency * 4;
  const queue = new PQueue({ concurrency });
  const progress: RunProgress = { written: 0, kept: done, failed: 0, processedBytes: 0, inputOffset: 0 };
  let wake: (() => void) | null = null;
  const output = new InOrderWriter(done, writer, stats, progress, (written) => {
    options.onDocument?.(written);
    options.onProgress?.({ ...progress });
    wake?.();
  });
  // An interruption wakes the reading loop, which then stops taking documents, and drops the
  // documents read ahead that no stage has started: those in the stages are finished and written
  // (the queue starts documents in input order, so the dropped ones are the last read, and
  // --resume takes them up). Without this, Ctrl-C went on through four times the concurrency.
  const interrupted = () => options.signal?.aborted === true;
  options.signal?.addEventListener(
    'abort',
    () => {
      queue.clear();
      wake?.();
    },
    { once: true },
  );
  let readMs = 0;
  let ordinal = -1;
  let offset = 0;
  while (!interrupted()) {
    const t0 = performance.now();
    const next = await documents.next();
    readMs += performance.now() - t0;
    if (next.done) break;
    offset += next.value.bytes ?? 0;
    ordinal++;
    if (ordinal < done) continue;
    while (output.inFlight >= window && !output.error && !interrupted() && !pool?.failure) await new Promise<void>((resolve) => (wake = resolve));
    if (output.error || interrupted() || pool?.failure) break;
    output.inFlight++;
    const doc = next.value;
    const at = ordinal;
    const where = offset;
    void queue.add(async () => {
      const result = await processDocument(doc).catch((e: unknown) =>
        // Workers that cannot load their stages fail the run below, not the document: a fixed
        // install then processes it (--resume), where a record of its failure would be kept.
        pool?.failure ? null : written(buildFailure(doc, 'process', e instanceof Error ? e.message : String(e), names.length), stageFiles),
      );
      if (result === null) return void wake?.();
      stats.addTimings(result.timings);
      output.add(at, { result, offset: where, bytes: doc.bytes ?? 0 });
    });
  }
  // Documents already taken are finished and written, in order, even when interrupted.
  await queue.onIdle();
  await output.drained();
  await pool?.close();
  await documents.return(undefined);
  if (output.error) throw new RunError(`cannot write the output: ${output.error.message}`);
  if (pool?.failure) throw new RunError(pool.failure.message);
  return { readMs, written: progress.written, interrupted: interrupted() };
}

/** The summary of a run that finished (its completion marker is there), else null. */
async function readFinished(layout: OutputLayout): Promise<RunSummary | null> {
  if (!(await stat(layout.done).then(() => true, () => false))) return null;
  try {
    return JSON.parse(await readFile(layout.run, 'utf8')) as RunSummary;
  } catch {
    return null;
  }
}

/**
 * A document's time limit: the one given, else 30 s and 30 s per MB of the document; while its
 * worker warms up (the first document, and every document of its first ten minutes: pool.ts) ten
 * more minutes, for loading models: Lingua loads a language's models the first time a block may be
 * in it, about 13 MB and a quarter of a second each, several times that on a busy machine.
 */
export function documentTimeout(doc: InputDocument, warming: boolean, given: number | null | undefined): number | null {
  if (given === null) return null;
  const mb = (doc.bytes ?? (doc.text?.length ?? 0) + (doc.html?.length ?? 0)) / 1e6;
  const base = given ?? Math.round(30_000 + 30_000 * mb);
  return warming ? base + 600_000 : base;
}

/** Files and duplicate ids listed in run.json at most (the counts are complete). */
export const MAX_LISTED = 1000;

/**
 * For tests and debugging: with NEWSNORM_TRACE_PROCESSED=FILE, the id of every document handed
 * to the stages is appended to FILE, so a test can see which documents a run processed.
 */
function traceProcessed(id: string): void {
  const file = process.env.NEWSNORM_TRACE_PROCESSED;
  if (file) appendFileSync(file, `${JSON.stringify(id)}\n`);
}


/**
 * How a run makes ids unique. A shard keeps them as given: it cannot know the other shards' ids,
 * and --merge, which sees them all in input order, gives the suffixes exactly as one process would.
 */
function documentIds(worldSize: number, onDuplicate: (id: string, renamed: string) => void): Pick<IdRegistry, 'claim'> {
  return worldSize > 1 ? { claim: (raw: string) => raw } : new IdRegistry(onDuplicate);
}

/**
 * The documents of some parts of the input, in order, each with what the batch learners learned
 * from its window. A window never spans two parts, so a rank that reads only its own parts learns
 * for each document what a single process learns.
 */
async function* partDocuments(
  parts: InputPart[],
  ids: Pick<IdRegistry, 'claim'>,
  options: ReadOptions,
  stages: StageLearning[],
  onFirstRead: (doc: InputDocument) => void,
): AsyncGenerator<InputDocument> {
  // Line numbers run on from one range of a dump to the next (read.ts).
  const carry: LineCarry = new Map();
  let first = true;
  async function* told(documents: AsyncGenerator<InputDocument>): AsyncGenerator<InputDocument> {
    for await (const doc of documents) {
      if (first) onFirstRead(doc);
      first = false;
      yield doc;
    }
  }
  for (const part of parts) yield* learnInWindows(told(readEntries(part.entries, ids, options, carry)), stages);
}

/** On --resume, the counts of the documents kept from the interrupted run. */
async function recountKept(layout: ReturnType<typeof outputLayout>, done: number, stats: RunStats): Promise<void> {
  const records = readLines(layout.records, done);
  const beside = layout.beside.map((f) => readLines(f, done));
  for await (const record of records) {
    const lines = await Promise.all(beside.map(async (g) => (await g.next()).value));
    stats.addLines(record as NewsRecord, lines, layout.counts !== null);
  }
}
