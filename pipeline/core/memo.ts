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

/**
 * A memo that keeps the keys in use: two generations of `size` entries each. When the current one
 * is full it becomes the old one, and a key found in the old one moves to the current; so the keys
 * still asked for survive, where `memoize` would empty itself and work them out again. For answers
 * that are costly to rebuild and hold more than themselves (the names tagger's word information
 * carries its summed weights). At most twice `size` entries are kept.
 */
export function memoizeRecent<T>(fn: (key: string) => T, size: number): (key: string) => T {
  let current = new Map<string, T>();
  let old = new Map<string, T>();
  return (key) => {
    let value = current.get(key);
    if (value !== undefined) return value;
    const own = ownCopy(key);
    value = old.get(key);
    if (value === undefined) value = fn(own);
    if (current.size >= size) {
      old = current;
      current = new Map();
    }
    current.set(own, value);
    return value;
  };
}
