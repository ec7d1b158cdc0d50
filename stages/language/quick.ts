// A quick first answer for long blocks. Lingua reads about 4 µs a character; eld reads ten times
// faster, and on a paragraph-long text it is as right as Lingua, except between languages so close
// that only Lingua (with marker words) tells them apart. So: eld first on long text, Lingua when
// eld is unsure, names a close relative, or names a language outside Lingua's set.
import { readFileSync } from 'node:fs';
import { memoize } from '../../pipeline/core/memo.ts';
import type { DetectResult } from './detect.ts';
import { eldLanguages, eldRead } from './eld/detect.ts';

const data = (name: string) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));
const iso3: Record<string, string> = data('eld-iso1.json');
/** Languages eld confuses with a close relative: Lingua and its marker words decide those. */
export const CLOSE: ReadonlySet<string> = new Set<string>(data('close-languages.json').languages);

/** Texts shorter than this go straight to Lingua. */
export const QUICK_MIN_CHARS = 250;
const QUICK_MAX_CHARS = 320;

export function quickDetect(text: string): DetectResult | null {
  return quickRead(text).detection;
}

/**
 * eld's reading of a long text: `detection` when it can be taken as it is, and in any case `guess`,
 * eld's best language (one Lingua knows, not a close relative), for a cheaper check than Lingua's,
 * and `best`, eld's five best (its own codes), for `amongFor`.
 */
export function quickRead(text: string): { detection: DetectResult | null; guess: string | undefined; best: string[] } {
  if (text.length < QUICK_MIN_CHARS) return { detection: null, guess: undefined, best: [] };
  // A paragraph's first few hundred characters settle its language.
  const result = eldRead(text.length > QUICK_MAX_CHARS ? text.slice(0, text.lastIndexOf(' ', QUICK_MAX_CHARS) + 1 || QUICK_MAX_CHARS) : text, AMONG_GUESSES);
  const languages = eldLanguages();
  const lang = iso3[result.best < 0 ? '' : (languages[result.best] as string)];
  const guess = lang === undefined || CLOSE.has(lang) ? undefined : lang;
  // eld's languages by score, best first, ties by index: eld's own order (its languages are
  // numbered in code order, and it sorts them stably by score). Not to be changed.
  const { order, scores } = result;
  const best = order.slice(0, AMONG_GUESSES).map((l) => languages[l] as string);
  if (!result.reliable || guess === undefined) return { detection: null, guess, best };
  const first = order.length > 0 ? (scores[order[0] as number] as number) : 0;
  const second = order.length > 1 ? (scores[order[1] as number] as number) : 0;
  // eld's scores are not probabilities: on a clean English paragraph the runner-up still scores
  // about 0.8 of the best. Only a near tie sends the text on to Lingua.
  if (first <= 0 || second / first > 0.9) return { detection: null, guess, best };
  const lead = (first - second) / first;
  return { detection: { lang: guess, confidence: Math.round(Math.min(1, 0.5 + 2 * lead) * 1000) / 1000, method: 'eld' }, guess, best };
}

/** eld's best guesses that Lingua is asked to weigh, when eld is unsure of a paragraph. */
const AMONG_GUESSES = 5;
/** Lingua's languages that eld does not know: Lingua weighs them on every paragraph eld is unsure of. */
const UNKNOWN_TO_ELD: string[] = (() => {
  const known = new Set(Object.values(iso3));
  const lingua = Object.values(data('lingua-names.json') as Record<string, string>);
  return lingua.filter((l) => !known.has(l)).sort();
})();

/**
 * The languages Lingua weighs for a paragraph eld is unsure of: eld's best guesses, the close
 * relatives eld confuses, and the languages eld does not know. On a paragraph the truth is among
 * eld's five best whenever eld knows it; Lingua then reads some thirty languages, not all 75.
 * Undefined (all languages) when eld has no guess. `codes` are eld's own, best first (`quickRead`'s `best`).
 */
export function amongFor(codes: string[]): string[] | undefined {
  const guesses = codes.flatMap((code) => (iso3[code] ? [iso3[code] as string] : []));
  return guesses.length === 0 ? undefined : [...new Set([...guesses, ...CLOSE, ...UNKNOWN_TO_ELD])];
}

/** eld's reading of a short text, for a yes/no question: is this text in `lang`? */
export function quickAgrees(text: string, lang: string): boolean {
  return eldReading(text).lang === lang;
}

/** How many of eld's best languages `quickCandidates` gives. */
const CANDIDATES = 3;

/** eld's three best languages for a text (ISO 639-3, those eld knows). */
export function quickCandidates(text: string): string[] {
  return eldReading(text).candidates;
}

interface EldReading {
  lang: string | undefined;
  candidates: string[];
}

// Menus and bylines repeat across a dump: eld's reading of a short text is remembered.
const eldReading = memoize(
  (text: string): EldReading => {
    const result = eldRead(text, CANDIDATES);
    const languages = eldLanguages();
    const candidates: string[] = [];
    for (let i = 0; i < CANDIDATES && i < result.order.length; i++) {
      const code = iso3[languages[result.order[i] as number] as string];
      if (code) candidates.push(code);
    }
    return { lang: iso3[result.best < 0 ? '' : (languages[result.best] as string)], candidates };
  },
  { size: 20_000, maxKeyLength: 120 },
);
