// Features of one block that tell article prose from page chrome without knowing the site:
// how long it is (in words, CJK characters weighted like words), how much of it is function
// words of the body's language, how much is URLs, how it ends, and which script it is written in.
// One pass over the text per feature family; every pattern is linear.
import { foldWord, stopwordsFor } from '../../pipeline/core/stopwords.ts';

export interface BlockFeatures {
  /** Non-space characters. */
  chars: number;
  /** Letters of any script. */
  letters: number;
  /** Word-like tokens; each CJK character counts as one. */
  tokens: number;
  /** Length in word equivalents: words of spaced scripts plus CJK characters / 1.7. */
  words: number;
  /** Share of tokens that are stopwords of the body's language (or of the block's own language). */
  stopwordDensity: number;
  /** Share of the characters inside URLs, e-mail addresses or bare domain names. */
  urlDensity: number;
  /** Sentence-ending punctuation marks inside the block. */
  sentenceMarks: number;
  /** Commas and other in-sentence punctuation. */
  commas: number;
  /** The block ends like a sentence. */
  endsLikeSentence: boolean;
  /** Share of letters that are capitals (of the cased letters). */
  upperRatio: number;
  /** Share of the characters that are digits. */
  digitRatio: number;
  /** Wide gaps (tabs, runs of spaces) not after a sentence end: the seams of list items flattened into one line. */
  seams: number;
  /** Single spaces between CJK characters (not in letter-spaced text): seams of a flattened list in Chinese or Japanese. */
  cjkGaps: number;
  /** The block ends cut short ("…", "..."), as teaser snippets do. */
  truncated: boolean;
  /** Clock times ("20:06") in the block: lists of dated teasers carry many. */
  timestamps: number;
  /** The block holds tab characters (table cells or list items joined). */
  tabbed: boolean;
  /** The script most of the letters are in: `Latin`, `Cyrillic`, `Greek`, `Han`, … or `none`. */
  script: string;
}

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const TOKEN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]|[\p{L}\p{M}\p{N}'’-]+/gu;
const URL = /(?<![\w.\/-])(?:(?:https?:\/\/|www\.)[\x21\x23-\x3b\x3d\x3f-\x7e]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}|[\w-]{1,63}(?:\.[\w-]{1,63}){0,5}\.(?:com|net|org|info|biz|io|ai|gov|edu|ru|gr|pl|cn|de|fr|es|it|pt|br|uk|eu|us|ua|by|kz|tv|fm|me|co|jp|kr|in|tw|hk)\b(?:\/[\x21\x23-\x3b\x3d\x3f-\x7e]{0,2000})?)/giu;
const SENTENCE_MARK = /(?<!\p{N})[.!?…。！？]+|[.!?…。！？]+(?!\p{N})/gu;
const COMMA = /[,;，、；：]|:(?!\p{N})/gu;
const TIMESTAMP = /(?<!\p{N})\d{1,2}:\d{2}(?!\p{N})/gu;
const ENDS_SENTENCE = /[.!?…。！？:;"”»’)\]]$/u;
const SPACES = /\s/gu;
const SEAM = /[^\s.!?…。！？"”'’»)\]](?:\t|[ \u00a0\u3000]{2,})\s*(?=\S)/gu;
// Chinese and Japanese prose has no spaces between characters: a single space between two of them
// is a seam as well (headlines of a teaser list run together: "唐飛談大聯合政府 酷酷嫂來了 老阿公…").
const CJK_GAP = /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[ \u00a0\u3000](?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu;
const TRUNCATED = /[\p{L}\p{N},;]\s?(?:\.{3}|…)\s*$/u;

// The Unicode classes of a code point, as bits; computed on first sight and kept (the BMP and the
// next two planes, 192 KB).
const SPACE = 1;
const DIGIT = 2;
const LETTER = 4;
const UPPER_CASE = 8;
const LOWER_CASE = 16;
const KNOWN = 32;
const classes = new Uint8Array(0x30000);
function classOf(code: number): number {
  const known = code < classes.length ? (classes[code] as number) : 0;
  if (known & KNOWN) return known;
  const ch = String.fromCodePoint(code);
  let c = KNOWN;
  if (/\s/u.test(ch)) c |= SPACE;
  else if (/\p{N}/u.test(ch)) c |= DIGIT;
  else if (/\p{L}/u.test(ch)) c |= LETTER | (/\p{Lu}/u.test(ch) ? UPPER_CASE : 0) | (/\p{Ll}/u.test(ch) ? LOWER_CASE : 0);
  if (code < classes.length) classes[code] = c;
  return c;
}

export function blockFeatures(text: string, lang: string, blockLang?: string): BlockFeatures {
  // One pass over the code points counts spaces, digits, letters, capitals and scripts; the
  // Unicode classes of a code point are looked up once per process (see classOf).
  let spaces = 0;
  let digits = 0;
  let letters = 0;
  let upper = 0;
  let lower = 0;
  const scriptCount = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const c = classOf(code);
    if (c & SPACE) spaces++;
    else if (c & DIGIT) digits++;
    else if (c & LETTER) {
      letters++;
      if (c & UPPER_CASE) upper++;
      else if (c & LOWER_CASE) lower++;
      const script = scriptOf(code);
      scriptCount.set(script, (scriptCount.get(script) ?? 0) + 1);
    }
  }
  const chars = text.length - spaces;
  const cased = upper + lower;
  let script = 'none';
  let best = 0;
  for (const [s, n] of scriptCount) {
    if (n > best || (n === best && s < script)) {
      script = s;
      best = n;
    }
  }

  const tokens = text.toLowerCase().match(TOKEN) ?? [];
  let cjk = 0;
  let stop = 0;
  let stopOwn = 0;
  const stopwords = stopwordsFor(lang);
  const ownStopwords = blockLang && blockLang !== lang ? stopwordsFor(blockLang) : null;
  for (const token of tokens) {
    if (CJK.test(token)) cjk++;
    const folded = foldWord(token);
    if (stopwords.has(folded)) stop++;
    if (ownStopwords?.has(folded)) stopOwn++;
  }
  const words = tokens.length - cjk + cjk / 1.7;
  let urlChars = 0;
  for (const m of text.matchAll(URL)) urlChars += m[0].length;
  return {
    chars,
    letters,
    tokens: tokens.length,
    words,
    stopwordDensity: tokens.length === 0 ? 0 : Math.max(stop, stopOwn) / tokens.length,
    urlDensity: chars === 0 ? 0 : Math.min(1, urlChars / chars),
    sentenceMarks: text.match(SENTENCE_MARK)?.length ?? 0,
    commas: text.match(COMMA)?.length ?? 0,
    endsLikeSentence: ENDS_SENTENCE.test(text.trimEnd()),
    upperRatio: cased === 0 ? 0 : upper / cased,
    digitRatio: chars === 0 ? 0 : digits / chars,
    script,
    tabbed: text.includes('\t'),
    timestamps: text.match(TIMESTAMP)?.length ?? 0,
    truncated: TRUNCATED.test(text.slice(-12)),
    seams: text.match(SEAM)?.length ?? 0,
    cjkGaps: cjkSeams(text, cjk),
  };
}

/**
 * Single spaces between CJK characters, as seams; none when the text is letter-spaced (a space
 * after most characters, "紅 磡 華 豐 街"), which is a typographic style, not a list.
 */
function cjkSeams(text: string, cjkTokens: number): number {
  if (cjkTokens < 4) return 0;
  const gaps = text.match(CJK_GAP)?.length ?? 0;
  return gaps * 2 > cjkTokens ? 0 : gaps;
}

// Code point ranges of the scripts that matter for telling a page's chrome from its body.
const SCRIPT_RANGES: [number, number, string][] = [
  [0x0000, 0x024f, 'Latin'], [0x0370, 0x03ff, 'Greek'], [0x0400, 0x052f, 'Cyrillic'], [0x0530, 0x058f, 'Armenian'],
  [0x0590, 0x05ff, 'Hebrew'], [0x0600, 0x06ff, 'Arabic'], [0x0750, 0x077f, 'Arabic'], [0x0900, 0x097f, 'Devanagari'],
  [0x0e00, 0x0e7f, 'Thai'], [0x0e80, 0x0eff, 'Lao'], [0x1000, 0x109f, 'Myanmar'], [0x1780, 0x17ff, 'Khmer'], [0x10a0, 0x10ff, 'Georgian'], [0x1100, 0x11ff, 'Hangul'], [0x1e00, 0x1eff, 'Latin'],
  [0x1f00, 0x1fff, 'Greek'], [0x3040, 0x30ff, 'Han'], [0x3400, 0x4dbf, 'Han'], [0x4e00, 0x9fff, 'Han'],
  [0xac00, 0xd7af, 'Hangul'], [0xf900, 0xfaff, 'Han'], [0xff21, 0xff5a, 'Latin'], [0x20000, 0x3134f, 'Han'],
];

function scriptOf(code: number): string {
  if (code < 0x250) return 'Latin';
  for (const [from, to, name] of SCRIPT_RANGES) if (code >= from && code <= to) return name;
  return 'Other';
}
