// A fixed list of words packed for memory: the names stage's list of name words has 195,000, and
// as a `Set` of strings it kept 14.1 MB alive (a string of its own for each, about 72 bytes a
// word with the set's entry). Packed here, the same look-ups keep 4.2 MB: the words' characters
// back to back in one byte array, where each begins, and a hash table of word numbers.

/**
 * A set of words that cannot change once made, asked `has` like a `Set`. Words of Latin-1
 * characters (all but 14 of the name words) are packed; the others stay in a small `Set`.
 */
export class WordTable implements Iterable<string> {
  /** The packed words' characters, one byte each, back to back. */
  private readonly chars: Uint8Array;
  /** Where each packed word begins in `chars`, and after the last where it ends. */
  private readonly starts: Uint32Array;
  /** Open addressing (`slotOf`): a packed word's number plus one, 0 for an empty slot. A table
   *  at least twice the words (a look-up that finds nothing passes about two slots). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Words with a character past U+00FF. */
  private readonly others = new Set<string>();
  /** Words packed so far (all of them once made). */
  private count = 0;

  constructor(words: readonly string[]) {
    let length = 0;
    for (const w of words) length += w.length;
    this.chars = new Uint8Array(length);
    this.starts = new Uint32Array(words.length + 1);
    let size = 1;
    while (size < 2 * words.length) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const w of words) this.add(w);
  }

  get size(): number {
    return this.count + this.others.size;
  }

  has(w: string): boolean {
    const slot = this.slotOf(w);
    return slot === -1 ? this.others.has(w) : this.slots[slot] !== 0;
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (let n = 0; n < this.count; n++) yield this.word(n);
    yield* this.others;
  }

  /**
   * The slot of the table that holds `w`, or the empty one where it would go; -1 for a word with a
   * character past U+00FF. FNV-1a of the word's code units, then the slots after it in turn.
   */
  private slotOf(w: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c > 0xff) return -1;
      h = Math.imul(h ^ c, 0x01000193);
    }
    for (let slot = (h >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0 || this.equals(entry - 1, w)) return slot;
    }
  }

  private add(w: string): void {
    const slot = this.slotOf(w);
    if (slot === -1) {
      this.others.add(w);
      return;
    }
    if (this.slots[slot] !== 0) return;
    const n = this.count++;
    const start = this.starts[n] as number;
    for (let i = 0; i < w.length; i++) this.chars[start + i] = w.charCodeAt(i);
    this.starts[n + 1] = start + w.length;
    this.slots[slot] = n + 1;
  }

  /** Whether packed word `n` is `w` (of Latin-1 characters). */
  private equals(n: number, w: string): boolean {
    const start = this.starts[n] as number;
    if ((this.starts[n + 1] as number) - start !== w.length) return false;
    for (let i = 0; i < w.length; i++) if (this.chars[start + i] !== w.charCodeAt(i)) return false;
    return true;
  }

  private word(n: number): string {
    return String.fromCharCode(...this.chars.subarray(this.starts[n] as number, this.starts[n + 1] as number));
  }
}
