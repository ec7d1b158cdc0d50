// Language identification core for newsnorm.
// Lingua's n-gram models and rules (scored by lingua/score.ts, in high-accuracy mode unless told
// otherwise) restricted by a Unicode script check, with alphabet
// exclusion (Cyrillic), look-alike letter repair (the repair stage's rule, pipeline/core/lookalikes.ts) and marker-word tie-breaks for
// close language pairs. Codes are franc-style ISO 639-3 (arb, pes, zlm, cmn, ekk, lvs, ...).
// Node 20 ESM (module: nodenext / package type "module").
import { readFileSync } from 'node:fs';
import { replaceLookalikes } from '../../pipeline/core/lookalikes.ts';
import { kindOf, LETTER, scriptOf as unicodeScript } from '../../pipeline/core/text.ts';
import { scoreLanguages } from './lingua/score.ts';

export interface DetectOptions {
  /** expected language (ISO 639-3); preferred when it is close to the best candidate */
  hint?: string;
  /** for experiments: disable single steps ('script','alphabet','markers','homoglyphs') */
  disable?: string[];
  /**
   * Lingua's mode: `high` (default) reads n-grams of one to five letters, `low` only trigrams
   * (backing off to bigrams and letters). They agree on texts of 120 letters or more; on shorter
   * ones `low` is less accurate but loads a twentieth of the models (lingua/models.ts).
   */
  accuracy?: 'high' | 'low';
  /**
   * Only these languages are weighed (with the script's own candidates): a detector over a handful
   * of languages reads a text twenty times faster and loads only their models.
   */
  among?: string[];
}
export interface DetectResult {
  lang: string;
  confidence: number;
  method: string;
  candidates?: { lang: string; score: number }[];
}

interface ScriptTable {
  unique: Record<string, string>;
  shared: Record<string, string[]>;
  alphabets: Record<string, Record<string, string>>;
  distinctive: { minLetters: number } & Record<string, Record<string, string> | number | string>;
}
interface MarkerTable { pairs: { langs: [string, string]; markers: Record<string, string[]> }[] }

const dataUrl = (f: string): URL => new URL(`./data/${f}`, import.meta.url);
const readJson = <T>(f: string): T => JSON.parse(readFileSync(dataUrl(f), 'utf8')) as T;

let tables: { names: Record<string, string>; codeToName: Record<string, string>; scripts: ScriptTable; markers: MarkerTable } | null = null;
function getTables() {
  if (!tables) {
    const names = readJson<Record<string, string>>('lingua-names.json');
    const codeToName: Record<string, string> = {};
    for (const [n, c] of Object.entries(names)) codeToName[c] = n;
    tables = { names, codeToName, scripts: readJson<ScriptTable>('scripts.json'), markers: readJson<MarkerTable>('markers.json') };
  }
  return tables;
}

// ---- Lingua's models, scored by lingua/score.ts ----
/** Every language Lingua has models of, by ISO 639-3 code. */
function allCodes(): string[] { return Object.values(getTables().names); }
/** The languages a text in `script` may be in, for a text whose script the tables know. */
function scriptLanguages(script: string): string[] | null {
  const { scripts } = getTables();
  return scripts.shared[script] ?? (scripts.unique[script] ? [scripts.unique[script]] : null);
}

// ---- text preparation ----
const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|[@#]\w+/giu;
/** Whether URL_RE can match: each of its addresses has "://", "www." (any case), "@" or "#". Most
 *  texts have none, and the expression tries an e-mail address at every position. */
const mayHoldAddress = (text: string): boolean => text.includes('@') || text.includes('#') || text.includes('://') || /www\./i.test(text);
/** The scripts the language tables know; a letter of another script is `Other`. */
const SCRIPT_NAMES = new Set(['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Devanagari', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Armenian', 'Georgian', 'Thai', 'Gujarati', 'Tamil', 'Telugu', 'Bengali', 'Gurmukhi']);

/** The script of a character, `Other` for a letter of no known script, '' for no letter of one. */
function scriptOf(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  const s = unicodeScript(cp);
  if (SCRIPT_NAMES.has(s)) return s;
  return kindOf(cp) & LETTER ? 'Other' : '';
}

/** `scriptOf` by code unit of the Basic Multilingual Plane (surrogates excepted), filled as letters turn up. */
const scriptByUnit: (string | undefined)[] = new Array(0x10000);

function tally(text: string): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>(); let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let s: string;
    if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate: the code point (or the lone unit) as `for … of` gives it.
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      s = scriptOf(String.fromCodePoint(cp));
    } else {
      s = scriptByUnit[c] ??= scriptOf(String.fromCharCode(c));
    }
    if (!s) continue;
    counts.set(s, (counts.get(s) ?? 0) + 1); total++;
  }
  return { counts, total };
}

/** The script the text is written in: a non-Latin script wins when it has >= 25 % of the letters
 *  (news text in other scripts often carries Latin names and chrome). Kana => Japanese. */
function mainScript(counts: Map<string, number>, total: number): string {
  const kana = (counts.get('Hiragana') ?? 0) + (counts.get('Katakana') ?? 0);
  const han = counts.get('Han') ?? 0;
  if (kana > 0 && kana + han >= 0.25 * total) return 'Hiragana';
  const sorted = [...counts.entries()].filter(([s]) => s !== 'Hiragana' && s !== 'Katakana').sort((a, b) => b[1] - a[1]);
  const nonLatin = sorted.find(([s]) => s !== 'Latin' && s !== 'Other');
  if (nonLatin && nonLatin[1] >= 0.25 * total) return nonLatin[0];
  return sorted[0]?.[0] ?? 'Other';
}

/** Keep only words written (mostly) in `script` so Latin chrome does not drown a non-Latin text. */
function onlyScript(text: string, script: string): string {
  return text.replace(WORDS, (w) => {
    let n = 0, m = 0;
    for (const ch of w) { const s = scriptOf(ch); if (s) { m++; if (s === script || (script === 'Han' && (s === 'Hiragana' || s === 'Katakana'))) n++; } }
    return m && n * 2 >= m ? w : ' ';
  });
}

/** Drop candidates whose alphabet misses letters of the text (1 % tolerance), and, in longer text,
 *  candidates none of whose distinctive letters occur (e.g. Kazakh without any of әғқңөұүһ). */
function alphabetFilter(text: string, cands: string[], script: string, t: ScriptTable): string[] {
  const alph = t.alphabets[script];
  if (!alph) return cands;
  // The script's letters of the text, each with how often it occurs.
  const present = new Map<string, number>();
  let letters = 0;
  for (const ch of text.toLowerCase()) if ((ch.length === 1 ? (scriptByUnit[ch.charCodeAt(0)] ??= scriptOf(ch)) : scriptOf(ch)) === script) { present.set(ch, (present.get(ch) ?? 0) + 1); letters++; }
  if (!letters) return cands;
  const tol = Math.floor(letters * 0.01);
  const dist = t.distinctive[script] as Record<string, string> | undefined;
  const keep = cands.filter((c) => {
    const a = alph[c]; if (!a) return true;
    let bad = 0; for (const [ch, n] of present) if (!a.includes(ch)) bad += n;
    if (bad > tol) return false;
    const d = dist?.[c];
    if (d && letters >= t.distinctive.minLetters && ![...d].some((ch) => present.has(ch))) return false;
    return true;
  });
  return keep.length ? keep : cands;
}

function markerVote(text: string, a: string, b: string): string | null {
  const pair = getTables().markers.pairs.find((p) => p.langs.includes(a) && p.langs.includes(b));
  if (!pair) return null;
  const words = text.toLowerCase().match(WORDS) ?? [];
  const score = (l: string): number => {
    let n = 0;
    for (const stem of pair.markers[l] ?? []) {
      const whole = stem.endsWith('$'); const s = whole ? stem.slice(0, -1) : stem;
      for (const w of words) if (whole ? w === s : w.startsWith(s)) n++;
    }
    return n;
  };
  const sa = score(a), sb = score(b);
  return sa > sb ? a : sb > sa ? b : null;
}

const WORDS = /[\p{L}\p{M}]+/gu;
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** What a text's reading needs of the text alone: an answer without Lingua, or Lingua's input and candidates. */
type Prepared =
  | { result: DetectResult }
  | { result: null; counts: Map<string, number>; total: number; script: string; cands: string[] | null; input: string };

/** The text read last and its preparation: a short block is read twice in a row (by the trigram
 *  models for guesses, then among a few languages), and the preparation is a third of a reading. */
let lastText: string | null = null;
let lastPrepared: Prepared | null = null;

function prepare(text: string, off: ReadonlySet<string>): Prepared {
  const { scripts } = getTables();
  let clean = String(text ?? '').normalize('NFC');
  if (mayHoldAddress(clean)) clean = clean.replace(URL_RE, ' ');
  // Look-alike letters ("Ρoή" with a Latin "o") would count for the wrong script.
  if (!off.has('homoglyphs')) clean = replaceLookalikes(clean);
  const { counts, total } = tally(clean);
  if (total === 0) return { result: { lang: 'und', confidence: 0, method: 'no-letters' } };
  // Only letters of scripts none of Lingua's languages is written in (Khmer, Sinhala, Ethiopic…):
  // Lingua finds no evidence in them, and asking would load every language's models to say so.
  if (counts.size === 1 && counts.has('Other')) return { result: { lang: 'und', confidence: 0, method: 'no-evidence' } };

  let script = 'Other';
  let cands: string[] | null = null;
  let input = clean;
  if (!off.has('script')) {
    script = mainScript(counts, total);
    const uniq = scripts.unique[script];
    if (uniq) {
      const share = script === 'Hiragana' ? 1 : (counts.get(script) ?? 0) / total;
      return { result: { lang: uniq, confidence: round(Math.min(1, 0.5 + share / 2)), method: `script:${script}` } };
    }
    cands = scripts.shared[script] ?? null;
    if (cands && script !== 'Latin' && (counts.get(script) ?? 0) < 0.9 * total) input = onlyScript(clean, script);
    if (cands && !off.has('alphabet')) cands = alphabetFilter(input, cands, script, scripts);
  }
  return { result: null, counts, total, script, cands, input };
}

const NOTHING_OFF: ReadonlySet<string> = new Set();

/** Whether the scores are highest first (ties in any order: the sort that would follow is stable). */
function descending(scores: readonly [string, number][]): boolean {
  for (let i = 1; i < scores.length; i++) if (scores[i]![1] > scores[i - 1]![1]) return false;
  return true;
}

export function detectLanguage(text: string, options: DetectOptions = {}): DetectResult {
  const off = options.disable?.length ? new Set(options.disable) : NOTHING_OFF;
  let prepared: Prepared;
  if (off !== NOTHING_OFF) prepared = prepare(text, off);
  else if (text === lastText && lastPrepared) prepared = lastPrepared;
  else {
    prepared = prepare(text, off);
    lastText = text;
    lastPrepared = prepared;
  }
  // A fresh object each time: a caller may change the one it is given.
  if (prepared.result) return { ...prepared.result };
  const { counts, total, input } = prepared;
  let cands = prepared.cands;

  // Lingua weighs only the script's candidates: a detector over fewer languages reads a text in
  // proportion faster (Cyrillic: 8 of 75), and its confidences are those of all languages,
  // restricted and normalised again. A single candidate needs no reading at all.
  let method = options.accuracy === 'low' ? 'lingua-low' : 'lingua';
  const low = options.accuracy === 'low';
  if (options.among) {
    const among = new Set(options.among);
    const names = getTables().codeToName;
    cands = (cands ?? Object.keys(names)).filter((c) => among.has(c));
    if (cands.length === 0) return { lang: 'und', confidence: 0, method: 'no-candidate' };
  }
  // With no script check (an experiment) or letters mostly of no known script, the candidates are
  // the languages of the text's most frequent known script, as Lingua's own rules narrow them.
  const weighed = cands ?? scriptLanguages(mainScript(new Map([...counts].filter(([k]) => k !== 'Other')), total)) ?? allCodes();
  const scores: [string, number][] = weighed.length === 1 ? [[weighed[0]!, 1]] : scoreLanguages(input, weighed, low);
  const sum = scores.reduce((s, [, v]) => s + v, 0);
  if (!scores.length || sum <= 0) {
    return cands?.length ? { lang: cands[0]!, confidence: 0.1, method: `${method}:script-default` } : { lang: 'und', confidence: 0, method: 'no-evidence' };
  }
  // Normalised in place (scoreLanguages gives a fresh list), and sorted only if it is not in order
  // already: scoreLanguages ranks highest first, and dividing by one positive sum keeps that order.
  // (The copy and the sort were about 16 MB allocated per 10 MB of the bench dump.)
  for (const pair of scores) pair[1] /= sum;
  let ranked = descending(scores) ? scores : scores.sort((a, b) => b[1] - a[1]);

  if (options.hint) {
    const h = options.hint.toLowerCase();
    const hs = ranked.find(([c]) => c === h);
    if (hs && hs[1] * 2 >= ranked[0]![1]) { ranked = [hs, ...ranked.filter(([c]) => c !== h)]; method += '+hint'; }
  }

  let [best, conf] = ranked[0]!;
  const second = ranked[1];
  if (!off.has('markers') && second) {
    const v = markerVote(input, best, second[0]);
    if (v && v !== best) { [best, conf] = [v, second[1]]; method += '+markers'; ranked = [second, ranked[0]!, ...ranked.slice(2)]; }
  }
  return { lang: best, confidence: round(conf), method, candidates: ranked.slice(0, 5).map(([lang, score]) => ({ lang, score: round(score) })) };
}
