// Stopwords of a language, from the `stopword` package (62 languages, ISO 639-3 keys). The chrome
// classifier measures how much of a block is function words: prose has many, menus almost none.
import * as lists from 'stopword';

const ALIASES: Record<string, string> = {
  cmn: 'zho', yue: 'zho', wuu: 'zho', zh: 'zho', nno: 'nob', nor: 'nob', pes: 'fas', zsm: 'msa', ind: 'ind',
  arb: 'ara', ekk: 'est', lvs: 'lav', khk: 'mon', uzn: 'uzb', azj: 'aze', swh: 'swa', gug: 'grn',
};
const cache = new Map<string, Set<string>>();
const NON_ASCII = /[^\x00-\x7f]/u;
const MARKS = /\p{M}+/gu;

/**
 * A word as stopwords are compared: without accents and with final sigma folded, since some lists
 * are written that way (the Greek list has "τησ" for "της", "αλλα" for "αλλά", the Russian "еще"
 * for "ещё"). Both the lists and the tokens are folded, so lists written with accents still match.
 */
export function foldWord(word: string): string {
  if (!NON_ASCII.test(word)) return word;
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
  const key = ALIASES[lang] ?? lang;
  let set = cache.get(key);
  if (set === undefined) {
    const list = (lists as unknown as Record<string, unknown>)[key];
    set = Array.isArray(list) ? new Set(list.map((w) => foldWord(String(w).toLowerCase()))) : EMPTY;
    cache.set(key, set);
  }
  return set;
}

// Every list's words, each pointing at the lists that hold it: one pass over a text's words counts
// the stopwords of every language at once.
let index: Map<string, string[]> | null = null;
function stopwordIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  for (const key of Object.keys(lists).sort()) {
    if (!/^[a-z]{3}$/.test(key)) continue; // regional variants (porBr, lggNd) and digit lists
    for (const word of stopwordsFor(key)) {
      const holders = index.get(word);
      if (holders) holders.push(key);
      else index.set(word, [key]);
    }
  }
  return index;
}

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
  const table = stopwordIndex();
  const counts = new Map<string, number>();
  let words = 0;
  for (const m of text.toLowerCase().matchAll(WORD)) {
    if (++words > maxWords) {
      words--;
      break;
    }
    const holders = table.get(foldWord(m[0]));
    if (holders) for (const h of holders) counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  let other = 0;
  for (const [key, n] of counts) if (key !== own && n > other) other = n;
  return { words, own: counts.get(own) ?? 0, other };
}

/**
 * A cheap guess of a text's language from its function words alone (no model): the list that
 * holds most of its first `maxWords` words, when it holds at least `minHits` of them and clearly
 * more than any other list; `und` otherwise (a text in a script without spaces, a list of names).
 * For a stage used on its own, where the language stage has not run.
 */
export function stopwordLanguage(text: string, maxWords = 300, minHits = 5): string {
  const table = stopwordIndex();
  const counts = new Map<string, number>();
  let words = 0;
  for (const m of text.toLowerCase().matchAll(WORD)) {
    if (++words > maxWords) break;
    const holders = table.get(foldWord(m[0]));
    if (holders) for (const h of holders) counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  // Ties go to the first list in code order, so the answer does not depend on the Map's history.
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [best, second] = ranked;
  if (!best || best[1] < minHits || (second && second[1] * 1.1 > best[1])) return 'und';
  return best[0] === 'zho' ? 'cmn' : best[0];
}
