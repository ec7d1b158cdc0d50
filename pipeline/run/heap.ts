// How far V8 lets a thread's heap grow between two full collections: memory traded for CPU, a
// choice the user makes (`--heap-growth PERCENT`, `RunOptions.heapGrowingPercent`). A batch run's
// live set is a few hundred megabytes (the language tables, the names tagger, the stages' memos:
// README, "Speed and memory") and it allocates about a gigabyte of short-lived strings and objects
// per 10 MB of input. Left to itself, V8 lets the heap grow to between 1.1 and 4 times what
// survived the last full collection, and its pages stay committed after it. Told to grow by a
// fixed 60 %, one worker peaks lower (the first 30 MB of the bench dump: 653 to 661 MB instead of
// 779 to 786; the 100 MB dump: 727 instead of 864; the 1 GB dump flat at 853 MB where V8's own
// policy was still growing past 1,016) but spends more CPU on full collections: 9 to 18 % more on
// those 30 MB (three pairs in turn on an idle machine, 1,337 to 1,511 against 1,554 to 1,642 CPU ms
// per MB). Throughput is what a batch run is shortest of, so V8's own policy is the default.
//
// V8 reads the setting at every full collection, in every thread of the process (the main thread
// and the worker threads started after it), so the runner sets it once when a run starts. It is a
// process-wide setting, not undone by a later run in the same process; a `--heap-growing-percent`
// given to node itself is left as it is.
import v8 from 'node:v8';

/** A growth that keeps a worker's memory lower for more CPU (see above): `--heap-growth 60`. */
export const LEAN_HEAP_GROWING_PERCENT = 60;

let applied: number | null = null;

/**
 * Sets V8's heap growth for this process (see above), unless `percent` is null or undefined (V8's
 * own policy) or node was started with a growth of its own (`--heap-growing-percent` on its command
 * line: V8 does not take it from NODE_OPTIONS).
 * Returns the growth in force that this call set, or null when it left V8's.
 */
export function applyHeapPolicy(percent: number | null | undefined): number | null {
  if (percent === null || percent === undefined) return null;
  if (process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) return null;
  if (applied !== percent) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  applied = percent;
  return percent;
}
