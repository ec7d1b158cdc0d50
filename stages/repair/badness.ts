// How much a text looks like mojibake: a count of character sequences that are far more likely to
// come from UTF-8 misread in a single-byte code page than to be written on purpose (an accented
// capital followed by a currency sign, "вЂ", "Ã©Ã¨"...). Correct text in any language scores 0
// almost always, so a score above 0 is what makes the repair try to re-decode a segment, and a
// re-decoding is never kept when it raises the score. The idea, the character categories
// (data/mojibake-categories.json) and most rules follow ftfy's badness heuristic; ours are marked
// below, chief among them one that ftfy lacks: two UTF-8 byte patterns in a row in any one of the
// code pages we undo (built from the code pages themselves, so it covers Greek and Cyrillic pages).
import { readFileSync } from 'node:fs';
import { scriptOf as unicodeScript } from '../../pipeline/core/text.ts';
import { CHARMAPS } from './charmaps.ts';

const categories = (
  JSON.parse(readFileSync(new URL('./data/mojibake-categories.json', import.meta.url), 'utf8')) as {
    categories: Record<string, string>;
  }
).categories;

function cls(...names: string[]): string {
  return `[${names.map((n) => categories[n] ?? n).join('')}]`;
}

const accented = ['lower_accented', 'upper_accented'];
const rules: string[] = [
  cls('c1'),
  cls('bad', ...accented, 'box', 'start_punctuation', 'end_punctuation', 'currency', 'numeric', 'law') + cls('bad'),
  '[a-zA-Z]' + cls('lower_common', 'upper_common') + cls('bad'),
  cls('bad') + cls(...accented, 'box', 'start_punctuation', 'end_punctuation', 'currency', 'numeric', 'law'),
  cls('lower_accented', 'lower_common', 'box', 'end_punctuation', 'currency', 'numeric') + cls('upper_accented'),
  cls('box', 'end_punctuation', 'currency', 'numeric') + cls('lower_accented'),
  cls('lower_accented', 'box', 'end_punctuation') + cls('currency'),
  '(?:^|\\s)' + cls('upper_accented') + cls('currency'),
  cls('upper_accented', 'box') + cls('numeric', 'law'),
  cls(...accented, 'box', 'currency', 'end_punctuation') + cls('start_punctuation') + cls('numeric'),
  cls(...accented, 'currency', 'numeric', 'box', 'law') + cls('end_punctuation') + cls('start_punctuation'),
  cls('currency', 'numeric', 'box') + cls('start_punctuation'),
  '[a-z]' + cls('upper_accented') + cls('start_punctuation', 'currency'),
  cls('box') + cls('kaomoji'),
  cls(...accented, 'currency', 'numeric', 'start_punctuation', 'end_punctuation', 'law') + cls('box'),
  cls('box') + cls('end_punctuation'),
  cls(...accented) + cls('start_punctuation', 'end_punctuation') + '\\w',
  '[Œœ][^A-Za-z]',
  cls('upper_accented') + '°',
  // Two-character windows-1252 mojibake of the most common lead bytes.
  '[ÂÃÎÐ][€œŠš¢£Ÿž\\u00a0\\u00ad®©°·»' + categories.start_punctuation + categories.end_punctuation + '–—´]',
  '×[²³]',
  // Arabic in windows-1252 uses common characters, so it takes four to count.
  `[ØÙ][${categories.common}${categories.currency}${categories.bad}${categories.numeric}${categories.start_punctuation}ŸŠ®°µ»]`.repeat(2),
  // Three-byte sequences of South Asian scripts, and MacRoman leftovers.
  'à[²µ¹¼½¾]',
  '√[±∂†≠®™´≤≥¥µø]',
  '≈[°¢]',
  '‚Ä[ìîïòôúùû†°¢π]',
  '‚[âó][àä°ê]',
  // windows-1251 mojibake of punctuation (U+2000 range) and of Cyrillic or Latin-1.
  'вЂ',
  `[ВГРС][${categories.c1}${categories.bad}${categories.start_punctuation}${categories.end_punctuation}${categories.currency}°µ][ВГРС]`,
  'ГўВЂВ.[A-Za-z ]',
  // "à", "á" and a no-break space that lost its second byte.
  'Ã[\\u00a0¡]',
  '[a-z]\\s?[ÃÂ] ',
  '[A-Z]Ã [a-z]',
  '^[ÃÂ] ',
  `[a-z.,?!${categories.end_punctuation}]Â[ ${categories.start_punctuation}${categories.end_punctuation}]`,
  // windows-1253 mojibake of punctuation and of Greek or Latin-1.
  'β€[™\\u00a0Ά\\u00ad®°]',
  `[ΒΓΞΟ][${categories.c1}${categories.bad}${categories.start_punctuation}${categories.end_punctuation}${categories.currency}°][ΒΓΞΟ]`,
  'ā€',
  // Our additions: windows-1250 "Ă" before a continuation character (Romanian "ĂŞ" and "ĂŢ" left
  // out), an accented capital whose second byte, 0xA0, became a no-break space ("Å tudentske"),
  // two cp437 box drawings glued to a word (not to line art: "├┤a┼┐a"), MacRoman "√" inside one.
  'Ă[ĽľĹĺŁłŚśŠšŤťŽžŹźŻżĄą˘˛˝§¤°´¨¸·]',
  '[\\u00c0-\\u00df]\\u00a0[a-z]',
  cls('box') + cls('box') + '[a-z]{2}',
  '[a-zA-Z]√[π∫ªº°¢£§•¶®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏Ω]',
];

const BADNESS_RE = new RegExp(rules.join('|'), 'gu');

/**
 * The characters a code page shows for each kind of UTF-8 byte, as regular-expression classes:
 * lead bytes of two-, three- and four-byte sequences, and continuation bytes.
 */
function byteClasses(name: string, keepLead: (char: string) => boolean = () => true, keepCont: (char: string) => boolean = () => true) {
  const map = CHARMAPS.find((m) => m.name === name);
  if (map === undefined) throw new Error(`no code page ${name}`);
  const lead2: number[] = [];
  const lead3: number[] = [];
  const lead4: number[] = [];
  const cont: number[] = [];
  for (const [char, byte] of map.encode) {
    if (char < 0x80) continue;
    if (byte >= 0x80 && byte <= 0xbf) {
      if (keepCont(String.fromCharCode(char))) cont.push(char);
    } else if (!keepLead(String.fromCharCode(char))) continue;
    else if (byte >= 0xc2 && byte <= 0xdf) lead2.push(char);
    else if (byte >= 0xe0 && byte <= 0xef) lead3.push(char);
    else if (byte >= 0xf0 && byte <= 0xf4) lead4.push(char);
  }
  const set = (chars: number[]) => `[${chars.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`;
  return { lead2: set(lead2), lead3: set(lead3), lead4: set(lead4), cont: set(cont) };
}

const SEQUENCE_RES: RegExp[] = [
  // Two UTF-8 byte patterns in a row, written in one code page: "Ã©Ã¨", "РґРѕ", "ΞΞΉ", "п∙я│".
  // In windows-1251 a Ukrainian or Belarusian letter after a capital is ordinary writing
  // ("ВІКІ"), so it does not count as the continuation of a two-byte pattern there.
  ...['windows-1252', 'windows-1251', 'windows-1253', 'windows-1250', 'koi8-r'].map((name) => {
    const { lead2, lead3, lead4, cont } = byteClasses(name);
    const cont2 = name === 'windows-1251' ? byteClasses(name, undefined, (c) => !/[ІіЇїЄєҐґЎў]/.test(c)).cont : cont;
    return new RegExp(`(?:${lead2}${cont2}|${lead3}${cont}{2}|${lead4}${cont}{3}){2,}`, 'gu');
  }),
  // One pattern of a Greek or Cyrillic code page glued to a Latin letter: Latin text misread as
  // windows-1251 ("rГ©gion") or as windows-1253 / ISO-8859-7 ("lΓͺ").
  ...['windows-1251', 'windows-1253', 'iso-8859-7'].map((name) => {
    const { lead2, lead3, cont } = byteClasses(name);
    const one = `(?:${lead2}${cont}|${lead3}${cont}{2})`;
    return new RegExp(`[A-Za-z]${one}|${one}[a-z]`, 'gu');
  }),
  // For Latin code pages: a capital lead byte right after a lowercase letter ("participaciĂł").
  ...['windows-1252', 'windows-1250', 'iso-8859-2'].map((name) => {
    const { lead2, cont } = byteClasses(name, (c) => c !== c.toLowerCase());
    return new RegExp(`[a-z]${lead2}${cont}`, 'gu');
  }),
];

/**
 * A cheap necessary condition for any rule to match, so that the rules run only on text that can
 * match them: a C1 control, "Â" or "Ã" before a space, or two non-ASCII characters in a row of
 * which one is not a plain Greek or Cyrillic letter. Every mojibake of a multi-byte character
 * leaves one of these; English with curly quotes, or Russian and Greek without rare letters, has none.
 */
export function mayBeBad(text: string): boolean {
  let prevHigh = false;
  let prevTrigger = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20 && (text.charCodeAt(i - 1) === 0xc2 || text.charCodeAt(i - 1) === 0xc3)) return true;
      prevHigh = false;
      continue;
    }
    if (c < 0xa0) return true;
    const trigger = !((c >= 0x391 && c <= 0x3c9) || (c >= 0x410 && c <= 0x44f));
    if (prevHigh && (trigger || prevTrigger)) return true;
    prevHigh = true;
    prevTrigger = trigger;
  }
  return false;
}

/** The number of mojibake-looking sequences in the text. */
export function badness(text: string): number {
  if (!mayBeBad(text)) return 0;
  let n = 0;
  BADNESS_RE.lastIndex = 0;
  while (BADNESS_RE.exec(text) !== null) n++;
  for (const re of SEQUENCE_RES) {
    re.lastIndex = 0;
    while (re.exec(text) !== null) n++;
  }
  return n;
}

export function isBad(text: string): boolean {
  if (!mayBeBad(text)) return false;
  BADNESS_RE.lastIndex = 0;
  if (BADNESS_RE.test(text)) return true;
  return SEQUENCE_RES.some((re) => {
    re.lastIndex = 0;
    return re.test(text);
  });
}

// ---------------------------------------------------------------------------------------------
// Weirdness: what no code page round trip should leave behind. It tells apart two re-decodings
// that both look clean to `badness` (windows-1253 against ISO-8859-7 for Greek, say). The runner's
// `plausibility` (pipeline/run/decode.ts) measures something else: how well readings of the same
// bytes in different code pages read as text, rewarding letters, so the two stay apart.

const enum Kind {
  Other = 0,
  Lower = 1,
  Upper = 2,
  Uncased = 3,
  Mark = 4,
  Junk = 5,
}

const kinds = new Uint8Array(0x10000).fill(255);
const MIXED_UP_SCRIPTS: string[] = ['Latin', 'Greek', 'Cyrillic', 'Arabic', 'Hebrew', 'Armenian', 'Han', 'Hiragana', 'Katakana', 'Hangul'];

const LOWER = /\p{Ll}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const JUNK = /[\p{Co}\p{Cn}\p{Cs}]/u;

function kindOf(c: number): Kind {
  let k = kinds[c] as number;
  if (k === 255) {
    const ch = String.fromCharCode(c);
    if (LOWER.test(ch)) k = Kind.Lower;
    else if (UPPER.test(ch)) k = Kind.Upper;
    else if (LETTER.test(ch)) k = Kind.Uncased;
    else if (MARK.test(ch)) k = Kind.Mark;
    else if ((c >= 0x80 && c < 0xa0) || JUNK.test(ch)) k = Kind.Junk;
    else k = Kind.Other;
    kinds[c] = k;
  }
  return k as Kind;
}

/** 1 + index in MIXED_UP_SCRIPTS for the alphabetic scripts that mojibake mixes up, 0 for any other. */
function scriptOf(c: number): number {
  return MIXED_UP_SCRIPTS.indexOf(unicodeScript(c)) + 1;
}

/**
 * Counts what correct text seldom has: an uppercase non-ASCII letter right after a lowercase one,
 * adjacent letters of two alphabets (Latin next to Cyrillic), a combining mark on no letter, and
 * C1 controls, private-use or unassigned characters.
 */
export function weirdness(text: string): number {
  let n = 0;
  let prevKind = Kind.Other;
  let prevScript = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
      if (letter && prevScript > 1) n++;
      prevKind = letter ? (c >= 0x61 ? Kind.Lower : Kind.Upper) : Kind.Other;
      prevScript = letter ? 1 : 0;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      prevKind = Kind.Other;
      prevScript = 0;
      continue;
    }
    const kind = kindOf(c);
    if (kind === Kind.Junk) n++;
    else if (kind === Kind.Mark) {
      if (prevKind !== Kind.Lower && prevKind !== Kind.Upper && prevKind !== Kind.Uncased && prevKind !== Kind.Mark) n++;
      prevKind = Kind.Mark;
      continue;
    }
    const script = kind === Kind.Lower || kind === Kind.Upper || kind === Kind.Uncased ? scriptOf(c) : 0;
    if (kind === Kind.Upper && prevKind === Kind.Lower) n++;
    if (script > 0 && prevScript > 0 && script !== prevScript) n++;
    prevKind = kind;
    prevScript = script;
  }
  return n;
}
