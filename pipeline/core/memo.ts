// Remembering the last results of a function of one string. News repeats itself (words, menus,
// share bars, bylines), so most lookups hit; the cache is emptied when full, which keeps memory
// flat over a dump of millions, and a function's answer is the same whether remembered or not,
// so output never depends on the order documents are processed in. A key is remembered as a copy
// of its own (own-copy.ts), and the answer worked out from that copy: a key cut from a page would
// keep the page alive.
import { ownCopy } from './own-copy.ts';

export interface MemoOptions {
  /** Entries kept at most (default 50,000). */
  size?: number;
  /** Keys longer than this are computed every time (long texts rarely repeat). */
  maxKeyLength?: number;
}

export function memoize<T>(fn: (key: string) => T, options: MemoOptions = {}): (key: string) => T {
  const size = options.size ?? 50_000;
  const maxKeyLength = options.maxKeyLength ?? Number.POSITIVE_INFINITY;
  let cache = new Map<string, T>();
  return (key) => {
    if (key.length > maxKeyLength) return fn(key);
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      const own = ownCopy(key);
      value = fn(own);
      if (cache.size >= size) cache = new Map();
      cache.set(own, value);
    }
    return value as T;
  };
}
