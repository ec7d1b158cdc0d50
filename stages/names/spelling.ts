// Spelling of name words across scripts and romanisations: Cyrillic and Greek to Latin letters,
// transliteration variants to one spelling, and the folded key every comparison uses.
import { memoize } from '../../pipeline/core/memo.ts';
import { hashKey } from '../../pipeline/core/string-table.ts';
import { foldTables, lexicon, scriptTables } from './lexicon.ts';
import { CHANGES_LOWER, charBits, CYRILLIC as CYRILLIC_LETTER, FOLDS_TO_LOWER_CASE, GREEK as GREEK_LETTER, isSurrogate } from './letters.ts';

// Module constants, never literals inside a function: see scripts/check-regex.mjs.
const MARKS = /\p{M}/gu;

const tables = scriptTables();
const folds = foldTables();
const variants = new Map(Object.entries(folds.variants));
const foldRules = folds.rules.map(([from, to]) => [new RegExp(from, 'u'), to] as const);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;

// The romanisation tables by code unit (their letters are all in the BMP): reading a letter of a
// word as a string (`word[i]`) makes a new string past U+00FF, and looking it up among an object's
// keys goes through V8's table of every string it keeps, for each letter of each new word.
function byCodeUnit(table: Record<string, string>): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const [letter, latin] of Object.entries(table)) {
    if (letter.length !== 1) throw new Error(`names: romanisation table: "${letter}" is not one code unit`);
    out[letter.charCodeAt(0)] = latin;
  }
  return out;
}
/** Two letters as one number, for the tables of Greek digraphs. */
const pairCode = (a: number, b: number): number => a * 0x10000 + b;
function byPairCode(table: Record<string, string>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [pair, latin] of Object.entries(table)) {
    if (pair.length !== 2) throw new Error(`names: romanisation table: "${pair}" is not two code units`);
    out.set(pairCode(pair.charCodeAt(0), pair.charCodeAt(1)), latin);
  }
  return out;
}
const CYRILLIC_LATIN = byCodeUnit(tables.cyrillic);
const GREEK_LATIN = byCodeUnit(tables.greek);
const GREEK_DIGRAPHS = byPairCode(tables.greekDigraphs);
const GREEK_INITIAL_DIGRAPHS = byPairCode(tables.greekInitialDigraphs);
const VOWELS = new Set([...'аеёиоуыэюяіїє'].map((v) => v.charCodeAt(0)));
const CYRILLIC_E = 'е'.charCodeAt(0);
const CYRILLIC_SHORT_I = 'й'.charCodeAt(0);
const HARD_SIGN = 'ъ'.charCodeAt(0);
const SOFT_SIGN = 'ь'.charCodeAt(0);


// Letters with a stroke do not decompose in Unicode: fold them by hand (Radosław, Søren, Đoković).
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ŀ: 'l' };

/** The same letters and capitals without combining marks or strokes (Núñez: Nunez; Łódź: Lodz). */
export function withoutDiacritics(word: string): string {
  if (/^[\x20-\x7e]*$/.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[łøđħıŀŁØĐĦ]/g, (ch) => {
      const lower = LETTERS_WITHOUT_DECOMPOSITION[ch.toLowerCase()] ?? 'i';
      return ch === ch.toLowerCase() ? lower : lower.toUpperCase();
    })
    .replace(/[’ʼ`]/g, "'")
    .normalize('NFC');
}

/**
 * Lower case, no combining marks, typographic apostrophes straightened. A word that is its own fold
 * is returned itself: a caller that keeps the fold of a piece of a page copies it first (own-copy.ts).
 */
export function foldWord(word: string): string {
  // A word whose characters fold to their lower case needs no decomposition: plain ASCII (but
  // for a backtick) and most words of Cyrillic, Greek, Arabic... Lower case is then the whole
  // fold (NFD decomposes and reorders marks only; the one lower case that reads its context,
  // Greek final sigma, gives σ or ς, both their own fold). Read by character codes: a regular
  // expression for the ASCII case first cost more than the loop.
  const fold = foldKind(word);
  if (fold === OWN_FOLD) return word;
  if (fold === LOWER_CASE_FOLD) return word.toLowerCase();
  return foldByCharacter(word) ?? foldMemo(word);
}

/** The word is its own fold: in lower case already, and folding only puts it in lower case. */
const OWN_FOLD = 0;
/** Folding only puts it in lower case. */
const LOWER_CASE_FOLD = 1;
const OTHER_FOLD = 2;

/**
 * How a word folds, by its characters' codes. Most words the stage folds are written in lower
 * case: those are their own fold, where `toLowerCase` of a word past ASCII made a new string each
 * time (and the document hints fold every lower-case word of a document).
 */
function foldKind(word: string): number {
  let kind = OWN_FOLD;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 128) {
      if (c === 96) return OTHER_FOLD;
      if (c >= 65 && c <= 90) kind = LOWER_CASE_FOLD;
      continue;
    }
    if (isSurrogate(c)) return OTHER_FOLD;
    const bits = charBits(c);
    if ((bits & FOLDS_TO_LOWER_CASE) === 0) return OTHER_FOLD;
    if ((bits & CHANGES_LOWER) !== 0) kind = LOWER_CASE_FOLD;
  }
  return kind;
}

// Each character's fold, worked out once per code unit (`foldOne`): a word with accents (été,
// Dröge) is the concatenation of its characters' folds, since the marks NFD would reorder are all
// dropped, and lower case reads no context but for Σ. It cost a memo's look-up and, for a new
// word, a decomposition of the whole word.
const SIGMA = 0x3a3;
const charFolds: (string | undefined)[] = [];

/** `foldWord` character by character, or null for a word with Σ or a character past U+FFFF. */
function foldByCharacter(word: string): string | null {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isSurrogate(c) || c === SIGMA) return null;
    out += charFolds[c] ??= foldOne(String.fromCharCode(c));
  }
  return out;
}

/**
 * FNV-1a (`hashString` of the tagger's features.ts) of `foldWord(word)`, read from the word's
 * characters without making the folded string; null where `foldWord` reads the word whole (a Σ,
 * whose lower case depends on its place, or a character past U+FFFF). The tagger's document hints
 * ask whether a word's folded spelling may be one they hold, for each word of a document in lower
 * case: most are not, and a word with an accent was made again letter by letter to be asked.
 */
export function foldedHash(word: string): number | null {
  if (foldKind(word) === OWN_FOLD) return hashKey(word);
  // `hashKey` of the characters' folds one after another (FNV-1a reads one code unit after another).
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isSurrogate(c) || c === SIGMA) return null;
    // A character's fold is its lower case where the word folds so (`LOWER_CASE_FOLD`).
    const fold = (charFolds[c] ??= foldOne(String.fromCharCode(c)));
    for (let k = 0; k < fold.length; k++) h = Math.imul(h ^ fold.charCodeAt(k), 0x01000193);
  }
  return h | 0;
}

/** The fold of one character (or of a word, where the one above does not apply). */
function foldOne(word: string): string {
  const lower = word.toLowerCase();
  if (/^[a-z.'-]*$/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[’ʼ`]/g, "'")
    .replace(/[łøđħıŀ]/g, (ch) => LETTERS_WITHOUT_DECOMPOSITION[ch] as string);
}

const foldMemo = memoize(foldOne);

/** Whether a word has a character from U+0370 on, where Greek and Cyrillic begin: most words do not, and are spared two regular expressions. */
export function pastLatin(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x370) return true;
  return false;
}

export function hasCyrillic(word: string): boolean {
  return hasScript(word, CYRILLIC_LETTER, CYRILLIC);
}

export function hasGreek(word: string): boolean {
  return hasScript(word, GREEK_LETTER, GREEK);
}

/**
 * Whether a word has a character of a script (`bit` of letters.ts, `re` the same test as a regular
 * expression): by the table of letters.ts, code unit by code unit from U+0370 on, where Greek and
 * Cyrillic begin; by `re` for a word with a character past U+FFFF. The regular expressions of
 * `\p{Script=...}` cost about 0.6 µs a word, and a new Cyrillic word was asked some ten times.
 */
function hasScript(word: string, bit: number, re: RegExp): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x370) continue;
    if (isSurrogate(c)) return re.test(word);
    if ((charBits(c) & bit) !== 0) return true;
  }
  return false;
}

/** Cyrillic to Latin, BGN/PCGN style; й reads i before a consonant or at the end (Сергей: Sergei, Шойгу: Shoigu). */
function romanizeCyrillic(lower: string): string {
  // By code units: Cyrillic is all in the BMP, and the halves of a character past it are copied
  // in order and are no vowel, as the character is not.
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === CYRILLIC_E && (i === 0 || VOWELS.has(lower.charCodeAt(i - 1)) || lower.charCodeAt(i - 1) === HARD_SIGN || lower.charCodeAt(i - 1) === SOFT_SIGN)) out += tables.cyrillicInitialE;
    else if (c === CYRILLIC_SHORT_I) out += i + 1 < lower.length && VOWELS.has(lower.charCodeAt(i + 1)) ? 'y' : 'i';
    else out += CYRILLIC_LATIN[c] ?? (lower[i] as string);
  }
  return out;
}

/** Greek to Latin, ELOT 743 style, with μπ/ντ/γκ as b/d/g at the start of a word. */
function romanizeGreek(lower: string): string {
  let out = '';
  let i = 0;
  while (i < lower.length) {
    const c = lower.charCodeAt(i);
    const pair = i + 1 < lower.length ? pairCode(c, lower.charCodeAt(i + 1)) : -1;
    const initial = i === 0 ? GREEK_INITIAL_DIGRAPHS.get(pair) : undefined;
    const digraph = initial ?? GREEK_DIGRAPHS.get(pair);
    if (digraph !== undefined) {
      out += digraph;
      i += 2;
    } else {
      out += GREEK_LATIN[c] ?? (lower[i] as string);
      i += 1;
    }
  }
  return out;
}

/** A name word in Latin letters, lower case, without diacritics (Шойгу: shoigu; Σοϊγκού: soigkou). */
export function romanizeWord(word: string): string {
  return romanizeFolded(foldWord(word));
}

/** `romanizeWord` of a word already folded (`foldWord`). */
export function romanizeFolded(lower: string): string {
  if (hasCyrillic(lower)) return romanizeCyrillic(lower);
  if (hasGreek(lower)) return romanizeGreek(lower);
  return lower;
}

/** The one spelling of a romanised name word: Sergey, Sergei and Сергей all give "sergei". */
export const spellWord: (word: string) => string = memoize((word: string): string => spellRomanized(romanizeWord(word)));

/** `spellWord` of a word already romanised (`romanizeWord`). */
export function spellRomanized(roman: string): string {
  // A map, not the object's keys: a word such as "constructor" is no variant, and a look-up of a
  // new string among an object's keys goes through V8's table of every string it keeps.
  let w = variants.get(roman) ?? roman;
  // Tested first: a replacement that finds nothing still costs about three times the test (the
  // rules are rare endings: most words match none).
  for (const [re, to] of foldRules) if (re.test(w)) w = w.replace(re, to);
  return variants.get(w) ?? w;
}

// Case endings of Russian and Greek nouns, longest first. Stripping them gives a stem that the
// nominative and the oblique forms of a name share (Путин, Путина, Путину; Μητσοτάκης, Μητσοτάκη).
const RUSSIAN_ENDINGS = ['ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ами', 'ями', 'ой', 'ей', 'ом', 'ем', 'ым', 'им', 'ых', 'их', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею', 'ах', 'ях', 'ам', 'ям', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'ь', 'й'];
const GREEK_ENDINGS = ['ους', 'ου', 'ης', 'ας', 'ος', 'ες', 'ων', 'η', 'α', 'ο', 'ε', 'ς'];

/**
 * The stem two inflected forms of one name share, in folded Latin letters. Words of Latin script
 * keep their whole spelling: only Russian and Greek decline names in news text.
 */
export function stemWord(word: string): string {
  const lower = foldWord(word);
  if (hasCyrillic(lower)) {
    for (const e of RUSSIAN_ENDINGS) {
      if (lower.length - e.length >= 3 && lower.endsWith(e)) return romanizeCyrillic(lower.slice(0, -e.length));
    }
    return romanizeCyrillic(lower);
  }
  if (hasGreek(lower)) {
    for (const e of GREEK_ENDINGS) {
      if (lower.length - e.length >= 3 && lower.endsWith(e)) return romanizeGreek(lower.slice(0, -e.length));
    }
    return romanizeGreek(lower);
  }
  return spellWord(word);
}

// Oblique endings of Russian names that no nominative has, with what the nominative ends in:
// Путиным, Владимиром: instrumental; Зеленского, Зеленскому: genitive and dative of -ский.
const RUSSIAN_OBLIQUE_TO_NOMINATIVE: [RegExp, string][] = [
  [/(?<=\p{L}{2}[сцк])(?:ого|ому|им)$/u, 'ий'],
  [/(?<=[аеоу])(?:ем|ю|я)$/u, 'й'],
  [/(?<=\p{L}{3})(?:ым|ом)$/u, ''],
];
// Genitive, dative, prepositional of a man's surname in -ов, -ев, -ин (Путина, Белоусову, Путине).
const RUSSIAN_SURNAME_OBLIQUE = /(?<=(?:ов|ев|ёв|ин|ын))(?:а|у|е|ым)$/u;

/**
 * A Russian name word put back in the nominative when its ending is unmistakably oblique; `male`
 * (the given name was a man's, in an oblique case) lets a surname in -ова/-ина lose its ending too.
 */
export function russianNominative(word: string, male = false): string {
  if (!hasCyrillic(word)) return word;
  for (const [re, to] of RUSSIAN_OBLIQUE_TO_NOMINATIVE) if (re.test(word)) return word.replace(re, to);
  if (male && RUSSIAN_SURNAME_OBLIQUE.test(word)) return word.replace(RUSSIAN_SURNAME_OBLIQUE, '');
  return word;
}

/** A word of a name as the canonical name shows it: romanised, variant spelling folded, capitalised. */
export function displayWord(word: string): string {
  const isLatin = !hasCyrillic(word) && !hasGreek(word);
  const spelled = spellWord(word);
  if (isLatin && foldWord(word) === spelled) {
    // Keep the writer's own capitals (McCague) and diacritics (Dröge, Sánchez): a name without
    // them is misspelt. Only ALL CAPS is lowered. Matching folds them (key, batch, gazetteer).
    return word === word.toUpperCase() && word.length > 1 ? capitalize(word.toLowerCase()) : word;
  }
  if (hasCyrillic(word) && spelled.includes('kh')) {
    // Russian writes the h of foreign names as х (Хакан: Hakan, not Khakan), when the list knows the name so.
    const foreign = spelled.replace(/kh/g, 'h');
    if (lexicon().givenNames.has(foreign) && !lexicon().givenNames.has(spelled)) return capitalize(foreign);
  }
  if (hasGreek(word)) {
    // Greek writes a foreign d and b as ντ and μπ: Βλαντιμίρ reads Vladimir when that is a name.
    const foreign = spelled.replace(/nt/g, 'd').replace(/mp/g, 'b');
    if (foreign !== spelled && lexicon().givenNames.has(foreign) && !lexicon().givenNames.has(spelled)) return capitalize(foreign);
    // A Greek name ends in a vowel or ς; one ending in another consonant is a foreign name
    // transcribed (Πούτιν, Ερντογάν), where ου is u and ντ is d: Putin, Erdogan.
    if (/[βγδζθκλμνξπρτφχψ]$/u.test(foldWord(word))) return capitalize(spelled.replace(/ou/g, 'u').replace(/nt/g, 'd'));
  }
  return capitalize(spelled);
}

// A module constant: tsx (esbuild for Node 20) turns a literal with `\p{...}` into `new RegExp(...)`
// where it stands, which in a function builds the expression again at each call.
const WORD_OPENING = /(^|[-'’])(\p{L})/gu;

/** Each part of a word (after a hyphen or apostrophe) opened with a capital: `goeslaw-ost` → `Goeslaw-Ost`. */
export function capitalize(w: string): string {
  return w.replace(WORD_OPENING, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
