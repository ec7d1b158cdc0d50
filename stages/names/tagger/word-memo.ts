// The tagger's memo of what each word says about itself (`WordInfo`, features.ts), looked up once
// for each token it reads: a million and a half look-ups over 9,000 documents of a dump. It keeps
// the words in use as `memoizeRecent` (pipeline/core/memo.ts) does, in two generations, but in
// tables of its own: a `Map` of strings cost 660 ns a look-up there (the token's new string hashed
// by V8, the map grown entry by entry, a word of the old generation copied again to move it),
// more than any other part of the stage. Here a look-up hashes the token's characters, reads
// a slot of a typed array and compares the word with the text its value keeps (its own copy, made
// once), and a generation is two arrays made once and cleared when it starts again.
import { ownCopy } from '../../../pipeline/core/own-copy.ts';

/** A value that keeps the word it was made for (its own copy: `make` is given one). */
export interface Keyed {
  readonly text: string;
}

/** One generation: open addressing over the values' numbers, each value's hash beside it. */
class Generation<T extends Keyed> {
  /** A value's number plus one, 0 for an empty slot; twice as many slots as values at least. */
  readonly slots: Int32Array;
  readonly hashes: Int32Array;
  readonly values: (T | undefined)[];
  count = 0;

  constructor(readonly size: number) {
    let slots = 2;
    while (slots < 2 * size) slots *= 2;
    this.slots = new Int32Array(slots);
    this.hashes = new Int32Array(size);
    this.values = new Array<T | undefined>(size).fill(undefined);
  }

  /** The value for `text` (of hash `h`), or undefined. */
  find(text: string, h: number): T | undefined {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return undefined;
      if (this.hashes[entry - 1] === h) {
        const value = this.values[entry - 1] as T;
        if (value.text === text) return value;
      }
    }
  }

  /** Adds a value not in the table (`count < size`). */
  add(value: T, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    const n = this.count++;
    this.hashes[n] = h;
    this.values[n] = value;
    this.slots[slot] = n + 1;
  }

  clear(): void {
    this.slots.fill(0);
    this.values.fill(undefined, 0, this.count);
    this.count = 0;
  }
}

/**
 * `make`'s value for each word, the `size` last words asked for kept in the current generation and
 * the `size` before them in the old one; a word found in the old one moves to the current, so the
 * words still in use survive each new generation. At most twice `size` values are kept.
 */
export class WordMemo<T extends Keyed> {
  private current: Generation<T>;
  private old: Generation<T>;

  constructor(
    private readonly make: (text: string) => T,
    size: number,
    /** A 32-bit hash of the word's characters. */
    private readonly hash: (text: string) => number,
  ) {
    this.current = new Generation(size);
    this.old = new Generation(size);
  }

  get(text: string): T {
    const h = this.hash(text);
    const found = this.current.find(text, h);
    if (found !== undefined) return found;
    const value = this.old.find(text, h) ?? this.make(ownCopy(text));
    if (this.current.count >= this.current.size) {
      // The old generation's values not moved since go; its arrays serve the new one.
      const emptied = this.old;
      emptied.clear();
      this.old = this.current;
      this.current = emptied;
    }
    this.current.add(value, h);
    return value;
  }
}
