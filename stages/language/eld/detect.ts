// eld's detection (the `eld` package, v2.1, Apache-2.0), step for step over its own database
// (grams.ts): the text cut to 1,000 characters, separators made spaces, lower case; the words
// spelled as UTF-8 bytes, one character a byte (eld's dictionary), cut after about 350 bytes; the
// distinct n-grams of four bytes at a stride of three, with a space before a word's first and
// after its last; each language's score the sum of its n-grams' scores (+53 each); the scores
// scaled to 0..1, and eld's test of a reliable answer. The answers are eld's (eld.test.ts
// compares them on texts in many languages); what differs is the cost: no string per n-gram, no
// object per answer, and no 350 ms to import the database as JavaScript.
import { CHECK_SEED, type EldGrams, eldGrams, KEY_SEED } from './grams.ts';

export interface EldResult {
  /** eld's language (ISO 639-1), '' when no n-gram scored. */
  language: string;
  /** Every language that scored, best first (eld's `getScores`, in its order), with its 0..1 score. */
  scores: [string, number][];
  /** eld's `isReliable()`. */
  reliable: boolean;
}

/** eld adds this to every stored score (it subtracted it to keep the database small). */
const BASE_SCORE = 53;
/** eld's scale of a language's mean n-gram score to 0..1. */
const SCALE = 25;
/** Bytes of words read: the word that passes CUT_AFTER is the last, and no byte past ENFORCE_CUT. */
const CUT_AFTER = 350;
const ENFORCE_CUT = 380;
const NGRAM = 4;
const STRIDE = 3;
/** Bytes of a word that place its n-grams (eld's `len > 70`). */
const WORD_CAP = 70;
const SPACE = 0x20;

// One text's words as eld's byte characters, end to end; `wordEnds` closes each.
let chars = new Uint16Array(1024);
const wordEnds: number[] = [];

// The text's distinct n-grams so far, by both hashes (the first, and 21 bits of the second: eld's
// distinct strings, but for about one pair in 2^53): open addressing over slots stamped with the
// text's number, so nothing is cleared or allocated from text to text. A text has at most a few
// hundred n-grams (its words are cut near 380 bytes, a gram every three).
const SEEN_SLOTS = 2048;
const seenStamp = new Int32Array(SEEN_SLOTS);
const seenKey = new Int32Array(SEEN_SLOTS);
const seenCheck = new Int32Array(SEEN_SLOTS);
let stamp = 0;
let seenCount = 0;

/** Whether the text has had this n-gram already; marks it seen. */
function seenBefore(h: number, check: number): boolean {
  const low = check & 0x1fffff;
  for (let slot = (h ^ (h >>> 11)) & (SEEN_SLOTS - 1); ; slot = (slot + 1) & (SEEN_SLOTS - 1)) {
    if (seenStamp[slot] !== stamp) {
      seenStamp[slot] = stamp;
      seenKey[slot] = h;
      seenCheck[slot] = low;
      seenCount++;
      return false;
    }
    if (seenKey[slot] === (h | 0) && seenCheck[slot] === low) return true;
  }
}

function pushChar(at: number, code: number): number {
  if (at >= chars.length) {
    const more = new Uint16Array(chars.length * 2);
    more.set(chars);
    chars = more;
  }
  chars[at] = code;
  return at + 1;
}

/** eld's `strToUtf8Bytes`: the words into `chars`/`wordEnds`. */
function spellBytes(text: string, byteChars: Uint16Array): void {
  wordEnds.length = 0;
  let at = 0;
  let wordStart = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === SPACE) {
        if (at > wordStart) {
          wordEnds.push(at);
          wordStart = at;
        }
        if (bytes > CUT_AFTER) break;
      } else at = pushChar(at, c);
      bytes++;
    } else if (c < 0x800) {
      at = pushChar(at, byteChars[0xc0 | (c >> 6)] as number);
      at = pushChar(at, byteChars[0x80 | (c & 0x3f)] as number);
      bytes += 2;
    } else if (c < 0xd800 || c >= 0xe000) {
      at = pushChar(at, byteChars[0xe0 | (c >> 12)] as number);
      at = pushChar(at, byteChars[0x80 | ((c >> 6) & 0x3f)] as number);
      at = pushChar(at, byteChars[0x80 | (c & 0x3f)] as number);
      bytes += 3;
    } else {
      // A surrogate pair (eld combines the next unit with whatever this one is, as here).
      i++;
      c = 0x10000 + (((c & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
      at = pushChar(at, byteChars[0xf0 | (c >> 18)] as number);
      at = pushChar(at, byteChars[0x80 | ((c >> 12) & 0x3f)] as number);
      at = pushChar(at, byteChars[0x80 | ((c >> 6) & 0x3f)] as number);
      at = pushChar(at, byteChars[0x80 | (c & 0x3f)] as number);
      bytes += 4;
    }
    if (bytes > ENFORCE_CUT) break;
  }
  if (at > wordStart) wordEnds.push(at);
}

/** Adds an n-gram's scores to `scores` the first time the text has it (`seenBefore` counts it).
 *  Both hashes (hashOf's, from KEY_SEED and CHECK_SEED) in one pass over the n-gram's bytes. */
function addGram(g: EldGrams, scores: Int32Array, from: number, to: number, spaceBefore: boolean, spaceAfter: boolean): void {
  let h = KEY_SEED, check = CHECK_SEED;
  if (spaceBefore) { h = Math.imul(h ^ SPACE, 0x01000193); check = Math.imul(check ^ SPACE, 0x01000193); }
  for (let i = from; i < to; i++) {
    const c = chars[i] as number;
    h = Math.imul(h ^ c, 0x01000193);
    check = Math.imul(check ^ c, 0x01000193);
  }
  if (spaceAfter) { h = Math.imul(h ^ SPACE, 0x01000193); check = Math.imul(check ^ SPACE, 0x01000193); }
  h = h >>> 0 || 1;
  check = check >>> 0 || 1;
  if (seenBefore(h, check)) return;
  let slot = h & g.mask;
  for (;;) {
    const key = g.keys[slot] as number;
    if (key === 0) return;
    if (key === h && g.checks[slot] === check) break;
    slot = (slot + 1) & g.mask;
  }
  const value = g.values[slot] as number;
  const first = Math.floor(value / 256);
  const end = first + (value & 0xff);
  for (let p = first; p < end; p++) {
    const l = g.pairLanguage[p] as number;
    scores[l] = (scores[l] as number) + (g.pairScore[p] as number) + BASE_SCORE;
  }
}

/** eld's `getByteNgrams` and `calculateScores`: each language's summed score; the number of distinct n-grams. */
function score(g: EldGrams, scores: Int32Array): number {
  if (++stamp > 0x3fffffff) { stamp = 1; seenStamp.fill(0); }
  seenCount = 0;
  let start = 0;
  for (const end of wordEnds) {
    const length = Math.min(end - start, WORD_CAP);
    let j = 0;
    for (; j + NGRAM < length; j += STRIDE) addGram(g, scores, start + j, start + j + NGRAM, j === 0, false);
    // The last n-gram runs to the word's real end (eld's substring without an end).
    addGram(g, scores, start + Math.max(0, length - NGRAM), end, j === 0, true);
    start = end;
  }
  return seenCount;
}

/** eld's reading of a text, by language index: what `eldDetect` gives, without the strings. */
export interface EldReading {
  /** eld's language's index, -1 when no n-gram scored. */
  best: number;
  /** The languages that scored, best first, ties by index (eld's stable sort): their indexes; only
   *  the first `top` of them when `eldRead` is given a `top`. */
  order: number[];
  /** Each language's 0..1 score, by index (read for those in `order`). */
  scores: Float64Array;
  reliable: boolean;
}

// Scratch for one reading at a time (a caller reads a result before it asks for the next).
let raw = new Int32Array(0);
let scaled = new Float64Array(0);

/**
 * eld's detection of `text` by language index. `scores` is scratch: read it before the next call.
 * `top`: how many of the best languages `order` lists (at least two, which eld's reliability test
 * reads); the stage reads three or five of some sixty, and placing those few as the scores come
 * costs less than sorting them all (the sort's work array was about 29 MB allocated per 10 MB of
 * the bench dump).
 */
export function eldRead(text: string, top: number = Number.POSITIVE_INFINITY): EldReading {
  const g = eldGrams();
  const cleaned = text.substring(0, 1000).replace(g.separators, ' ').trim().toLowerCase();
  spellBytes(cleaned, g.byteChars);
  const n = g.languages.length;
  if (raw.length !== n) { raw = new Int32Array(n); scaled = new Float64Array(n); }
  raw.fill(0);
  const count = score(g, raw);
  // eld's `getMaxLang`: the first language (by index) with the highest positive score.
  let best = -1;
  for (let l = 0; l < n; l++) if ((raw[l] as number) > 0 && (best < 0 || (raw[l] as number) > (raw[best] as number))) best = l;
  if (best < 0) return { best, order: [], scores: scaled, reliable: false };
  const most = Math.max(2, top);
  const order: number[] = [];
  for (let l = 0; l < n; l++) {
    if ((raw[l] as number) <= 0) continue;
    const mean = (raw[l] as number) / count;
    const s = (scaled[l] = mean / (mean + SCALE));
    // eld sorts the languages stably by score: ties stay in index order, so a language goes after
    // every one before it that scores as much.
    let at = order.length;
    while (at > 0 && (scaled[order[at - 1] as number] as number) < s) at--;
    if (at >= most) continue;
    if (order.length < most) order.push(l);
    for (let i = order.length - 1; i > at; i--) order[i] = order[i - 1] as number;
    order[at] = l;
  }
  return { best, order, scores: scaled, reliable: reliable(g, order, best, count) };
}

/** eld's detection of `text`: its language, every language's scaled score, and whether it is reliable. */
export function eldDetect(text: string): EldResult {
  const r = eldRead(text);
  const languages = eldGrams().languages;
  if (r.best < 0) return { language: '', scores: [], reliable: false };
  return { language: languages[r.best] as string, scores: r.order.map((l) => [languages[l] as string, r.scores[l] as number]), reliable: r.reliable };
}

/** eld's language codes (ISO 639-1) by index. */
export const eldLanguages = (): readonly string[] => eldGrams().languages;

/**
 * eld's `isReliable(0.75)`, as eld computes it: the runner-up it compares with is read from the
 * language's index, not its score (`results[1][0]`), which makes the test one of the best score
 * against the language's average in practice.
 */
function reliable(g: EldGrams, order: number[], best: number, count: number): boolean {
  if (order.length === 0 || count < 3) return false;
  const top = scaled[order[0] as number] as number;
  const next = order.length > 1 ? (order[1] as number) : 0;
  return !((g.averages[best] as number) * 0.75 > top || 0.01 > Math.abs(top - next));
}
