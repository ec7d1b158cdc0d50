// How far V8 lets a thread's heap grow between two full collections. A batch run's live set is a
// few hundred megabytes (the language tables, the names tagger, the stages' memos: README, "Speed
// and memory") and it allocates about a gigabyte of short-lived strings and objects per 10 MB of
// input. Left to itself, V8 lets the heap grow to between 1.1 and 4 times what survived the last
// full collection, and its pages stay committed after it: one worker on the 100 MB bench dump
// (without stage files) peaked at 1,101 MB, and on the 1 GB dump it was still growing past 1,016 MB.
// Told to grow by a fixed 60 %, the same run peaked at 733 MB, for no more CPU (1,038 CPU ms per
// MB against 1,060, run in turn on an idle machine), and the 1 GB dump stays flat at 853 MB. On a
// small dump the fixed growth costs CPU (the first 30 MB: 9 to 18 % more, three pairs), where V8's
// policy has not yet grown the heap far; the runner is made for large ones. `--heap-growth
// PERCENT` (`RunOptions.heapGrowingPercent`) sets another growth, 0 leaves V8's own policy.
//
// V8 reads the setting at every full collection, in every thread of the process (the main thread
// and the worker threads started after it), so the runner sets it once when a run starts. It is a
// process-wide setting, not undone by a later run in the same process; a `--heap-growing-percent`
// given to node itself is left as it is.
import v8 from 'node:v8';

/** The heap's growth between full collections by default, in percent of what survived the last one. */
export const HEAP_GROWING_PERCENT = 60;

let applied: number | null = null;

/**
 * Sets V8's heap growth for this process (see above), unless `percent` is null or 0 (V8's own
 * policy) or node was started with a growth of its own (`--heap-growing-percent` on its command
 * line: V8 does not take it from NODE_OPTIONS). Without `percent`, the default.
 * Returns the growth in force that this call set, or null when it left V8's.
 */
export function applyHeapPolicy(percent: number | null = HEAP_GROWING_PERCENT): number | null {
  if (percent === null || percent === 0) return null;
  if (process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) return null;
  if (applied !== percent) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  applied = percent;
  return percent;
}
