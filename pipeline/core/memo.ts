// Remembering the last results of a function of one string. News repeats itself (words, menus,
// share bars, bylines), so most lookups hit; the cache is emptied when full, which keeps memory
// flat over a dump of millions, and a function's answer is the same whether remembered or not,
// so output never depends on the order documents are processed in.

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
      value = fn(key);
      if (cache.size >= size) cache = new Map();
      cache.set(key, value);
    }
    return value as T;
  };
}
