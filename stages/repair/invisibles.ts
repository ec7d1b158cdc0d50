// Characters that show nothing, or show as a plain space, yet break search, counting and matching:
// zero-width spaces and joiners, word joiners, soft hyphens, stray byte order marks, control
// characters, and the no-break and typographic spaces. Invisible characters and controls are
// removed (a repair to ""), the spaces become " ".
//
// Kept, because a script or an emoji needs them: a zero-width joiner between two emoji (👨‍👩‍👧)
// or inside a word of a script that joins (Devanagari क्‍ष, Arabic, Persian...), a zero-width
// non-joiner inside such a word (Persian می‌خواهم), and directional marks in a block that holds
// right-to-left text.
import type { Edit } from './edits.ts';

/** Always invisible and never needed in running text. */
const ALWAYS = /[\u00ad\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]/;
/** Joiners: kept where a script or an emoji needs them. */
const JOINERS = /[\u200c\u200d]/;
/** Directional marks and embeddings: kept in right-to-left text. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * Controls other than tab, line feed and carriage return. C1 controls are not here: the mojibake
 * repair has already turned those that windows-1252 defines into its punctuation, and the five it
 * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay, since no code page says what they stood for.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** No-break and typographic spaces. */
const SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f]/;

const CANDIDATES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u202a-\u202f\u205f-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const QUICK = new RegExp(CANDIDATES.source);

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]/u;
/** Letters and marks of scripts that use joiners inside words: all but Latin, Greek, Cyrillic and the Han-family scripts. */
const JOINING_SCRIPT = /[\p{L}\p{M}]/u;
const NON_JOINING_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function invisibleEdits(text: string): Edit[] {
  if (!QUICK.test(text)) return [];
  const edits: Edit[] = [];
  const rtl = RTL.test(text);
  for (const m of text.matchAll(CANDIDATES)) {
    const ch = m[0];
    const i = m.index;
    if (SPACE.test(ch)) edits.push({ start: i, end: i + 1, to: ' ', rule: 'space' });
    else if (CONTROL.test(ch)) edits.push({ start: i, end: i + 1, to: '', rule: 'control' });
    else if (ALWAYS.test(ch)) edits.push({ start: i, end: i + 1, to: '', rule: 'invisible' });
    else if (BIDI.test(ch)) {
      if (!rtl) edits.push({ start: i, end: i + 1, to: '', rule: 'invisible' });
    } else if (JOINERS.test(ch) && !joinerNeeded(text, i)) edits.push({ start: i, end: i + 1, to: '', rule: 'invisible' });
  }
  return edits;
}

function joinerNeeded(text: string, i: number): boolean {
  const before = charBefore(text, i);
  const after = charAt(text, i + 1);
  if (before === '' || after === '') return false;
  if (text[i] === '\u200d' && EMOJI.test(before) && EMOJI.test(after)) return true;
  return inJoiningWord(before) && inJoiningWord(after);
}

function inJoiningWord(ch: string): boolean {
  return JOINING_SCRIPT.test(ch) && !NON_JOINING_SCRIPT.test(ch);
}

function charBefore(text: string, i: number): string {
  if (i === 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1] as string;
}

function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}
