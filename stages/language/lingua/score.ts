// Lingua's way of weighing languages for a text, over its own models (models.ts): its rule engine
// first (letters only one language writes; letters a few languages share), then the sum of the
// log-probabilities of the text's distinct n-grams, each backing off to its shorter prefixes when
// a language's model lacks it (not in the low-accuracy mode, which loads trigram models alone). Texts under 120 letters are read with one- to five-grams and the
// sum divided by how many of the text's letters the language knows; longer texts, and every text
// in the low-accuracy mode, with trigrams alone. Confidences are the sums' softmax, so they add up
// to 1; languages ranked by confidence, then by name.
import { readFileSync } from 'node:fs';
import { DIGIT, kindOf, LETTER, scriptOf, SPACE } from '../../../pipeline/core/text.ts';
import { gramTable, languageTables } from './models.ts';
import { type MergedTable, mergedTable } from './merged.ts';
import type { CompactTable } from './compact-table.ts';
import { fromCode } from './table.ts';
import { numberGrams, type NumberedGrams } from './grams.ts';

interface Rules { unique: Record<string, string>; shared: [string, string[]][] }
const rules = JSON.parse(readFileSync(new URL('../data/lingua-rules.json', import.meta.url), 'utf8')) as Rules;
const names = JSON.parse(readFileSync(new URL('../data/lingua-names.json', import.meta.url), 'utf8')) as Record<string, string>;
/** ISO 639-3 code → Lingua's language name as its models spell it (ENGLISH). */
const modelName = new Map(Object.entries(names).map(([name, code]) => [code, name.toUpperCase()]));
const scripts = JSON.parse(readFileSync(new URL('../data/scripts.json', import.meta.url), 'utf8')) as { unique: Record<string, string> };
/** Script → the one language written in it (Greek → ell; Hiragana and Katakana → jpn). */
const scriptLanguage: Record<string, string> = scripts.unique;
/** Letter → the language that alone writes it. */
const uniqueTo = new Map<string, string>();
for (const [code, letters] of Object.entries(rules.unique)) for (const ch of letters) uniqueTo.set(ch, code);

/** Texts of this many letters or more are read by trigrams alone, as Lingua does. */
const HIGH_ACCURACY_MAX_LETTERS = 120;

/**
 * The words Lingua reads: lower-cased, split at white space, punctuation and digits, and only
 * those with a letter ("|" or "+" between two words is no word: it would lower the share of words
 * that bear a letter below half). One pass over the code points' kinds, which gives the words of
 * `replace(/[\p{P}\p{N}]+/gu, ' ').split(/\s+/).filter(/\p{L}/u)` without that chain's strings
 * and arrays (the split's array alone was about 8 MB allocated per 10 MB of the bench dump).
 */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  let letter = false;
  for (let i = 0; i < lower.length; i++) {
    const at = i;
    const cp = lower.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const kind = kindOf(cp);
    if (kind & (SPACE | DIGIT) || isPunctuation(cp)) {
      if (letter) words.push(lower.slice(start, at));
      start = -1;
      letter = false;
    } else {
      if (start < 0) start = at;
      if (kind & LETTER) letter = true;
    }
  }
  if (letter) words.push(lower.slice(start));
  return words;
}

const PUNCTUATION = /^\p{P}$/u;
/** `\p{P}` by code point of the Basic Multilingual Plane, tested as they turn up (0: not yet, 1: no, 2: yes). */
const punctuation = new Uint8Array(0x10000);
function isPunctuation(cp: number): boolean {
  if (cp > 0xffff) return PUNCTUATION.test(String.fromCodePoint(cp));
  let p = punctuation[cp]!;
  if (p === 0) punctuation[cp] = p = PUNCTUATION.test(String.fromCharCode(cp)) ? 2 : 1;
  return p === 2;
}

/** The language a letter alone says: its script's only language (Greek, Hangul …; Han counts for
 *  Chinese, kana for Japanese), else the language that alone writes it (ß, ő, ї …). */
function letterLanguage(ch: string): string | undefined {
  const cp = ch.codePointAt(0)!;
  if (cp > 0xffff) return letterLanguageOf(ch);
  let known = letterLanguages[cp];
  if (known === undefined) known = letterLanguages[cp] = letterLanguageOf(ch) ?? null;
  return known ?? undefined;
}
/** `letterLanguageOf` by code point of the Basic Multilingual Plane, filled as letters turn up (null: none). */
const letterLanguages: (string | null | undefined)[] = new Array(0x10000);

function letterLanguageOf(ch: string): string | undefined {
  const script = scriptOf(ch.codePointAt(0)!);
  if (script === 'Han') return 'cmn';
  return scriptLanguage[script] ?? uniqueTo.get(ch);
}

/**
 * The language most words are written in by letters that say it, when more than half the words
 * are: decided without n-grams, as Lingua's rules do (a word with both Han and kana is Japanese).
 */
function byUniqueLetters(words: string[], codes: readonly string[]): string | null {
  const totals = new Map<string | null, number>();
  for (const word of words) {
    // The word's letters' languages: one language counted in `only` until a second turns up (most
    // words have none or one), then all of them in `counts`, in the order they turned up.
    let only: string | undefined;
    let onlyCount = 0;
    let counts: Map<string, number> | null = null;
    for (const ch of word) {
      const c = letterLanguage(ch);
      if (!c) continue;
      if (counts) counts.set(c, (counts.get(c) ?? 0) + 1);
      else if (only === undefined) { only = c; onlyCount = 1; } else if (only === c) onlyCount++;
      else counts = new Map([[only, onlyCount], [c, 1]]);
    }
    let verdict: string | null = null;
    if (!counts) verdict = only ?? null;
    else if (counts.has('cmn') && counts.has('jpn')) verdict = 'jpn';
    else {
      const [a, b] = [...counts.entries()].sort((x, y) => y[1] - x[1]);
      if (a![1] > b![1]) verdict = a![0];
    }
    if (verdict && !codes.includes(verdict)) verdict = null;
    totals.set(verdict, (totals.get(verdict) ?? 0) + 1);
  }
  if ((totals.get(null) ?? 0) < words.length / 2) totals.delete(null);
  if (totals.size === 0) return null;
  if (totals.size === 2 && totals.has('cmn') && totals.has('jpn')) return 'jpn';
  // The verdict of most words; none when two verdicts share the most.
  let first: string | null = null;
  let most = -1;
  let tied = false;
  for (const [verdict, n] of totals) {
    if (n > most) { first = verdict; most = n; tied = false; } else if (n === most) tied = true;
  }
  return tied ? null : first;
}

/** Letter → the indexes of the shared-letter groups it belongs to. */
const sharedGroups = new Map<string, number[]>();
rules.shared.forEach(([letters], i) => { for (const ch of letters) sharedGroups.set(ch, [...(sharedGroups.get(ch) ?? []), i]); });

/** `sharedGroups` by code unit. */
const sharedByUnit: (number[] | undefined)[] = new Array(0x10000);
for (const [ch, groups] of sharedGroups) {
  if (ch.length !== 1) throw new Error(`lingua-rules.json: a shared letter outside the Basic Multilingual Plane (${ch})`);
  sharedByUnit[ch.charCodeAt(0)] = groups;
}

/** The candidates narrowed to those writing the shared letters (ñ, ø, ё …) at least half the words carry. */
function bySharedLetters(words: string[], codes: string[]): string[] {
  const counts = new Map<string, number>();
  for (const word of words) {
    // Most words carry no shared letter: no set for them.
    let groups: Set<number> | null = null;
    for (let i = 0; i < word.length; i++) {
      // By code unit: no shared letter is outside the Basic Multilingual Plane, and a surrogate is none.
      const of = sharedByUnit[word.charCodeAt(i)];
      if (of) for (const g of of) (groups ??= new Set()).add(g);
    }
    if (groups) for (const g of groups) for (const l of rules.shared[g]![1]) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  if (!counts.size) return codes;
  const subset = codes.filter((c) => (counts.get(c) ?? 0) >= words.length / 2);
  return subset.length ? subset : codes;
}

/** Lingua's languages by name, the order of the merged tables' language numbers. */
export const modelLanguages: readonly string[] = [...modelName.values()].sort();
const languageNumber = new Map(modelLanguages.map((l, i) => [l, i]));
/** A candidate's place in the codes of a text, by language number (-1: not a candidate). Scratch. */
const candidateOf = new Int8Array(modelLanguages.length).fill(-1);
/** The codes of the numbered n-grams for each candidate: n-gram × candidates + candidate. Scratch. */
let codes = new Int32Array(4096);
/** Which n-grams' codes are filled for the current reading: those whose stamp is the reading's. Scratch. */
let filled = new Int32Array(1024);
let fillStamp = 0;

/** A numbered n-gram's codes (at `at`) from the merged table of its length: each candidate's, by its place. */
function fromMerged(table: MergedTable, key: number, at: number): void {
  const slot = table.find(key);
  if (slot < 0) return;
  const held = table.pairsOf(slot);
  const pairs = table.pairs;
  const end = ((held >>> 7) + (held & 0x7f)) * 3;
  for (let p = (held >>> 7) * 3; p < end; p += 3) {
    const c = candidateOf[pairs[p]!]!;
    if (c >= 0) codes[at + c] = pairs[p + 1]! | (pairs[p + 2]! << 8);
  }
}

/** A numbered n-gram's codes (at `at`) from each candidate's own table of its length `n` (loaded on first use). */
function fromOwn(languages: string[], own: (CompactTable | null | undefined)[][], n: number, key: number, at: number): void {
  for (let c = 0; c < languages.length; c++) {
    const tables = own[c]!;
    const t = tables[n] === undefined ? gramTable(languages[c]!, n) : tables[n];
    if (t) codes[at + c] = t.code(key);
  }
}

/** The merged tables by n-gram length (index 1 to 3; loaded on first use). */
let mergedByLength: (MergedTable | null)[] | null = null;
const mergedTables = (): (MergedTable | null)[] => (mergedByLength ??= [null, ...[1, 2, 3].map((n) => mergedTable(n, modelLanguages))]);

// Each candidate's sum and letters known (scratch, read by scoreLanguages before the next reading).
// The sums are whole numbers well inside a double's exact range (at most 65,535 an n-gram).
let sumsOf = new Float64Array(128);
let lettersOf = new Int32Array(128);

/** A numbered n-gram's codes for all candidates, from the merged table of its length or each candidate's own. */
function fill(g: number, k: number, grams: NumberedGrams, merged: (MergedTable | null)[], languages: string[], own: (CompactTable | null | undefined)[][]): void {
  filled[g] = fillStamp;
  codes.fill(-1, g * k, g * k + k);
  const length = grams.length[g]!;
  const table = merged[length];
  if (table) fromMerged(table, grams.key[g]! >>> 0, g * k);
  else fromOwn(languages, own, length, grams.key[g]! >>> 0, g * k);
}

/**
 * Each candidate's sum of the codes of the scored n-grams, each backing off to its prefixes when the
 * language lacks it (0 when it knows none), and how many of the text's distinct letters it knows
 * (counted when single letters are scored), into `sumsOf` and `lettersOf`. An n-gram's codes for
 * all candidates are filled when first needed: from the merged table of its length (one look-up for
 * all candidates), or, for four- and five-grams, from each candidate's own table; a prefix only
 * when a candidate backs off to it.
 */
function sumsFor(languages: string[], grams: NumberedGrams): void {
  const k = languages.length;
  const { count, prefix } = grams;
  if (codes.length < count * k) codes = new Int32Array(count * k * 2);
  if (filled.length < count) filled = new Int32Array(count * 2);
  if (sumsOf.length < k) { sumsOf = new Float64Array(k * 2); lettersOf = new Int32Array(k * 2); }
  if (++fillStamp > 0x3fffffff) { fillStamp = 1; filled.fill(0); }
  const merged = mergedTables();
  const own: (CompactTable | null | undefined)[][] = new Array(k);
  for (let c = 0; c < k; c++) {
    own[c] = languageTables(languages[c]!);
    candidateOf[languageNumber.get(languages[c]!)!] = c;
    sumsOf[c] = 0;
    lettersOf[c] = 0;
  }
  // Locals for the loop (module variables are read through the context on every use).
  const sums = sumsOf, table = codes, done = filled, stamp = fillStamp;
  for (let n = 1; n <= 5; n++) {
    const scored = grams.scored[n]!;
    for (let s = 0; s < scored.length; s++) {
      const first = scored[s]!;
      if (done[first] !== stamp) fill(first, k, grams, merged, languages, own);
      const row = first * k;
      for (let c = 0; c < k; c++) {
        const code = table[row + c]!;
        if (code >= 0) { sums[c]! += code; continue; }
        for (let g = prefix[first]!; g >= 0; g = prefix[g]!) {
          if (done[g] !== stamp) fill(g, k, grams, merged, languages, own);
          const backed = table[g * k + c]!;
          if (backed >= 0) { sums[c]! += backed; break; }
        }
      }
    }
  }
  const singles = grams.scored[1]!;
  for (let s = 0; s < singles.length; s++) {
    const g = singles[s]!;
    for (let c = 0; c < k; c++) if (codes[g * k + c]! >= 0) lettersOf[c]!++;
  }
  for (let c = 0; c < k; c++) candidateOf[languageNumber.get(languages[c]!)!] = -1;
}

/** Every code at 0, in Lingua's order of names; `first` (a language ruled by letters) at 1 before them. */
function zeroes(codes: string[], first: string | null): [string, number][] {
  const sorted = sortedByName(codes);
  const out: [string, number][] = [];
  if (first !== null) out.push([first, 1]);
  for (let i = 0; i < sorted.length; i++) if (sorted[i] !== first) out.push([sorted[i]!, 0]);
  return out;
}

/** Highest confidence first, then by Lingua's name. */
const byConfidence = (a: [string, number], b: [string, number]): number => b[1] - a[1] || byName(a[0], b[0]);

/**
 * Confidences of `codes` for `text` (every code listed, those ruled out at 0), highest first.
 * `low`: trigrams alone whatever the length (less memory, less accurate on short text).
 */
export function scoreLanguages(text: string, codes: string[], low: boolean): [string, number][] {
  const words = wordsOf(text);
  if (!words.length) return zeroes(codes, null);
  const ruled = byUniqueLetters(words, codes);
  if (ruled) return zeroes(codes, ruled);
  const candidates = bySharedLetters(words, codes);
  if (candidates.length === 1) return zeroes(codes, candidates[0]!);
  let letters = 0;
  for (let w = 0; w < words.length; w++) letters += words[w]!.length;
  if (low && letters < 3) return zeroes(codes, null);
  const trigramsOnly = letters >= HIGH_ACCURACY_MAX_LETTERS || low;
  const grams = numberGrams(words, trigramsOnly ? 3 : 5, trigramsOnly);
  const k = candidates.length;
  const names = new Array<string>(k);
  for (let c = 0; c < k; c++) names[c] = modelName.get(candidates[c]!)!;
  sumsFor(names, grams);
  const scored: [string, number][] = [];
  let top = -Infinity;
  for (let c = 0; c < k; c++) {
    // The summed log-probabilities, divided by the letters the language knows (high accuracy only).
    let s = fromCode(sumsOf[c]!);
    if (lettersOf[c]) s /= lettersOf[c]!;
    if (s !== 0) { scored.push([candidates[c]!, s]); if (s > top) top = s; }
  }
  if (!scored.length) return zeroes(codes, null);
  let total = 0;
  for (const pair of scored) { pair[1] = Math.exp(pair[1] - top); total += pair[1]; }
  for (const pair of scored) pair[1] /= total;
  const ranked = scored.sort(byConfidence);
  if (ranked.length === codes.length) return ranked;
  const listed = new Set<string>();
  for (const [c] of ranked) listed.add(c);
  const sorted = sortedByName(codes);
  for (let i = 0; i < sorted.length; i++) if (!listed.has(sorted[i]!)) ranked.push([sorted[i]!, 0]);
  return ranked;
}

/** Lingua's order among languages of equal confidence: by name. */
const nameRank = new Map([...modelName.entries()].sort(([, a], [, b]) => (a < b ? -1 : 1)).map(([code], i) => [code, i]));
function byName(a: string, b: string): number {
  return (nameRank.get(a) ?? 0) - (nameRank.get(b) ?? 0);
}
const codeByRank = [...nameRank.keys()];

/** `[...codes].sort(byName)`, by the ranks' numbers (a reading lists every candidate in this order). */
function sortedByName(codes: string[]): string[] {
  const ranks = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const rank = nameRank.get(codes[i]!);
    if (rank === undefined) return [...codes].sort(byName);
    ranks[i] = rank;
  }
  ranks.sort();
  return Array.from(ranks, (r) => codeByRank[r]!);
}
