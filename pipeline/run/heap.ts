// How far V8 lets a thread's heap grow between two full collections. A batch run's live set is
// a few hundred megabytes (the language tables, the names tagger, the stages' memos: README,
// "Speed and memory") and it allocates about a gigabyte of short-lived strings and objects per
// 10 MB of input. Left to itself, V8 lets the heap grow to between 1.1 and 4 times what survived
// the last full collection, and its pages stay committed after it: on the 30 MB slice of the bench
// dump the one-worker run's heap took 349 MB for 190 MB alive, and its resident size grew through
// the run. Told to grow by a fixed 60 %, one worker peaks lower (30 MB: 630 MB instead of 707; the
// 100 MB dump: 727 instead of 864; two workers on it: 666 a worker instead of 936) with about as
// many full collections (their pace is set by the documents' output buffers, outside the heap, as
// much as by the heap), for CPU within the runs' spread (run side by side: the same on the 10 MB
// slice, 5 % more on the 100 MB dump read from .gz, 11 % less on the first 30 MB).
//
// V8 reads the setting at every full collection, in every thread of the process (the main thread
// and the worker threads started after it), so the runner sets it once when a run starts. It is a
// process-wide setting: a `--heap-growing-percent` given to node itself is left as it is, and a
// program that embeds the runner and wants V8's own policy passes `heapGrowingPercent: null`.
import v8 from 'node:v8';

/** The heap's growth between full collections, in percent of what survived the last one. */
export const HEAP_GROWING_PERCENT = 60;

let applied: number | null = null;

/**
 * Sets V8's heap growth for this process (see above), unless node was started with a growth of
 * its own (`--heap-growing-percent` on its command line: V8 does not take it from NODE_OPTIONS) or
 * `percent` is null.
 * Returns the growth in force that this call set, or null when it left V8's.
 */
export function applyHeapPolicy(percent: number | null = HEAP_GROWING_PERCENT): number | null {
  if (percent === null) return null;
  if (process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) return null;
  if (applied !== percent) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  applied = percent;
  return percent;
}
