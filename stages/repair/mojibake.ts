// Mojibake: UTF-8 that was read in a single-byte code page ("â€™" for "’", "Ð¿Ñ€Ð¸" for "при"),
// sometimes twice. The repair follows ftfy's approach: a segment that looks bad (see badness.ts) is
// encoded back into the bytes each code page would have made of it and those bytes are read as
// UTF-8; a re-decoding is kept only when it looks no more garbled and costs less (see
// `repairMojibake`), and the whole is repeated for text garbled more than once. Correct text is never re-decoded, because it does not look bad and
// because its bytes are almost never valid UTF-8.
//
// Beyond a plain round trip, the bytes get three mends that real dumps need: a space that stood
// for a lost no-break byte (0xA0) inside a character is put back, a character whose bytes were
// partly lost (shown as U+FFFD) becomes one U+FFFD, and UTF-16 surrogates written as UTF-8 (CESU-8)
// are joined. A segment that is only partly garbled is re-decoded run by run (a run being what one
// code page can encode), and inside a run sequence by sequence when the run as a whole is not UTF-8.
import { cesuPairLength, codePointOf, continuationCount, isContinuation, shapedLength, wellFormedLength } from '../../pipeline/core/utf8.ts';
import { badness, isBad, weirdness } from './badness.ts';
import { CHARMAPS, type Charmap, LOST_BYTE, MACROMAN_HIGH, MOJIBAKE_ALPHABET, WINDOWS_1252_HIGH } from './charmaps.ts';

const MAX_ROUNDS = 4;

/** Quick test: can this text contain mojibake of our code pages at all? */
export function mayBeMojibake(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && MOJIBAKE_ALPHABET.has(c)) return true;
  }
  return false;
}

/** The segment with its mojibake repaired (the segment itself when there is none). */
export function repairMojibake(segment: string): string {
  if (!mayBeMojibake(segment)) return segment;
  let current = segment;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const bad = badness(current);
    if (bad === 0) break;
    // A re-decoding must not look more garbled than the text; among those, the one of lowest
    // cost wins: twice its mojibake score, plus its weirdness, plus its length without spaces,
    // since a true re-decoding folds every garbled sequence into one character (this prefers the
    // page that undoes a whole double layer to one that undoes a part of it; spaces do not count,
    // so that no page wins by reading a real space as a lost 0xA0 byte). The first candidate is
    // the text with its C1 controls read as windows-1252, so that "’\u0085" stays "’…" rather than
    // becoming one Armenian letter in MacRoman. On a tie, the page that needed fewer C1 controls
    // read leniently wins (ISO-8859-2 over windows-1250 for text with C1 controls that
    // windows-1250 shows as punctuation), then the more common page.
    let best: string | null = null;
    let bestCost = cost(current, bad);
    let bestLenient = Infinity;
    const candidates = [{ text: fixC1Controls(current), lenient: 0 }, ...CHARMAPS.map((map) => redecode(current, map))];
    for (const candidate of candidates) {
      if (candidate.text === current) continue;
      const candidateBad = badness(candidate.text);
      if (candidateBad > bad) continue;
      const c = cost(candidate.text, candidateBad);
      if (c < bestCost || (c === bestCost && best !== null && candidate.lenient < bestLenient)) {
        best = candidate.text;
        bestCost = c;
        bestLenient = candidate.lenient;
      }
    }
    if (best === null) break;
    current = best;
  }
  return fixC1Controls(current);
}

function cost(text: string, bad: number): number {
  return 2 * bad + weirdness(text) + visibleLength(text);
}

function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0) n++;
  }
  return n;
}

/**
 * C1 controls left over after re-decoding were windows-1252 punctuation read as ISO-8859-1
 * ("\u0085" for "…"); nobody writes C1 controls on purpose. Inside a word, though, a control
 * that windows-1252 reads as a symbol or leaves undefined ("gr\u0089ce", "deuxi\u008fme") was a
 * MacRoman letter ("grâce", "deuxième"); quotes, dashes and the ellipsis stay windows-1252,
 * as in "l\u0092homme".
 */
export function fixC1Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c, at: number) => {
    const i = c.charCodeAt(0) - 0x80;
    const windows = WINDOWS_1252_HIGH[i] as string;
    if (!PUNCTUATION_OR_LETTER.test(windows) && LATIN_LETTER.test(text[at - 1] ?? '') && LATIN_LETTER.test(text[at + 1] ?? '')) {
      return MACROMAN_HIGH[i] as string;
    }
    return windows === '\ufffd' ? c : windows;
  });
}

const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
const PUNCTUATION_OR_LETTER = /[\u2018-\u201d\u2013\u2014\u2026]|\p{L}/u;

/** The text with every run that `map` can encode re-decoded as UTF-8 where that works. */
function redecode(text: string, map: Charmap): { text: string; lenient: number } {
  let out = '';
  let lenient = 0;
  let runStart = -1;
  let hasHigh = false;
  const flush = (end: number) => {
    if (runStart === -1) return;
    const run = text.slice(runStart, end);
    out += hasHigh ? redecodeRun(run, map) : run;
    runStart = -1;
    hasHigh = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x1a && map.encode.has(c)) {
      if (runStart === -1) runStart = i;
      if (c >= 0x80) hasHigh = true;
      if (map.lenient.has(c)) lenient++;
    } else {
      flush(i);
      out += text[i];
    }
  }
  flush(text.length);
  return { text: out, lenient };
}

function redecodeRun(run: string, map: Charmap): string {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) bytes[i] = map.encode.get(run.charCodeAt(i)) as number;
  const whole = decodeUtf8(replaceLostSequences(restoreByteA0(bytes)));
  if (whole !== null) return whole;
  return redecodeSequences(run, bytes);
}

/**
 * Inside a run that is not UTF-8 as a whole, each multi-byte sequence is re-decoded on its own
 * when it looks bad where it stands (two characters of context on each side) or stands for U+FFFD;
 * the other characters stay as they are. This repairs "Café â€“ Bar" without touching "Café".
 * The mends of a whole run apply here too, one sequence at a time: a lost byte (0x1A, or a "?"
 * that a lossy converter put in its place after a lead and a continuation byte) makes the
 * sequence U+FFFD, and a space after a lead byte may stand for a lost 0xA0.
 */
function redecodeSequences(run: string, bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const context = run.slice(Math.max(0, i - 2), i + 4);
    const length = sequenceLength(bytes, i);
    if (length > 1) {
      const decoded = decodeUtf8(bytes.subarray(i, i + length));
      // "ï¿½" (a replacement character garbled in turn) is unmistakable wherever it stands.
      if (decoded !== null && (decoded === '\ufffd' || isBad(run.slice(Math.max(0, i - 2), i + length + 2)))) {
        out += decoded;
        i += length;
        continue;
      }
    }
    const lost = lostSequenceLength(bytes, i);
    if (lost > 0 && isBad(run.slice(Math.max(0, i - 1), i + lost))) {
      out += '\ufffd';
      i += lost;
      continue;
    }
    if (bytes[i + 1] === 0x20 && isBad(context)) {
      const b = bytes[i] as number;
      if (aGraveWord(bytes, i)) {
        out += '\u00e0';
        i += 1;
        continue;
      }
      if (A0_LEADS.includes(b)) {
        const decoded = decodeUtf8(Uint8Array.of(b, 0xa0));
        if (decoded !== null) {
          out += decoded;
          i += 2;
          continue;
        }
      }
    }
    out += run[i];
    i++;
  }
  return out;
}

/** Lead bytes whose second byte is often an 0xA0 turned into a space: à, Ā-ſ, Π, Р, ٠ and NBSP. */
const A0_LEADS = [0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9];

/**
 * Length of a sequence whose last bytes were lost (marked 0x1A), or replaced by "?" after at
 * least one continuation byte of a three- or four-byte sequence ("â€?"); 0 when there is none.
 */
function lostSequenceLength(bytes: Uint8Array, i: number): number {
  const need = continuationCount(bytes[i] as number);
  if (need <= 0) return 0;
  let k = 1;
  let conts = 0;
  while (k <= need) {
    const c = bytes[i + k];
    if (c === LOST_BYTE) return k + 1;
    if (c === 0x3f && need >= 2 && conts >= 1) return k + 1;
    if (!isContinuation(c)) return 0;
    conts++;
    k++;
  }
  return 0;
}

/**
 * "Ã" before a plain space: "à" whose 0xA0 byte became a space that then merged with the space
 * after it ("voilÃ le", "Ã perturber"), so the space stays; but not before "s " ("Ã s" is the
 * Portuguese "às") nor before "quel" ("Ã quele" is "àquele"), where the space was the 0xA0 itself.
 */
function aGraveWord(bytes: Uint8Array, i: number): boolean {
  if (bytes[i] !== 0xc3 || bytes[i + 1] !== 0x20 || !isAsciiLetter(bytes[i + 2])) return false;
  const next = String.fromCharCode(...bytes.subarray(i + 2, i + 7));
  return !/^s( |$)/.test(next) && !/^quel/.test(next);
}

/** Length of the well-formed UTF-8 sequence (2 to 6 bytes, CESU pairs included) at `i`, or 1. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const length = shapedLength(bytes, i);
  if (length === 0) return 1;
  // A surrogate: only a high one followed by a low one makes a character.
  if (bytes[i] === 0xed && (bytes[i + 1] as number) >= 0xa0) return cesuPairLength(bytes, i) || 1;
  return length;
}

/**
 * Puts back 0xA0 bytes that became spaces: a no-break space, or the second byte of "à" (C3 A0),
 * of Cyrillic "Р" (D0 A0) or of Greek "Π" (CE A0), read in windows-1252 and then normalised.
 * A lone "Ã " before a word stands for the French or Portuguese word "à" and keeps its space
 * (see `aGraveWord`).
 */
function restoreByteA0(bytes: Uint8Array): Uint8Array {
  if (!bytes.includes(0x20)) return bytes;
  const out: number[] = [];
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    out.push(b);
    if (b < 0xc2 || b > 0xf4 || bytes[i + 1] === undefined) continue;
    const next = bytes[i + 1] as number;
    if (aGraveWord(bytes, i)) {
      out.push(0xa0);
      continue;
    }
    if (b <= 0xdf) {
      if (next === 0x20 && A0_LEADS.includes(b)) {
        out.push(0xa0);
        i++;
      }
      continue;
    }
    // Three- and four-byte sequences: one space among the continuation bytes.
    const need = b <= 0xef ? 2 : 3;
    let spaces = 0;
    let valid = true;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === 0x20) spaces++;
      else if (c === undefined || (c & 0xc0) !== 0x80) valid = false;
    }
    if (valid && spaces === 1) {
      for (let k = 1; k <= need; k++) out.push(bytes[i + k] === 0x20 ? 0xa0 : (bytes[i + k] as number));
      i += need;
    }
  }
  return Uint8Array.from(out);
}

function isSpaceOrPunct(b: number): boolean {
  return b === 0x20 || b === 0x28 || b === 0x22 || b === 0x27;
}

function isAsciiLetter(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}

/**
 * A sequence whose bytes were partly lost (marked 0x1A) becomes the UTF-8 of U+FFFD: the lead
 * byte and what follows it of its length, continuation bytes and lost ones alike.
 */
function replaceLostSequences(bytes: Uint8Array): Uint8Array {
  if (!bytes.includes(LOST_BYTE)) return bytes;
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const need = continuationCount(b);
    if (need > 0) {
      let k = 1;
      let lost = false;
      while (k <= need) {
        const c = bytes[i + k];
        if (c === LOST_BYTE) lost = true;
        else if (!isContinuation(c)) break;
        k++;
      }
      if (lost) {
        out.push(0xef, 0xbf, 0xbd);
        i += k - 1;
        continue;
      }
    }
    out.push(b);
  }
  return Uint8Array.from(out);
}

/**
 * Strict UTF-8, except that CESU-8 surrogate pairs are joined and a lost-byte mark (0x1A) reads
 * as U+FFFD. Null when the bytes are not that.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out += b === LOST_BYTE ? '\ufffd' : String.fromCharCode(b);
      i++;
      continue;
    }
    const length = wellFormedLength(bytes, i);
    if (length > 0) {
      out += String.fromCodePoint(codePointOf(bytes, i, length));
      i += length;
      continue;
    }
    // CESU-8: a high surrogate's three bytes followed by a low one's.
    if (cesuPairLength(bytes, i) === 0) return null;
    out += String.fromCharCode(codePointOf(bytes, i, 3), codePointOf(bytes, i + 3, 3));
    i += 6;
  }
  return out;
}
