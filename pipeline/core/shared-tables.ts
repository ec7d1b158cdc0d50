// Read-only tables that the threads of one run share instead of each holding its own copy (the
// language stage's Lingua tables: 128 to 160 MB a worker on the bench dump before this).
//
// How: the pool (pipeline/run/pool.ts) makes a `TableSharing` and hands its `TableShare` to every
// worker it starts (workerData); the worker joins it (`joinTableShare`) before loading its stages.
// In a thread that has joined, `sharedTable(key, make)` gives the table of `key` made once, by the
// first thread that asks for it, into a SharedArrayBuffer: that thread posts it on the share's
// BroadcastChannel, and every other thread takes it from there. A lock (one Int32 of shared
// memory) makes the threads that ask at once (both workers warm up on the same document) wait for
// the one making it instead of each making a copy of its own; a thread reads the channel
// synchronously (receiveMessageOnPort) while it holds the lock, so it always sees every table
// posted before it took the lock. The pool keeps what was posted and starts a replacement worker
// with it. In a thread that has joined nothing (one stage imported alone, one worker in the main
// thread) `make` runs as it always did and nothing is shared.
//
// A table must be the same bytes whoever makes it (a pure function of its key), and no thread may
// write to it once made.
import { BroadcastChannel, type MessagePort, receiveMessageOnPort, threadId } from 'node:worker_threads';

/** What a worker is given to join a run's sharing (structured-cloned: the buffers stay shared). */
export interface TableShare {
  /** The BroadcastChannel's name (one a pool). */
  channel: string;
  /** The lock: 0 when free, else the holder's threadId + 1. */
  lock: SharedArrayBuffer;
  /** The tables made so far, by key. */
  tables: Map<string, SharedArrayBuffer>;
}

/** A table as posted on the channel. */
interface Posted {
  key: string;
  buffer: SharedArrayBuffer;
}

/** How `make` asks for the bytes it fills: shared memory when the thread shares, else ordinary. */
export type Allocate = (length: number) => Uint8Array;

const plainAllocate: Allocate = (length) => new Uint8Array(length);
const sharedAllocate: Allocate = (length) => new Uint8Array(new SharedArrayBuffer(length));

/** This thread's part in a share, once it has joined one. */
let joined: { channel: BroadcastChannel; lock: Int32Array; tables: Map<string, SharedArrayBuffer>; depth: number } | null = null;

/** Joins the sharing of a pool (a worker thread, before its stages load). */
export function joinTableShare(share: TableShare): void {
  const channel = new BroadcastChannel(share.channel);
  const tables = new Map(share.tables);
  // Posts that arrive while the thread's event loop turns (between documents) come as events;
  // those that arrive while it works are read by `receiveMessageOnPort` below.
  channel.onmessage = (event) => take(tables, (event as { data: Posted }).data);
  channel.unref();
  joined = { channel, lock: new Int32Array(share.lock), tables, depth: 0 };
}

function take(tables: Map<string, SharedArrayBuffer>, posted: Posted): void {
  if (!tables.has(posted.key)) tables.set(posted.key, posted.buffer);
}

/** Every table posted to `channel` and not yet taken, read now (Node takes a BroadcastChannel here
 *  since 15.12; @types/node 20 names only MessagePort). */
function drain(channel: BroadcastChannel, tables: Map<string, SharedArrayBuffer>): void {
  const port = channel as unknown as MessagePort;
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(tables, m.message as Posted);
}

/**
 * The table of `key`: made by `make` (which fills the bytes `allocate` gives it, or returns bytes of
 * its own, or null for no table), once for all the threads of the run when this thread shares, else
 * here. The caller keeps what it gets: nothing is kept here for a thread that does not share.
 */
export function sharedTable(key: string, make: (allocate: Allocate) => Uint8Array | null): Uint8Array | null {
  if (!joined) return make(plainAllocate);
  const known = joined.tables.get(key);
  if (known) return new Uint8Array(known);
  acquire();
  try {
    drain(joined.channel, joined.tables);
    const posted = joined.tables.get(key);
    if (posted) return new Uint8Array(posted);
    const made = make(sharedAllocate);
    if (!made) return null;
    const buffer = made.buffer instanceof SharedArrayBuffer && made.byteOffset === 0 && made.byteLength === made.buffer.byteLength ? made.buffer : copyShared(made);
    joined.tables.set(key, buffer);
    joined.channel.postMessage({ key, buffer } satisfies Posted);
    return new Uint8Array(buffer);
  } finally {
    release();
  }
}

function copyShared(bytes: Uint8Array): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}

/** Takes the lock (again, when this thread holds it: a `make` may ask for another table). */
function acquire(): void {
  const { lock } = joined!;
  const me = threadId + 1;
  if (joined!.depth > 0) {
    joined!.depth++;
    return;
  }
  for (;;) {
    const holder = Atomics.compareExchange(lock, 0, 0, me);
    if (holder === 0) break;
    // A second at a time: the pool frees the lock of a worker that died holding it and wakes us.
    Atomics.wait(lock, 0, holder, 1000);
  }
  joined!.depth = 1;
}

function release(): void {
  if (--joined!.depth > 0) return;
  Atomics.store(joined!.lock, 0, 0);
  Atomics.notify(joined!.lock, 0);
}

/** Whether this thread has joined a share (tests, and the bench's account of memory). */
export function sharesTables(): boolean {
  return joined !== null;
}

let pools = 0;

/**
 * The main thread's side of one pool's sharing: the share to hand to each worker it starts (with
 * every table posted so far, so that a replacement worker does not make them again), and the lock
 * freed when a worker dies holding it.
 */
export class TableSharing {
  private readonly channel: BroadcastChannel;
  private readonly lock = new SharedArrayBuffer(4);
  private readonly tables = new Map<string, SharedArrayBuffer>();

  /** The channel's name: one a pool, so that two pools of one process keep to their own. */
  private readonly name = `newsnorm-tables-${process.pid}-${threadId}-${++pools}`;

  constructor() {
    this.channel = new BroadcastChannel(this.name);
    this.channel.onmessage = (event) => take(this.tables, (event as { data: Posted }).data);
    // The channel must not keep the process alive once the run is over.
    this.channel.unref();
  }

  /** What a worker starting now is given. */
  share(): TableShare {
    drain(this.channel, this.tables);
    return { channel: this.name, lock: this.lock, tables: new Map(this.tables) };
  }

  /** Frees the lock if the thread `workerThreadId` (a worker that has exited) held it. */
  releaseHeldBy(workerThreadId: number): void {
    const lock = new Int32Array(this.lock);
    if (Atomics.compareExchange(lock, 0, workerThreadId + 1, 0) === workerThreadId + 1) Atomics.notify(lock, 0);
  }

  close(): void {
    this.channel.close();
    this.tables.clear();
  }
}
