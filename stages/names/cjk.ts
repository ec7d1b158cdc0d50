// People in Chinese, Japanese and Korean script, which the tagger (trained on languages that
// capitalise names and put spaces between words) cannot see: a surname from the lists of
// data/cjk-names.json with a short given name, kept when a title stands before it (国防部长董军)
// or a title or verb after it (王毅参加, 岸田文雄首相, 윤석열 대통령). A foreign name written in
// transcription characters counts after a title (国务卿鲁比奥). Also Chinese names in Cyrillic
// (Palladius: Ван И, Си Цзиньпином), which the tagger reads as two unknown words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chineseFromCyrillic } from './palladius.ts';
import { type Token, WordToken } from './tokens.ts';

interface CjkData {
  chineseSurnames: string[];
  japaneseSurnames: string[];
  koreanSurnames: string[];
  transliteration: string;
  titlesBefore: string[];
  cuesAfter: string[];
  koreanTitlesAfter: string[];
}

let data:
  | (CjkData & {
      chinese: Set<string>;
      japanese: Set<string>;
      korean: Set<string>;
      /** The transcription characters, by code unit (a character past Latin-1 read as a string is a new string each time). */
      foreign: Set<number>;
      /** The cues after a name that stand after a surname alone: longer than a character, or 氏. */
      cuesAfterSurname: string[];
      /** The first code unit of every Chinese and Japanese surname: most characters open none. */
      surnameOpeners: Set<number>;
    })
  | undefined;

function lists() {
  if (data !== undefined) return data;
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, 'data', 'cjk-names.json'), 'utf8')) as CjkData;
  // The sets below hold code units: a character past U+FFFF would be half of one.
  // (A surname is tested by its first character.)
  for (const text of [...raw.transliteration, ...raw.chineseSurnames, ...raw.japaneseSurnames]) {
    if ((text.codePointAt(0) ?? 0) > 0xffff) throw new Error(`names: cjk-names.json: ${text} opens past U+FFFF`);
  }
  data = {
    ...raw,
    chinese: new Set(raw.chineseSurnames),
    japanese: new Set(raw.japaneseSurnames),
    korean: new Set(raw.koreanSurnames),
    foreign: new Set([...raw.transliteration].map((ch) => ch.charCodeAt(0))),
    cuesAfterSurname: raw.cuesAfter.filter((c) => c.length > 1 || c === '氏'),
    surnameOpeners: new Set([...raw.chineseSurnames, ...raw.japaneseSurnames].map((s) => s.charCodeAt(0))),
  };
  return data;
}

const HAN_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}·]+/gu;
const HANGUL_WORD = /\p{Script=Hangul}+/gu;

const startsWithAny = (s: string, list: string[]) => list.some((w) => s.startsWith(w));
const endsWithAny = (s: string, list: string[]) => list.some((w) => s.endsWith(w));

function wordToken(text: string, start: number): Token {
  return new WordToken(text, start, start + text.length, 'word', true, false, false, false);
}

/** Whether a title of the lists ends right before `i` of a run. */
const titleEndsAt = (run: string, i: number): boolean => endsWithAny(run.slice(Math.max(0, i - 6), i), lists().titlesBefore);

/** The name starting at `i` of a run of Han characters, or null. */
function hanNameAt(run: string, i: number): string | null {
  const d = lists();
  // Whether a title ends right before `i`: asked only where it can matter (it was asked at every
  // character of every run, against every title).
  // Kept in a variable, not a closure: tsx names each closure it makes at run time (`__name`), and
  // this function runs at every character of a run.
  let titledBefore: boolean | undefined;
  // A foreign name in transcription characters, after a title: 国务卿鲁比奥.
  if (d.foreign.has(run.charCodeAt(i)) && (titledBefore ??= titleEndsAt(run, i))) {
    let j = i;
    while (j < run.length && d.foreign.has(run.charCodeAt(j)) && !startsWithAny(run.slice(j), d.cuesAfter)) j++;
    if (j - i >= 2) return run.slice(i, j);
  }
  // Both surnames tried below open with this code unit.
  if (!d.surnameOpeners.has(run.charCodeAt(i))) return null;
  for (const surname of [run.slice(i, i + 2), run.slice(i, i + 1)]) {
    const chinese = d.chinese.has(surname);
    const japanese = d.japanese.has(surname);
    if (!chinese && !japanese) continue;
    // A title or verb right after the surname: a Japanese surname alone (岸田首相), else no name.
    const rest = run.slice(i + surname.length);
    if (startsWithAny(rest, d.cuesAfterSurname)) {
      if (japanese) return surname;
      continue;
    }
    // Given names of one or two characters (Chinese), up to two (Japanese), longest first.
    for (const given of [2, 1]) {
      const end = i + surname.length + given;
      if (end > run.length) continue;
      const name = run.slice(i, end);
      if (KANA_OR_DOT.test(name) || d.cuesAfter.includes(name)) continue;
      // A given name holds no particle or title: 中方对此 is no name, 石破茂氏 is 石破茂.
      const givenPart = run.slice(i + surname.length, end);
      if ([...givenPart].some((ch, k) => k > 0 ? startsWithAny(run.slice(i + surname.length + k), d.cuesAfter) : d.cuesAfter.includes(ch))) continue;
      const after = run.slice(end);
      if ((after === '' && (titledBefore ??= titleEndsAt(run, i))) || (after !== '' && startsWithAny(after, d.cuesAfter) && (given > 0 || (titledBefore ??= titleEndsAt(run, i))))) return name;
    }
  }
  return null;
}

/** The longest name of `known` (four characters to two) at `i` of a run, if any. */
function knownAt(known: Set<string>, run: string, i: number): string | undefined {
  if (known.size === 0) return undefined;
  for (let n = 4; n >= 2; n--) {
    const s = run.slice(i, i + n);
    if (known.has(s)) return s;
  }
  return undefined;
}

/** People written in Han characters (Chinese, Japanese) and in Hangul (Korean). */
/**
 * Every character of these scripts (and a few others) is in one of these ranges, by code unit; a
 * text with none of them has no name in them, and is not read twice more for one.
 */
const MAY_HOLD_CJK = /[\u1100-\u11ff\u2e80-\ua97f\uac00-\udbff\uf900-\ufaff\uff00-\uffef]/;

export function cjkNames(text: string): Token[] {
  if (!MAY_HOLD_CJK.test(text)) return [];
  const d = lists();
  const found: Token[] = [];
  const known = new Set<string>();
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    let i = 0;
    while (i < run.length) {
      // A name the document already gave comes first: 董军将访问 is 董军, then 将.
      const name = knownAt(known, run, i) ?? hanNameAt(run, i);
      if (name === null) {
        i++;
        continue;
      }
      known.add(name);
      found.push(wordToken(name, m.index + i));
      i += name.length;
    }
  }
  for (const m of text.matchAll(HANGUL_WORD)) {
    const word = m[0];
    if (!d.korean.has(word[0] as string) || word.length < 2) continue;
    const next = text.slice(m.index + word.length).trimStart();
    // 윤석열 대통령, 김정은 국무위원장이: a name of three syllables (two, rarely) before a title.
    const name = word.length >= 3 ? word.slice(0, 3) : word;
    if (startsWithAny(next, d.koreanTitlesAfter) || (word.length > 3 && startsWithAny(word.slice(3), d.koreanTitlesAfter))) found.push(wordToken(name, m.index));
  }
  return found.sort((a, b) => a.start - b.start);
}

// A module constant: tsx (esbuild for Node 20) turns a literal with `\p{...}` into `new RegExp(...)`
// where it stands, which in a function builds the expression again at each call.
const CYRILLIC = /\p{Script=Cyrillic}/u;
const KANA_OR_DOT = /[\p{Script=Hiragana}\p{Script=Katakana}·]/u;

/**
 * Chinese names in Cyrillic: a Palladius surname and given name (Ван И, Си Цзиньпином). A one-letter
 * given name with a period after it (Ван И.) is the name's end and the sentence's, not an initial:
 * the token is made a word and the next word opens a sentence.
 */
export function cyrillicChineseNames(tokens: Token[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as Token;
    const b = tokens[i + 1] as Token;
    if (a.kind !== 'word' || !a.capitalized || !CYRILLIC.test(a.text)) continue;
    if (!(b.kind === 'word' || b.kind === 'initial') || !b.capitalized) continue;
    const given = b.kind === 'initial' ? b.text.slice(0, -1) : b.text;
    if (chineseFromCyrillic([a.text, given]) === null) continue;
    if (b.kind === 'initial') {
      b.kind = 'word';
      b.text = given;
      b.end -= 1;
      const period = new WordToken('.', b.end, b.end + 1, 'punct', false, false, false, b.possessive);
      period.headline = b.headline;
      tokens.splice(i + 2, 0, period);
      const next = tokens[i + 3];
      if (next !== undefined) next.sentenceStart = true;
    }
    spans.push([i, i + 1]);
    i++;
  }
  return spans;
}
