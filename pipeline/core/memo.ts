// Remembering the last results of a function of one string. News repeats itself (words, menus,
// share bars, bylines), so most lookups hit; the cache is emptied when full, which keeps memory
// flat over a dump of millions, and a function's answer is the same whether remembered or not,
// so output never depends on the order documents are processed in. A key is remembered as a copy
// of its own (own-copy.ts), and the answer worked out from that copy: a key cut from a page would
// keep the page alive.
import { ownCopy } from './own-copy.ts';
import { hashKey, StringTable } from './string-table.ts';

export interface MemoOptions {
  /** Entries kept at most (default 50,000). */
  size?: number;
  /** Keys longer than this are computed every time (long texts rarely repeat). */
  maxKeyLength?: number;
}

export function memoize<T>(fn: (key: string) => T, options: MemoOptions = {}): (key: string) => T {
  const size = options.size ?? 50_000;
  const maxKeyLength = options.maxKeyLength ?? Number.POSITIVE_INFINITY;
  const table = new StringTable<T>(size);
  return (key) => {
    if (key.length > maxKeyLength) return fn(key);
    const h = hashKey(key);
    const at = table.find(key, h);
    if (at >= 0) return table.values[at] as T;
    const own = ownCopy(key);
    const value = fn(own);
    // Looked up again: `fn` may have asked the memo for this key itself (a recursive function).
    if (table.find(own, h) < 0) {
      if (table.full) table.clear();
      table.add(own, h, value);
    }
    return value;
  };
}
