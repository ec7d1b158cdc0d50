// Look-alike letters: a Latin "o" typed inside the Greek word "Ρoή", a Cyrillic "е" inside the
// English "mantlе". Inside one word whose letters come from two of the alphabets that share shapes
// (Latin, Greek, Cyrillic), the letters of the minority script are replaced by their look-alikes
// in the majority script, if every one of them has one (data/lookalikes.json, from Unicode's
// confusables.txt). A word written wholly in another script ("NetBurst" in a Russian sentence)
// is never touched, nor a mixed word with a letter that has no look-alike. The repair stage
// records these replacements as repairs; the language detector reads its text through them (a
// text given to it alone has not been through the repair stage).
import { readFileSync } from 'node:fs';
import { scriptOf as unicodeScript } from './text.ts';

/** One letter to replace: UTF-16 offsets in the text, and its look-alike. */
export interface Lookalike {
  start: number;
  end: number;
  to: string;
}

type Script = 'Latin' | 'Greek' | 'Cyrillic';
type Table = Record<Script, Partial<Record<Script, Record<string, string>>>>;

const TABLE = (JSON.parse(readFileSync(new URL('./data/lookalikes.json', import.meta.url), 'utf8')) as { lookalikes: Table })
  .lookalikes;

const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = 'A-Za-z\\u00c0-\\u024f';
const GREEK = '\\u0370-\\u03ff\\u1f00-\\u1fff';
const CYRILLIC = '\\u0400-\\u04ff';
/** Two letters of different alphabets side by side, marks between them allowed. */
const QUICK_MIXED = new RegExp(
  [[LATIN, `${GREEK}${CYRILLIC}`], [GREEK, `${LATIN}${CYRILLIC}`], [CYRILLIC, `${LATIN}${GREEK}`]].map(([a, b]) => `[${a}]\\p{M}*[${b}]`).join('|'),
  'u',
);

/** The alphabet of a UTF-16 unit, if it is one of the three that share shapes. */
function scriptOf(cp: number): Script | null {
  const s = unicodeScript(cp);
  return s === 'Latin' || s === 'Greek' || s === 'Cyrillic' ? s : null;
}

/** Every look-alike letter of the text to replace, in text order. */
export function lookalikes(text: string): Lookalike[] {
  if (!QUICK_MIXED.test(text)) return [];
  const edits: Lookalike[] = [];
  const blockCounts = countScripts(text);
  for (const m of text.matchAll(WORD)) {
    for (const part of camelParts(m[0])) checkWord(part.word, m.index + part.at, blockCounts, edits);
  }
  return edits;
}

/**
 * Scraped text glues words ("OKУдалить", "лентаXроника"): a word is cut where a lowercase letter
 * meets an uppercase one, and before the last capital of a run of capitals that starts a
 * lowercase word, as camel-case names are read.
 */
function camelParts(word: string): { word: string; at: number }[] {
  const parts: { word: string; at: number }[] = [];
  let start = 0;
  for (let i = 1; i < word.length; i++) {
    const prev = word[i - 1] as string;
    const ch = word[i] as string;
    const next = word[i + 1] ?? '';
    const cut = (isLower(prev) && isUpper(ch)) || (isUpper(prev) && isUpper(ch) && isLower(next));
    if (cut) {
      parts.push({ word: word.slice(start, i), at: start });
      start = i;
    }
  }
  parts.push({ word: word.slice(start), at: start });
  return parts;
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase();
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

/** Records the look-alike repairs of one word that mixes scripts. */
function checkWord(word: string, at: number, blockCounts: Record<Script, number>, edits: Lookalike[]): void {
  const counts = countScripts(word);
  const present = (Object.keys(counts) as Script[]).filter((s) => counts[s] > 0);
  if (present.length < 2) return;
  // The word's own majority decides; a tie goes to the block's.
  const target = present.reduce((a, b) => (counts[b] > counts[a] || (counts[b] === counts[a] && blockCounts[b] > blockCounts[a]) ? b : a));
  // A Greek letter next to one Latin letter is mathematics or a unit ("αx", "μg"), not a look-alike.
  if (target === 'Latin' && counts.Greek > 0 && word.length < 3) return;
  const replaced = replaceInto(word, target);
  if (replaced === null) return;
  for (const r of replaced) edits.push({ start: at + r.at, end: at + r.at + 1, to: r.to });
}

/** The text with every look-alike letter replaced. */
export function replaceLookalikes(text: string): string {
  let out = '';
  let last = 0;
  for (const { start, end, to } of lookalikes(text)) {
    out += text.slice(last, start) + to;
    last = end;
  }
  return out + text.slice(last);
}

function countScripts(text: string): Record<Script, number> {
  const counts: Record<Script, number> = { Latin: 0, Greek: 0, Cyrillic: 0 };
  for (let i = 0; i < text.length; i++) {
    const s = scriptOf(text.charCodeAt(i));
    if (s !== null) counts[s]++;
  }
  return counts;
}

/** Each letter of another script replaced by its look-alike in `target`, or null if one has none. */
function replaceInto(word: string, target: Script): { at: number; to: string }[] | null {
  const out: { at: number; to: string }[] = [];
  for (let i = 0; i < word.length; i++) {
    const s = scriptOf(word.charCodeAt(i));
    if (s === null || s === target) continue;
    const to = TABLE[s][target]?.[word[i] as string];
    if (to === undefined) return null;
    out.push({ at: i, to });
  }
  return out;
}
