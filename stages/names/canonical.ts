// The canonical name of a person, computed from the words of one document only, so that the
// same person gets the same name in every document of every run:
//   the fullest form the document gives (most words that are not initials), each word romanised
//   (Cyrillic: BGN/PCGN; Greek: ELOT 743) and spelled the one way data/fold.json gives
//   (Sergey, Sergei, Сергей: Sergei), Chinese names surname first (Jinping Xi: Xi Jinping).
import { lexicon } from './lexicon.ts';
import { chineseFromCyrillic } from './palladius.ts';
import { capitalize, displayWord, hasCyrillic, hasGreek, romanizeWord, russianNominative, spellWord, stemWord } from './spelling.ts';
import type { Token } from './tokens.ts';
import { isChineseSurname, isConnector, isGivenName, isPinyin } from './words.ts';

/** The key of one word: folded, romanised, variant spelling folded, case ending stripped. */
export function wordKey(t: Token): string {
  if (t.kind === 'initial') return t.text.toLowerCase();
  return hasCyrillic(t.text) || hasGreek(t.text) ? stemWord(t.text) : spellWord(t.text);
}

/** A two-word Chinese name written given name first (Jinping Xi). */
export function isReversedChinese(words: Token[]): boolean {
  if (words.length !== 2) return false;
  const [a, b] = words as [Token, Token];
  return isChineseSurname(b.text) && !isChineseSurname(a.text) && isPinyin(a.text);
}

/** The words of a name in canonical order (Chinese surname first). */
export function canonicalOrder(words: Token[]): Token[] {
  return isReversedChinese(words) ? [words[1] as Token, words[0] as Token] : words;
}

/** The key of a whole name: its word keys in canonical order. */
export function nameKeys(words: Token[]): string[] {
  // Pushed to an array made empty (see `textsOf` below).
  const keys: string[] = [];
  for (const w of canonicalOrder(words)) keys.push(wordKey(w));
  return keys;
}

// Cyrillic and Greek endings of a nominative: a name form ending so is preferred as the canonical one.
const NOMINATIVE = /(?:[бвгджзклмнпрстфхцчшщйьаяоу]|ς)$/u;

function nominativeScore(words: Token[]): number {
  let score = 0;
  for (const w of words) {
    if ((hasCyrillic(w.text) || hasGreek(w.text)) && !NOMINATIVE.test(w.text.toLowerCase())) score++;
  }
  return score;
}

/** The words of a form that are no initials or particles. */
const fullWords = (ws: Token[]): number => ws.filter((w) => w.kind === 'word' && !isConnector(w.text)).length;

/** Sorts candidate forms: fullest first, then nominative, then shortest, then by code points. */
export function compareForms(a: Token[], b: Token[]): number {
  const byWords = fullWords(b) - fullWords(a) || nominativeScore(a) - nominativeScore(b);
  if (byWords !== 0 || a === b) return byWords;
  const da = displayName(a);
  const db = displayName(b);
  return da.length - db.length || (da < db ? -1 : da > db ? 1 : 0);
}

/**
 * Russian name words back in the nominative: a man's given name in an oblique case (Владимира,
 * Сергею) loses its ending, and then so may his surname (Путина); unmistakable endings go anyway.
 */
export function nominativeWords(words: string[]): string[] {
  if (!words.some(hasCyrillic)) return words;
  const [first, ...rest] = words as [string, ...string[]];
  let given = russianNominative(first);
  let male = given !== first;
  const bare = first.replace(/[ауе]$/u, '');
  if (!male && bare !== first && isGivenName(bare) && !lexicon().givenNames.has(romanizeWord(first))) {
    given = bare;
    male = true;
  }
  const out: string[] = [given];
  for (const w of rest) out.push(russianNominative(w, male));
  return out;
}

/**
 * The texts of a form's words, in an array made empty and pushed to: arrays made by `map` from
 * forms made in different ways (slices, literals, spreads) came in different kinds of elements,
 * and each new kind threw away the optimised code of the functions reading them (`displayName`,
 * `toPerson`), which V8 then compiled again.
 */
function textsOf(words: Token[]): string[] {
  const out: string[] = [];
  for (const w of words) out.push(w.text);
  return out;
}

/** A Chinese name in Cyrillic (Си Цзиньпином), in pinyin (Xi Jinping); null for other names. */
function chineseName(texts: string[]): string | null {
  if (!texts.every(hasCyrillic)) return null;
  const pinyin = chineseFromCyrillic(texts);
  if (pinyin === null) return null;
  // Joined in a loop, not `map` (see `displayName`).
  let out = '';
  for (let i = 0; i < pinyin.length; i++) {
    const p = pinyin[i] as string;
    out += `${i > 0 ? ' ' : ''}${p.charAt(0).toUpperCase()}${p.slice(1)}`;
  }
  return out;
}

/** How a form reads as a canonical name. */
export function displayName(words: Token[]): string {
  const ordered = canonicalOrder(words);
  const chinese = chineseName(textsOf(ordered));
  if (chinese !== null) return chinese;
  const texts = nominativeWords(textsOf(ordered));
  // Joined in a loop, not `map`, whose array changes kind once V8 optimises the caller (see `infosOf` in tagger/features.ts).
  let out = '';
  for (let i = 0; i < ordered.length; i++) {
    const w = ordered[i] as Token;
    if (i > 0) out += ' ';
    out += w.kind === 'initial' ? w.text.toUpperCase() : isConnector(w.text) ? w.text : displayWord(texts[i] as string);
  }
  return out;
}

/** A regnal number after a name (Haakon VII, Benedict XVI): kept in capitals. */
const ROMAN_NUMERAL = /^[IVXLC]+$/;

/**
 * How a form is written, as a spelling the batch learner counts: in canonical order, initials in
 * capitals, a word in capitals in title case (a headline's DONALD TRUMP) but a regnal number
 * after the first word (Haakon VII), every other word as the writer spelled it. The batch names a
 * person by its most frequent written spelling (three documents' "Andrey Belousov" is "Andrey
 * Belousov", not the respelled "Andrei Belousov" that `displayName` gives a document alone); the
 * keys fold the spellings together.
 */
export function writtenName(words: Token[]): string {
  const ordered = canonicalOrder(words);
  let out = '';
  for (let i = 0; i < ordered.length; i++) {
    const w = ordered[i] as Token;
    const text = w.text;
    if (i > 0) out += ' ';
    if (w.kind === 'initial' || (i > 0 && ROMAN_NUMERAL.test(text))) out += text.toUpperCase();
    else if (text.length > 1 && text === text.toUpperCase() && text !== text.toLowerCase()) out += capitalize(text.toLowerCase());
    else out += text;
  }
  return out;
}

/**
 * The fullest form with each word replaced by the most nominative spelling of it the document
 * has (Владимиром Путиным and a later Путин give Владимиром Путин, then Vladimir Putin).
 * `words`: every word of the person's mentions, asked for only when the name has Cyrillic or Greek.
 */
export function preferNominative(best: Token[], words: () => Token[]): Token[] {
  if (!best.some((w) => hasCyrillic(w.text) || hasGreek(w.text))) return best;
  const all = words();
  // Each word's key worked out once, not once for each word of the best form.
  // Arrays pushed to, not `map`, whose array changes kind once V8 optimises the caller (see `infosOf` in tagger/features.ts).
  const keys: (string | null)[] = [];
  for (const other of all) keys.push(other.kind === 'word' ? wordKey(other) : null);
  const picked: Token[] = [];
  for (const w of best) {
    const stem = wordKey(w);
    let pick = w;
    for (let k = 0; k < all.length; k++) {
      const other = all[k] as Token;
      if (keys[k] !== stem) continue;
      const better = nominativeScore([other]) - nominativeScore([pick]) || other.text.length - pick.text.length || (other.text < pick.text ? -1 : other.text > pick.text ? 1 : 0);
      if (better < 0) pick = other;
    }
    picked.push(pick);
  }
  return picked;
}
