// eld's n-gram database (the `eld` package's "small" set: 60 languages, about 81,000 byte n-grams),
// read from the package's own file into flat arrays. eld ships it as a JavaScript object literal of
// 1.6 MB, {ngrams: {'gram': {lang: score, …}, …}}, which costs about 350 ms to import and then a
// string-keyed lookup and an object walk per n-gram of every text; here each n-gram is two 32-bit
// hashes in an open-addressing table whose value points at its (language, score) pairs, parsed
// from the file's text in one pass.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface EldGrams {
  /** eld's language codes (ISO 639-1) by index. */
  languages: string[];
  /** eld's average score of a correct detection, by language index (`isReliable`). */
  averages: Float64Array;
  /** eld's spelling of a UTF-8 byte as one character (its `dictionary`), as character codes. */
  byteChars: Uint16Array;
  /** eld's word separators: runs of what is not a letter of the Basic Multilingual Plane, unless they end in an apostrophe. */
  separators: RegExp;
  /** Open addressing: hash (never 0) → slot; `mask` = slots - 1. */
  keys: Uint32Array;
  /** A second hash of the slot's n-gram, from another seed: a slot answers for an n-gram only when
   *  both match, so n-grams that share the first hash (about one pair among eld's) stay apart, and an
   *  absent n-gram is taken for a present one about once in 2^64 look-ups. */
  checks: Uint32Array;
  /** Per slot: the first pair's index * 256 + the number of pairs. */
  values: Uint32Array;
  mask: number;
  /** The pairs: language index and score (eld adds 53 to each, see detect.ts). */
  pairLanguage: Uint8Array;
  pairScore: Uint8Array;
}

/** The folder of eld's sources (src/), where its data files lie: found as Node finds the package
 *  (eld exports only its entry points, for import, so require.resolve cannot name a file of it). */
function eldSources(): string {
  const dirs = createRequire(import.meta.url).resolve.paths('eld') ?? [];
  const dir = dirs.map((d) => path.join(d, 'eld')).find((d) => existsSync(path.join(d, 'package.json')));
  if (dir !== undefined) return path.join(dir, 'src');
  // No node_modules folder holds it (Yarn's Plug'n'Play): the entry point, as an import resolves it.
  if (typeof import.meta.resolve === 'function') return path.resolve(path.dirname(fileURLToPath(import.meta.resolve('eld/small'))), '..');
  throw new Error('eld: the package is not installed');
}

const QUOTE = 0x27, DOUBLE = 0x22, BACKSLASH = 0x5c, COLON = 0x3a, OPEN = 0x7b, CLOSE = 0x7d, COMMA = 0x2c;

/** FNV-1a over UTF-16 code units, from `seed`: the n-gram strings are eld's one-character-per-byte spelling. */
export function hashGram(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

interface Parsed {
  grams: string[];
  /** Per gram: its pairs' start in `pairs` (language, score, language, score…). */
  starts: number[];
  pairs: number[];
}

/**
 * The n-grams of eld's literal `ngrams:{…}`: each key quoted with ' or " (backslash escapes) or
 * bare, each value an object of integer language indices to integer scores.
 */
export function parseNgrams(source: string): Parsed {
  const open = source.indexOf('ngrams:{');
  if (open < 0) throw new Error('eld: no ngrams in the database file (another eld version?)');
  const out: Parsed = { grams: [], starts: [], pairs: [] };
  let i = open + 8;
  const fail = (what: string) => new Error(`eld: unexpected database text at ${i} (${what}): ${JSON.stringify(source.slice(i - 20, i + 20))}`);
  for (;;) {
    let c = source.charCodeAt(i);
    if (c === CLOSE) break;
    let key = '';
    if (c === QUOTE || c === DOUBLE) {
      const quote = c;
      let from = ++i;
      for (;; i++) {
        c = source.charCodeAt(i);
        if (Number.isNaN(c)) throw fail('unterminated key');
        if (c === BACKSLASH) {
          key += source.slice(from, i) + source[i + 1];
          from = ++i + 1;
        } else if (c === quote) break;
      }
      key += source.slice(from, i);
      i++;
    } else {
      const from = i;
      while (i < source.length && source.charCodeAt(i) !== COLON) i++;
      key = source.slice(from, i);
    }
    if (source.charCodeAt(i) !== COLON || source.charCodeAt(i + 1) !== OPEN) throw fail('key');
    i += 2;
    out.grams.push(key);
    out.starts.push(out.pairs.length);
    for (;;) {
      let lang = 0, score = 0;
      while ((c = source.charCodeAt(i)) >= 48 && c <= 57) { lang = lang * 10 + c - 48; i++; }
      if (c !== COLON) throw fail('language');
      i++;
      while ((c = source.charCodeAt(i)) >= 48 && c <= 57) { score = score * 10 + c - 48; i++; }
      out.pairs.push(lang, score);
      if (c === CLOSE) break;
      if (c !== COMMA) throw fail('score');
      i++;
    }
    i++;
    c = source.charCodeAt(i);
    if (c === COMMA) i++;
    else if (c !== CLOSE) throw fail('after a value');
  }
  return out;
}

/** `name:{0:'am',1:'ar',…}` or `name = {'am': 0.832, …}`: the pairs of a small flat literal. */
function flatPairs(source: string, from: number): [string, string][] {
  const end = source.indexOf('}', from);
  return [...source.slice(from, end).matchAll(/'?(\w+)'?\s*:\s*'?([\w.]+)'?/g)].map((m) => [m[1] as string, m[2] as string]);
}

/** The seeds of an n-gram's two hashes (FNV-1a's own offset basis, and another). */
export const KEY_SEED = 0x811c9dc5;
export const CHECK_SEED = 0x050c5d1f;

/** The n-grams' table: each slot holds an n-gram's two hashes, so two n-grams that share the first stay apart. */
function table(parsed: Parsed): Pick<EldGrams, 'keys' | 'checks' | 'values' | 'mask'> {
  let size = 1;
  while (size < parsed.grams.length * 3) size <<= 1;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const checks = new Uint32Array(size);
  const values = new Uint32Array(size);
  parsed.grams.forEach((gram, g) => {
    const h = hashGram(KEY_SEED, gram);
    const check = hashGram(CHECK_SEED, gram);
    let slot = h & mask;
    while (keys[slot] !== 0) {
      if (keys[slot] === h && checks[slot] === check) throw new Error(`eld: two n-grams under one pair of hashes (${JSON.stringify(gram)})`);
      slot = (slot + 1) & mask;
    }
    keys[slot] = h;
    checks[slot] = check;
    const start = parsed.starts[g] as number;
    const end = g + 1 < parsed.starts.length ? (parsed.starts[g + 1] as number) : parsed.pairs.length;
    values[slot] = (start / 2) * 256 + (end - start) / 2;
  });
  return { keys, checks, values, mask };
}

/** eld's `dictionary`: 256 one-character strings, `'\\''` escaped. */
function byteChars(sources: string): Uint16Array {
  const source = readFileSync(path.join(sources, 'dictionary.js'), 'utf8');
  const list = source.slice(source.indexOf('dictionary = ['));
  const chars = [...list.matchAll(/'(\\.|[^'\\])'/g)].map((m) => (m[1] as string).replace(/^\\/, ''));
  if (chars.length !== 256) throw new Error(`eld: the dictionary has ${chars.length} entries, not 256 (another eld version?)`);
  return Uint16Array.from(chars, (c) => c.charCodeAt(0));
}

/** eld's separators, from the letter ranges of its regexPatterns.js (written as regular-expression escapes). */
function separators(sources: string): RegExp {
  const source = readFileSync(path.join(sources, 'regexPatterns.js'), 'utf8');
  const bmp = /'bmp': '([^']+)'/.exec(source)?.[1];
  if (bmp === undefined) throw new Error('eld: no letter ranges in regexPatterns.js (another eld version?)');
  return new RegExp(`[^${bmp}]+(?<![\\x27\\x60\\u2019])`, 'gu');
}

let grams: EldGrams | null = null;

/** eld's database, read once (about 60 ms). */
export function eldGrams(): EldGrams {
  if (grams) return grams;
  const sources = eldSources();
  const source = readFileSync(path.join(sources, 'ngrams', 'small.js'), 'utf8');
  const languagesAt = source.indexOf('languages:{');
  if (languagesAt < 0) throw new Error('eld: no languages in the database file (another eld version?)');
  const languages: string[] = [];
  for (const [index, code] of flatPairs(source, languagesAt + 11)) languages[Number(index)] = code;
  const parsed = parseNgrams(source);
  const averagesSource = readFileSync(path.join(sources, 'avgScore.js'), 'utf8');
  const averagesAt = averagesSource.indexOf('avgScore = {');
  if (averagesAt < 0) throw new Error('eld: no avgScore in avgScore.js (another eld version?)');
  const averageOf = new Map(flatPairs(averagesSource, averagesAt + 12).map(([code, value]) => [code, Number(value)]));
  const averages = Float64Array.from(languages, (code) => averageOf.get(code) ?? 0);
  const pairLanguage = new Uint8Array(parsed.pairs.length / 2);
  const pairScore = new Uint8Array(parsed.pairs.length / 2);
  for (let p = 0; p < pairLanguage.length; p++) {
    pairLanguage[p] = parsed.pairs[2 * p] as number;
    pairScore[p] = parsed.pairs[2 * p + 1] as number;
  }
  grams = { languages, averages, byteChars: byteChars(sources), separators: separators(sources), ...table(parsed), pairLanguage, pairScore };
  return grams;
}
