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
import { ABSENT, FNV_START, fnvCodePoint, tableKey } from './table.ts';

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
const LETTERS = /\p{L}+/gu;
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

/** The distinct n-grams of `length` letters within the words' runs of letters. */
function gramsOf(words: string[], length: number): string[] {
  const grams = new Set<string>();
  for (const word of words) {
    for (const run of word.match(LETTERS) ?? []) {
      const chars = run.length === [...run].length ? null : [...run];
      const n = chars ? chars.length : run.length;
      for (let i = 0; i + length <= n; i++) grams.add(chars ? chars.slice(i, i + length).join('') : run.slice(i, i + length));
    }
  }
  return [...grams];
}

/** Hashes of a gram's prefixes, longest first (FNV-1a is incremental, so one pass gives all). */
function prefixHashes(gram: string): number[] {
  const out: number[] = [];
  let h = FNV_START;
  for (const ch of gram) { h = fnvCodePoint(h, ch.codePointAt(0)!); out.push(tableKey(h)); }
  return out.reverse();
}

/** Sum of log-probabilities of the grams for one language (0 when it knows none of them). */
function sumFor(language: string, hashes: number[][]): number {
  const tables = languageTables(language);
  let sum = 0;
  for (const prefixes of hashes) {
    for (let k = 0; k < prefixes.length; k++) {
      const length = prefixes.length - k;
      const table = tables[length] === undefined ? gramTable(language, length) : tables[length];
      const lp = table ? table.get(prefixes[k]!) : ABSENT;
      if (lp !== ABSENT) { sum += lp; break; }
    }
  }
  return sum;
}

/**
 * Confidences of `codes` for `text` (every code listed, those ruled out at 0), highest first.
 * `low`: trigrams alone whatever the length (less memory, less accurate on short text).
 */
export function scoreLanguages(text: string, codes: string[], low: boolean): [string, number][] {
  const zero = (): [string, number][] => [...codes].sort(byName).map((c) => [c, 0]);
  const words = wordsOf(text);
  if (!words.length) return zero();
  const known = new Set(codes);
  const ruled = byUniqueLetters(words, known);
  if (ruled) return [[ruled, 1], ...zero().filter(([c]) => c !== ruled)];
  const candidates = bySharedLetters(words, codes);
  if (candidates.length === 1) return [[candidates[0]!, 1], ...zero().filter(([c]) => c !== candidates[0])];
  const letters = words.reduce((n, w) => n + w.length, 0);
  if (low && letters < 3) return zero();
  const lengths = letters >= HIGH_ACCURACY_MAX_LETTERS || low ? [3] : [1, 2, 3, 4, 5];
  const sums = new Map<string, number>(candidates.map((c) => [c, 0]));
  let unigramCounts: Map<string, number> | null = null;
  for (const length of lengths) {
    if (letters < length) continue;
    const hashes = gramsOf(words, length).map(prefixHashes);
    if (length === 1) {
      unigramCounts = new Map();
      for (const c of candidates) {
        const table = gramTable(modelName.get(c)!, 1);
        let n = 0;
        if (table) for (const [h] of hashes) if (table.get(h!) !== ABSENT) n++;
        unigramCounts.set(c, n);
      }
    }
    for (const c of candidates) sums.set(c, sums.get(c)! + sumFor(modelName.get(c)!, hashes));
  }
  const scored: [string, number][] = [];
  for (const c of candidates) {
    let s = sums.get(c)!;
    const n = unigramCounts?.get(c);
    if (n) s /= n;
    if (s !== 0) scored.push([c, s]);
  }
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
