// The features the sequence tagger reads for each word: the word's own (lower case, shape, prefixes
// and suffixes, the stage's word lists), its neighbours', its place in the sentence, and what the
// rest of the document says about the same word (written in lower case elsewhere, after a given
// name elsewhere...). Every feature is a 32-bit hash of a template and a value, so the model is a
// flat table of weights indexed by hash: no feature dictionary to ship or to load.
import { hashKey } from '../../../pipeline/core/string-table.ts';
import { charBits, CYRILLIC, GREEK, HAN, isSurrogate, LETTER, LOWER_OR_OTHER, NUMBER, OTHER_LETTER, UPPER } from '../letters.ts';
import { foldedHash, foldWord } from '../spelling.ts';
import { ALL_CAPS, CAPITALIZED, caseBits, type Token } from '../tokens.ts';
import { wordLists } from '../words.ts';
import { WordMemo } from './word-memo.ts';

// For characters past U+FFFF, which the table of letters.ts does not hold. Module constants, never
// literals inside a function: see scripts/check-regex.mjs.
const IS_UPPER = /\p{Lu}/u;
const IS_LOWER_OR_OTHER = /\p{Ll}|\p{Lo}/u;
const IS_NUMBER = /\p{N}/u;
const IS_LETTER = /\p{L}/u;
const OPENS_OTHER = /^\p{Lo}/u;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
const HAS_GREEK = /\p{Script=Greek}/u;
const HAS_HAN = /\p{Script=Han}/u;

/**
 * Mixes two 32-bit values into one (murmur3's finaliser): templates and values make one hash. Signed
 * (`| 0`): a small integer to V8, where an unsigned hash of 2^31 or more is a number object made for
 * each feature. Every reader takes its low bits alone (`& mask`, or `mix` again).
 */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** FNV-1a of a string, signed as `mix` gives it (a small integer to V8, not a number object): the memos' hash, the same function. */
export const hashString: (s: string) => number = hashKey;

/** Where the feature functions below write a token's feature hashes: an array, or a `FeatureList`. */
export interface FeatureSink {
  push(hash: number): unknown;
}

/**
 * Feature hashes (32-bit) written one after another into an array kept for them, counted
 * here. An array emptied with `length = 0` for each group of features gave its storage back (V8
 * trims an array that falls below half its size) and grew it again with every push: an allocation
 * and a copy per group, and garbage for the collector, hundreds of thousands of times over a dump.
 * (Not a typed array: `slice` of one past 64 bytes allocates outside the heap, ten times slower.)
 */
export class FeatureList implements FeatureSink {
  /** The hashes, in `values[0 .. length)`; the array only grows. */
  values: number[] = new Array<number>(64).fill(0);
  length = 0;

  push(hash: number): void {
    // At the array's end this appends: the array grows, and keeps its size from then on.
    this.values[this.length++] = hash;
  }
}

const tpl = (name: string) => hashString(name);
const T = {
  bias: tpl('bias'), lower: tpl('w'), exact: tpl('W'), shape: tpl('shape'), short: tpl('short'),
  p1: tpl('p1'), p2: tpl('p2'), p3: tpl('p3'), s1: tpl('s1'), s2: tpl('s2'), s3: tpl('s3'), s4: tpl('s4'),
  list: tpl('list'), script: tpl('script'), len: tpl('len'),
  ctxWord: [tpl('w-2'), tpl('w-1'), tpl('w+1'), tpl('w+2')],
  ctxShape: [tpl('sh-2'), tpl('sh-1'), tpl('sh+1'), tpl('sh+2')],
  ctxList: [tpl('l-2'), tpl('l-1'), tpl('l+1'), tpl('l+2')],
  ctxSuffix: [tpl('s-1'), tpl('s+1')],
  pos: tpl('pos'), caps: tpl('capsline'), shapePos: tpl('shape|pos'), shapePair: tpl('sh-1|sh'), shapeNext: tpl('sh|sh+1'),
  prevWordShape: tpl('w-1|sh'), headline: tpl('headline'), wordNext: tpl('sh|w+1'), capsWord: tpl('caps|w'), doc: tpl('doc'), docShape: tpl('doc|sh'),
};

/**
 * `hashString` of a word's shape (Xxxx, XX, x.x., dd: letters and digits by class, runs longer than
 * two cut to two), read from its characters: the shape itself is never kept.
 */
export function shapeHashOf(w: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    if (isSurrogate(code)) return hashString(shapeByRegex(w));
    // A character's class by its code in ASCII, else from the table of letters.ts: three regular
    // expressions a character cost more than the rest of a new word's information.
    let c = code;
    if (code < 128) c = code >= 65 && code <= 90 ? X : code >= 97 && code <= 122 ? LOWER_X : code >= 48 && code <= 57 ? D : code;
    else {
      const bits = charBits(code);
      c = (bits & UPPER) !== 0 ? X : (bits & LOWER_OR_OTHER) !== 0 ? LOWER_X : (bits & NUMBER) !== 0 ? D : code;
    }
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 2) h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

const X = 88;
const LOWER_X = 120;
const D = 100;

/** A word's shape, for one with characters past U+FFFF, by code points. */
function shapeByRegex(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    const c = IS_UPPER.test(ch) ? 'X' : IS_LOWER_OR_OTHER.test(ch) ? 'x' : IS_NUMBER.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 2) out += c;
  }
  return out;
}

/** Xx, X, x, d, p: the first letter's class and whether the rest is the same, for a token of this kind and text. */
function shortShape(kind: Token['kind'], text: string): string {
  if (kind === 'number') return 'd';
  if (kind === 'punct' || kind === 'break') return text;
  if (kind === 'initial') return 'X.';
  if (kind === 'abbreviation') return 'X.X.';
  const cased = caseBits(text);
  if ((cased & ALL_CAPS) !== 0) return 'XX';
  if (opensWithOtherLetter(text)) return 'o';
  return (cased & CAPITALIZED) !== 0 ? 'Xx' : 'x';
}


/** `/^\p{Lo}/u`: a letter of a script without case opens the word. */
export function opensWithOtherLetter(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128 || Number.isNaN(c)) return false;
  return isSurrogate(c) ? OPENS_OTHER.test(w) : (charBits(c) & OTHER_LETTER) !== 0;
}

/** The script of a word: Cyrillic, Greek or Han when it has a letter of one (in that order), else Latin when it has a letter. */
function scriptOf(w: string): string {
  let seen = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 128) seen |= (c | 32) >= 97 && (c | 32) <= 122 ? LETTER : 0;
    else if (isSurrogate(c)) return scriptByRegex(w);
    else seen |= charBits(c);
  }
  if ((seen & CYRILLIC) !== 0) return 'cyr';
  if ((seen & GREEK) !== 0) return 'grc';
  if ((seen & HAN) !== 0) return 'han';
  return (seen & LETTER) !== 0 ? 'lat' : 'none';
}

/** `scriptOf` of a word with characters past U+FFFF. */
function scriptByRegex(w: string): string {
  if (HAS_CYRILLIC.test(w)) return 'cyr';
  if (HAS_GREEK.test(w)) return 'grc';
  if (HAS_HAN.test(w)) return 'han';
  return IS_LETTER.test(w) ? 'lat' : 'none';
}

/**
 * What one word says about itself, the same wherever it stands: computed once per word. Its hashes
 * are signed 32-bit numbers (`hashString`), which V8 stores in the object itself: an unsigned hash
 * of 2^31 or more was a number object of its own, two or three more objects a word for the
 * collector to copy. `mix` reads both forms alike (its bit operations take the low 32 bits).
 */
export interface WordInfo {
  /** The word as written (the memo's key). */
  text: string;
  folded: string;
  lowerHash: number;
  shortHash: number;
  shapeHash: number;
  listHash: number;
  suffixHash: number;
  lists: string;
  /** The same lists as bits (`LIST_BITS`), for the document hints' tests of every word. */
  listBits: number;
  /**
   * The word's number in the tagger's scorer's tables of what its features weigh (scorer.ts),
   * and the number of those tables (-1 before any): its sums are kept there by this number.
   */
  sumsIndex: number;
  sumsGeneration: number;
  /**
   * The word's slot in the table of the last document's hints that read it (`DocumentHints`),
   * and that table's number: a word read again in the same document finds its hints by the slot,
   * not by its folded spelling in a map (a look-up a token, the map's keys all strings).
   */
  hintSlot: number;
  hintDocument: number;
}

// The templates of the prefixes and suffixes of one to four characters (no prefix of four).
const PREFIXES = [T.p1, T.p2, T.p3, 0];
const SUFFIXES = [T.s1, T.s2, T.s3, T.s4];

const joined = (part: string | string[]) => (typeof part === 'string' ? part : part.join(''));

/** `hashString(w.slice(from, to))`, without making the slice (FNV-1a reads one character after another). */
function hashRange(w: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * The features of a word's prefixes and suffixes of one to four characters (no prefix of four),
 * by code point, those shorter than the word only, in the order of `n`. A word of the BMP (nearly
 * all) is hashed in place; one with characters past it is cut into code points.
 */
function affixFeatures(own: FeatureSink, lower: string): void {
  if (!hasSurrogate(lower)) {
    const length = lower.length;
    for (let n = 1; n <= 4 && n < length; n++) {
      if (n < 4) own.push(mix(PREFIXES[n - 1] as number, hashRange(lower, 0, n)));
      own.push(mix(SUFFIXES[n - 1] as number, hashRange(lower, length - n, length)));
    }
    return;
  }
  const chars = [...lower];
  for (let n = 1; n <= 4 && n < chars.length; n++) {
    if (n < 4) own.push(mix(PREFIXES[n - 1] as number, hashString(joined(chars.slice(0, n)))));
    own.push(mix(SUFFIXES[n - 1] as number, hashString(joined(chars.slice(-n)))));
  }
}

/**
 * Whether a word has a character past U+FFFF (a surrogate half), by its codes: a regular
 * expression for it cost more than the test, three times for each new word.
 */
function hasSurrogate(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isSurrogate(w.charCodeAt(i))) return true;
  return false;
}

/** The number of code points of a word (its length unless it has characters past the BMP). */
const codePoints = (w: string): number => (hasSurrogate(w) ? [...w].length : w.length);

/** `hashString` of a word's last three code points. */
function suffixHashOf(lower: string): number {
  if (!hasSurrogate(lower)) return hashRange(lower, Math.max(0, lower.length - 3), lower.length);
  return hashString([...lower].slice(-3).join(''));
}

function wordInfo(text: string, kind: string): WordInfo {
  const lower = foldWord(text);
  // A month or weekday only as a word (`WordLists`' `calendar`): the same look-ups as its lists.
  const found = kind === 'w' || kind === 'a' ? wordLists(text, lower) : null;
  const lists = found === null ? '' : found.letters;
  return {
    text,
    folded: lower,
    lowerHash: hashString(lower),
    shortHash: hashString(shortShape(KINDS[kind] ?? 'word', text)),
    shapeHash: shapeHashOf(text),
    listHash: hashString(lists),
    suffixHash: suffixHashOf(lower),
    lists,
    listBits: listBitsOf(lists) | (kind === 'w' && found !== null && found.calendar ? IN_CALENDAR : 0),
    sumsIndex: -1,
    sumsGeneration: -1,
    hintSlot: -1,
    hintDocument: -1,
  };
}

/** A bit for each list letter of `wordLists` that the document hints test. */
const LIST_BITS: Record<string, number> = { g: 1, t: 2, o: 4, a: 8, b: 16, s: 32 };
const IN_GIVEN = 1;
const IN_TITLES = 2;
const IN_ORG_WORDS = 4;
const IN_CUES_AFTER = 8;
const IN_CUES_BEFORE = 16;
const IN_STOPWORDS = 32;
/** No letter of `wordLists`' lists: a month or weekday (its `calendar`). */
const IN_CALENDAR = 64;

function listBitsOf(lists: string): number {
  let bits = 0;
  for (const l of lists) bits |= LIST_BITS[l] ?? 0;
  return bits;
}

/** Words whose information is kept, in each of the memo's two generations (`WordMemo`). */
const WORDS_KEPT = 50_000;

// One memo a kind of token: the text alone is the key (no key string to build per token).
const infoByKind = Object.fromEntries(
  (['word', 'initial', 'abbreviation', 'number', 'break', 'punct'] as const).map((kind) => [kind, new WordMemo((text: string) => wordInfo(text, kind[0] as string), WORDS_KEPT)]),
) as Record<Token['kind'], WordMemo<WordInfo>>;

// The information of a token of one ASCII character (a punctuation mark, a digit, a one-letter
// word: 18% of the tokens of the bench slice), by the kind and the character's code: two reads of a
// small array, where the memos above hash the token's new string and look it up in a table.
const asciiByKind = Object.fromEntries(
  (['word', 'initial', 'abbreviation', 'number', 'break', 'punct'] as const).map((kind) => [kind, new Array<WordInfo | undefined>(128).fill(undefined)]),
) as Record<Token['kind'], (WordInfo | undefined)[]>;

export function infoOf(t: Token): WordInfo {
  const text = t.text;
  if (text.length === 1) {
    const c = text.charCodeAt(0);
    if (c < 128) {
      const table = asciiByKind[t.kind];
      return (table[c] ??= infoByKind[t.kind].get(text));
    }
  }
  return infoByKind[t.kind].get(text);
}

const KINDS: Record<string, Token['kind']> = { w: 'word', i: 'initial', a: 'abbreviation', n: 'number', b: 'break', p: 'punct' };

/**
 * The information of a token the tagger does not read: one far from every capital (see
 * `nameSegments` in tag.ts), in a sentence it tags. A placeholder made as every word's is, so that a
 * sentence's array of information holds objects of one kind (V8's optimised code is made for the
 * kind it meets). Never scored; the document hints fold such a word themselves.
 */
export const UNREAD: WordInfo = wordInfo('', 'p');

/** A sentence of the tagger: tokens with the flags the features need. */
export interface Sentence {
  tokens: Token[];
  /** Written in capitals (a wire headline): case says little there. */
  capsLine: boolean;
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);

// `\p{...}` in a module constant: tsx (esbuild for Node 20) turns such a literal into `new RegExp(...)`
// where it stands, which in a function builds the expression again at each call.
const TWO_LETTERS = /\p{L}{2}/u;
const isLongWord = (t: Token) => t.kind === 'word' && TWO_LETTERS.test(t.text);

/** Three in five words of two letters or more in capitals, two at least (a wire headline). */
function isCapsLine(tokens: Token[]): boolean {
  // Most sentences have fewer than two words in capitals: no need to count their words.
  let caps = 0;
  for (const t of tokens) if (t.allCaps && isLongWord(t)) caps++;
  if (caps < 2) return false;
  let words = 0;
  for (const t of tokens) if (isLongWord(t)) words++;
  return caps >= words * 0.6;
}

/** Sentences of a tokenised text: split after . ! ? before a sentence start, and at line breaks. */
export function sentencesOf(tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length === 0) return;
    out.push({ tokens: current, capsLine: isCapsLine(current) });
    current = [];
  };
  for (const t of tokens) {
    if (t.kind === 'break') {
      flush();
      continue;
    }
    const last = current.at(-1);
    if (t.sentenceStart && last !== undefined && last.kind === 'punct' && SENTENCE_END.has(last.text)) flush();
    current.push(t);
  }
  flush();
  return out;
}

// What the document says elsewhere about a capitalised word (Chieu and Ng's global features):
// one bit per kind of context the same word (folded) is seen in anywhere in the document.
const SEEN_LOWER = 1;
const SEEN_CAPITALISED_INSIDE = 2;
const SEEN_AFTER_GIVEN = 4;
const SEEN_BEFORE_CAPITAL = 8;
const SEEN_AFTER_CAPITAL = 16;
const SEEN_AFTER_TITLE = 32;
const SEEN_BEFORE_ORG = 64;
const SEEN_BY_CUE = 128;
const SEEN_AFTER_FUNCTION_WORD = 256;
const SEEN_ALONE = 512;
// A month or weekday with a number beside it (`Jan 27`, `27 janvier`): the word is a date in this
// document. The number beside it is a neighbour's shape already, but as a feature of its own the
// pair is learned from the training data's dates, where the word alone (Jan: 10 persons and 7
// months in CoNLL-2003) is not.
const SEEN_AS_DATE = 1024;
const DOC_BITS = 11;

// Every table of hints takes the next number: a word's information keeps the number of the last
// one that gave it a slot (`hintDocument`), and no two are alike.
let lastDocument = 0;

/**
 * The contexts each word (folded) is seen in over a document: one number of bits a folded
 * spelling, in slots given in the order the words are met. A word's information holds its slot
 * in the last table that read it, so the scorer reads a token's hints without a look-up by string.
 */
export class DocumentHints {
  readonly document: number = ++lastDocument;
  /** The bits of each slot. */
  private readonly bits: number[] = [];
  private readonly slots = new Map<string, number>();
  /**
   * A bit for each folded spelling with a slot, at its hash (`lowerHash`) modulo 2,048: a word
   * whose bit is not set has no slot, and is not looked up in the map. Most of a document's words
   * in lower case are not read by the tagger, and have none.
   */
  private readonly marks = new Int32Array(64);

  get size(): number {
    return this.bits.length;
  }

  /** The hints of a folded spelling, undefined when the document has none for it. */
  get(folded: string): number | undefined {
    const slot = this.slots.get(folded);
    return slot === undefined ? undefined : this.bits[slot];
  }

  /** The hints of a word (0 when none), by its slot when this table gave it one. */
  of(info: WordInfo): number {
    if (info.hintDocument === this.document) return this.bits[info.hintSlot] as number;
    return this.get(info.folded) ?? 0;
  }

  /** The slot of a word, given now (with no bits) if its folded spelling has none yet. */
  slotOf(info: WordInfo): number {
    if (info.hintDocument === this.document) return info.hintSlot;
    let slot = this.slots.get(info.folded);
    if (slot === undefined) {
      slot = this.bits.length;
      this.slots.set(info.folded, slot);
      this.bits.push(0);
      const mark = (info.lowerHash >>> 5) & 63;
      this.marks[mark] = (this.marks[mark] as number) | (1 << (info.lowerHash & 31));
    }
    info.hintDocument = this.document;
    info.hintSlot = slot;
    return slot;
  }

  /** Adds bits to a slot. */
  add(slot: number, bits: number): void {
    this.bits[slot] = (this.bits[slot] as number) | bits;
  }

  /** Whether a folded spelling of this hash (`hashString`) may have a slot: false when none has. */
  mayHold(h: number): boolean {
    return ((this.marks[(h >>> 5) & 63] as number) & (1 << (h & 31))) !== 0;
  }

  /** Adds bits to the folded spelling's slot, if it has one (`h`: its `hashString`, when the caller has it). */
  addIfPresent(folded: string, bits: number, h: number = hashString(folded)): void {
    if (!this.mayHold(h)) return;
    const slot = this.slots.get(folded);
    if (slot !== undefined) this.bits[slot] = (this.bits[slot] as number) | bits;
  }
}

const isCap = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'initial') && t.capitalized;

/**
 * Each token's word information, in an array pushed to, never one made by `map`: V8's `map` gives
 * an array of packed elements where it runs as a builtin and one of holey elements once it is
 * inlined in optimised code, so the scorer's optimised code, made for the first kind, was thrown
 * away when its caller was optimised, and compiled again (the scorer three to five times over the
 * bench slice's texts).
 */
export function infosOf(tokens: Token[]): WordInfo[] {
  const out: WordInfo[] = [];
  for (let i = 0; i < tokens.length; i++) out.push(infoOf(tokens[i] as Token));
  return out;
}

/** Each token's word information, looked up once per token of a sentence (a memo lookup builds a key). */
export function sentenceInfos(sentences: Sentence[]): WordInfo[][] {
  const out: WordInfo[][] = [];
  for (const s of sentences) out.push(infosOf(s.tokens));
  return out;
}

/**
 * The contexts each word is seen in, over every sentence of a document (`infos`:
 * `sentenceInfos(sentences)`; null for a sentence without a capital, whose words are only seen
 * in lower case, so that only their folded spelling is needed; `UNREAD` for a word the tagger does
 * not read, which is never capitalised, the same). Only the words with information have an
 * entry: those are the words the tagger reads hints for. The bits are those of every word read:
 * a capitalised word's neighbours, which its bits test, are read with it (they are within the
 * reach of its features).
 */
export function documentHints(sentences: Sentence[], infos: (WordInfo[] | null)[] = sentenceInfos(sentences)): DocumentHints {
  const hints = new DocumentHints();
  sentences.forEach((s, n) => {
    const ts = s.tokens;
    const is = infos[n];
    if (is === null || is === undefined) return;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i] as Token;
      if (t.kind !== 'word' || is[i] === UNREAD) continue;
      const slot = hints.slotOf(is[i] as WordInfo);
      let bits = 0;
      if (!t.capitalized) bits |= SEEN_LOWER;
      else if (!s.capsLine) {
        const prev = ts[i - 1];
        const next = ts[i + 1];
        const prevLists = prev === undefined ? 0 : (is[i - 1] as WordInfo).listBits;
        const nextLists = next === undefined ? 0 : (is[i + 1] as WordInfo).listBits;
        if (i > 0 && !t.sentenceStart) bits |= SEEN_CAPITALISED_INSIDE;
        if (isCap(prev) && (prevLists & IN_GIVEN) !== 0) bits |= SEEN_AFTER_GIVEN;
        if (isCap(next)) bits |= SEEN_BEFORE_CAPITAL;
        if (isCap(prev) && !(prev as Token).sentenceStart) bits |= SEEN_AFTER_CAPITAL;
        if ((prevLists & IN_TITLES) !== 0) bits |= SEEN_AFTER_TITLE;
        if (isCap(next) && (nextLists & IN_ORG_WORDS) !== 0) bits |= SEEN_BEFORE_ORG;
        if ((nextLists & IN_CUES_AFTER) !== 0 || (prevLists & IN_CUES_BEFORE) !== 0) bits |= SEEN_BY_CUE;
        if (prev !== undefined && !prev.capitalized && (prevLists & IN_STOPWORDS) !== 0) bits |= SEEN_AFTER_FUNCTION_WORD;
        if (!isCap(prev) && !isCap(next) && i > 0) bits |= SEEN_ALONE;
        if ((is[i] as WordInfo).listBits & IN_CALENDAR && (prev?.kind === 'number' || next?.kind === 'number')) bits |= SEEN_AS_DATE;
      }
      if (bits !== 0) hints.add(slot, bits);
    }
  });
  // The sentences without a capital and the words not read last: the hints are read only for
  // words with information, each of which has its entry by now, so a word seen only in lower case
  // needs none.
  if (hints.size === 0) return hints;
  sentences.forEach((s, n) => {
    const is = infos[n];
    const ts = s.tokens;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i] as Token;
      if (t.kind !== 'word' || (is !== null && is !== undefined && is[i] !== UNREAD)) continue;
      // Folded only when its fold may have a slot.
      const h = foldedHash(t.text);
      if (h === null) hints.addIfPresent(foldWord(t.text), SEEN_LOWER);
      else if (hints.mayHold(h)) hints.addIfPresent(foldWord(t.text), SEEN_LOWER, h);
    }
  });
  return hints;
}

/** The word and shape hash of the sentence's edge; signed, as a word's (`WordInfo`). */
export const BOUNDARY: number = hashString('<s>');

/** The position feature's value: 0, 1, 2 or later in the sentence, plus 4 at a sentence start. */
export function positionOf(i: number, t: Token): number {
  return (i < 3 ? i : 3) + (t.sentenceStart ? 4 : 0);
}

// The features of a token come in groups, each a function of a few values (a word, a shape, a
// position): `sentenceFeatures` lists them all, and the tagger's scorer (scorer.ts) sums each
// group's weights once per distinct value and reuses the sum.

/**
 * The bias and what the word says about itself: the word folded and as written, its shape, script
 * and length, its prefixes and suffixes, its lists. Worked out where the scorer sums them (once
 * for each place in a sentence the word takes), not kept with the word: an array of them for
 * each of a dump's new words was most of what the collector had to copy.
 */
export function ownFeatures(f: FeatureSink, info: WordInfo): void {
  f.push(T.bias);
  f.push(mix(T.lower, info.lowerHash));
  f.push(mix(T.exact, hashString(info.text)));
  f.push(mix(T.shape, info.shapeHash));
  f.push(mix(T.script, hashString(scriptOf(info.text))));
  f.push(mix(T.len, Math.min(codePoints(info.folded), 12)));
  affixFeatures(f, info.folded);
  const lists = info.lists;
  for (let k = 0; k < lists.length; k++) f.push(mix(T.list, lists.charCodeAt(k)));
  if (lists === '') f.push(mix(T.list, 0));
}

/** The token's short shape and position in the sentence. */
export function positionFeatures(f: FeatureSink, shape: number, pos: number): void {
  f.push(mix(T.short, shape));
  f.push(mix(T.pos, pos));
  f.push(mix(T.shapePos, mix(shape, pos)));
}

/** A word in a line written in capitals (a wire headline). */
export function capsLineFeatures(f: FeatureSink, info: WordInfo): void {
  f.push(mix(T.caps, 1));
  f.push(mix(T.capsWord, info.lowerHash));
}

/** A word in a line in Title Case (a headline): its capitals say little. */
export function headlineFeatures(f: FeatureSink, info: WordInfo): void {
  f.push(mix(T.headline, info.shortHash));
  f.push(mix(T.capsWord, info.lowerHash));
}

/** The neighbour at OFFSETS[k] (two before .. two after); null past the sentence's edge. */
export function neighbourFeatures(f: FeatureSink, k: number, n: WordInfo | null): void {
  f.push(mix(T.ctxWord[k] as number, n === null ? BOUNDARY : n.lowerHash));
  f.push(mix(T.ctxShape[k] as number, n === null ? BOUNDARY : n.shortHash));
  if ((k === 1 || k === 2) && n !== null) {
    f.push(mix(T.ctxList[k] as number, n.listHash));
    f.push(mix(T.ctxSuffix[k - 1] as number, n.suffixHash));
  }
}

/** The shape before and the token's; the token's and the shape after. */
export const shapeBeforeFeature = (prevShape: number, shape: number): number => mix(T.shapePair, mix(prevShape, shape));
export const shapeAfterFeature = (shape: number, nextShape: number): number => mix(T.shapeNext, mix(shape, nextShape));
/** The word before and the token's shape; the token's shape and the word after. */
export const wordBeforeFeature = (prevWord: number, shape: number): number => mix(T.prevWordShape, mix(prevWord, shape));
export const wordAfterFeature = (shape: number, nextWord: number): number => mix(T.wordNext, mix(shape, nextWord));

/** What the document says elsewhere about a capitalised word (`bits`), by position. */
export function documentFeatures(f: FeatureSink, bits: number, pos: number, capsLine: boolean): void {
  for (let b = 0; b < DOC_BITS; b++) {
    if ((bits & (1 << b)) === 0) continue;
    f.push(mix(T.doc, b));
    f.push(mix(T.docShape, mix(b, pos + (capsLine ? 8 : 0))));
  }
}

/** Does the document's hint about the word count for this token (a capitalised word)? */
export const takesHints = (t: Token): boolean => t.kind === 'word' && (t.capitalized || t.allCaps);

/**
 * The feature hashes of every token of a sentence, each masked to a bucket. What a word says
 * about itself is looked up once per token, then read by its neighbours.
 */
export function sentenceFeatures(s: Sentence, hints: DocumentHints, mask: number, infos: WordInfo[] = infosOf(s.tokens)): Int32Array[] {
  const ts = s.tokens;
  const at = (i: number) => (i < 0 || i >= ts.length ? null : (infos[i] as WordInfo));
  const word = (i: number) => at(i)?.lowerHash ?? BOUNDARY;
  const shapeAt = (i: number) => at(i)?.shortHash ?? BOUNDARY;
  const out: Int32Array[] = [];
  const f: number[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as Token;
    const info = infos[i] as WordInfo;
    f.length = 0;
    ownFeatures(f, info);
    const shape = info.shortHash;
    const pos = positionOf(i, t);
    positionFeatures(f, shape, pos);
    if (s.capsLine) capsLineFeatures(f, info);
    if (t.headline) headlineFeatures(f, info);
    for (let k = 0; k < 4; k++) neighbourFeatures(f, k, at(i + (OFFSETS[k] as number)));
    f.push(shapeBeforeFeature(shapeAt(i - 1), shape), shapeAfterFeature(shape, shapeAt(i + 1)));
    f.push(wordBeforeFeature(word(i - 1), shape), wordAfterFeature(shape, word(i + 1)));
    if (takesHints(t)) documentFeatures(f, hints.get(info.folded) ?? 0, pos, s.capsLine);
    const row = new Int32Array(f.length);
    for (let k = 0; k < f.length; k++) row[k] = (f[k] as number) & mask;
    out.push(row);
  }
  return out;
}

export const OFFSETS: number[] = [-2, -1, 1, 2];
