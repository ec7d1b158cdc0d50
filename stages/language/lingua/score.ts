// Lingua's way of weighing languages for a text, over its own models (models.ts): its rule engine
// first (letters only one language writes; letters a few languages share), then the sum of the
// log-probabilities of the text's distinct n-grams, each backing off to its shorter prefixes when
// a language's model lacks it (not in the low-accuracy mode, which loads trigram models alone). Texts under 120 letters are read with one- to five-grams and the
// sum divided by how many of the text's letters the language knows; longer texts, and every text
// in the low-accuracy mode, with trigrams alone. Confidences are the sums' softmax, so they add up
// to 1; languages ranked by confidence, then by name.
import { readFileSync } from 'node:fs';
import { scriptOf } from '../../../pipeline/core/text.ts';
import { gramTable, languageTables } from './models.ts';
import { type MergedTable, mergedTable } from './merged.ts';
import { fromCode, type GramTable } from './table.ts';
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
const DROPPED = /[\p{P}\p{N}]+/gu;

const HAS_LETTER = /\p{L}/u;

/** The words Lingua reads: lower-cased, split at white space, punctuation and digits, and only
 *  those with a letter ("|" or "+" between two words is no word: it would lower the share of words
 *  that bear a letter below half). */
function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(DROPPED, ' ').split(/\s+/).filter((w) => HAS_LETTER.test(w));
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
function byUniqueLetters(words: string[], codes: Set<string>): string | null {
  const totals = new Map<string | null, number>();
  for (const word of words) {
    const counts = new Map<string, number>();
    for (const ch of word) { const c = letterLanguage(ch); if (c) counts.set(c, (counts.get(c) ?? 0) + 1); }
    let verdict: string | null = null;
    if (counts.size === 1) verdict = counts.keys().next().value!;
    else if (counts.has('cmn') && counts.has('jpn')) verdict = 'jpn';
    else if (counts.size > 1) {
      const [a, b] = [...counts.entries()].sort((x, y) => y[1] - x[1]);
      if (a![1] > b![1]) verdict = a![0];
    }
    if (verdict && !codes.has(verdict)) verdict = null;
    totals.set(verdict, (totals.get(verdict) ?? 0) + 1);
  }
  if ((totals.get(null) ?? 0) < words.length / 2) totals.delete(null);
  if (totals.size === 0) return null;
  const [first, second] = [...totals.entries()].sort((x, y) => y[1] - x[1]);
  if (totals.size === 2 && totals.has('cmn') && totals.has('jpn')) return 'jpn';
  if (second && first![1] === second[1]) return null;
  return first![0];
}

/** Letter → the indexes of the shared-letter groups it belongs to. */
const sharedGroups = new Map<string, number[]>();
rules.shared.forEach(([letters], i) => { for (const ch of letters) sharedGroups.set(ch, [...(sharedGroups.get(ch) ?? []), i]); });

/** The candidates narrowed to those writing the shared letters (ñ, ø, ё …) at least half the words carry. */
function bySharedLetters(words: string[], codes: string[]): string[] {
  const counts = new Map<string, number>();
  for (const word of words) {
    const groups = new Set<number>();
    for (const ch of word) for (const g of sharedGroups.get(ch) ?? []) groups.add(g);
    for (const g of groups) for (const l of rules.shared[g]![1]) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  if (!counts.size) return codes;
  const subset = codes.filter((c) => (counts.get(c) ?? 0) >= words.length / 2);
  return subset.length ? subset : codes;
}

/** Lingua's languages by name, the order of the merged tables' language numbers. */
const modelLanguages = [...modelName.values()].sort();
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
  const pairs = table.pairsOf(slot);
  const first = pairs >>> 7;
  const end = first + (pairs & 0x7f);
  for (let p = first; p < end; p++) {
    const c = candidateOf[table.pairLanguage[p]!]!;
    if (c >= 0) codes[at + c] = table.pairCode[p]!;
  }
}

/** A numbered n-gram's codes (at `at`) from each candidate's own table of its length `n` (loaded on first use). */
function fromOwn(languages: string[], own: (GramTable | null | undefined)[][], n: number, key: number, at: number): void {
  for (let c = 0; c < languages.length; c++) {
    const tables = own[c]!;
    const t = tables[n] === undefined ? gramTable(languages[c]!, n) : tables[n];
    if (t) codes[at + c] = t.code(key);
  }
}

/**
 * Each candidate's sum of the codes of the scored n-grams, each backing off to its prefixes when the
 * language lacks it (0 when it knows none), and how many of the text's distinct letters it knows
 * (counted when single letters are scored). An n-gram's codes for all candidates are filled when
 * first needed: from the merged table of its length (one look-up for all candidates), or, for four-
 * and five-grams, from each candidate's own table; a prefix only when a candidate backs off to it.
 */
function sumsFor(languages: string[], grams: NumberedGrams): { sums: number[]; letters: number[] } {
  const k = languages.length;
  const { count, key, length, prefix } = grams;
  if (codes.length < count * k) codes = new Int32Array(count * k * 2);
  if (filled.length < count) filled = new Int32Array(count * 2);
  if (++fillStamp > 0x3fffffff) { fillStamp = 1; filled.fill(0); }
  const merged = [null, ...[1, 2, 3].map((n) => mergedTable(n, modelLanguages))];
  const own = languages.map((l) => languageTables(l));
  languages.forEach((l, c) => { candidateOf[languageNumber.get(l)!] = c; });
  const fill = (g: number): void => {
    filled[g] = fillStamp;
    codes.fill(-1, g * k, g * k + k);
    const table = merged[length[g]!];
    if (table) fromMerged(table, key[g]! >>> 0, g * k);
    else fromOwn(languages, own, length[g]!, key[g]! >>> 0, g * k);
  };
  const sums = new Array<number>(k).fill(0);
  const letters = new Array<number>(k).fill(0);
  for (const scored of grams.scored) {
    for (const first of scored) {
      for (let c = 0; c < k; c++) {
        for (let g = first; g >= 0; g = prefix[g]!) {
          if (filled[g] !== fillStamp) fill(g);
          const code = codes[g * k + c]!;
          if (code >= 0) { sums[c]! += code; break; }
        }
      }
    }
  }
  for (const g of grams.scored[1]!) for (let c = 0; c < k; c++) if (codes[g * k + c]! >= 0) letters[c]!++;
  languages.forEach((l) => { candidateOf[languageNumber.get(l)!] = -1; });
  return { sums, letters };
}

/**
 * Confidences of `codes` for `text` (every code listed, those ruled out at 0), highest first.
 * `low`: trigrams alone whatever the length (less memory, less accurate on short text).
 */
export function scoreLanguages(text: string, codes: string[], low: boolean): [string, number][] {
  const zero = (): [string, number][] => sortedByName(codes).map((c) => [c, 0]);
  const words = wordsOf(text);
  if (!words.length) return zero();
  const known = new Set(codes);
  const ruled = byUniqueLetters(words, known);
  if (ruled) return [[ruled, 1], ...zero().filter(([c]) => c !== ruled)];
  const candidates = bySharedLetters(words, codes);
  if (candidates.length === 1) return [[candidates[0]!, 1], ...zero().filter(([c]) => c !== candidates[0])];
  const letters = words.reduce((n, w) => n + w.length, 0);
  if (low && letters < 3) return zero();
  const trigramsOnly = letters >= HIGH_ACCURACY_MAX_LETTERS || low;
  const grams = numberGrams(words, trigramsOnly ? 3 : 5, trigramsOnly);
  const { sums, letters: lettersKnown } = sumsFor(candidates.map((c) => modelName.get(c)!), grams);
  const scored: [string, number][] = [];
  candidates.forEach((c, i) => {
    // The summed log-probabilities, divided by the letters the language knows (high accuracy only).
    let s = fromCode(sums[i]!);
    if (lettersKnown[i]) s /= lettersKnown[i]!;
    if (s !== 0) scored.push([c, s]);
  });
  if (!scored.length) return zero();
  const top = Math.max(...scored.map(([, s]) => s));
  const weights = scored.map(([c, s]) => [c, Math.exp(s - top)] as [string, number]);
  const total = weights.reduce((t, [, w]) => t + w, 0);
  const ranked = weights.map(([c, w]) => [c, w / total] as [string, number]).sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
  const listed = new Set(ranked.map(([c]) => c));
  return [...ranked, ...zero().filter(([c]) => !listed.has(c))];
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
