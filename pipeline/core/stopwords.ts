// Stopwords of a language, from the `stopword` package (62 languages, ISO 639-3 keys). The chrome
// classifier measures how much of a block is function words: prose has many, menus almost none.
import * as lists from 'stopword';

const ALIASES: Record<string, string> = {
  cmn: 'zho', yue: 'zho', wuu: 'zho', zh: 'zho', nno: 'nob', nor: 'nob', pes: 'fas', zsm: 'msa', ind: 'ind',
  arb: 'ara', ekk: 'est', lvs: 'lav', khk: 'mon', uzn: 'uzb', azj: 'aze', swh: 'swa', gug: 'grn',
};
const cache = new Map<string, Set<string>>();
const MARKS = /\p{M}+/gu;

/**
 * A word as stopwords are compared: without accents and with final sigma folded, since some lists
 * are written that way (the Greek list has "τησ" for "της", "αλλα" for "αλλά", the Russian "еще"
 * for "ещё"). Both the lists and the tokens are folded, so lists written with accents still match.
 */
export function foldWord(word: string): string {
  // A word of ASCII letters is its own fold: the loop below returns it as it is (a Unicode regular
  // expression testing for another character first cost three times the loop's check).
  let out = '';
  let from = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) continue;
    // Surrogates (letters past the Basic Multilingual Plane) and Hangul jamo, which NFC composes
    // with each other: the whole word is folded at once.
    if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0x1100 && c <= 0x11ff)) return foldWhole(word);
    const folded = foldedChar(c);
    if (folded === null) continue;
    out += word.slice(from, i) + folded;
    from = i + 1;
  }
  return from === 0 ? word : out + word.slice(from);
}

// Folding a word is folding each of its letters: a precomposed letter decomposes to its base and
// marks, and without the marks nothing is left for NFC to compose (but Hangul jamo, handled
// above). So the fold is a table of the Basic Multilingual Plane, filled as letters turn up: no
// cache of words, which a dump in many languages keeps emptying, and no string made for a word
// that folds to itself (most words of most scripts).
const UNCHANGED = '\u0000';
const charFolds: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);
function foldedChar(c: number): string | null {
  let folded = charFolds[c];
  if (folded === undefined) {
    const ch = String.fromCharCode(c);
    const f = foldWhole(ch);
    folded = charFolds[c] = f === ch ? UNCHANGED : f;
  }
  return folded === UNCHANGED ? null : folded;
}

function foldWhole(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').replace(/ς/gu, 'σ').normalize('NFC');
}
const EMPTY = new Set<string>();

/** The stopwords of an ISO 639-3 language (lower case, folded by `foldWord`), empty for a language without a list. */
export function stopwordsFor(lang: string): Set<string> {
  // Looked up by the name asked for first (the chrome stage asks once a block): reading ALIASES by a
  // name made at run time cost more than the map (3% of the chrome stage's block features).
  let set = byName.get(lang);
  if (set !== undefined) return set;
  const key = ALIASES[lang] ?? lang;
  set = cache.get(key);
  if (set === undefined) {
    const list = (lists as unknown as Record<string, unknown>)[key];
    set = Array.isArray(list) ? new Set(list.map((w) => foldWord(String(w).toLowerCase()))) : EMPTY;
    cache.set(key, set);
  }
  byName.set(lang, set);
  return set;
}
/** `stopwordsFor`'s answers by the name asked for (a language code or an alias). */
const byName = new Map<string, Set<string>>();

// Every list's words, each pointing at the lists that hold it (by number, in code order): one pass
// over a text's words counts the stopwords of every language at once, into an array of counts.
interface StopwordIndex {
  /** The lists' keys (ISO 639-3), by number. */
  keys: string[];
  /** Word → the numbers of the lists that hold it. */
  holders: Map<string, Uint8Array>;
}
let index: StopwordIndex | null = null;
function stopwordIndex(): StopwordIndex {
  if (index) return index;
  // Regional variants (porBr, lggNd) and digit lists are left out.
  const keys = Object.keys(lists).sort().filter((key) => /^[a-z]{3}$/.test(key));
  const holding = new Map<string, number[]>();
  keys.forEach((key, n) => {
    for (const word of stopwordsFor(key)) {
      const list = holding.get(word);
      if (list) list.push(n);
      else holding.set(word, [n]);
    }
  });
  index = { keys, holders: new Map([...holding].map(([word, ns]) => [word, Uint8Array.from(ns)])) };
  return index;
}

/** Each list's count of the first `maxWords` words of `text`, by list number; the words read. */
function countStopwords(text: string, maxWords: number, counts: Int32Array): number {
  const { holders } = stopwordIndex();
  counts.fill(0);
  let words = 0;
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    if (++words > maxWords) return words - 1;
    const held = holders.get(foldWord(m[0]));
    if (held) for (let k = 0; k < held.length; k++) counts[held[k] as number] = (counts[held[k] as number] as number) + 1;
  }
  return words;
}

/** One array of counts for every call (a call reads it before the next). */
let scratch: Int32Array | null = null;
const countsArray = (): Int32Array => (scratch ??= new Int32Array(stopwordIndex().keys.length));

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** The stopword list of an ISO 639-3 language, as `stopwordsFor` and `stopwordVote` name it (null without one). */
export function stopwordListOf(lang: string): string | null {
  const key = ALIASES[lang] ?? lang;
  return stopwordsFor(key).size > 0 ? key : null;
}

/**
 * How many of a text's words are stopwords of `lang`, against the most of any other list: a
 * quick check that a block is written in the language its document is known to be in. Counts
 * are over the first `maxWords` words.
 */
export function stopwordVote(text: string, lang: string, maxWords = 80): { words: number; own: number; other: number } {
  const own = stopwordListOf(lang);
  if (own === null) return { words: 0, own: 0, other: 0 };
  const counts = countsArray();
  const words = countStopwords(text, maxWords, counts);
  const ownNumber = stopwordIndex().keys.indexOf(own);
  let other = 0;
  for (let n = 0; n < counts.length; n++) if (n !== ownNumber && (counts[n] as number) > other) other = counts[n] as number;
  return { words, own: ownNumber < 0 ? 0 : (counts[ownNumber] as number), other };
}

/**
 * A cheap guess of a text's language from its function words alone (no model): the list that
 * holds most of its first `maxWords` words, when it holds at least `minHits` of them and clearly
 * more than any other list; `und` otherwise (a text in a script without spaces, a list of names).
 * For a stage used on its own, where the language stage has not run.
 */
export function stopwordLanguage(text: string, maxWords = 300, minHits = 5): string {
  const counts = countsArray();
  countStopwords(text, maxWords, counts);
  // Ties go to the first list in code order (the lists are numbered in it).
  let best = -1;
  let second = 0;
  for (let n = 0; n < counts.length; n++) {
    const c = counts[n] as number;
    if (c === 0) continue;
    if (best < 0 || c > (counts[best] as number)) {
      if (best >= 0) second = counts[best] as number;
      best = n;
    } else if (c > second) second = c;
  }
  if (best < 0 || (counts[best] as number) < minHits || second * 1.1 > (counts[best] as number)) return 'und';
  const key = stopwordIndex().keys[best] as string;
  return key === 'zho' ? 'cmn' : key;
}
