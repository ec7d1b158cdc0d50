// The tagger's memo of what each word says about itself (`WordInfo`, features.ts), looked up once
// for each token it reads: a million and a half look-ups over 9,000 documents of a dump, the
// costliest part of the stage when they were a `Map`'s (pipeline/core/string-table.ts says why).
// It keeps the words in use, in two generations: a word found in the old one moves to the current
// one, so the words still asked for survive each new generation, where `memoize` would forget
// them all at once and work them out again (a word's information is costly to rebuild).
import { ownCopy } from '../../../pipeline/core/own-copy.ts';
import { hashKey, StringTable } from '../../../pipeline/core/string-table.ts';

/**
 * `make`'s value for each word, the `size` last words asked for kept in the current generation and
 * the `size` before them in the old one. At most twice `size` values are kept.
 */
export class WordMemo<T> {
  private current: StringTable<T>;
  private old: StringTable<T>;

  constructor(
    private readonly make: (text: string) => T,
    size: number,
  ) {
    this.current = new StringTable(size);
    this.old = new StringTable(size);
  }

  get(text: string): T {
    const h = hashKey(text);
    const found = this.current.find(text, h);
    if (found >= 0) return this.current.values[found] as T;
    const before = this.old.find(text, h);
    // The old generation's copy of the word serves again; a new word is copied (own-copy.ts).
    const key = before >= 0 ? (this.old.keys[before] as string) : ownCopy(text);
    const value = before >= 0 ? (this.old.values[before] as T) : this.make(key);
    if (this.current.full) {
      // The old generation's words not moved since go; its arrays serve the new one.
      const emptied = this.old;
      emptied.clear();
      this.old = this.current;
      this.current = emptied;
    }
    this.current.add(key, h, value);
    return value;
  }
}
