// What every date rule is made of, and the small readers several rules share.
import { isValidDay } from '../calendar.ts';
import { type Language, lookup } from '../lexicon.ts';
import type { Meaning } from '../meaning.ts';

export interface Candidate {
  start: number;
  end: number;
  meaning: Meaning;
  rule: string;
}

/** A problem seen while reading an expression: becomes a vfile message. */
export interface Problem {
  start: number;
  end: number;
  ruleId: 'invalid-date' | 'implausible-year' | 'weekday-mismatch' | 'not-a-date';
  reason: string;
  text: string;
}

/**
 * A regex match as the rules read it. Groups that did not take part are undefined at run time;
 * the rules test the optional ones before use, so they are typed as the mandatory ones are.
 */
type Group = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
export type Match = { [g in Group]: string } & { index: number; input: string };

/** A rule compiled for one language: its pattern, and what it reads from a match. */
export interface Rule {
  name: string;
  re: RegExp;
  read(m: Match, lang: Language, problems: Problem[]): Candidate | null;
}

/**
 * A rule as the table lists it: its name, the languages it applies to (`when`; all without it)
 * and how it is built from a language's tables.
 */
export interface RuleDef {
  name: string;
  when?(lang: Language): boolean;
  make(lang: Language): Omit<Rule, 'name'>;
}

/** Word boundaries: no letter or digit right before (L) or after (R). */
export const L = '(?<![\\p{L}\\p{N}])';
export const R = '(?![\\p{L}\\p{N}])';
/** The flags every word rule is compiled with. */
export const g = 'giu';

/** CJK scripts have no spaces between words: their rules run without word boundaries. */
export function boundaries(lang: Language): { l: string; r: string } {
  return lang.file.cjk ? { l: '', r: '' } : { l: L, r: R };
}

/** A year as written: null (and a problem) when it is no plausible year, undefined when absent. */
export function yearOf(text: string | undefined, m: Match, problems: Problem[]): number | null | undefined {
  if (text === undefined) return undefined;
  const y = Number(text);
  if (text.length > 4 || y < 1) {
    problems.push({ start: m.index, end: m.index + m[0].length, ruleId: 'implausible-year', reason: `year ${text.length > 12 ? `of ${text.length} digits` : text} is not a plausible year`, text: m[0].slice(0, 80) });
    return null;
  }
  return y;
}

/** A day of a named month ("27 January 2026", "Jan. 27"), checked against the calendar. */
export function dayDate(
  lang: Language,
  m: Match,
  problems: Problem[],
  parts: { weekday?: string; day: string; month: string; year?: string },
): Candidate | null {
  const month = lookup(lang.months, parts.month.replace(/\.$/, ''));
  const day = Number(parts.day);
  if (month === undefined) return null;
  const year = yearOf(parts.year, m, problems);
  if (year === null) return null;
  if (!isValidDay(year ?? 2000, month, day)) {
    problems.push({ start: m.index, end: m.index + m[0].length, ruleId: 'invalid-date', reason: `day ${day} does not exist in month ${month}${year ? ` of ${year}` : ''}`, text: m[0] });
    return null;
  }
  const weekday = parts.weekday ? lookup(lang.weekdays, parts.weekday.replace(/\.$/, '')) : undefined;
  return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year, month, day, weekday }, rule: 'day-month' };
}
