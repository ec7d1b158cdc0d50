// A table from strings to values for the memos (memo.ts, the names tagger's word memo): open
// addressing over the entries' numbers in a typed array, each entry's hash beside it, the key
// compared only where the hashes agree. A `Map` of strings cost the names stage 660 ns a look-up
// over a dump's words (the key, a new string each time, hashed by V8; an old generation's words
// copied again to move them); a table here grows to its size once and is then cleared when full,
// its arrays kept.

/** FNV-1a of a string's code units (signed: a small integer to V8). */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Entries a table has room for at first: it doubles as it fills, up to its size. */
const FIRST_ROOM = 256;

export class StringTable<T> {
  /** An entry's number plus one, 0 for an empty slot; at least twice as many slots as the room for entries (a power of two). */
  private slots: Int32Array;
  private hashes: Int32Array;
  readonly keys: string[] = [];
  readonly values: T[] = [];
  private held = 0;

  constructor(
    /** Entries held at most. */
    readonly size: number,
  ) {
    if (!(size >= 1)) throw new Error(`StringTable: a size of at least 1, not ${size}`);
    const room = Math.min(FIRST_ROOM, size);
    this.slots = new Int32Array(slotsFor(room));
    this.hashes = new Int32Array(room);
  }

  /** Entries held: those numbered 0 to `count` - 1. */
  get count(): number {
    return this.held;
  }

  get full(): boolean {
    return this.held >= this.size;
  }

  /** The number of the entry of `key` (`h`: `hashKey(key)`), or -1. */
  find(key: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === h && this.keys[entry - 1] === key) return entry - 1;
    }
  }

  /** Adds an entry for a key it does not hold, when not `full`. */
  add(key: string, h: number, value: T): void {
    if (this.held >= this.size) throw new Error('StringTable: full (clear it first)');
    if (this.held === this.hashes.length) this.grow();
    const n = this.held++;
    this.hashes[n] = h;
    this.keys[n] = key;
    this.values[n] = value;
    this.place(n);
  }

  /** Forgets every entry (the arrays stay, at the room they grew to). */
  clear(): void {
    this.slots.fill(0);
    this.keys.length = 0;
    this.values.length = 0;
    this.held = 0;
  }

  private place(n: number): void {
    const mask = this.slots.length - 1;
    let slot = (this.hashes[n] as number) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = n + 1;
  }

  private grow(): void {
    const room = Math.min(this.size, this.hashes.length * 2);
    const hashes = new Int32Array(room);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.slots = new Int32Array(slotsFor(room));
    for (let n = 0; n < this.held; n++) this.place(n);
  }
}

/** Slots for a room of entries: a power of two, at least twice as many. */
function slotsFor(room: number): number {
  let slots = 2;
  while (slots < 2 * room) slots *= 2;
  return slots;
}
