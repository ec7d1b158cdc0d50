// Finds temporal expressions in one block of text. Each rule is a regular expression assembled
// from a language's tables (lexicon.ts) plus a function that reads its groups into a Meaning;
// the rules live in rules/, one small named object each, and DATE_RULES lists them in order.
// Every rule runs over the block once; overlapping candidates are then settled longest-first.
// The patterns have no nested unbounded repetition, so matching stays linear in the text.
import { durationValue, readNumber } from './amounts.ts';
import type { Language } from './lexicon.ts';
import { neverMatches } from './never-matches.ts';
import { eachMatch, type Scan, scanOf, splitScanFits } from './scan.ts';
import { century, cjkDate, dayMonth, decadeWord, iso, monthDay, monthYear, numeric, spelledYear, year, yearWord } from './rules/calendar.ts';
import { barePlural, cjkAgo, cjkDuration, duration, quarter } from './rules/durations.ts';
import { ago, holiday, phrase, relative, season, weekday } from './rules/relative.ts';
import type { Candidate, Match, Problem, Rule, RuleDef } from './rules/rule.ts';
import { clock, set, time, yearPeriod } from './rules/times.ts';

export type { Candidate, Problem, RuleDef };

/**
 * Every rule, in the order they run; each applies to the languages its `when` accepts. The order
 * is the order of the candidates, which settles ties between equally long ones.
 */
export const DATE_RULES: readonly RuleDef[] = [
  cjkDate, cjkAgo, cjkDuration,
  iso, numeric, monthDay, dayMonth, monthYear,
  weekday, phrase, holiday,
  barePlural, relative, ago, duration, quarter,
  yearWord, year, clock, yearPeriod, spelledYear, decadeWord, season,
  time, century, set,
];

/**
 * Builds the rules of `table` that apply to one language, in table order; a rule that needs a
 * table the language lacks (its pattern can never match) is left out rather than run for nothing.
 */
export function buildRules(lang: Language, table: readonly RuleDef[] = DATE_RULES): Rule[] {
  return table
    .filter((def) => !def.when || def.when(lang))
    .map((def) => ({ name: def.name, ...def.make(lang) }))
    .filter((rule) => !neverMatches(rule.re.source));
}

const compiled = new Map<string, { rule: Rule; scan: Scan }[]>();

/** The rules of a language with their scans (scan.ts), compiled once per process. */
function scannedRulesOf(lang: Language): { rule: Rule; scan: Scan }[] {
  let rules = compiled.get(lang.code);
  if (!rules) {
    rules = buildRules(lang).map((rule) => ({ rule, scan: scanOf(rule.re) }));
    compiled.set(lang.code, rules);
  }
  return rules;
}

/** The rules of a language, compiled once per process. */
export function rulesOf(lang: Language): Rule[] {
  return scannedRulesOf(lang).map((r) => r.rule);
}

/**
 * Every candidate of every rule in `text`, for the given languages, plus the problems seen.
 * Rules named in `disabled` are skipped.
 */
export function findCandidates(
  text: string,
  langs: Language[],
  disabled: ReadonlySet<string> = new Set(),
): { candidates: Candidate[]; problems: Problem[] } {
  const candidates: Candidate[] = [];
  const problems: Problem[] = [];
  const split = splitScanFits(text);
  for (const lang of langs) {
    for (const { rule, scan } of scannedRulesOf(lang)) {
      if (disabled.has(rule.name)) continue;
      eachMatch(
        scan,
        text,
        (m) => {
          const c = rule.read(m as unknown as Match, lang, problems);
          if (c && c.end > c.start) candidates.push(c);
        },
        split,
      );
    }
  }
  return { candidates, problems };
}

export { durationValue, readNumber };
