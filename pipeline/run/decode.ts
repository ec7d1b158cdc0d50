// From a file's bytes to text, or to a clear reason why they are not a document.
// Bytes are checked before anything reads them as text: empty, binary. Then the encoding is found:
// a byte order mark, else valid UTF-8 (or UTF-8 with a few broken sequences, which are
// replaced), else a detector (jschardet). A confident verdict is checked
// inside its family of look-alike single-byte code pages (windows-1251 against KOI8-R,
// windows-1253 against ISO-8859-7) by how plausible each decoding reads; when the detector is
// unsure (short texts), every usual encoding is read and the most plausible reading wins. Bytes
// nothing can place are read as UTF-8 with replacement characters, and the bytes that were
// replaced are reported.
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { kindOf, LETTER, scriptOf as unicodeScript } from '../core/text.ts';
import { firstInvalidUtf8, shapedLength } from '../core/utf8.ts';

export type Decoded =
  | {
      text: string;
      /** The encoding the bytes were read in (`utf-8`, `utf-8-bom`, `utf-16le`, `windows-1251`...). */
      encoding: string;
      /** Byte sequences that no decoding could place, each replaced by U+FFFD (hex, e.g. `c3 28`). */
      invalid?: string[];
    }
  | { error: string };

export interface DecodeOptions {
  /** The bytes are UTF-8 by contract (a JSONL line): no detection, invalid bytes are replaced. */
  utf8Only?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Binary content: NUL bytes, or many control characters, in the first 64 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return false;
  // UTF-16 text has NUL bytes by design; a BOM says so.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / n > 0.05;
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return { error: 'empty file' };
  if (looksBinary(bytes)) return { error: 'binary content, not text' };
  const decoded = options.utf8Only ? decodeUtf8(bytes) : decodeAny(bytes);
  if (decoded.text.trim() === '') return { error: 'empty document (only white space)' };
  return decoded;
}

function decodeUtf8(bytes: Uint8Array): { text: string; encoding: string; invalid?: string[] } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return lossyUtf8(bytes);
  }
}

function decodeAny(bytes: Uint8Array): { text: string; encoding: string; invalid?: string[] } {
  const bom = byBom(bytes);
  if (bom !== null) return bom;
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: ask the detector.
  }
  // UTF-8 with a few broken sequences (a truncated character, a stray byte) is still UTF-8:
  // read in a legacy code page, all of its correct characters would turn to mojibake.
  if (mostlyUtf8(bytes)) return lossyUtf8(bytes);
  const encoding = detectEncoding(bytes);
  if (encoding === null) return lossyUtf8(bytes);
  return { text: decodeIn(encoding, bytes), encoding };
}

function byBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    const rest = lossyUtf8(bytes.subarray(3));
    return { text: rest.text, encoding: 'utf-8-bom', ...(rest.invalid.length > 0 ? { invalid: rest.invalid } : {}) };
  }
  if (a === 0xff && b === 0xfe) return { text: decodeIn('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: decodeIn('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  return null;
}

const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** At least twice as many well-formed multi-byte UTF-8 characters as broken sequences. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  let i = 0;
  while (i < bytes.length) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const length = shapedLength(bytes, i);
    if (length > 0) {
      good++;
      i += length;
    } else {
      bad++;
      i += 1;
    }
  }
  return good > 0 && good >= 2 * bad;
}

/** UTF-8 with every undecodable byte sequence replaced by U+FFFD, and those sequences listed. */
function lossyUtf8(bytes: Uint8Array): { text: string; encoding: string; invalid: string[] } {
  const invalid: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const rest = bytes.subarray(i);
    const bad = firstInvalidUtf8(rest);
    if (bad === -1) break;
    // A maximal run of bytes that cannot start or continue a character.
    let end = bad + 1;
    while (end < rest.length && ((rest[end] as number) & 0xc0) === 0x80) end++;
    invalid.push(Array.from(rest.subarray(bad, end), (x) => x.toString(16).padStart(2, '0')).join(' '));
    i += end;
  }
  return { text: utf8Lenient.decode(bytes), encoding: 'utf-8', invalid };
}

/**
 * Legacy encodings are read with iconv-lite: Node 20's TextDecoder reads windows-1252 as
 * ISO-8859-1 (0x92 becomes U+0092 instead of ’).
 */
function decodeIn(encoding: string, bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

// ---------------------------------------------------------------------------------------------
// Detection

/** Code pages that the same detector verdict may stand for; each family is checked as a whole. */
const FAMILIES: string[][] = [
  ['windows-1253', 'iso-8859-7'],
  ['windows-1251', 'koi8-r'],
  ['windows-1250', 'iso-8859-2'],
];

/** jschardet's names to the labels iconv-lite reads. */
const DETECTOR_NAMES: Record<string, string> = {
  'windows-1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-15': 'windows-1252',
  macroman: 'windows-1252',
  'hp-roman8': 'windows-1252',
  'windows-1253': 'windows-1253',
  'iso-8859-7': 'iso-8859-7',
  macgreek: 'windows-1253',
  'windows-1251': 'windows-1251',
  maccyrillic: 'windows-1251',
  kz1048: 'windows-1251',
  ptcp154: 'windows-1251',
  'koi8-r': 'koi8-r',
  'koi8-u': 'koi8-r',
  'koi8-t': 'koi8-r',
  ibm866: 'ibm866',
  'iso-8859-5': 'iso-8859-5',
  'windows-1250': 'windows-1250',
  'iso-8859-2': 'iso-8859-2',
  gb18030: 'gb18030',
  gb2312: 'gb18030',
  big5: 'big5',
  shift_jis: 'shift_jis',
  cp932: 'shift_jis',
  'euc-jp': 'euc-jp',
  'euc-kr': 'euc-kr',
  'iso-2022-jp': 'iso-2022-jp',
  'euc-tw': 'big5',
  'windows-1255': 'windows-1255',
  'iso-8859-8': 'iso-8859-8',
  'tis-620': 'windows-874',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

const SAMPLE_BYTES = 64 * 1024;

/** The iconv-lite label of the bytes' encoding, or null when no detector can place them. */
export function detectEncoding(bytes: Uint8Array): string | null {
  const sample = bytes.length > SAMPLE_BYTES ? bytes.subarray(0, SAMPLE_BYTES) : bytes;
  let verdicts: { encoding: string | null; confidence: number }[] = [];
  try {
    verdicts = jschardet.detectAll(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), { minimumThreshold: 0 });
  } catch {
    verdicts = [];
  }
  const candidates: string[] = [];
  for (const v of verdicts) {
    const label = DETECTOR_NAMES[(v.encoding ?? '').toLowerCase()];
    if (label !== undefined && !candidates.includes(label)) candidates.push(label);
  }
  const top = candidates[0];
  if (top === undefined || (verdicts[0]?.confidence ?? 0) < 0.2) return mostPlausible(sample, candidates);
  const family = FAMILIES.find((f) => f.includes(top));
  if (family === undefined) return top;
  // Within a family the detector's ranking is weak on short texts: read the sample in each code
  // page and keep the one that reads most like text. Ties keep the detector's choice.
  let best = top;
  let bestScore = plausibility(decodeIn(top, sample));
  for (const member of family) {
    if (member === top) continue;
    const score = plausibility(decodeIn(member, sample));
    if (score > bestScore) {
      best = member;
      bestScore = score;
    }
  }
  return best;
}

/** Encodings tried when the detector is unsure (short texts): the ones newsnorm is asked to read. */
const UNSURE_POOL = ['windows-1252', 'windows-1251', 'koi8-r', 'windows-1253', 'iso-8859-7', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr'];
const MULTI_BYTE = new Set(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr']);

/**
 * When the detector is unsure, every likely encoding is tried and the decoding that reads most
 * like text wins; a multi-byte decoding must leave no byte unplaced and not be mostly Latin
 * letters. Null when every decoding reads worse than nothing (controls, symbols inside words).
 */
function mostPlausible(sample: Uint8Array, detected: string[]): string | null {
  let best: string | null = null;
  // A reading may cost a little (an acute accent used as an apostrophe), not one point in four
  // of its non-ASCII bytes.
  let high = 0;
  for (const b of sample) if (b >= 0x80) high++;
  let bestScore = -Math.max(2, high / 4) - 1;
  // In a fixed order, windows-1252 first, so that ties go to the most common code page.
  const pool = [...UNSURE_POOL, ...detected.filter((e) => LATIN_EXTRA.has(e))];
  for (const encoding of pool.filter((e, i) => pool.indexOf(e) === i)) {
    const text = decodeIn(encoding, sample);
    const multiByte = MULTI_BYTE.has(encoding);
    if (multiByte && (text.includes('\ufffd') || mostlyLatin(text))) continue;
    const score = plausibility(text, multiByte);
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}

/** Central European code pages, tried only when the detector names them. */
const LATIN_EXTRA = new Set(['windows-1250', 'iso-8859-2']);

/** A text of Latin words with a few other characters: not what a multi-byte encoding holds. */
function mostlyLatin(text: string): boolean {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) ascii++;
    else if (c >= 0x80) other++;
  }
  return ascii > 2 * other;
}

const SYMBOL = /[\p{S}\p{No}]/u;
const ACCENT_SYMBOL = /\p{Sk}/u;

/**
 * How much a decoding reads like text: letters inside words of one script and one case pattern
 * count for it; control characters, undefined bytes, and symbols or case changes inside words
 * count against it. Linear in the text.
 *
 * It is not the repair stage's badness/weirdness, though both count a change of case or script
 * inside a word: those count defects between texts of about the same length (re-decodings of one
 * segment) and must stay 0 on correct text, while this score compares readings of the same bytes
 * in code pages that give texts of different lengths and scripts, so it also rewards each letter
 * read (a CJK character for the two bytes it took) and penalises replacement characters.
 */
export function plausibility(text: string, multiByte = false): number {
  let score = 0;
  let prevLetter = false;
  let prevLower = false;
  let prevScript = '';
  // Letters, and accented Latin letters, of the current word.
  let wordLetters = 0;
  let latinAccented = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const isLetter = (kindOf(cp) & LETTER) !== 0;
    if (isLetter) wordLetters++;
    else {
      wordLetters = 0;
      latinAccented = 0;
    }
    if (cp < 0x80) {
      const letter = /[A-Za-z]/.test(ch);
      if (letter && prevLetter && prevScript !== 'Latin') score -= 3;
      prevLetter = letter;
      prevLower = prevLetter && ch >= 'a';
      prevScript = prevLetter ? 'Latin' : '';
      continue;
    }
    if ((cp >= 0x80 && cp < 0xa0) || cp === 0xfffd) {
      score -= 5;
      prevLetter = false;
      continue;
    }
    if (!isLetter) {
      // A symbol glued to a letter reads as a wrong code page (Ã¤, Ð¿); a lone accent symbol
      // (΅, ¨) is seldom written.
      if (prevLetter && SYMBOL.test(ch)) score -= 2;
      if (cp >= 0x100 && ACCENT_SYMBOL.test(ch)) score -= 2;
      prevLetter = false;
      continue;
    }
    const script = scriptOf(cp);
    const lower = ch !== ch.toUpperCase();
    // In a multi-byte reading a CJK character stands for two bytes (half-width katakana for
    // one): weigh it so, to compare with single-byte readings.
    score += multiByte && cp >= 0x800 && !(cp >= 0xff61 && cp <= 0xff9f) ? 2 : 1;
    // Latin words made mostly of accented letters are other alphabets read in a Latin code page.
    if (script === 'Latin') {
      latinAccented++;
      if (latinAccented > 1 && latinAccented * 2 > wordLetters) score -= 1;
    }
    if (prevLetter) {
      if (prevScript !== '' && script !== prevScript) score -= 3;
      if (prevLower && !lower) score -= 2;
    }
    prevLetter = true;
    prevLower = lower;
    prevScript = script;
  }
  return score;
}

/** The alphabets that code pages mix up; fullwidth letters, as multi-byte code pages write them, are `Other`. */
function scriptOf(cp: number): string {
  if (cp === 0xb5) return 'Greek'; // the micro sign, often typed for Greek mu
  if (cp < 0x250) return 'Latin';
  if (cp >= 0xff00) return 'Other';
  const s = unicodeScript(cp);
  return s === 'Latin' || s === 'Greek' || s === 'Cyrillic' ? s : 'Other';
}
