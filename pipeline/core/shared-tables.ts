// Read-only tables that the threads of one run share instead of each holding its own copy (the
// language stage's Lingua tables: 128 to 160 MB a worker on the bench dump before this).
//
// How: the pool (pipeline/run/pool.ts) makes a `TableSharing` and hands a `TableShare` to every
// worker it starts (workerData); the worker joins it (`joinTableShare`) before loading its stages.
// In a thread that has joined, `sharedTable(key, make)` gives the table of `key` made once, by the
// first thread that asks for it, into a SharedArrayBuffer, and posted to the others:
//
// - on the pool's BroadcastChannel, to the threads that have joined. A lock (one Int32 of shared
//   memory) makes threads that ask at once (every worker warms up on the same document) wait for
//   the one making the table instead of each making a copy; a thread reads what was posted
//   synchronously (receiveMessageOnPort) once it holds the lock, so it sees every table made
//   before it took the lock by a thread that had joined by then;
// - by the main thread, which keeps every table posted, to the MessagePort each worker is started
//   with: a worker started while another makes tables (the second starts as the first warms up)
//   joins the channel only once its modules have loaded, seconds later, and finds the tables made
//   in between on its port, once the main thread has passed them on (a main thread busy with a
//   learning window passes them on late, and the worker then makes its own copy of a table made
//   in between: more memory, the same bytes). A replacement worker is started with the tables made
//   so far.
//
// In a thread that has joined nothing (one stage imported alone, one worker in the main thread)
// `make` runs as it always did and nothing is shared. A table must be the same bytes whoever
// makes it (a pure function of its key), and no thread may write to it once made.
import { BroadcastChannel, MessageChannel, type MessagePort, receiveMessageOnPort, threadId } from 'node:worker_threads';

/** What a worker is given to join a run's sharing (workerData; `port` in its transfer list). */
export interface TableShare {
  /** The BroadcastChannel's name (one a pool). */
  channel: string;
  /** The lock: 0 when free, else the holder's threadId + 1. */
  lock: SharedArrayBuffer;
  /** The tables made before the worker was started, by key. */
  tables: Map<string, SharedArrayBuffer>;
  /** Where the main thread sends the tables made after. */
  port: MessagePort;
}

/** A table as posted. */
interface Posted {
  key: string;
  buffer: SharedArrayBuffer;
}

/** How `make` asks for the bytes it fills: shared memory when the thread shares, else ordinary. */
export type Allocate = (length: number) => Uint8Array;

const plainAllocate: Allocate = (length) => new Uint8Array(length);
const sharedAllocate: Allocate = (length) => new Uint8Array(new SharedArrayBuffer(length));

/** This thread's part in a share, once it has joined one. */
let joined: { channel: BroadcastChannel; port: MessagePort; lock: Int32Array; tables: Map<string, SharedArrayBuffer>; depth: number } | null = null;

/** Joins the sharing of a pool (a worker thread, before its stages load). */
export function joinTableShare(share: TableShare): void {
  const channel = new BroadcastChannel(share.channel);
  const tables = new Map(share.tables);
  // What arrives while the thread's event loop turns (between documents) comes as events; what
  // arrives while it works is read by `drain`. Neither keeps the thread alive.
  channel.onmessage = (event) => take(tables, (event as { data: Posted }).data);
  channel.unref();
  share.port.on('message', (posted: Posted) => take(tables, posted));
  share.port.unref();
  joined = { channel, port: share.port, lock: new Int32Array(share.lock), tables, depth: 0 };
}

function take(tables: Map<string, SharedArrayBuffer>, posted: Posted): boolean {
  if (tables.has(posted.key)) return false;
  tables.set(posted.key, posted.buffer);
  return true;
}

/** Every table posted to `port` and not yet taken, read now (Node takes a BroadcastChannel here
 *  since 15.12; @types/node 20 names only MessagePort). */
function drain(port: MessagePort | BroadcastChannel, tables: Map<string, SharedArrayBuffer>, onNew?: (posted: Posted) => void): void {
  const from = port as MessagePort;
  for (let m = receiveMessageOnPort(from); m; m = receiveMessageOnPort(from)) if (take(tables, m.message as Posted)) onNew?.(m.message as Posted);
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
    drain(joined.port, joined.tables);
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
  const state = joined!;
  if (state.depth > 0) {
    state.depth++;
    return;
  }
  const me = threadId + 1;
  for (;;) {
    const holder = Atomics.compareExchange(state.lock, 0, 0, me);
    if (holder === 0) break;
    // A second at a time: the pool frees the lock of a worker that died holding it and wakes us.
    Atomics.wait(state.lock, 0, holder, 1000);
  }
  state.depth = 1;
}

function release(): void {
  const state = joined!;
  if (--state.depth > 0) return;
  Atomics.store(state.lock, 0, 0);
  Atomics.notify(state.lock, 0);
}

let pools = 0;

/**
 * The main thread's side of one pool's sharing: every table posted, kept and sent on to each
 * worker's port; the share each worker is started with; the lock freed when a worker dies holding it.
 */
export class TableSharing {
  /** The channel's name: one a pool, so that two pools of one process keep to their own. */
  private readonly name = `newsnorm-tables-${process.pid}-${threadId}-${++pools}`;
  private readonly channel = new BroadcastChannel(this.name);
  private readonly lock = new SharedArrayBuffer(4);
  private readonly tables = new Map<string, SharedArrayBuffer>();
  /** The main thread's end of each worker's port. */
  private readonly ends = new Set<MessagePort>();

  constructor() {
    this.channel.onmessage = (event) => {
      const posted = (event as { data: Posted }).data;
      if (take(this.tables, posted)) this.forward(posted);
    };
    // The channel must not keep the process alive once the run is over.
    this.channel.unref();
  }

  private forward(posted: Posted): void {
    for (const end of this.ends) end.postMessage(posted);
  }

  /** What a worker starting now is given (`share.port` goes in its transfer list), and the main
   *  thread's end of its port, for `left`. */
  share(): { share: TableShare; end: MessagePort } {
    drain(this.channel, this.tables, (posted) => this.forward(posted));
    const { port1: end, port2: port } = new MessageChannel();
    end.unref();
    this.ends.add(end);
    return { share: { channel: this.name, lock: this.lock, tables: new Map(this.tables), port }, end };
  }

  /** A worker (thread `workerThreadId`, given the port of `end`) has exited: its port is closed,
   *  and the lock freed if it held it. */
  left(end: MessagePort, workerThreadId: number): void {
    end.close();
    this.ends.delete(end);
    const lock = new Int32Array(this.lock);
    if (Atomics.compareExchange(lock, 0, workerThreadId + 1, 0) === workerThreadId + 1) Atomics.notify(lock, 0);
  }

  close(): void {
    for (const end of this.ends) end.close();
    this.ends.clear();
    this.channel.close();
    this.tables.clear();
  }
}
