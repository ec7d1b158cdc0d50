// A memo of one string's result that keeps the words in use. The shared memo (pipeline/core/memo.ts)
// empties itself when full, and a word's information here also holds the tagger's sums for it
// (scorer.ts): on a dump of many languages (100,000 new words in 10 MB) the common words were
// worked out again after each emptying, sums and all. This one keeps two generations: when the
// current one is full it becomes the old one, and a word found in the old one moves to the
// current. The words still in use survive; at most twice `size` entries are kept.
export function memoizeRecent<T>(fn: (key: string) => T, size: number): (key: string) => T {
  let current = new Map<string, T>();
  let old = new Map<string, T>();
  return (key) => {
    let value = current.get(key);
    if (value !== undefined) return value;
    value = old.get(key);
    if (value === undefined) value = fn(key);
    if (current.size >= size) {
      old = current;
      current = new Map();
    }
    current.set(key, value);
    return value;
  };
}
