// Text utilities that several stages and the runner share: which Unicode script a code point is
// written in, and what kind of character it is. Both are answered from Unicode's own properties
// (`\p{Script=…}`, `\p{L}`…), tested once per code point and kept in lazily filled tables, so a
// caller pays one array read per character. Callers that need a coarser or different answer
// (Hiragana counted as Han, the micro sign as Greek) map this one in a line of their own.

/** The scripts newsnorm tells apart; every other script is `Other`. */
export const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Tamil',
  'Telugu', 'Thai', 'Lao', 'Myanmar', 'Georgian', 'Hangul', 'Khmer', 'Hiragana', 'Katakana', 'Han',
  // Characters shared by all scripts (digits, punctuation, "µ", "ー") and combining marks that take
  // the script of their base letter.
  'Common', 'Inherited',
] as const;
export type Script = (typeof SCRIPTS)[number] | 'Other';

const SCRIPT_TESTS = SCRIPTS.map((name) => new RegExp(`^\\p{Script=${name}}$`, 'u'));
/** Index into SCRIPTS + 1 for the first four planes (BMP, SMP, SIP, TIP); 0 = not yet tested. */
const scriptTable = new Uint8Array(0x40000);
const OTHER = SCRIPTS.length + 1;

function testScript(cp: number): number {
  const ch = String.fromCodePoint(cp);
  const i = SCRIPT_TESTS.findIndex((re) => re.test(ch));
  return i === -1 ? OTHER : i + 1;
}

/** The Unicode script (Script property) of a code point; lone surrogates are `Other`. */
export function scriptOf(cp: number): Script {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 'Latin' : 'Common';
  let s: number;
  if (cp < scriptTable.length) {
    s = scriptTable[cp] as number;
    if (s === 0) scriptTable[cp] = s = testScript(cp);
  } else s = testScript(cp);
  return s === OTHER ? 'Other' : (SCRIPTS[s - 1] as Script);
}

// ---------------------------------------------------------------------------------------------
// Character kinds, as bits of one byte per code point.

export const LETTER = 1;
export const UPPER = 2;
export const LOWER = 4;
export const MARK = 8;
export const DIGIT = 16;
export const SPACE = 32;
const KNOWN = 128;
const kindTable = new Uint8Array(0x40000);

const IS_SPACE = /\s/u;
const IS_DIGIT = /\p{N}/u;
const IS_LETTER = /\p{L}/u;
const IS_UPPER = /\p{Lu}/u;
const IS_LOWER = /\p{Ll}/u;
const IS_MARK = /\p{M}/u;

function testKind(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let k = KNOWN;
  if (IS_SPACE.test(ch)) k |= SPACE;
  if (IS_DIGIT.test(ch)) k |= DIGIT;
  if (IS_LETTER.test(ch)) k |= LETTER;
  if (IS_UPPER.test(ch)) k |= UPPER;
  if (IS_LOWER.test(ch)) k |= LOWER;
  if (IS_MARK.test(ch)) k |= MARK;
  return k;
}

/**
 * The kind of a code point as bits: LETTER (`\p{L}`), UPPER (`\p{Lu}`), LOWER (`\p{Ll}`), MARK
 * (`\p{M}`), DIGIT (`\p{N}`), SPACE (`\s`). Test with `&`.
 */
export function kindOf(cp: number): number {
  if (cp < kindTable.length) {
    const k = kindTable[cp] as number;
    if (k !== 0) return k;
    return (kindTable[cp] = testKind(cp));
  }
  return testKind(cp);
}
