// Matching blocks against the phrase tables of data/phrases.json (menus, share bars, comment and
// cookie widgets, paywalls, copyright lines in each language). A block matches when, normalised,
// it is one of the `lines` of a category, or is short and starts with one of its `starts`.
// Tables are compiled once per process into hash sets, so a lookup costs one normalisation.
import { readFileSync } from 'node:fs';

interface PhraseTable {
  maxWords: number;
  longWordsCategories: { categories: string[]; maxWords: number };
  categories: Record<string, Record<string, { lines: string[]; starts: string[] }>>;
}

export interface PhraseMatch {
  category: string;
  phrase: string;
}

const table = JSON.parse(readFileSync(new URL('./data/phrases.json', import.meta.url), 'utf8')) as PhraseTable;
const longNotices = table.longWordsCategories;

// Latin and Cyrillic letters that look like Greek ones, and the reverse, folded to one skeleton so
// that "Ρoή Ειδήσεων" (a Latin o among Greek letters) matches "ροή ειδήσεων".
const LOOKALIKES: Record<string, string> = {
  a: 'α', o: 'ο', e: 'ε', i: 'ι', k: 'κ', p: 'ρ', t: 'τ', x: 'χ', y: 'υ', v: 'ν', n: 'η',
  'а': 'α', 'о': 'ο', 'е': 'ε', 'р': 'ρ', 'х': 'χ', 'у': 'υ', 'к': 'κ', 'т': 'τ', 'і': 'ι',
};

/**
 * The form blocks and phrases are compared in: lower case, NFC, spaces collapsed, edges trimmed of
 * punctuation. The stage makes a block's form once (see facts.ts) and reads it for the repeats,
 * the phrases and the headline.
 */
export const normalisePhrase: (text: string) => string = phraseForm;

function phraseForm(text: string): string {
  return formOfLowered(text.normalize('NFC').toLowerCase());
}

/** The phrase form of a text already in NFC and lower case. */
function formOfLowered(lowered: string): string {
  // Runs of spaces become one space (a single space is left as it is: no new string).
  const form = lowered.replace(/\s{2,}|[^\S ]/gu, ' ');
  // The edges' spaces, punctuation and symbols leave ("©" stays, as the copyright line's mark),
  // found by walking in from each end rather than by a pattern tried at every position.
  let start = 0;
  while (start < form.length && isEdgeMark(form.codePointAt(start) as number)) start += (form.codePointAt(start) as number) > 0xffff ? 2 : 1;
  if (start === form.length) return edgeForm(form);
  let end = form.length;
  for (;;) {
    const low = form.charCodeAt(end - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start && isHighSurrogate(form.charCodeAt(end - 2)) ? 2 : 1;
    if (!isEdgeMark(form.codePointAt(end - width) as number)) break;
    end -= width;
  }
  return (edgeForm(form.slice(0, start)) + form.slice(start, end) + edgeForm(form.slice(end))).trim();
}

/** What an edge of spaces, punctuation and symbols leaves behind: "©" if it holds one, else nothing. */
function edgeForm(edge: string): string {
  return edge.includes('©') ? '©' : '';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const EDGE_MARK = /^[\s\p{P}\p{S}]$/u;
/** Per code point: 0 not yet tested, 1 a space, punctuation mark or symbol, 2 anything else. */
const edgeMarks = new Uint8Array(0x40000);

/** Whether a code point is a space, a punctuation mark or a symbol: what the edges of a phrase's form lose. */
export function isEdgeMark(code: number): boolean {
  if (code >= edgeMarks.length) return EDGE_MARK.test(String.fromCodePoint(code));
  let known = edgeMarks[code] as number;
  if (known === 0) known = edgeMarks[code] = EDGE_MARK.test(String.fromCodePoint(code)) ? 1 : 2;
  return known === 1;
}

const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/** The look-alike skeleton of a normalised phrase (only differs for mixed-script text). */
function skeleton(text: string): string {
  return text.replace(LOOKALIKE, (ch) => LOOKALIKES[ch] as string);
}

const lines = new Map<string, PhraseMatch>();
/** The longest form among the `lines` (a skeleton is as long as its form): a longer block is none of them. */
let longestLine = 0;
const starts: { prefix: string; match: PhraseMatch }[] = [];
for (const [category, languages] of Object.entries(table.categories)) {
  for (const lists of Object.values(languages)) {
    for (const phrase of lists.lines) {
      const key = normalisePhrase(phrase);
      if (key === '') continue;
      longestLine = Math.max(longestLine, key.length);
      if (!lines.has(key)) lines.set(key, { category, phrase });
      const folded = skeleton(key);
      if (!lines.has(folded)) lines.set(folded, { category, phrase });
    }
    for (const phrase of lists.starts) {
      const prefix = phrase.normalize('NFC').toLowerCase().trim();
      if (prefix !== '') starts.push({ prefix, match: { category, phrase } });
    }
  }
}
// Longest prefixes first, so the most specific phrase names the category.
starts.sort((a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1));
const startsByFirst = new Map<string, { prefix: string; match: PhraseMatch }[]>();
for (const s of starts) {
  const first = [...s.prefix][0] as string;
  startsByFirst.set(first, [...(startsByFirst.get(first) ?? []), s]);
}

/** The chrome phrase a whole block is, if any. */
export function matchPhrase(text: string): PhraseMatch | null {
  return text.length > MAX_PHRASE_BLOCK ? null : phraseOfForm(text, normalisePhrase(text));
}

/** Blocks longer than this are no phrase of the tables (and their form need not be made). */
export const MAX_PHRASE_BLOCK = 1000;

/**
 * A block's phrase form (`normalisePhrase`) and the phrase of the tables it is, from one NFC and
 * lower-case copy of it (the form is made from it, and the `starts` are compared with it).
 */
export function phraseFacts(text: string): { form: string; phrase: PhraseMatch | null } {
  const lowered = text.normalize('NFC').toLowerCase();
  const form = formOfLowered(lowered);
  return { form, phrase: phraseOfForm(text, form, lowered) };
}

/** The chrome phrase a block is, given its form (`normalisePhrase(text)`) and, if made, its NFC lower case. */
export function phraseOfForm(text: string, key: string, lowerCase?: string): PhraseMatch | null {
  if (key === '') return null;
  const exact = key.length > longestLine ? undefined : (lines.get(key) ?? lines.get(skeleton(key)));
  if (exact) return exact;
  // Words: one more than the spaces (the form has single spaces), counted without splitting and
  // only as far as the most a notice may have.
  let words = 1;
  for (let i = key.indexOf(' '); i !== -1 && words <= longNotices.maxWords; i = key.indexOf(' ', i + 1)) words++;
  if (words > longNotices.maxWords) return null;
  const lowered = (lowerCase ?? text.normalize('NFC').toLowerCase()).trim();
  if (lowered === '') return null;
  for (const s of startsByFirst.get(String.fromCodePoint(lowered.codePointAt(0) as number)) ?? []) {
    if (!lowered.startsWith(s.prefix)) continue;
    if (words <= table.maxWords || longNotices.categories.includes(s.match.category)) return s.match;
  }
  return null;
}

const teaserAfter = new Set((table as unknown as { teaserAfter: { phrases: string[] } }).teaserAfter.phrases.map(normalisePhrase));

/** Whether a block is "Previous article" / "Next article" navigation, whose next block is a teaser headline. */
export function introducesTeaser(text: string, form?: string): boolean {
  return text.length < 60 && teaserAfter.has(form ?? normalisePhrase(text));
}
