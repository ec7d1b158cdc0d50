// A compact lookup table from n-gram to log-probability: open addressing over a 32-bit FNV-1a hash
// of the n-gram's UTF-8 bytes, the value quantised to 1/2048 of a nat in 16 bits. Six bytes a slot at a load of at
// most 0.8: about 7.5 bytes an n-gram, against tens of bytes in a hash map of strings. Two
// n-grams whose hashes collide keep the first's value; an absent n-gram whose hash equals a
// present one's reads that value (about one lookup in 10^5 on the largest model): both change a
// text's score by one n-gram's share, rarely and deterministically.

const STEP = 2048;
const MAX_CODE = 0xffff;
/** What `get` answers for an n-gram the model does not have: log-probabilities are never positive. */
export const ABSENT = 1;
/** The cache file's first word ("NNG1"), and the header's length: magic, n-gram count, slots. */
const MAGIC = 0x3147_4e4e;
const HEADER = 12;

export const FNV_START = 0x811c9dc5;

/** One code point into an FNV-1a hash, as its UTF-8 bytes (the bytes the model files store). */
export function fnvCodePoint(h: number, cp: number): number {
  if (cp < 0x80) return Math.imul(h ^ cp, 0x01000193);
  if (cp < 0x800) {
    h = Math.imul(h ^ (0xc0 | (cp >> 6)), 0x01000193);
  } else if (cp < 0x10000) {
    h = Math.imul(h ^ (0xe0 | (cp >> 12)), 0x01000193);
    h = Math.imul(h ^ (0x80 | ((cp >> 6) & 0x3f)), 0x01000193);
  } else {
    h = Math.imul(h ^ (0xf0 | (cp >> 18)), 0x01000193);
    h = Math.imul(h ^ (0x80 | ((cp >> 12) & 0x3f)), 0x01000193);
    h = Math.imul(h ^ (0x80 | ((cp >> 6) & 0x3f)), 0x01000193);
  }
  return Math.imul(h ^ (0x80 | (cp & 0x3f)), 0x01000193);
}

/** A hash as the table keeps it: unsigned, never 0 (0 marks an empty slot). */
export const tableKey = (h: number): number => h >>> 0 || 1;

/** Slots for `count` n-grams: a load of at most 0.8. */
const slotsFor = (count: number): number => Math.max(8, Math.ceil(count / 0.8));

export class GramTable {
  private readonly keys: Uint32Array;
  private readonly values: Uint16Array;
  private readonly size: number;
  readonly count: number;

  constructor(count: number, keys?: Uint32Array, values?: Uint16Array) {
    this.count = count;
    this.size = slotsFor(count);
    this.keys = keys ?? new Uint32Array(this.size);
    this.values = values ?? new Uint16Array(this.size);
  }

  /** Bytes held by the table. */
  get bytes(): number { return this.size * 6; }

  /** The table as bytes, for the model cache: a header (magic, n-gram count, slots), the keys, the values. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(HEADER + this.size * 6);
    const header = new Uint32Array([MAGIC, this.count, this.size]);
    out.set(new Uint8Array(header.buffer), 0);
    out.set(new Uint8Array(this.keys.buffer, this.keys.byteOffset, this.size * 4), HEADER);
    out.set(new Uint8Array(this.values.buffer, this.values.byteOffset, this.size * 2), HEADER + this.size * 4);
    return out;
  }

  /** A table written by `toBytes`, or null for bytes that are not one whole (another format, cut
   *  short). The table reads the bytes where they are (no copy), so they must not change. */
  static fromBytes(bytes: Uint8Array): GramTable | null {
    if (bytes.length < HEADER || bytes.byteOffset % 4 !== 0) return null;
    const [magic, count, size] = new Uint32Array(bytes.buffer, bytes.byteOffset, 3);
    if (magic !== MAGIC || size !== slotsFor(count!) || bytes.length !== HEADER + size! * 6) return null;
    return new GramTable(count!, new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER, size), new Uint16Array(bytes.buffer, bytes.byteOffset + HEADER + size! * 4, size));
  }

  add(hash: number, logProbability: number): void {
    let i = hash % this.size;
    for (;;) {
      const k = this.keys[i]!;
      if (k === 0) { this.keys[i] = hash; this.values[i] = Math.min(MAX_CODE, Math.round(-logProbability * STEP)); return; }
      if (k === hash) return;
      if (++i === this.size) i = 0;
    }
  }

  /** The n-gram's log-probability (≤ 0), or ABSENT (1) when the model does not have it. */
  get(hash: number): number {
    let i = hash % this.size;
    for (;;) {
      const k = this.keys[i]!;
      if (k === hash) return -this.values[i]! / STEP;
      if (k === 0) return ABSENT;
      if (++i === this.size) i = 0;
    }
  }
}
