// A text's distinct n-grams, numbered: each one's table key (table.ts), its length, and the n-gram
// one letter shorter that it backs off to (its prefix; -1 for a single letter). The prefix of an
// n-gram of a run of letters is an n-gram of the same run, so the tables are asked about each
// distinct n-gram of a text once, however many longer n-grams back off to it. The arrays are
// scratch, reused from text to text (a text is scored before the next is numbered).
import { kindOf, LETTER } from '../../../pipeline/core/text.ts';
import { FNV_START, fnvCodePoint, tableKey } from './table.ts';

export interface NumberedGrams {
  /** How many n-grams are numbered. */
  count: number;
  key: Int32Array;
  length: Uint8Array;
  prefix: Int32Array;
  /** The n-grams scored, by length (index 1 to 5), each once. */
  scored: number[][];
}

const grams: NumberedGrams = { count: 0, key: new Int32Array(0), length: new Uint8Array(0), prefix: new Int32Array(0), scored: [] };

// Open addressing from (key, second hash, length) to an n-gram's number: two different n-grams with
// the same table key are numbered apart (and count twice, as they always did) unless their second
// hashes agree too. A slot belongs to the current text when its stamp is the text's. At least twice
// as many slots as the text can have n-grams (sized up for a longer text, kept for the next).
let mask = 0;
let slotStamp = new Int32Array(0);
let slotNumber = new Int32Array(0);
let slotSecond = new Int32Array(0);
let stamp = 0;

/** Room for `most` n-grams. */
function reserve(most: number): void {
  if (grams.key.length >= most) return;
  const capacity = Math.max(1024, most * 2);
  grams.key = new Int32Array(capacity);
  grams.length = new Uint8Array(capacity);
  grams.prefix = new Int32Array(capacity);
  const slots = 2 ** Math.ceil(Math.log2(capacity * 2));
  mask = slots - 1;
  slotStamp = new Int32Array(slots);
  slotNumber = new Int32Array(slots);
  slotSecond = new Int32Array(slots);
  stamp = 0;
}

function numberOf(key: number, second: number, length: number, prefix: number): number {
  let slot = (key ^ Math.imul(second, 0x9e3779b1)) & mask;
  for (;;) {
    if (slotStamp[slot] !== stamp) break;
    const g = slotNumber[slot]!;
    if (grams.key[g] === key && slotSecond[slot] === second && grams.length[g] === length) return g;
    slot = (slot + 1) & mask;
  }
  const g = grams.count++;
  grams.key[g] = key;
  grams.length[g] = length;
  grams.prefix[g] = prefix;
  slotStamp[slot] = stamp;
  slotNumber[slot] = g;
  slotSecond[slot] = second;
  return g;
}

/** Code points of one run of letters (scratch). */
let codePoints = new Int32Array(1024);

/**
 * Numbers the distinct n-grams of up to `longest` letters within the words' runs of letters, and
 * lists those of each length as scored; `onlyLongest`: only n-grams of `longest` letters are
 * scored, and shorter ones numbered only as their prefixes.
 */
export function numberGrams(words: string[], longest: number, onlyLongest: boolean): NumberedGrams {
  let units = 0;
  for (const word of words) units += word.length;
  reserve(units * longest);
  if (codePoints.length < units) codePoints = new Int32Array(units);
  if (++stamp > 0x3fffffff) { stamp = 1; slotStamp.fill(0); }
  grams.count = 0;
  grams.scored = [[], [], [], [], [], []];
  for (const word of words) {
    // The word's runs of letters (`\p{L}+`: a mark, a symbol or an apostrophe ends one), each
    // numbered when it ends; by the code points' kinds rather than a `match`, which made an array
    // and a string a run (about 17 MB allocated per 10 MB of the bench dump).
    let n = 0;
    for (let i = 0; i < word.length; i++) {
      const cp = word.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (kindOf(cp) & LETTER) codePoints[n++] = cp;
      else if (n > 0) { numberRun(n, longest, onlyLongest); n = 0; }
    }
    if (n > 0) numberRun(n, longest, onlyLongest);
  }
  return grams;
}

/** Numbers the n-grams of the run of letters in `codePoints[0, n)`. */
function numberRun(n: number, longest: number, onlyLongest: boolean): void {
  for (let i = 0; i < n; i++) {
    const last = Math.min(longest, n - i);
    if (onlyLongest && last < longest) break;
    let h = FNV_START, second = 0x9747b28c, prefix = -1;
    for (let length = 1; length <= last; length++) {
      const cp = codePoints[i + length - 1]!;
      h = fnvCodePoint(h, cp);
      second = Math.imul(second ^ cp, 0x5bd1e995);
      const before = grams.count;
      prefix = numberOf(tableKey(h) | 0, second, length, prefix);
      if (prefix === before && (!onlyLongest || length === longest)) grams.scored[length]!.push(prefix);
    }
  }
}
