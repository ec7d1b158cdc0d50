// What one word can be, by the stage's lists: a given name, a title, a place, a word of an
// organisation's name... Each test looks the word up folded (and romanised for Cyrillic and Greek).
import { lexicon } from './lexicon.ts';
import { memoize } from '../../pipeline/core/memo.ts';
import { foldWord, hasCyrillic, hasGreek, pastLatin, romanizeFolded, romanizeWord, spellRomanized } from './spelling.ts';
import type { Token } from './tokens.ts';

const lex = lexicon();

// A filter of every word of the lists `wordLists` reads (a Bloom filter: two bits a word, 2^21 bits,
// 256 KB): a word it does not hold is in none of them, and is not looked up. Nine in ten distinct
// words of news are in no list, and a look-up in a set of 200,000 words costs a read of memory
// the cache seldom holds; about 5% of the words in no list pass the filter and are looked up.
const FILTER_BITS = 21;
const filter = new Uint32Array(2 ** (FILTER_BITS - 5));

/** Two bit positions of a word in the filter: FNV-1a of its characters, and that hash mixed again. */
function filterHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const secondHash = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
const FILTER_MASK = 2 ** FILTER_BITS - 1;

function addToFilter(w: string): void {
  const h = filterHash(w);
  for (const bit of [h & FILTER_MASK, secondHash(h) & FILTER_MASK]) filter[bit >>> 5] = ((filter[bit >>> 5] as number) | (1 << (bit & 31))) >>> 0;
}

/** False when the word is in no list of the filter; true when it may be. */
function mayBeListed(w: string): boolean {
  const h = filterHash(w);
  const a = h & FILTER_MASK;
  if (((filter[a >>> 5] as number) & (1 << (a & 31))) === 0) return false;
  const b = secondHash(h) & FILTER_MASK;
  return ((filter[b >>> 5] as number) & (1 << (b & 31))) !== 0;
}

const isListedGivenName = (w: string): boolean => mayBeListed(w) && lex.givenNames.has(w);

const RUSSIAN_OBLIQUE = /(?:а|я|у|ю|ом|ем|е|ым|им|ой|ей)$/u;

/** A given name, in any script: Сергея and Σεργκέι are looked up as Sergei. */
export const isGivenName: (word: string) => boolean = memoize((word: string) => {
  const folded = foldWord(word);
  return givenName(folded, mayBeListed(folded));
});

/** `isGivenName` of a word already folded (`foldWord`); `listed`: `mayBeListed(folded)`. */
function givenName(folded: string, listed: boolean): boolean {
  // A word without a character from U+0370 on (most) is its own romanisation, and no Cyrillic or
  // Greek; its one spelling is looked up only where it is another word.
  if (!pastLatin(folded)) {
    if (listed && lex.givenNames.has(folded)) return true;
    const spelled = spellRomanized(folded);
    return spelled !== folded && isListedGivenName(spelled);
  }
  const roman = romanizeFolded(folded);
  const cyrillic = hasCyrillic(folded);
  const greek = hasGreek(folded);
  // A short Cyrillic or Greek word read in Latin letters meets too many short names by chance
  // (Ροή, "flow", reads Roi).
  if ((cyrillic || greek) && roman.length < 4) return false;
  if (isListedGivenName(roman) || isListedGivenName(spellRomanized(roman))) return true;
  if (cyrillic) {
    // Russian writes the h of foreign names as х (Хакан: Hakan, Ахмед: Ahmed).
    // The word read so is `roman` (folding twice is folding once): looked up already unless it has a kh.
    if (roman.includes('kh') && isListedGivenName(roman.replace(/kh/g, 'h'))) return true;
    const bare = folded.replace(RUSSIAN_OBLIQUE, '');
    if (bare !== folded) {
      // `spellWord` without its memo: this word's information is kept by the caller already.
      const romanBare = romanizeWord(bare);
      return isListedGivenName(romanBare) || isListedGivenName(spellRomanized(romanizeWord(`${bare}й`))) || isForeignGivenName(romanBare);
    }
  }
  if (greek) {
    // Greek writes foreign d and b as ντ and μπ inside a word too (Βλαντιμίρ).
    return isListedGivenName(roman.replace(/nt/g, 'd').replace(/mp/g, 'b'));
  }
  return false;
}

/** A Cyrillic word (`roman`: romanised) read as a foreign given name: Russian writes the h of foreign names as х (Хакан: Hakan, Ахмед: Ahmed). */
const isForeignGivenName = (roman: string): boolean => isListedGivenName(roman.replace(/kh/g, 'h'));

// Russian and Greek decline the words of a list too (России, Кремля, Εξωτερικών): a word is
// looked up as written and as its stem with each common nominative ending put back.
const RUSSIAN_CASE = /(?:ами|ями|ого|его|ому|ему|ой|ей|ом|ем|ам|ям|ах|ях|ии|и|ы|а|я|у|ю|е)$/u;
const GREEK_CASE = /(?:ων|ου|ης|ας|ος|ες|οι|η|α|ο|ε|ς)$/u;
const RUSSIAN_NOMINATIVE = ['', 'а', 'я', 'ия', 'ь', 'й', 'о'];
const GREEK_NOMINATIVE = ['', 'α', 'η', 'ος', 'ης', 'ας', 'ο', 'ι', 'ες'];

/** The forms a word folded and without its final period (`f`) is looked up as. */
function formsOf(f: string): string[] {
  if (hasCyrillic(f)) return withEndings(f, f.replace(RUSSIAN_CASE, ''), RUSSIAN_NOMINATIVE);
  if (hasGreek(f)) return withEndings(f, f.replace(GREEK_CASE, ''), GREEK_NOMINATIVE);
  return [f];
}

/** `f`, then its stem with each ending when the stem is another word of three letters or more (pushed to, not `map`, whose array changes kind once V8 optimises the caller (see `infosOf` in tagger/features.ts)). */
function withEndings(f: string, stem: string, endings: string[]): string[] {
  const forms = [f];
  if (stem.length >= 3 && stem !== f) for (const e of endings) forms.push(stem + e);
  return forms;
}

const lookupForms = memoize((w: string): string[] => formsOf(stripPeriod(foldWord(w))));

const inList = (list: Set<string>, w: string) => lookupForms(w).some((f) => list.has(f));

// A module constant: tsx (esbuild for Node 20) turns a literal with `\p{...}` into `new RegExp(...)`
// where it stands, which in a function builds the expression again at each call.
const OPENS_WITH_CAPITAL = /^\p{Lu}/u;

/** A title before a name; some (Miss, Don, Major, General) only when capitalised, being words too. */
export function isTitle(w: string): boolean {
  if (inList(lex.titles, w)) return true;
  return lex.capitalisedTitles.has(stripPeriod(foldWord(w))) && OPENS_WITH_CAPITAL.test(w);
}
export const isCapitalisedTitle = (w: string): boolean => lex.capitalisedTitles.has(stripPeriod(foldWord(w))) && OPENS_WITH_CAPITAL.test(w);
export const isRoleLinker = (w: string): boolean => lex.roleLinkers.has(foldWord(w));
export const isRoleModifier = (w: string): boolean => inList(lex.roleModifiers, w);
export const isDemonym = (w: string): boolean => inList(lex.demonyms, w);
export const isPlace = (w: string): boolean => (w.includes(' ') ? lex.places.has(foldWord(w)) : inList(lex.places, w));
export const isCountry = (w: string): boolean => lex.countries.has(foldWord(w));
export const isStopword = (w: string): boolean => lex.stopwords.has(foldWord(w));
export const isOrgWord = (w: string): boolean => inList(lex.orgWords, w);
export const isConnector = (w: string): boolean => lex.connectors.has(w);
export const isNameWord = (w: string): boolean => lex.nameWords.has(foldWord(w)) || isGivenName(w);

export const isChineseSurname = (w: string): boolean => !hasCyrillic(w) && !hasGreek(w) && lex.chineseSurnames.has(foldWord(w));
export const isSpeechCueAfter = (w: string): boolean => lex.cueAfter.has(foldWord(w));
export const isSpeechCueBefore = (w: string): boolean => lex.cueBefore.has(foldWord(w));

// The small lists `wordLists` reads, as one map from a folded word to a bit for each list it is
// in: one look-up a form of the word, where there was one a list (ten of them). The given names
// and the name words, the two large lists, stay sets of their own (a map of them took 90 ms to build).
const IN_PLACES = 1;
const IN_DEMONYMS = 2;
const IN_TITLES = 4;
const IN_ORG_WORDS = 8;
const IN_COUNTRIES = 16;
const IN_STOPWORDS = 32;
const IN_CHINESE_SURNAMES = 64;
const IN_CUES_AFTER = 128;
const IN_CUES_BEFORE = 256;
const IN_CAPITALISED_TITLES = 512;
const IN_CALENDAR = 1024;

const smallLists = new Map<string, number>();
for (const [list, bit] of [
  [lex.places, IN_PLACES], [lex.demonyms, IN_DEMONYMS], [lex.titles, IN_TITLES], [lex.orgWords, IN_ORG_WORDS],
  [lex.countries, IN_COUNTRIES], [lex.stopwords, IN_STOPWORDS], [lex.chineseSurnames, IN_CHINESE_SURNAMES],
  [lex.cueAfter, IN_CUES_AFTER], [lex.cueBefore, IN_CUES_BEFORE], [lex.capitalisedTitles, IN_CAPITALISED_TITLES],
  [lex.calendar, IN_CALENDAR],
] as const) {
  for (const w of list) smallLists.set(w, (smallLists.get(w) ?? 0) | bit);
}

for (const list of [lex.givenNames, lex.nameWords, smallLists.keys()]) for (const w of list) addToFilter(w);

const listBitsOf = (w: string): number => (mayBeListed(w) ? (smallLists.get(w) ?? 0) : 0);

/**
 * The lists a word is in, as one string of letters in this order: g given name, n name word, p
 * place, c country, d nationality, t title, o organisation word, s stop word, z Chinese surname,
 * a and b speech cues after and before a name; and whether it is a month or weekday. The same
 * answers as the tests above, with the word folded and its case forms looked
 * up once for all of them (the tagger asks this of every new word); `folded` is `foldWord(w)`,
 * when the caller has it.
 */
export function wordLists(w: string, folded: string = foldWord(w)): WordLists {
  const bare = stripPeriod(folded);
  // The filter is asked once about the word folded, for every list that looks it up so.
  const listed = mayBeListed(folded);
  const atFolded = listed ? (smallLists.get(folded) ?? 0) : 0;
  const atBare = bare === folded ? atFolded : listBitsOf(bare);
  // Only Cyrillic and Greek words have case forms to look up (`formsOf`, whose first is `bare`);
  // not through the memo of `lookupForms`: the tagger keeps each word's lists already.
  let inForms = atBare;
  if (hasCyrillic(bare) || hasGreek(bare)) for (const f of formsOf(bare)) inForms |= listBitsOf(f);
  // No closure made per call (tsx names each one at run time), and no memo of its own: the tagger
  // keeps each word's lists with the rest of its information.
  const given = givenName(folded, listed);
  let s = '';
  if (given) s += 'g';
  if (given || (listed && lex.nameWords.has(folded))) s += 'n';
  if (((w.includes(' ') ? atFolded : inForms) & IN_PLACES) !== 0) s += 'p';
  if ((atFolded & IN_COUNTRIES) !== 0) s += 'c';
  if ((inForms & IN_DEMONYMS) !== 0) s += 'd';
  if ((inForms & IN_TITLES) !== 0 || ((atBare & IN_CAPITALISED_TITLES) !== 0 && OPENS_WITH_CAPITAL.test(w))) s += 't';
  if ((inForms & IN_ORG_WORDS) !== 0) s += 'o';
  if ((atFolded & IN_STOPWORDS) !== 0) s += 's';
  if ((atFolded & IN_CHINESE_SURNAMES) !== 0 && !hasCyrillic(w) && !hasGreek(w)) s += 'z';
  if ((atFolded & IN_CUES_AFTER) !== 0) s += 'a';
  if ((atFolded & IN_CUES_BEFORE) !== 0) s += 'b';
  return { letters: s, calendar: (inForms & IN_CALENDAR) !== 0 };
}

/** What `wordLists` gives. */
export interface WordLists {
  /** The letters of the lists the word is in. */
  letters: string;
  /**
   * A month or weekday, full or abbreviated (`data/calendar.json`; `Jan.`, `января`). Not one of
   * the letters: as a feature of the word wherever it stands it took Spanish to 0.874 (eval) and
   * lost the people `Sun Yang` and `Kathrin Freitag` (Sun and Freitag are weekdays); the tagger
   * reads it only with a number beside the word (`SEEN_AS_DATE`, tagger/features.ts).
   */
  calendar: boolean;
}

function stripPeriod(w: string): string {
  return w.endsWith('.') ? w.slice(0, -1) : w;
}

// A Hanyu Pinyin word: one or more syllables (initial + final), as Chinese given names are
// written (Jinping, Youxia, Shangfu). Bounded alternations, no nesting: linear.
const PINYIN = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v))+$/;

export function isPinyin(word: string): boolean {
  const w = foldWord(word).replace(/-/g, '');
  return w.length <= 12 && PINYIN.test(w);
}

/** A word that can be part of a role before a name: Chinese, Defense, Minister, U.S. */
export function isRoleWord(t: Token): boolean {
  if (t.kind === 'abbreviation') return true;
  if (t.kind !== 'word') return false;
  return isTitle(t.text) || isRoleModifier(t.text) || isDemonym(t.text) || (t.capitalized && isPlace(t.text));
}
