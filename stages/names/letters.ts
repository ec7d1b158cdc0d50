// What a character is, for a word's case and its shape: worked out once per UTF-16 code unit (its
// Unicode classes and script from the core's tables, the rest here) and kept in a table of 128 K
// bytes. A word past ASCII then costs a table read per character, where it cost regular expressions
// and new strings (a copy of its letters, in upper and lower case) each time it was read: a news
// dump in many languages has a new word every few tokens. Surrogate halves (characters past
// U+FFFF) are no characters alone: callers read words holding one by the regular expressions.
import { DIGIT, kindOf, LETTER as CORE_LETTER, LOWER as CORE_LOWER, MARK as CORE_MARK, scriptOf, UPPER as CORE_UPPER } from '../../pipeline/core/text.ts';

/** Set once the character's bits are worked out. */
const KNOWN = 1;
/** `\p{L}`. */
export const LETTER = 2;
/** `\p{Lu}` or `\p{Lt}`: a capital that opens a capitalised word. */
export const OPENS_CAPITALISED = 4;
/** `\p{Lu}`: X in a shape. */
export const UPPER = 8;
/** `\p{Ll}` or `\p{Lo}`: x in a shape. */
export const LOWER_OR_OTHER = 16;
/** `\p{N}`: d in a shape. */
export const NUMBER = 32;
/** Its upper case is another string (`toUpperCase`). */
export const CHANGES_UPPER = 64;
/** Its lower case is another string (`toLowerCase`). */
export const CHANGES_LOWER = 128;
/** `\p{Lo}` (a letter of a script without case). */
export const OTHER_LETTER = 256;
/** `\p{Script=Cyrillic}`. */
export const CYRILLIC = 512;
/** `\p{Script=Greek}`. */
export const GREEK = 1024;
/** `\p{Script=Han}`. */
export const HAN = 2048;
/**
 * Folding (`foldWord`) only puts it in lower case: its lower case is characters without
 * decomposition, mark, or apostrophe or letter with a stroke to replace, each its own lower case.
 */
export const FOLDS_TO_LOWER_CASE = 4096;
/** `\p{M}`: a combining mark. */
export const MARK = 8192;

const table = new Uint16Array(0x10000);

const MARK_OR_FOLDED_LETTER = /\p{M}|[’ʼ`łøđħıŀ]/u;
const TITLE_CASE = /\p{Lt}/u;
const OTHER = /\p{Lo}/u;

const foldsToItself = (ch: string): boolean => ch.toLowerCase() === ch && ch.normalize('NFD') === ch && !MARK_OR_FOLDED_LETTER.test(ch);

// The Unicode classes and scripts come from the core's tables (pipeline/core/text.ts), tested once
// per code point there; the rest is the names stage's own: title case, letters of caseless
// scripts, what case mapping and folding do to the character.
function bitsOf(ch: string): number {
  const code = ch.charCodeAt(0);
  const kind = kindOf(code);
  const script = scriptOf(code);
  let bits = KNOWN;
  if (kind & CORE_LETTER) bits |= LETTER;
  if (kind & CORE_UPPER || TITLE_CASE.test(ch)) bits |= OPENS_CAPITALISED;
  if (kind & CORE_UPPER) bits |= UPPER;
  if (kind & CORE_LOWER || OTHER.test(ch)) bits |= LOWER_OR_OTHER;
  if (kind & DIGIT) bits |= NUMBER;
  if (ch.toUpperCase() !== ch) bits |= CHANGES_UPPER;
  if (ch.toLowerCase() !== ch) bits |= CHANGES_LOWER;
  if (OTHER.test(ch)) bits |= OTHER_LETTER;
  if (script === 'Cyrillic') bits |= CYRILLIC;
  if (script === 'Greek') bits |= GREEK;
  if (script === 'Han') bits |= HAN;
  if ([...ch.toLowerCase()].every(foldsToItself)) bits |= FOLDS_TO_LOWER_CASE;
  if (kind & CORE_MARK) bits |= MARK;
  return bits;
}

/** Whether a code unit is half of a surrogate pair (a character past U+FFFF). */
export const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

/** The bits above of a code unit that is no surrogate half. */
export function charBits(code: number): number {
  let bits = table[code] as number;
  if (bits === 0) {
    bits = bitsOf(String.fromCharCode(code));
    table[code] = bits;
  }
  return bits;
}
