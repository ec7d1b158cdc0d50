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
