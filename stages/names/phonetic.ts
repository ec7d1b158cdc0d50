// Phonetic keys of names, for matching one person across scripts and romanisations: Cyrillic read
// BGN/PCGN style, Greek read back the way Greek transcribes foreign names (ντ → d, γκ → g, τζ → j,
// μπ → b, ου → u, final -ς dropped), then letters that sound alike written one way (c/k, y/i,
// ph/f, doubled letters once). Emmanuel Macron, Эммануэль Макрон and Εμανουέλ Μακρόν all give
// "emanuel makron". A key compares; it is never shown as a name.
import { memoize } from '../../pipeline/core/memo.ts';
import { foldWord, hasCyrillic, hasGreek, romanizeWord } from './spelling.ts';

const GREEK_FOREIGN: [RegExp, string][] = [
  [/(?<=[αεηιουω])ς$/u, ''],
  [/ντ/gu, 'd'],
  [/γκ|γγ/gu, 'g'],
  [/τζ/gu, 'j'],
  [/μπ/gu, 'b'],
  [/ου/gu, 'u'],
  [/χ/gu, 'h'],
  // Inside a word γ before a front vowel is y (Ταγίπ: Tayyip).
  [/(?<=\p{L})γ(?=[ιεηυ])/gu, 'y'],
  [/αι/gu, 'e'],
  [/ει|οι/gu, 'i'],
];

const LATIN_SOUNDS: [RegExp, string][] = [
  [/[^a-z]/g, ''],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/kh/g, 'h'],
  [/sch|sh|ch/g, 's'],
  [/zh/g, 'z'],
  [/ck|q|c/g, 'k'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/y|j/g, 'i'],
  [/ou/g, 'u'],
  [/ts|tz/g, 'z'],
  [/(.)\1+/g, '$1'],
  [/(?<=.[aeiou])s$/g, ''],
];

/** The phonetic key of one name word: emmanuel, Эммануэль, Εμανουέλ → "emanuel". */
export const phoneticWord: (word: string) => string = memoize((word: string): string => {
  // A diaeresis parts two Greek vowels (Σοϊγκού: so-i, not the digraph οι): kept apart by marks.
  let w = foldWord(word.toLowerCase().replace(/[ϊΐ]/gu, '#').replace(/[ϋΰ]/gu, '%'));
  if (hasGreek(w)) for (const [re, to] of GREEK_FOREIGN) w = w.replace(re, to);
  w = w.replace(/#/g, 'ι').replace(/%/g, 'υ');
  if (hasCyrillic(w) || hasGreek(w)) w = romanizeWord(w);
  for (const [re, to] of LATIN_SOUNDS) w = w.replace(re, to);
  return w;
});

// A module constant: tsx (esbuild for Node 20) turns a literal with `\p{...}` into `new RegExp(...)`
// where it stands, which in a function builds the expression again at each call.
const INITIAL = /^\p{L}\.$/u;

/** The key of a whole name: its words' keys, initials and empty words left out. */
export function phoneticKey(words: string[]): string {
  // A loop, not `map`, whose array changes kind once V8 optimises the caller (see `infosOf` in tagger/features.ts): this function's own \`filter\` of it was thrown away at the first call once optimised.
  let out = '';
  for (const w of words) {
    if (INITIAL.test(w)) continue;
    const k = phoneticWord(w);
    if (k.length > 0) out += out === '' ? k : ` ${k}`;
  }
  return out;
}

/** Consonants by class, vowels dropped: a looser key for surnames (Трамп, Trump: "trmp"). */
export function consonantSkeleton(key: string): string {
  return key
    .replace(/[aeiou]/g, '')
    .replace(/b/g, 'p')
    .replace(/d/g, 't')
    .replace(/g/g, 'k')
    .replace(/v/g, 'f')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1');
}

// Case endings of Russian and Greek name words, and the nominative endings to try in their place.
const RUSSIAN_CASE = /(?:ого|его|ому|ему|ым|им|ом|ем|ой|ей|а|я|у|ю|е|ы)$/u;
const GREEK_CASE = /(?:ου|η|α|ο)$/u;

/**
 * The keys an inflected word may have in the nominative: Макрона, Макроном → makron;
 * Μητσοτάκη → mitsotakis. The word's own key first.
 */
export const inflectedKeys: (word: string) => string[] = memoize((word: string): string[] => {
  const keys = new Set([phoneticWord(word)]);
  const lower = foldWord(word);
  if (hasCyrillic(lower)) {
    const stem = lower.replace(RUSSIAN_CASE, '');
    if (stem !== lower && stem.length >= 3) for (const e of ['', 'а', 'ий', 'й']) keys.add(phoneticWord(stem + e));
  } else if (hasGreek(lower)) {
    const stem = lower.replace(GREEK_CASE, '');
    keys.add(phoneticWord(`${lower}ς`));
    // A final μπ is b or mb (Τραμπ: Trump).
    if (lower.includes('μπ')) keys.add(phoneticWord(lower.replace(/μπ/gu, 'μβ')).replace(/mv/g, 'mb'));
    if (stem !== lower && stem.length >= 3) for (const e of ['ος', 'ης', 'ας']) keys.add(phoneticWord(stem + e));
  }
  return [...keys];
});
