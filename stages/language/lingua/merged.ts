// The one-, two- and three-gram models of every language in one table per length: an n-gram's
// entry lists the languages that have it with their values, side by side. A text read by trigrams
// (any text of 120 letters or more) is weighed against some thirty languages at once; looked up
// language by language, each of its n-grams costs a cache miss in each language's table, which was
// most of Lingua's time. Here it costs one look-up, whatever the number of languages. The values are
// the languages' own tables' (models.ts), entry for entry, so every answer is the same.
//
// Bound: built once per process from every language's tables of that length (loaded for it, then
// dropped): about 1.1 million (language, n-gram) pairs, 3 bytes each, and 8 bytes a slot for some
// 600,000 distinct n-grams, about 10 MB for the three lengths.
import { loadTable } from './models.ts';
import { type GramTable, home } from './table.ts';

/** Lengths kept merged: the trigram reading and its back-off. */
export const MERGED_MAX_LENGTH = 3;

export class MergedTable {
  /** Two 32-bit words a slot: the n-gram's table key (0: empty), then its first pair × 128 + its number of pairs. */
  private readonly slots: Uint32Array;
  private readonly size: number;
  /** The pairs: a language's number (in `languages`) and its code (table.ts). */
  readonly pairLanguage: Uint8Array;
  readonly pairCode: Uint16Array;

  constructor(tables: (GramTable | null)[]) {
    let pairs = 0;
    for (const t of tables) pairs += t ? t.count : 0;
    this.size = Math.max(8, Math.ceil(pairs / 0.8));
    this.slots = new Uint32Array(this.size * 2);
    // First the number of languages of each n-gram, then where its pairs start, then the pairs.
    const counts = new Uint8Array(this.size);
    for (const t of tables) t?.forEach((key) => { counts[this.place(key)]!++; });
    let at = 0;
    for (let slot = 0; slot < this.size; slot++) {
      if (this.slots[slot * 2] === 0) continue;
      this.slots[slot * 2 + 1] = at * 128 + counts[slot]!;
      at += counts[slot]!;
    }
    this.pairLanguage = new Uint8Array(at);
    this.pairCode = new Uint16Array(at);
    const filled = new Uint8Array(this.size);
    tables.forEach((t, language) => t?.forEach((key, code) => {
      const slot = this.find(key);
      const p = Math.floor(this.slots[slot * 2 + 1]! / 128) + filled[slot]!++;
      this.pairLanguage[p] = language;
      this.pairCode[p] = code;
    }));
  }

  /** The slot of `key`, taken for it if it has none yet. */
  private place(key: number): number {
    for (let slot = home(key, this.size); ; ) {
      const k = this.slots[slot * 2]!;
      if (k === key) return slot;
      if (k === 0) { this.slots[slot * 2] = key; return slot; }
      if (++slot === this.size) slot = 0;
    }
  }

  /** The slot of `key`, or -1 when no language has it. */
  find(key: number): number {
    const slots = this.slots;
    for (let slot = home(key, this.size); ; ) {
      const k = slots[slot * 2]!;
      if (k === key) return slot;
      if (k === 0) return -1;
      if (++slot === this.size) slot = 0;
    }
  }

  /** A found slot's first pair and number of pairs, as first × 128 + number. */
  pairsOf(slot: number): number {
    return this.slots[slot * 2 + 1]!;
  }

  get bytes(): number {
    return this.size * 8 + this.pairLanguage.length * 3;
  }
}

const merged: (MergedTable | undefined)[] = [];

/** The merged table of n-grams of `length` (1 to 3) over `languages` (Lingua's names, in a fixed order), built on first use. */
export function mergedTable(length: number, languages: readonly string[]): MergedTable {
  return (merged[length] ??= new MergedTable(languages.map((l) => loadTable(l, length))));
}

/** Bytes held by the merged tables. */
export function mergedBytes(): number {
  return merged.reduce((n, t) => n + (t ? t.bytes : 0), 0);
}
