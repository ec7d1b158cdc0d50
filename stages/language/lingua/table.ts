// A compact lookup table from n-gram to log-probability: open addressing over a 32-bit FNV-1a hash
// of the n-gram's UTF-8 bytes, the value quantised to 1/2048 of a nat in 16 bits. Six bytes a slot
// (the hash's two halves and the value side by side, so a look-up touches one cache line) at a
// load of at most 0.8: about 7.5 bytes an n-gram, against tens of bytes in a hash map of strings.
// Two n-grams whose hashes collide keep the first's value; an absent n-gram whose hash equals a
// present one's reads that value (about one lookup in 10^5 on the largest model): both change a
// text's score by one n-gram's share, rarely and deterministically.

import type { Allocate } from '../../../pipeline/core/shared-tables.ts';

const STEP = 2048;
const MAX_CODE = 0xffff;
/** What `get` answers for an n-gram the model does not have: log-probabilities are never positive. */
export const ABSENT = 1;
/** The cache file's first word ("NNG2": slots of six bytes, placed by `home`), and the header's length: magic, n-gram count, slots. */
const MAGIC = 0x3247_4e4e;
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
export const slotsFor = (count: number): number => Math.max(8, Math.ceil(count / 0.8));

/** A table's bytes as the model cache keeps them: a header (its format's `magic`, the n-gram count,
 *  the slots), then the slots (`slots`, `slotBytes` each), in `allocate`'s bytes. */
export function tableBytes(magic: number, count: number, size: number, slots: ArrayBufferView, slotBytes: number, allocate: Allocate = (n) => new Uint8Array(n)): Uint8Array {
  const out = allocate(HEADER + size * slotBytes);
  new Uint32Array(out.buffer, out.byteOffset, 3).set([magic, count, size]);
  out.set(new Uint8Array(slots.buffer, slots.byteOffset, size * slotBytes), HEADER);
  return out;
}

/** The n-gram count of bytes `tableBytes` wrote in the format of `magic`, and where its slots
 *  begin; null for bytes that are not one whole table of it (another format, cut short). */
export function readTableBytes(bytes: Uint8Array, magic: number, slotBytes: number): { count: number; slotsAt: number } | null {
  if (bytes.length < HEADER || bytes.byteOffset % 4 !== 0) return null;
  const [found, count, size] = new Uint32Array(bytes.buffer, bytes.byteOffset, 3);
  if (found !== magic || size !== slotsFor(count!) || bytes.length !== HEADER + size! * slotBytes) return null;
  return { count: count!, slotsAt: bytes.byteOffset + HEADER };
}

/**
 * The slot a hash is first looked for in: the hash mixed (murmur3's finaliser: FNV-1a's high bits
 * cluster on short n-grams), then scaled to the table's size by a multiplication, which is exact in
 * a double and much cheaper than the remainder of a number past 2^31.
 */
export function home(hash: number, size: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return Math.floor(((h >>> 0) * size) / 4294967296);
}

/** What both layouts of a table (this one and compact-table.ts's) share: the n-gram count, the
 *  slots for it, and the array they lie in. */
export abstract class SlotTable<A extends Uint16Array | Uint32Array> {
  protected readonly slots: A;
  protected readonly size: number;
  readonly count: number;

  protected constructor(count: number, slots: A) {
    this.count = count;
    this.size = slotsFor(count);
    this.slots = slots;
  }

  /** Whether the table lies in shared memory: made once for all the workers of a pool (models.ts). */
  get shared(): boolean { return this.slots.buffer instanceof SharedArrayBuffer; }
}

export class GramTable extends SlotTable<Uint16Array> {
  /** `slots`: three 16-bit words a slot: the hash's low half, its high half, the value (0 0 marks an empty slot). */
  constructor(count: number, slots?: Uint16Array) {
    super(count, slots ?? new Uint16Array(slotsFor(count) * 3));
  }

  /** Bytes held by the table. */
  get bytes(): number { return this.size * 6; }

  /** The table as bytes, for the model cache: a header (magic, n-gram count, slots), then the slots. */
  toBytes(): Uint8Array {
    return tableBytes(MAGIC, this.count, this.size, this.slots, 6);
  }

  /** A table written by `toBytes`, or null for bytes that are not one whole (another format, cut
   *  short). The table reads the bytes where they are (no copy), so they must not change. */
  static fromBytes(bytes: Uint8Array): GramTable | null {
    const read = readTableBytes(bytes, MAGIC, 6);
    return read && new GramTable(read.count, new Uint16Array(bytes.buffer, read.slotsAt, slotsFor(read.count) * 3));
  }

  add(hash: number, logProbability: number): void {
    const lo = hash & 0xffff, hi = hash >>> 16;
    for (let i = home(hash, this.size) * 3; ; ) {
      const klo = this.slots[i]!, khi = this.slots[i + 1]!;
      if (klo === 0 && khi === 0) {
        this.slots[i] = lo;
        this.slots[i + 1] = hi;
        this.slots[i + 2] = Math.min(MAX_CODE, Math.round(-logProbability * STEP));
        return;
      }
      if (klo === lo && khi === hi) return;
      i += 3;
      if (i === this.slots.length) i = 0;
    }
  }

  /**
   * The n-gram's quantised value: its log-probability times -2048, a whole number from 0 to 65535
   * (whole numbers add up exactly, so a text's sum is the same in any order); -1 when the model
   * does not have it.
   */
  code(hash: number): number {
    const lo = hash & 0xffff, hi = hash >>> 16;
    const slots = this.slots;
    for (let i = home(hash, this.size) * 3; ; ) {
      const klo = slots[i]!, khi = slots[i + 1]!;
      if (klo === lo && khi === hi) return slots[i + 2]!;
      if (klo === 0 && khi === 0) return -1;
      i += 3;
      if (i === slots.length) i = 0;
    }
  }

  /** Calls `fn` with each n-gram's table key and code, in slot order. */
  forEach(fn: (key: number, code: number) => void): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 3) if (slots[i] !== 0 || slots[i + 1] !== 0) fn((slots[i]! | (slots[i + 1]! << 16)) >>> 0, slots[i + 2]!);
  }

  /** The n-gram's log-probability (≤ 0), or ABSENT (1) when the model does not have it. */
  get(hash: number): number {
    const code = this.code(hash);
    return code < 0 ? ABSENT : -code / STEP;
  }
}

/** A table's quantised value (`code`) as a log-probability. */
export const fromCode = (code: number): number => -code / STEP;
