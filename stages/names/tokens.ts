// Words of a block with their offsets: the only unit the name finder looks at. One pass over the
// text: plain ASCII is read by character codes, anything else by one regular expression without
// nested quantifiers, so the cost is linear.
import { CHANGES_LOWER, CHANGES_UPPER, charBits, isSurrogate, LETTER, MARK, NUMBER, OPENS_CAPITALISED } from './letters.ts';

export type TokenKind = 'word' | 'initial' | 'abbreviation' | 'number' | 'break' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Begins with a capital (or is an initial or abbreviation). */
  capitalized: boolean;
  /** Two or more letters, all capitals. */
  allCaps: boolean;
  /** First word of a sentence, a line or the block. */
  sentenceStart: boolean;
  /** Written with a possessive 's (Hoddle's): a name ends with it. */
  possessive: boolean;
  /** In a line written in Title Case (a headline): its capitals say little. */
  headline: boolean;
}

/**
 * A token as the tokenizer makes it. A class, not an object literal: V8 moves the objects of a
 * literal straight to its old generation once it has seen most of them outlive a collection (the
 * first document's tokens all do, the first time it collects), and then every later document's
 * tokens become garbage for the slow collector; it does not do so for a class's objects. Its five
 * flags are bits of one number, read and written through accessors: a token is five fields, not
 * nine (64 bytes, not 96), and a document has some six hundred.
 */
export class WordToken implements Token {
  private flags: number;
  constructor(
    public text: string,
    public start: number,
    public end: number,
    public kind: TokenKind,
    capitalized: boolean,
    allCaps: boolean,
    sentenceStart: boolean,
    possessive: boolean,
  ) {
    this.flags = (capitalized ? CAPITALIZED : 0) | (allCaps ? ALL_CAPS : 0) | (sentenceStart ? SENTENCE_START_FLAG : 0) | (possessive ? POSSESSIVE_FLAG : 0);
  }

  get capitalized(): boolean {
    return this.has(CAPITALIZED);
  }
  set capitalized(on: boolean) {
    this.mark(CAPITALIZED, on);
  }
  get allCaps(): boolean {
    return this.has(ALL_CAPS);
  }
  set allCaps(on: boolean) {
    this.mark(ALL_CAPS, on);
  }
  get sentenceStart(): boolean {
    return this.has(SENTENCE_START_FLAG);
  }
  set sentenceStart(on: boolean) {
    this.mark(SENTENCE_START_FLAG, on);
  }
  get possessive(): boolean {
    return this.has(POSSESSIVE_FLAG);
  }
  set possessive(on: boolean) {
    this.mark(POSSESSIVE_FLAG, on);
  }
  get headline(): boolean {
    return this.has(HEADLINE_FLAG);
  }
  set headline(on: boolean) {
    this.mark(HEADLINE_FLAG, on);
  }

  private has(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }

  private mark(flag: number, on: boolean): void {
    this.flags = on ? this.flags | flag : this.flags & ~flag;
  }
}

// The flags' other bits: CAPITALIZED and ALL_CAPS (below) are the first two, as `caseBits` gives them.
const SENTENCE_START_FLAG = 4;
const POSSESSIVE_FLAG = 8;
const HEADLINE_FLAG = 16;

// Abbreviations (U.S., U.K.), words with inner apostrophes and hyphens (O'Gorman, Jean-Pierre),
// numbers, line breaks, any other single character.
const TOKEN = /(?:\p{L}\p{M}*\.){2,}|[\p{L}\p{M}]+(?:['’‐-][\p{L}\p{M}]+)*|\p{N}+|\n|\S/gu;
const UPPER = /^\p{Lu}|^\p{Lt}/u;
// For characters past U+FFFF (the table of letters.ts holds the rest).
const OPENS_LETTER = /^\p{L}/u;
const OPENS_NUMBER = /^\p{N}/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const NOT_LETTERS = /[^\p{L}]/gu;
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', '"', '“', '”', '«', '»', '•', '-', '–', '—', '(', ')', '[', ']', ';', '¿', '¡', '*', '|']);

/** The kind of a match of TOKEN by its first character (a letter opens a word, an initial or an abbreviation). */
function kindOf(value: string, text: string, start: number): TokenKind {
  const c = value.charCodeAt(0);
  if (c === 10) return 'break';
  // Past ASCII, the first character's class from the table of letters.ts (a regular expression
  // when it is past U+FFFF).
  const bits = c < 128 || isSurrogate(c) ? 0 : charBits(c);
  const letter = c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : isSurrogate(c) ? OPENS_LETTER.test(value) : (bits & LETTER) !== 0;
  if (!letter) return (c < 128 ? c >= 48 && c <= 57 : isSurrogate(c) ? OPENS_NUMBER.test(value) : (bits & NUMBER) !== 0) ? 'number' : 'punct';
  if (value.endsWith('.')) return 'abbreviation';
  if (codeAt(text, start + value.length) === 46 && (c < 128 ? value.length === 1 && c >= 65 && c <= 90 : ONE_CAPITAL.test(value))) return 'initial';
  return 'word';
}

/** The word begins with a capital (`caseBits`). */
export const CAPITALIZED = 1;
/** The word has two letters or more, all capitals (`caseBits`). */
export const ALL_CAPS = 2;

/** Whether a word begins with a capital, and whether it has two letters or more, all capitals, as bits (CAPITALIZED, ALL_CAPS); plain ASCII read by character codes. */
export function caseBits(value: string): number {
  let letters = 0;
  let lower = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) return caseByTable(value);
    if (c >= 97 && c <= 122) {
      lower = true;
      letters++;
    } else if (c >= 65 && c <= 90) letters++;
  }
  const first = value.charCodeAt(0);
  return (first >= 65 && first <= 90 ? CAPITALIZED : 0) | (letters > 1 && !lower ? ALL_CAPS : 0);
}

/**
 * `caseBits` of a word past ASCII, by the table of `letters.ts`: its letters are all capitals when
 * none changes in upper case and one at least changes in lower case (a letter that changes either
 * way changes the string, and `toUpperCase` reads no context), as the copies of `caseByRegex` say.
 */
function caseByTable(value: string): number {
  let letters = 0;
  let changesUpper = false;
  let changesLower = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isSurrogate(c)) return caseByRegex(value);
    const bits = charBits(c);
    if ((bits & LETTER) === 0) continue;
    letters++;
    if ((bits & CHANGES_UPPER) !== 0) changesUpper = true;
    if ((bits & CHANGES_LOWER) !== 0) changesLower = true;
  }
  const opens = value.length > 0 && (charBits(value.charCodeAt(0)) & OPENS_CAPITALISED) !== 0;
  return (opens ? CAPITALIZED : 0) | (letters > 1 && !changesUpper && changesLower ? ALL_CAPS : 0);
}

/** `caseBits` of a word with characters past U+FFFF. */
function caseByRegex(value: string): number {
  const letters = value.replace(NOT_LETTERS, '');
  const allCaps = letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return (UPPER.test(value) ? CAPITALIZED : 0) | (allCaps ? ALL_CAPS : 0);
}

/**
 * The character code at `i`, 0 past the end. Reading past the end gives NaN, which made V8 drop
 * the tokenizer's optimised code again and again (`out of bounds`, `not a Smi`); 0 is no letter,
 * digit, space or character past ASCII, so it ends a token as the end does.
 */
const codeAt = (text: string, i: number) => (i < text.length ? text.charCodeAt(i) : 0);
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
/** ASCII white space other than the line break (a token of its own): what `\s` skips between tokens. */
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13 && c !== 10);

// What the scanners below learn of the token they end, read while they read its characters: its
// kind and `caseBits` (-1: not learned, worked out from the token's text). Set where a scanner
// returns an end; `tokenize` clears them before each token.
let scannedKind: TokenKind | null = null;
let scannedCase = -1;

/** Records what a scanner learned of its token, and returns the token's end. */
function scanned(end: number, kind: TokenKind, cased: number): number {
  scannedKind = kind;
  scannedCase = cased;
  return end;
}

/**
 * The end of the match of TOKEN at `i` when plain ASCII settles it, else -1: a character past
 * ASCII next to the token (a letter, a mark, a joiner such as ’) could extend it, and TOKEN decides.
 * Reading ASCII by character codes spares the regular expression its match objects, which cost
 * the tokenizer more than the matching; its kind and case are read on the way.
 */
function asciiTokenEnd(text: string, i: number): number {
  const c = codeAt(text, i);
  if (c >= 128) return -1;
  if (isAsciiDigit(c)) {
    let j = i + 1;
    while (isAsciiDigit(codeAt(text, j))) j++;
    return codeAt(text, j) >= 128 ? -1 : scanned(j, 'number', 0);
  }
  // A line break or a single mark (never white space: the caller skips it).
  if (!isAsciiLetter(c)) return scanned(i + 1, c === 10 ? 'break' : 'punct', 0);
  // An abbreviation: a letter and a period, twice or more (U.S.).
  let j = i;
  while (isAsciiLetter(codeAt(text, j)) && codeAt(text, j + 1) === 46) j += 2;
  if (codeAt(text, j) >= 128 || codeAt(text, j + 1) >= 128) return -1;
  if (j - i >= 4) return scanned(j, 'abbreviation', -1);
  // A word, with inner apostrophes and hyphens (O'Gorman, Jean-Pierre): its letters counted, and
  // whether one is in lower case.
  j = i + 1;
  let letters = 1;
  let lower = c >= 97;
  for (;;) {
    for (let d = codeAt(text, j); isAsciiLetter(d); d = codeAt(text, j)) {
      letters++;
      if (d >= 97) lower = true;
      j++;
    }
    const d = codeAt(text, j);
    if (d >= 128) return -1;
    if (d !== 39 && d !== 45) break;
    const e = codeAt(text, j + 1);
    if (e >= 128) return -1;
    if (!isAsciiLetter(e)) break;
    letters++;
    if (e >= 97) lower = true;
    j += 2;
  }
  const cased = (c <= 90 ? CAPITALIZED : 0) | (letters > 1 && !lower ? ALL_CAPS : 0);
  // One capital and a period: an initial (P. Smith).
  return scanned(j, j === i + 1 && c <= 90 && codeAt(text, j) === 46 ? 'initial' : 'word', cased);
}

/** A letter or mark of the BMP, or an ASCII letter (what the second branch of TOKEN reads). */
function isWordUnit(c: number): boolean {
  return c < 128 ? isAsciiLetter(c) : !isSurrogate(c) && (charBits(c) & (LETTER | MARK)) !== 0;
}

/** An apostrophe or hyphen that joins two parts of a word in TOKEN (' ’ ‐ -). */
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 0x2010 || c === 45;

/**
 * The end of the match of TOKEN at `i` when it is a word of letters (its second branch) and the
 * table of letters.ts settles it, else -1: TOKEN decides an abbreviation (a letter and a period:
 * С.Ш.А.) and anything next to a character past U+FFFF. Words in Cyrillic, Greek or with accents
 * cost a match of the regular expression each, and its match object, where this reads codes.
 */
function letterTokenEnd(text: string, i: number): number {
  const c = codeAt(text, i);
  if (c < 128 ? !isAsciiLetter(c) : isSurrogate(c) || (charBits(c) & LETTER) === 0) return -1;
  let j = i + 1;
  for (let d = codeAt(text, j); d >= 128 && !isSurrogate(d) && (charBits(d) & MARK) !== 0; d = codeAt(text, j)) j++;
  if (codeAt(text, j) === 46) return -1;
  // The word's case as `caseByTable` reads it (for a word of ASCII letters, the same as `caseBits`):
  // its letters counted, and whether one changes in upper case and one in lower case.
  const opening = charBits(c);
  let letters = 1;
  let changes = opening;
  for (;;) {
    for (let bits = unitBits(codeAt(text, j)); (bits & (LETTER | MARK)) !== 0; bits = unitBits(codeAt(text, j))) {
      if ((bits & LETTER) !== 0) {
        letters++;
        changes |= bits;
      }
      j++;
    }
    const d = codeAt(text, j);
    if (isSurrogate(d)) return -1;
    if (!isJoiner(d)) break;
    const e = codeAt(text, j + 1);
    if (isSurrogate(e)) return -1;
    if (!isWordUnit(e)) break;
    j += 2;
    const bits = charBits(e);
    if ((bits & LETTER) !== 0) {
      letters++;
      changes |= bits;
    }
  }
  const allCaps = letters > 1 && (changes & CHANGES_UPPER) === 0 && (changes & CHANGES_LOWER) !== 0;
  return scanned(j, 'word', ((opening & OPENS_CAPITALISED) !== 0 ? CAPITALIZED : 0) | (allCaps ? ALL_CAPS : 0));
}

/** The bits of letters.ts of a letter or mark of a word (`isWordUnit`), 0 for any other code unit. */
function unitBits(c: number): number {
  if (c < 128) return isAsciiLetter(c) ? charBits(c) : 0;
  return isSurrogate(c) ? 0 : charBits(c);
}

/** A word written with a possessive 's (Hoddle's), by its last two characters. */
function isPossessive(value: string): boolean {
  const n = value.length;
  if (n <= 3 || value.charCodeAt(n - 1) !== 115) return false;
  const mark = value.charCodeAt(n - 2);
  return mark === 39 || mark === 0x2019;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  // The token before the one being made.
  let prev: Token | undefined;
  let i = 0;
  while (i < text.length) {
    if (isAsciiSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    scannedKind = null;
    scannedCase = -1;
    let stop = asciiTokenEnd(text, i);
    if (stop < 0) stop = letterTokenEnd(text, i);
    if (stop < 0) {
      TOKEN.lastIndex = i;
      const m = TOKEN.exec(text);
      if (m === null) break;
      start = m.index;
      stop = start + m[0].length;
    }
    let value = text.slice(start, stop);
    const kind = scannedKind ?? kindOf(value, text, start);
    const possessive = kind === 'word' && isPossessive(value);
    if (possessive) value = value.slice(0, -2);
    // The period of an initial belongs to the initial: it ends no sentence.
    const end = kind === 'initial' ? start + value.length + 1 : start + value.length;
    i = Math.max(stop, end);
    // The case the scanner read is that of the word with its 's: worked out again without it.
    const cased = kind === 'punct' || kind === 'number' || kind === 'break' ? 0 : scannedCase >= 0 && !possessive ? scannedCase : caseBits(value);
    const token = new WordToken(kind === 'initial' ? `${value}.` : value, start, end, kind, (cased & CAPITALIZED) !== 0, (cased & ALL_CAPS) !== 0, sentenceStart, possessive);
    tokens.push(token);
    // The period after a short capitalised word (Mr., Dr., Gen., Sra.) ends no sentence.
    const afterShortWord = value === '.' && prev !== undefined && prev.capitalized && prev.kind === 'word' && prev.text.length <= 4 && prev.end === start;
    prev = token;
    if (kind === 'break' || (kind === 'punct' && SENTENCE_END.has(value) && !afterShortWord)) sentenceStart = true;
    else if (kind !== 'punct') sentenceStart = false;
  }
  markHeadlines(tokens);
  return tokens;
}

/**
 * Lines of four to sixteen long words, nearly all capitalised, not ending a sentence, are
 * headlines in Title Case.
 */
function markHeadlines(tokens: Token[]) {
  let lineStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && (tokens[i] as Token).kind !== 'break') continue;
    let long = 0;
    let capitalised = 0;
    for (let k = lineStart; k < i; k++) {
      const t = tokens[k] as Token;
      if (t.kind !== 'word' || t.text.length < 4) continue;
      long++;
      if (t.capitalized) capitalised++;
    }
    const last = tokens[i - 1];
    const endsSentence = last !== undefined && (last.text === '.' || last.text === '!');
    if (long >= 4 && long <= 16 && capitalised >= long * 0.8 && !endsSentence) for (let k = lineStart; k < i; k++) (tokens[k] as Token).headline = true;
    lineStart = i + 1;
  }
}
