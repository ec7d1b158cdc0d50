// A pool of worker threads, so that CPU-bound stages use every core. Each worker runs the same
// stages with the same options, and every stage is a pure function of its document, so which
// worker takes a document never changes its record. A worker that dies fails only the documents
// it held, and is replaced. A document over its time limit is stopped the only way a synchronous
// stage can be: its worker is ended; the document gets `error: {stage, message}` naming the stage
// it was in, and the worker is replaced.
import { availableParallelism } from 'node:os';
import { type MessagePort, Worker } from 'node:worker_threads';
import { type TableShare, TableSharing } from '../core/shared-tables.ts';
import type { WrittenResult } from './process.ts';
import type { InputDocument } from './read.ts';
import { buildFailure, written } from './process.ts';

/** How long a new worker counts as warming up (loading models), for the time limits of its documents. */
export const WARM_UP_MS: number = 10 * 60_000;

/** Deaths of workers that held no document, after which the pool stops starting new ones. */
const MAX_EMPTY_DEATHS = 16;
/**
 * Workers that died before their stages had loaded, one after the other, after which the pool
 * gives up: the stages cannot load (a broken install, a stage module that throws), every document
 * would fail the same way, and the run stops with the error instead (as it did when the main
 * thread loaded the stages too).
 */
const MAX_LOAD_FAILURES = 2;

interface Pending {
  doc: InputDocument;
  resolve: (result: WrittenResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  dead: boolean;
  /** The document the worker is on and its time limit. */
  current: { seq: number; timer: NodeJS.Timeout | null } | null;
  /** The stage the worker is in: its index in the stages, -1 before the first (written by the worker). */
  stageNow: Int32Array;
  /** Set when the worker was ended for a document over its limit: that document's error. */
  timedOut: { seq: number; stage: string; message: string } | null;
  /** Documents this worker has started. */
  started: number;
  /** Whether the worker has loaded its stages (it says so once, before its first document). */
  loaded: boolean;
  /** When the worker was started (performance.now()). */
  born: number;
  /** Per stage, what the batch learners' result last sent to this worker was (see `send`). */
  learned: Map<string, unknown>;
}

/**
 * A document as it goes to a worker: its learned results only where they differ from what this
 * worker was last sent for the stage; `same` names the stages whose result is that one again.
 */
export interface DocumentMessage {
  seq: number;
  doc: InputDocument;
  same?: string[];
}

export interface PoolOptions {
  /**
   * The time limit of a document in milliseconds, or null for none. `warming` is true while the
   * worker is young (its first document, and any in its first WARM_UP_MS): the stages load their
   * models on first use (the language stage one language at a time, as a dump's languages turn
   * up), and on a busy machine that alone can outlast a limit meant for a stuck stage.
   */
  timeoutMs?: (doc: InputDocument, warming: boolean) => number | null;
}

/** What a worker is started with (worker.ts): the stages to build and their options. */
export interface WorkerInit {
  stages: string[];
  stageOptions: Record<string, unknown>;
  referenceDate: string | null;
  /** False: the worker makes no stage lines, and sends each document's counts line instead (write.ts, `CountsLine`). */
  stageFiles?: boolean;
  /** A module exporting `stages: StageDefinition[]` to run instead of the pipeline's (tests). */
  stageModule?: string;
  /**
   * Where the worker writes the index of the stage it enters (one Int32 of shared memory, see
   * `stageNow`): the main thread reads it only when a document is over its limit, to name the
   * stage. A message a stage cost more than some stages (six a document, ~0.1 ms each).
   */
  stageNow?: SharedArrayBuffer;
  /**
   * The pool's read-only tables, shared by its workers (pipeline/core/shared-tables.ts): the
   * language stage's Lingua tables are made once, in shared memory, not once a worker.
   */
  tables?: TableShare;
}

/** This module runs from the built package (worker.js beside it) or from the sources under tsx. */
const BUILT = import.meta.url.endsWith('.js');

function startWorker(init: WorkerInit, transferList: MessagePort[]): Worker {
  if (BUILT) return new Worker(new URL('./worker.js', import.meta.url), { workerData: init, transferList });
  // From the sources: the worker registers tsx's loader first, then imports the worker module
  // through it (an entry file given directly would be read before the loader).
  const entry = new URL('./worker.ts', import.meta.url).href;
  const loader = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(loader)}).then((t) => t.register()).then(() => import(${JSON.stringify(entry)}))`;
  return new Worker(code, { eval: true, workerData: init, transferList });
}

/** A warm-up's result is not wanted, nor its failure: a pool that cannot work fails the documents' own promises. */
const ignore = (): void => {};

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private readonly sharing = new TableSharing();

  constructor(
    size: number,
    private readonly init: WorkerInit,
    private readonly options: PoolOptions = {},
  ) {
    // Without a core for each worker and the main thread: one worker at first, the others once it
    // has loaded its stages (`startOthers`). Started at once, they loaded theirs on the same cores
    // as the first and as the main thread's first learning window, and the first record waited for
    // all of them (with the pool started before the main thread loads its stages, run.ts: the
    // 100 MB bench dump, 2 workers on 2 cores, in turn on a busy machine, first record after 6.7,
    // 4.7, 3.5 and 8.1 s before, 3.4, 2.7, 4.9 and 6.0 s after).
    const together = availableParallelism() > size ? size : 1;
    for (let i = 0; i < together; i++) this.slots.push(this.start());
    this.toStart = size - together;
  }

  /** Workers not started yet (see the constructor). */
  private toStart: number;
  /** The document each worker warms up on (`warmUp`), for those started after it was given. */
  private warmUpDoc: InputDocument | null = null;

  /** Starts the workers still to start, each warming up on the warm-up document if there is one. */
  private startOthers(): void {
    for (; this.toStart > 0 && !this.closing; this.toStart--) {
      const slot = this.start();
      this.slots.push(slot);
      if (this.warmUpDoc) this.dispatch(slot, this.warmUpDoc).catch(ignore);
    }
  }

  private start(): Slot {
    const stageNow = new SharedArrayBuffer(4);
    const { share: tables, end } = this.sharing.share();
    const worker = startWorker({ ...this.init, stageNow, tables }, [tables.port]);
    const slot: Slot = { worker, pending: new Map(), dead: false, current: null, stageNow: new Int32Array(stageNow), timedOut: null, started: 0, loaded: false, born: performance.now(), learned: new Map() };
    worker.on('message', (m: { seq: number; result?: WrittenResult; started?: boolean; loaded?: boolean }) => {
      if (m.loaded) {
        slot.loaded = true;
        this.loadFailures = 0;
        return this.startOthers();
      }
      if (m.started) return this.startClock(slot, m.seq);
      if (slot.current?.seq === m.seq) this.stopClock(slot);
      const p = slot.pending.get(m.seq);
      slot.pending.delete(m.seq);
      if (p && m.result) p.resolve(m.result);
    });
    // A worker handles one message at a time: when it dies, the oldest document it held is the one
    // that killed it. That one fails; the others go to its replacement.
    const fail = (reason: string) => {
      if (slot.dead || this.closing) return;
      slot.dead = true;
      if (!slot.loaded && ++this.loadFailures >= MAX_LOAD_FAILURES) return this.giveUp(reason);
      const pending = [...slot.pending].sort((a, b) => a[0] - b[0]);
      slot.pending.clear();
      const failure = (p: Pending) => p.resolve(written(buildFailure(p.doc, 'worker', reason, this.init.stages.length), this.init.stageFiles));
      // Workers that die without having been given a document cannot start at all: stop
      // replacing them, and fail what remains rather than loop.
      if (pending.length === 0 && ++this.emptyDeaths > MAX_EMPTY_DEATHS) {
        this.broken = reason;
        return;
      }
      // The workers not started yet (the first died before it had loaded its stages) start now.
      this.startOthers();
      this.stopClock(slot);
      // A worker that died before its stages loaded had not started a document: none is to blame,
      // and all go to its replacement.
      const first = slot.loaded ? pending[0] : undefined;
      const rest = slot.loaded ? pending.slice(1) : pending;
      const timedOut = slot.timedOut;
      if (first && timedOut !== null && first[0] === timedOut.seq) {
        first[1].resolve(written(buildFailure(first[1].doc, timedOut.stage, timedOut.message, this.init.stages.length), this.init.stageFiles));
      } else if (first) failure(first[1]);
      if (this.broken !== null) {
        for (const [, p] of rest) failure(p);
        return;
      }
      const index = this.slots.indexOf(slot);
      const replacement = this.start();
      if (index !== -1) this.slots[index] = replacement;
      for (const [seq, p] of rest) {
        replacement.pending.set(seq, p);
        send(replacement, seq, p.doc);
      }
    };
    worker.on('error', (e) => fail(`the worker processing this document died: ${e.message}`));
    // Read now: a worker that has exited says -1.
    const threadId = worker.threadId;
    worker.on('exit', (code) => {
      // A worker ended while it made a shared table (over its time limit) leaves the lock to the others.
      this.sharing.left(end, threadId);
      fail(`the worker processing this document exited with code ${code}`);
    });
    return slot;
  }

  /** Starts the time limit of the document a worker has just taken. */
  private startClock(slot: Slot, seq: number): void {
    this.stopClock(slot);
    const pending = slot.pending.get(seq);
    const warming = slot.started === 0 || performance.now() - slot.born < WARM_UP_MS;
    const ms = pending ? (this.options.timeoutMs?.(pending.doc, warming) ?? null) : null;
    slot.started++;
    slot.current = { seq, timer: null };
    if (ms === null) return;
    slot.current.timer = setTimeout(() => {
      const stage = this.init.stages[Atomics.load(slot.stageNow, 0)] ?? 'worker';
      slot.timedOut = { seq, stage, message: `stopped after ${formatSeconds(ms)}: the document took longer than its time limit (--document-timeout)` };
      void slot.worker.terminate();
    }, ms);
  }

  private stopClock(slot: Slot): void {
    if (slot.current?.timer) clearTimeout(slot.current.timer);
    slot.current = null;
  }

  private closing = false;
  private emptyDeaths = 0;
  private broken: string | null = null;
  private loadFailures = 0;
  /** Set when the workers cannot load their stages: every document's promise rejects with it. */
  private fatal: Error | null = null;

  /** Why the pool cannot work (its workers cannot load their stages), or null: the run stops on it (run.ts). */
  get failure(): Error | null {
    return this.fatal;
  }

  /** The stages cannot load: what every worker holds and every later document fails the run. */
  private giveUp(reason: string): void {
    this.fatal = new Error(`the stages could not be loaded in a worker thread: ${reason}`);
    for (const slot of this.slots) {
      for (const p of slot.pending.values()) p.reject(this.fatal);
      slot.pending.clear();
    }
  }

  /** Processes a document on the least busy worker. */
  process(doc: InputDocument): Promise<WrittenResult> {
    if (this.fatal !== null) return Promise.reject(this.fatal);
    if (this.broken !== null) return Promise.resolve(written(buildFailure(doc, 'worker', this.broken, this.init.stages.length), this.init.stageFiles));
    return this.dispatch(this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a)), doc);
  }

  private dispatch(slot: Slot, doc: InputDocument): Promise<WrittenResult> {
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      slot.pending.set(seq, { doc, resolve, reject });
      send(slot, seq, doc);
    });
  }

  /**
   * Has each worker process `doc` and forget the result: the models and word lists a document
   * like it needs load before the real work reaches the worker (run.ts sends the first document
   * read, while the first learning window is still being learned; a worker started later warms up
   * on it too). Under the same time limit as any document; every stage remembers only pure
   * answers, so no record changes.
   */
  warmUp(doc: InputDocument): void {
    this.warmUpDoc = doc;
    for (const slot of this.slots) this.dispatch(slot, doc).catch(ignore);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const slot of this.slots) this.stopClock(slot);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.sharing.close();
  }
}

/**
 * Posts a document to a worker. The batch learners' results are the same object for every document
 * of a learning window (the names stage's: the window's thousands of names), and a message is a
 * copy: sent with each document, the copy cost more than the stage that reads it. So a result goes
 * to a worker once, and the documents after it that have the same one say so (`same`); the worker
 * keeps the last result per stage (worker.ts). Messages arrive in order and are handled one at a
 * time, so a document always finds the result it was sent with.
 */
function send(slot: Slot, seq: number, doc: InputDocument): void {
  if (!doc.learned) return slot.worker.postMessage({ seq, doc } satisfies DocumentMessage);
  const changed: Record<string, unknown> = {};
  const same: string[] = [];
  for (const [stage, value] of Object.entries(doc.learned)) {
    if (slot.learned.get(stage) === value) same.push(stage);
    else {
      changed[stage] = value;
      slot.learned.set(stage, value);
    }
  }
  slot.worker.postMessage({ seq, doc: { ...doc, learned: changed }, same } satisfies DocumentMessage);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
