// The one-, two- and three-gram models of every language in one table per length: an n-gram's
// entry lists the languages that have it with their values, side by side. A text read by trigrams
// (any text of 120 letters or more) is weighed against some thirty languages at once; looked up
// language by language, each of its n-grams costs a cache miss in each language's table, which was
// most of Lingua's time. Here it costs one look-up, whatever the number of languages. The values are
// the languages' own tables' (models.ts), entry for entry, so every answer is the same.
//
// Bound: built once per process from every language's tables of that length (loaded for it, then
// dropped), and kept on disk beside them (locate.ts, modelCacheDir), so a later process reads three
// files in about 10 ms instead of building them in about 0.5 s: 1.25 million (language, n-gram)
// pairs, 3 bytes each, and 8 bytes a slot for each distinct n-gram at a load of at most 0.8,
// 7.8 MB for the three lengths (the languages' own tables of these lengths took 9 MB). A pair's
// three bytes lie together (its language, then its code's low and high byte): reading an
// n-gram's pairs touches one run of memory, not two arrays' (a cache miss fewer a look-up). In
// the worker threads of a pool the three are made once for all of them, in shared memory
// (pipeline/core/shared-tables.ts).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { type Allocate, sharedTable } from '../../../pipeline/core/shared-tables.ts';
import { modelCacheDir } from './locate.ts';
import { loadTable, readInto } from './models.ts';
import { FNV_START, type GramTable, home } from './table.ts';

/** Lengths kept merged: the trigram reading and its back-off. */
export const MERGED_MAX_LENGTH = 3;

/** The cache file's first word ("NNM2": pairs of three bytes side by side), and the header's length: magic, the languages' hash, slots, pairs. */
const MAGIC = 0x324d_4e4e;
const HEADER = 16;

export class MergedTable {
  /** Two 32-bit words a slot: the n-gram's table key (0: empty), then its first pair × 128 + its number of pairs. */
  private readonly slots: Uint32Array;
  private readonly size: number;
  /** The pairs, three bytes each: a language's number (in the languages the table was built over), then its code (table.ts), low byte first. */
  readonly pairs: Uint8Array;

  private constructor(slots: Uint32Array, pairs: Uint8Array) {
    this.slots = slots;
    this.size = slots.length / 2;
    this.pairs = pairs;
  }

  /** Pairs held. */
  get pairCount(): number {
    return this.pairs.length / 3;
  }

  /** The language number of pair `p`. */
  pairLanguage(p: number): number {
    return this.pairs[p * 3]!;
  }

  /** The code of pair `p`. */
  pairCode(p: number): number {
    return this.pairs[p * 3 + 1]! | (this.pairs[p * 3 + 2]! << 8);
  }

  /** The table of `tables`, one a language (null: no model of this length), numbered in their order. */
  static build(tables: (GramTable | null)[]): MergedTable {
    const keys = new Set<number>();
    for (const t of tables) t?.forEach((key) => keys.add(key));
    const pairs = tables.reduce((n, t) => n + (t ? t.count : 0), 0);
    const merged = new MergedTable(new Uint32Array(Math.max(8, Math.ceil(keys.size / 0.8)) * 2), new Uint8Array(pairs * 3));
    merged.fill(tables);
    return merged;
  }

  /** Places every n-gram, then its pairs: first the number of languages of each, then where its pairs start. */
  private fill(tables: (GramTable | null)[]): void {
    const counts = new Uint8Array(this.size);
    for (const t of tables) t?.forEach((key) => { counts[this.place(key)]!++; });
    let at = 0;
    for (let slot = 0; slot < this.size; slot++) {
      if (this.slots[slot * 2] === 0) continue;
      this.slots[slot * 2 + 1] = at * 128 + counts[slot]!;
      at += counts[slot]!;
    }
    counts.fill(0);
    tables.forEach((t, language) => t?.forEach((key, code) => {
      const slot = this.find(key);
      const p = Math.floor(this.slots[slot * 2 + 1]! / 128) + counts[slot]!++;
      this.pairs[p * 3] = language;
      this.pairs[p * 3 + 1] = code & 0xff;
      this.pairs[p * 3 + 2] = code >>> 8;
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

  /** A found slot's first pair × 128 + its number of pairs. */
  pairsOf(slot: number): number {
    return this.slots[slot * 2 + 1]!;
  }

  get bytes(): number {
    return this.size * 8 + this.pairs.length;
  }

  /** Whether the table lies in shared memory: made once for all the workers of a pool (`mergedTable`). */
  get shared(): boolean {
    return this.pairs.buffer instanceof SharedArrayBuffer;
  }

  /** The table as bytes for the cache: a header (magic, `languages`, slots, pairs), the slots, the pairs. */
  toBytes(languages: number): Uint8Array {
    const out = new Uint8Array(HEADER + this.size * 8 + this.pairs.length);
    out.set(new Uint8Array(new Uint32Array([MAGIC, languages, this.size, this.pairCount]).buffer), 0);
    out.set(new Uint8Array(this.slots.buffer, this.slots.byteOffset, this.size * 8), HEADER);
    out.set(this.pairs, HEADER + this.size * 8);
    return out;
  }

  /** A table written by `toBytes` over the same `languages`, or null (another format or language list, cut short). Reads the bytes where they are. */
  static fromBytes(bytes: Uint8Array, languages: number): MergedTable | null {
    if (bytes.length < HEADER || bytes.byteOffset % 4 !== 0) return null;
    const [magic, hash, size, pairs] = new Uint32Array(bytes.buffer, bytes.byteOffset, 4);
    if (magic !== MAGIC || hash !== languages || bytes.length !== HEADER + size! * 8 + pairs! * 3) return null;
    const at = bytes.byteOffset + HEADER;
    return new MergedTable(new Uint32Array(bytes.buffer, at, size! * 2), new Uint8Array(bytes.buffer, at + size! * 8, pairs! * 3));
  }
}

const merged: (MergedTable | undefined)[] = [];

/** The merged table of n-grams of `length` (1 to 3) over `languages` (Lingua's names, in a fixed order): from the cache, else built (and cached); shared by the threads of a pool. */
export function mergedTable(length: number, languages: readonly string[]): MergedTable {
  let table = merged[length];
  if (!table) {
    // The list of languages, hashed: a table numbers them in its order.
    let hash = FNV_START;
    for (const ch of languages.join(',')) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
    hash >>>= 0;
    const bytes = sharedTable(`lingua/merged.${length}.${hash}.nnm2`, (allocate) => cached(length, languages, hash, allocate));
    // Bytes made here are whole tables over these languages: fromBytes finds them so.
    merged[length] = table = MergedTable.fromBytes(bytes!, hash)!;
  }
  return table;
}

/** The table's bytes (a header, the slots, the pairs: `toBytes`), from the cache, else built (and cached). */
function cached(length: number, languages: readonly string[], hash: number, allocate: Allocate): Uint8Array {
  const dir = modelCacheDir();
  const file = dir ? path.join(dir, `merged.${length}.nnm2.bin`) : null;
  if (file) {
    try {
      const bytes = readInto(file, allocate);
      if (MergedTable.fromBytes(bytes, hash)) return bytes;
    } catch { /* not cached yet */ }
  }
  const bytes = MergedTable.build(languages.map((l) => loadTable(l, length))).toBytes(hash);
  if (file && dir) {
    // Best effort, as models.ts: written under a name of its own, then renamed.
    const partial = `${file}.${process.pid}-${threadId}`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(partial, bytes);
      renameSync(partial, file);
    } catch { /* a cache that cannot be written costs the next run the build */ }
  }
  return bytes;
}

/** Bytes held by the merged tables. */
export function mergedBytes(): number {
  return merged.reduce((n, t) => n + (t ? t.bytes : 0), 0);
}
