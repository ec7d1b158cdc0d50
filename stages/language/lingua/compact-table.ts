// The four- and five-gram tables a run keeps (149 MB for all 72 languages that have them at six
// bytes a slot, the largest thing a worker holds), in four bytes a slot: 99 MB. A slot is a 16-bit
// fingerprint of the n-gram's hash and its 16-bit value, one 32-bit word. The slot an n-gram lies
// in already says much of its hash (its home is the mixed hash's top bits, table.ts `home`), so the
// fingerprint comes from a second mixing of the hash, independent of the home: a look-up of an
// absent n-gram reads a present one's value only when a slot of its probe run (about 13 slots at a
// load of 0.8) holds the same fingerprint. Measured over all 144 tables (20,000 keys of a fixed
// sequence a table, nearly all absent, and every present n-gram): an absent n-gram reads as
// present 2.3 times in 10,000 look-ups (the six-byte table: 0.5), a present one reads another's
// value 0.3 times in 10,000 (the six-byte table: never, but for two n-grams of one 32-bit hash). Either way a text's score moves by one
// n-gram's share, rarely and deterministically: on the bench dump's first 10 MB, 41 of 118,860
// blocks changed their confidence and none its language; the development sets' figures did not move.
import type { Allocate } from '../../../pipeline/core/shared-tables.ts';
import { type GramTable, home, readTableBytes, SlotTable, slotsFor, tableBytes } from './table.ts';

/** The file's first word: "NNG3", slots of four bytes (fingerprint and value), at the six-byte table's load. */
const MAGIC = 0x3347_4e4e;

/** The hash's 16-bit fingerprint, never 0 (a slot of 0 is empty): a mixing of its own (not the home's), so the two say different things. */
function fingerprint(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 16 || 1;
}

export class CompactTable extends SlotTable<Uint32Array> {
  /** `slots`: one 32-bit word a slot, fingerprint << 16 | value; 0 when empty. */
  constructor(count: number, slots?: Uint32Array) {
    super(count, slots ?? new Uint32Array(slotsFor(count)));
  }

  /** The six-byte table's n-grams, in its slot order (so the same table always gives the same bytes). */
  static of(table: GramTable): CompactTable {
    const compact = new CompactTable(table.count);
    table.forEach((key, code) => compact.add(key, code));
    return compact;
  }

  /** Bytes held by the table. */
  get bytes(): number { return this.size * 4; }

  /** The table as bytes (for the model cache and to share): a header (magic, n-gram count, slots), then the slots. */
  toBytes(allocate?: Allocate): Uint8Array {
    return tableBytes(MAGIC, this.count, this.size, this.slots, 4, allocate);
  }

  /** A table written by `toBytes`, or null for bytes that are not one whole (another format, cut
   *  short). The table reads the bytes where they are (no copy), so they must not change. */
  static fromBytes(bytes: Uint8Array): CompactTable | null {
    const read = readTableBytes(bytes, MAGIC, 4);
    return read && new CompactTable(read.count, new Uint32Array(bytes.buffer, read.slotsAt, slotsFor(read.count)));
  }

  /** Adds an n-gram by its table key (table.ts `tableKey`) and quantised value (0 to 65535); a
   *  later n-gram of the same fingerprint in the same probe run keeps the first's value. */
  add(hash: number, code: number): void {
    const mark = fingerprint(hash) << 16;
    for (let i = home(hash, this.size); ; ) {
      const slot = this.slots[i]!;
      if (slot === 0) {
        this.slots[i] = (mark | code) >>> 0;
        return;
      }
      if (((slot ^ mark) & 0xffff0000) === 0) return;
      if (++i === this.size) i = 0;
    }
  }

  /** The n-gram's quantised value (as GramTable's `code`), -1 when the table does not have it. */
  code(hash: number): number {
    const mark = fingerprint(hash);
    const slots = this.slots;
    for (let i = home(hash, this.size); ; ) {
      const slot = slots[i]!;
      if (slot >>> 16 === mark) return slot & 0xffff;
      if (slot === 0) return -1;
      if (++i === this.size) i = 0;
    }
  }
}
