// Features of one block that tell article prose from page chrome without knowing the site:
// how long it is (in words, CJK characters weighted like words), how much of it is function
// words of the body's language, how much is URLs, how it ends, and which script it is written in.
// One pass over the text per feature family; every pattern is linear.
import { readFileSync } from 'node:fs';
import { foldWord, stopwordsFor } from '../../pipeline/core/stopwords.ts';
import { DIGIT, kindOf, LETTER, LOWER, scriptOf as unicodeScript, SPACE, UPPER } from '../../pipeline/core/text.ts';

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
/** TOKEN's two alternatives, for one character. */
const TOKEN_SINGLE_CHAR = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]$/u;
const TOKEN_RUN_CHAR = /^[\p{L}\p{M}\p{N}'’-]$/u;
/** Top-level domains that make a bare name ("reuters.com") a domain: data/domains.json. */
const TLDS = (JSON.parse(readFileSync(new URL('./data/domains.json', import.meta.url), 'utf8')) as { tlds: string[] }).tlds;
const URL_LIKE = new RegExp(
  String.raw`(?<![\w.\/-])(?:(?:https?:\/\/|www\.)[\x21\x23-\x3b\x3d\x3f-\x7e]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}|[\w-]{1,63}(?:\.[\w-]{1,63}){0,5}\.(?:${TLDS.join('|')})\b(?:\/[\x21\x23-\x3b\x3d\x3f-\x7e]{0,2000})?)`,
  'giu',
);
// Sentence marks and commas are counted in the pass over the characters, as these patterns would
// count their matches: SENTENCE_MARK /(?<!\p{N})[.!?…。！？]+|[.!?…。！？]+(?!\p{N})/gu and
// COMMA /[,;，、；：]|:(?!\p{N})/gu.
const TIMESTAMP = /(?<!\p{N})\d{1,2}:\d{2}(?!\p{N})/gu;
/** How a sentence ends (its last character, spaces aside): the pattern /[.!?…。！？:;"”»’)\]]$/u on the text without its final spaces, read as one character. */
const SENTENCE_ENDINGS = new Set([...'.!?…。！？:;"”»’)]'].map((ch) => ch.charCodeAt(0)));
const SPACES = /\s/gu;
const SEAM = /[^\s.!?…。！？"”'’»)\]](?:\t|[ \u00a0\u3000]{2,})\s*(?=\S)/gu;
// Chinese and Japanese prose has no spaces between characters: a single space between two of them
// is a seam as well (headlines of a teaser list run together: "唐飛談大聯合政府 酷酷嫂來了 老阿公…").
const CJK_GAP = /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[ \u00a0\u3000](?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu;
/** What every URL, address or domain that `URL_LIKE` finds holds (the same flags: the same letters and word ends). */
const URL_HINT = new RegExp(String.raw`:\/\/|www\.|@|\.(?:${TLDS.join('|')})\b`, 'iu');
const TRUNCATED = /[\p{L}\p{N},;]\s?(?:\.{3}|…)\s*$/u;
/** A word as `foldWord` folds it; an ASCII word is its own fold and is not looked up (not even by a regular expression). */
export function foldToken(token: string): string {
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) > 0x7f) return foldWord(token);
  return token;
}

/** The block's features (facts.ts remembers those of short blocks). */
export function blockFeatures(text: string, lang: string, blockLang?: string): BlockFeatures {
  return measureBlock(text, lang, blockLang);
}

function measureBlock(text: string, lang: string, blockLang?: string): BlockFeatures {
  const stopwords = stopwordsFor(lang);
  const ownStopwords = blockLang && blockLang !== lang ? stopwordsFor(blockLang) : null;
  // Words are compared with stopwords only when there are any, in lower case. Lower case keeps
  // every character's class (letter, mark, number, script) and, but for "İ", its length: the
  // tokens are found in the text and read in `lowered` at the same places.
  const compare = stopwords.size > 0 || (ownStopwords !== null && ownStopwords.size > 0);
  const lowered = compare ? text.toLowerCase() : text;
  const aligned = lowered.length === text.length;
  // One pass over the code points counts spaces, digits, letters, capitals and scripts, finds the
  // tokens (TOKEN: a CJK character alone, or a run of letters, marks, numbers, apostrophes and
  // hyphens) and notes what the patterns below need (a tab or two spaces in a row), from one
  // table read per character (see `charInfo`).
  let spaces = 0;
  let digits = 0;
  let letters = 0;
  let upper = 0;
  let lower = 0;
  let wideGap = false;
  let previousGap = false;
  let sentenceMarks = 0;
  let commas = 0;
  let markRun = 0;
  let markRunAfterNumber = false;
  let previousNumber = false;
  let colonBefore = false;
  let tokens = 0;
  let cjk = 0;
  let stop = 0;
  let stopOwn = 0;
  let runStart = -1;
  let runCjk = false;
  // A token whose characters all fold to themselves (`foldsToItself`: most words of most pages,
  // whose fold is the token itself) is hashed as the pass reads it, from `lowered`, and looked up
  // by its hash among the lists' words (`hashedWords`): no string made for it. Another is folded
  // and looked up as a string.
  let runPlain = false;
  // What the patterns after the pass need, so that each runs only on a block that has it: a tab
  // (`tabbed`), a colon (TIMESTAMP), and for URL_HINT an "@", a colon or a dot before a character
  // other than a space (every URL, address and domain that URL_LIKE finds holds one of them).
  let tab = false;
  let colon = false;
  let urlMark = false;
  let previousDot = false;
  let runHash = 0;
  const hashedStop = compare && aligned ? hashedWords(stopwords) : null;
  const hashedOwn = compare && aligned && ownStopwords !== null ? hashedWords(ownStopwords) : null;
  const scriptCount = scriptCounts.fill(0);
  for (let i = 0; i <= text.length; i++) {
    const at = i;
    let code = i < text.length ? text.charCodeAt(i) : -1;
    if (code >= 0xd800 && code <= 0xdbff) {
      code = text.codePointAt(i) as number;
      if (code > 0xffff) i++;
    }
    // The end of the text closes the last run like a character outside every class.
    const info = code === -1 ? 0 : charInfo(code);
    if (runStart !== -1) {
      if (info & TOKEN_CHAR) {
        if (info & CJK_CHAR) runCjk = true;
        if (runPlain) {
          const c = code > 0xffff ? -1 : lowered.charCodeAt(at);
          if (c !== -1 && foldsToItself(c)) runHash = Math.imul(runHash ^ c, 0x01000193);
          else runPlain = false;
        }
      } else {
        tokens++;
        if (runCjk) cjk++;
        if (compare && aligned) {
          if (runPlain) {
            if (isHashedWord(hashedStop as HashedWords, runHash, lowered, runStart, at)) stop++;
            if (hashedOwn !== null && isHashedWord(hashedOwn, runHash, lowered, runStart, at)) stopOwn++;
          } else {
            const folded = foldToken(lowered.slice(runStart, at));
            if (stopwords.has(folded)) stop++;
            if (ownStopwords?.has(folded)) stopOwn++;
          }
        }
        runStart = -1;
      }
    }
    if (runStart === -1) {
      if (info & SINGLE_CHAR) {
        tokens++;
        cjk++;
        if (compare && aligned) {
          const c = code > 0xffff ? -1 : lowered.charCodeAt(at);
          if (c !== -1 && foldsToItself(c)) {
            const hash = Math.imul(0x811c9dc5 ^ c, 0x01000193);
            if (isHashedWord(hashedStop as HashedWords, hash, lowered, at, at + 1)) stop++;
            if (hashedOwn !== null && isHashedWord(hashedOwn, hash, lowered, at, at + 1)) stopOwn++;
          } else {
            const folded = foldToken(lowered.slice(at, i + 1));
            if (stopwords.has(folded)) stop++;
            if (ownStopwords?.has(folded)) stopOwn++;
          }
        }
      } else if (info & TOKEN_CHAR) {
        runStart = at;
        runCjk = (info & CJK_CHAR) !== 0;
        const c = code > 0xffff || !compare || !aligned ? -1 : lowered.charCodeAt(at);
        runPlain = c !== -1 && foldsToItself(c);
        runHash = runPlain ? Math.imul(0x811c9dc5 ^ c, 0x01000193) : 0;
      }
    }
    // SENTENCE_MARK's matches: a run of marks is one, unless it stands between two numbers ("3.5":
    // none; "3..5": two). COMMA's: a comma or the like, or a colon not before a number.
    const number = (info & DIGIT) !== 0;
    const mark = code === -1 ? NO_MARK : punctuationOf(code);
    if (markRun > 0 && mark !== SENTENCE) {
      if (!markRunAfterNumber || !number) sentenceMarks++;
      else if (markRun >= 2) sentenceMarks += 2;
      markRun = 0;
    }
    if (colonBefore && !number) commas++;
    colonBefore = mark === COLON;
    if (mark === SENTENCE) {
      if (markRun === 0) markRunAfterNumber = previousNumber;
      markRun++;
    } else if (mark === COMMA_LIKE) commas++;
    previousNumber = number;
    if (code === -1) break;
    if (code === 0x3a) colon = urlMark = true;
    else if (code === 0x40 || (previousDot && !(info & SPACE))) urlMark = true;
    else if (code === 0x09) tab = true;
    previousDot = code === 0x2e;
    if (info & GAP_CHAR) {
      if (previousGap || code === 0x09) wideGap = true;
      previousGap = true;
    } else previousGap = false;
    if (info & SPACE) spaces++;
    else if (info & DIGIT) digits++;
    else if (info & LETTER) {
      letters++;
      if (info & UPPER) upper++;
      else if (info & LOWER) lower++;
      (scriptCount[info >> SCRIPT_SHIFT] as number)++;
    }
  }
  if (compare && !aligned) [stop, stopOwn] = stopwordsByPattern(lowered, stopwords, ownStopwords);
  const chars = text.length - spaces;
  const cased = upper + lower;
  let script = 'none';
  let best = 0;
  // The most frequent script; on a tie, the first name in alphabetical order.
  for (let k = 0; k < SCRIPT_NAMES.length; k++) {
    const n = scriptCount[k] as number;
    const s = SCRIPT_NAMES[k] as string;
    if (n > best || (n === best && n > 0 && s < script)) {
      script = s;
      best = n;
    }
  }
  const words = tokens - cjk + cjk / 1.7;
  let urlChars = 0;
  // Every URL, address or domain holds "://", "www.", "@" or a dot and a top-level domain: the
  // pattern (which tries every word at every letter) runs only on the blocks that hold one.
  if (urlMark && URL_HINT.test(text)) for (const m of text.matchAll(URL_LIKE)) urlChars += m[0].length;
  // The last character but spaces says whether the block ends like a sentence; only a block ending
  // in "…" or "..." can be cut short (TRUNCATED), so the pattern runs on no other. (Both patterns
  // ran on every block; TRUNCATED alone took 9% of the features' time in a profile of the slice.)
  const trimmed = text.trimEnd();
  const last = trimmed.length === 0 ? -1 : trimmed.charCodeAt(trimmed.length - 1);
  return {
    chars,
    letters,
    tokens,
    words,
    stopwordDensity: tokens === 0 ? 0 : Math.max(stop, stopOwn) / tokens,
    urlDensity: chars === 0 ? 0 : Math.min(1, urlChars / chars),
    sentenceMarks,
    commas,
    endsLikeSentence: SENTENCE_ENDINGS.has(last),
    upperRatio: cased === 0 ? 0 : upper / cased,
    digitRatio: chars === 0 ? 0 : digits / chars,
    script,
    tabbed: tab,
    timestamps: colon ? (text.match(TIMESTAMP)?.length ?? 0) : 0,
    truncated: (last === 0x2026 || trimmed.endsWith('...')) && TRUNCATED.test(text.slice(-12)),
    seams: wideGap ? (text.match(SEAM)?.length ?? 0) : 0,
    cjkGaps: cjkSeams(text, cjk),
  };
}

const NO_MARK = 0;
const SENTENCE = 1;
const COMMA_LIKE = 2;
const COLON = 3;

/**
 * A stopword list's words, by their hash (`wordHash`): an open-addressing table of slots (a word's
 * index + 1, 0 for none; at most half full), so that a token hashed while it is read is looked up
 * without a string made for it.
 */
export interface HashedWords {
  words: string[];
  slots: Int32Array;
  mask: number;
}
const hashedWordsOf = new WeakMap<Set<string>, HashedWords>();

/** FNV-1a over a string's code units, as `measureBlock` hashes a token while it reads it. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

function hashedWords(list: Set<string>): HashedWords {
  let table = hashedWordsOf.get(list);
  if (table === undefined) {
    const words = [...list];
    let size = 16;
    while (size < words.length * 2) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    words.forEach((w, k) => {
      let slot = wordHash(w) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    });
    table = { words, slots, mask };
    hashedWordsOf.set(list, table);
  }
  return table;
}

/** Whether `lowered`'s code units from `start` to `end` (hashed to `hash`) are one of the words. */
function isHashedWord(table: HashedWords, hash: number, lowered: string, start: number, end: number): boolean {
  const { words, slots, mask } = table;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const k = slots[slot] as number;
    if (k === 0) return false;
    const w = words[k - 1] as string;
    if (w.length === end - start && lowered.startsWith(w, start)) return true;
  }
}

/** A stopword list as `plainStopword` looks words up in it (made once per list). */
export function stopwordTable(list: Set<string>): HashedWords {
  return hashedWords(list);
}

/**
 * Whether `lowered`'s code units from `start` to `end` are one of the table's words, when each of
 * them folds to itself (the run is then its own fold, `foldToken`): no string made for it. Null
 * when one does not (the caller folds the run as a string).
 */
export function plainStopword(table: HashedWords, lowered: string, start: number, end: number): boolean | null {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = lowered.charCodeAt(i);
    if (!foldsToItself(c)) return null;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return isHashedWord(table, hash, lowered, start, end);
}

/** Per code unit of the Basic Multilingual Plane: 0 not yet asked, 1 folds to itself, 2 not. */
const selfFolds = new Uint8Array(0x10000);

/**
 * Whether a code unit (not a surrogate's) folds to itself: a token made only of such is its own
 * fold (`foldToken`). Surrogates and Hangul jamo are folded with their neighbours (`foldWord`):
 * a token holding one is folded whole.
 */
function foldsToItself(c: number): boolean {
  if (c < 0x80) return true;
  let known = selfFolds[c] as number;
  if (known === 0) {
    const ch = String.fromCharCode(c);
    known = selfFolds[c] = (c >= 0xd800 && c <= 0xdfff) || (c >= 0x1100 && c <= 0x11ff) || foldWord(ch) !== ch ? 2 : 1;
  }
  return known === 1;
}

/** Which of SENTENCE_MARK's and COMMA's characters a code point is, if any. */
function punctuationOf(code: number): number {
  if (code < 0x80) {
    if (code === 0x2e || code === 0x21 || code === 0x3f) return SENTENCE;
    if (code === 0x2c || code === 0x3b) return COMMA_LIKE;
    return code === 0x3a ? COLON : NO_MARK;
  }
  if (code < 0x2026) return NO_MARK;
  if (code === 0x2026 || code === 0x3002 || code === 0xff01 || code === 0xff1f) return SENTENCE;
  if (code === 0xff0c || code === 0x3001 || code === 0xff1b || code === 0xff1a) return COMMA_LIKE;
  return NO_MARK;
}

/** Stopwords among the tokens of a lower-case text, by the pattern (for a text whose lower case changed its length). */
function stopwordsByPattern(lowered: string, stopwords: Set<string>, ownStopwords: Set<string> | null): [number, number] {
  let stop = 0;
  let stopOwn = 0;
  for (const token of lowered.match(TOKEN) ?? []) {
    const folded = foldToken(token);
    if (stopwords.has(folded)) stop++;
    if (ownStopwords?.has(folded)) stopOwn++;
  }
  return [stop, stopOwn];
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

// What `measureBlock` reads of a code point, in one number: its kind (the bits of core/text.ts's
// `kindOf`), whether it is of a CJK script (`CJK`), whether it may make a wide gap (a tab, a
// space, a no-break or an ideographic space: `SEAM`), and its script's index in SCRIPT_NAMES.
const CJK_CHAR = 64;
const GAP_CHAR = 128;
const KNOWN_CHAR = 256;
/** A character of TOKEN's runs: a letter, a mark, a number, an apostrophe or a hyphen. */
const TOKEN_CHAR = 512;
/** A character that is a token alone where a token starts: Han, kana, Thai, Lao, Khmer, Myanmar. */
const SINGLE_CHAR = 1024;
const SCRIPT_SHIFT = 11;
const charTable = new Uint16Array(0x40000);

function charInfo(code: number): number {
  if (code < charTable.length) {
    const known = charTable[code] as number;
    if (known !== 0) return known;
    return (charTable[code] = lookUpChar(code));
  }
  return lookUpChar(code);
}

function lookUpChar(code: number): number {
  const ch = String.fromCodePoint(code);
  let info = KNOWN_CHAR | (kindOf(code) & (LETTER | UPPER | LOWER | DIGIT | SPACE));
  if (CJK.test(ch)) info |= CJK_CHAR;
  if (TOKEN_RUN_CHAR.test(ch)) info |= TOKEN_CHAR;
  if (TOKEN_SINGLE_CHAR.test(ch)) info |= SINGLE_CHAR;
  if (code === 0x09 || code === 0x20 || code === 0xa0 || code === 0x3000) info |= GAP_CHAR;
  if (info & LETTER) info |= scriptIndex(code) << SCRIPT_SHIFT;
  return info;
}

// The scripts that matter for telling a page's chrome from its body; kana count as Han (one
// body script for Japanese), letters of no script below U+0250 ("µ", "ª") as Latin.
const CHROME_SCRIPTS = new Set(['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Devanagari', 'Thai', 'Lao', 'Myanmar', 'Khmer', 'Georgian', 'Hangul', 'Han']);

/** The names `scriptIndex` indexes: the scripts above, `Latin` and `Other`. */
const SCRIPT_NAMES = [...new Set(['Latin', ...CHROME_SCRIPTS, 'Other'])];
/** `measureBlock`'s letters by script: one array for every block (a block is done with it before the next). */
const scriptCounts = new Uint32Array(SCRIPT_NAMES.length);
/** Per code point: index into SCRIPT_NAMES + 1, 0 = not yet looked up. */
const scriptTable = new Uint8Array(0x40000);

function scriptIndex(code: number): number {
  if (code >= scriptTable.length) return SCRIPT_NAMES.indexOf(scriptOf(code));
  let k = scriptTable[code] as number;
  if (k === 0) k = scriptTable[code] = SCRIPT_NAMES.indexOf(scriptOf(code)) + 1;
  return k - 1;
}

function scriptOf(code: number): string {
  if (code < 0x250) return 'Latin';
  const s = unicodeScript(code);
  if (s === 'Hiragana' || s === 'Katakana') return 'Han';
  return CHROME_SCRIPTS.has(s) ? s : 'Other';
}

// The engine optimises `measureBlock` once it is hot, for the kinds of text it has read so far,
// and throws the optimised code away at the first kind it has not (a surrogate pair, a word that
// must be folded, a text whose lower case is longer, a list of the block's own language…): on the
// bench slice that happened six to nine times, each a new compilation of this large function
// (400-600 ms of CPU per process, more than a tenth of what the stage spends on 10 MB). Reading a
// few short texts of every kind when the module loads shows it all of them first. Pure: the
// features of these texts are thrown away; the tables they fill are filled as any text would.
for (const [text, lang, blockLang] of [
  ['The cat, and the dog: 3.5 km... At 10:30, «see» www.example.com or a@b.org\tand  more!', 'eng', 'deu'],
  ['İstanbul ŞEHİR haberleri; 12:45 — son dakika…', 'tur', undefined],
  ['中国和俄罗斯 同意 进一步 加强 两国 之间 的 合作。日本語 のテキスト', 'cmn', 'jpn'],
  ['Μέλος της Επιτροπής και ή του 𝐀𝐁 😀 𠀀字 cafe\u0301 naïve', 'ell', 'fra'],
  ['Новости дня: 3..5, 7.5; https://пример.рф', 'rus', undefined],
  ['der Hund und die Katze für über, ab αβ', 'eng', 'deu'],
  ['我的 你们 これは の です 123', 'jpn', 'cmn'],
  ['', 'und', undefined],
] as const) {
  measureBlock(text, lang, blockLang);
}
