// Rules for expressions read against the document's date: weekdays, fixed phrases, holidays,
// "last year", "two weeks ago", "in the summer".
import { numberPattern, readNumber } from '../amounts.ts';
import { type Language, key, lookup } from '../lexicon.ts';
import type { Meaning } from '../meaning.ts';
import { L, R, type Candidate, type Match, type RuleDef, boundaries, g } from './rule.ts';

const OPENS_UPPER = /^\p{Lu}/u;

const notCjk = (lang: Language): boolean => !lang.file.cjk;

/** "on Tuesday", "Friday night", "earlier Sunday", "Δευτέρα". */
export const weekday: RuleDef = {
  name: 'weekday',
  make(lang) {
    const p = lang.pattern;
    const { l, r } = boundaries(lang);
    return {
      // The part of the day may be glued on, as German writes it ("am Dienstagabend").
      re: new RegExp(`${l}(?:(${p.edge}|earlier|later|late|early)\\s+)?(${p.weekday})(?:\\s*(${p.part}))?${r}`, 'giu'),
      read(m) {
        const weekdayText = m[2];
        const weekday = lookup(lang.weekdays, weekdayText.replace(/\.$/, ''));
        if (weekday === undefined) return null;
        // Abbreviations ("Fri.") need their dot, and English names their capital.
        if (lang.file.capitalizedMonths && !OPENS_UPPER.test(weekdayText)) return null;
        if (!lang.file.cjk && weekdayText.replace(/\.$/, '').length <= 4 && !weekdayText.endsWith('.')) return null;
        // Weekday names that are also common words (Russian "среду" = environment, Portuguese
        // "quinta" = fifth) count only after a word of time ("в среду", "na quinta").
        if (lang.ambiguousWeekdays.has(key(weekdayText)) && !m[1] && !lang.monthLead?.test(m.input.slice(Math.max(0, m.index - 12), m.index))) return null;
        // "Friday night": the day with its part (TIMEX3 "2026-01-23TNI").
        const part = m[3] ? lookup(lang.parts, m[3]) : undefined;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'weekday', weekday, part }, rule: 'weekday' };
      },
    };
  },
};

/** Fixed phrases of the language table: today, now, every year, last year... */
export const phrase: RuleDef = {
  name: 'phrase',
  make(lang) {
    const { l, r } = boundaries(lang);
    return {
      re: new RegExp(`${l}${lang.pattern.phrase}${r}`, 'giu'),
      read(m) {
        const phrase = lookup(lang.phrases, m[0]);
        if (!phrase || phrase.weak) return null;
        // German "morgen" is tomorrow, "Morgen" the morning: such phrases must match their case.
        if (phrase.lowerCaseOnly && m[0] !== m[0].toLowerCase()) return null;
        const start = m.index + (phrase.trim ?? 0);
        const end = m.index + m[0].length;
        let meaning: Meaning;
        if (phrase.value) meaning = { kind: 'literal', value: phrase.value, type: 'DATE' };
        else if (phrase.set) meaning = { kind: 'literal', value: phrase.set, type: 'SET' };
        else if (phrase.focusQuarter) meaning = { kind: 'focusQuarter' };
        else if (phrase.rel) meaning = { kind: 'shift', unit: phrase.rel, n: phrase.n ?? 0, part: phrase.part, focus: phrase.focus, edge: phrase.edge, discourse: phrase.discourse };
        else return null;
        return { start, end, meaning, rule: 'phrase' };
      },
    };
  },
};

/** Christmas, Thanksgiving, 元旦: days named by the holiday table. */
export const holiday: RuleDef = {
  name: 'holiday',
  when: (lang) => lang.holidays.size > 0,
  make(lang) {
    const { l, r } = boundaries(lang);
    return {
      re: new RegExp(`${l}${lang.pattern.holiday}${r}`, 'giu'),
      read(m) {
        const rule = lookup(lang.holidays, m[0]);
        // English holiday names are proper nouns: "christmas" in lower case is rare and "thanksgiving" is a word.
        if (!rule || (lang.file.capitalizedMonths && !OPENS_UPPER.test(m[0]))) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'holiday', rule }, rule: 'holiday' };
      },
    };
  },
};

/** this/last/next + unit, month, weekday or season (also the French/Spanish order "l'année dernière"). */
export const relative: RuleDef = {
  name: 'relative',
  when: notCjk,
  make(lang) {
    const p = lang.pattern;
    const target = `(${p.unit}|${p.month}|${p.weekday}|${p.season})`;
    return {
      re: new RegExp(`${L}(?:(${p.edge})[\\s-]+)?(?:(${p.relBefore})\\s+${target}|(?:${p.article}\\s*)?${target}\\s+(${p.relAfter}))${R}`, g),
      read(m) {
        const relWord = m[2] ?? m[5];
        const word = m[3] ?? m[4];
        const n = lookup(lang.rel, relWord);
        if (n === undefined || word === undefined) return null;
        return relativeCandidate(m, lang, word, n);
      },
    };
  },
};

function relativeCandidate(m: Match, lang: Language, word: string, n: number): Candidate | null {
  const span = { start: m.index, end: m.index + m[0].length, rule: 'relative' };
  const unit = lookup(lang.units, word);
  if (unit) {
    if (lang.calendarUnits && !lang.calendarUnits.has(key(word))) return null;
    return { ...span, meaning: { kind: 'shift', unit, n } };
  }
  const month = lookup(lang.months, word.replace(/\.$/, ''));
  if (month !== undefined) return { ...span, meaning: { kind: 'named', month, relation: n } };
  const weekday = lookup(lang.weekdays, word.replace(/\.$/, ''));
  if (weekday !== undefined) return { ...span, meaning: { kind: 'weekday', weekday, relation: n } };
  const season = lookup(lang.seasons, word);
  if (season !== undefined) return { ...span, meaning: { kind: 'named', season, relation: n } };
  return null;
}

/** "about", "nearly" before an amount (group 1 of the rules that use it). */
export const durationPrefix = (lang: Language): string => `(?:(${lang.pattern.durationPrefix})\\s+)?`;
/** A number, in figures or words, or a vague amount ("several"). */
export const amountPattern = (lang: Language): string => `(${numberPattern(lang)}|${lang.pattern.vague})`;

/** two weeks ago / vor zwei Wochen / il y a deux jours / hace tres años / три дня назад */
export const ago: RuleDef = {
  name: 'ago',
  when: notCjk,
  make(lang) {
    const p = lang.pattern;
    const prefix = durationPrefix(lang);
    const amount = amountPattern(lang);
    return {
      re: new RegExp(`${L}(?:${prefix}${amount}[\\s-]+(${p.unit})\\s+(${p.agoAfter})|(${p.agoBefore})\\s+${prefix}${amount}\\s+(${p.unit}))${R}`, g),
      read(m) {
        const amountText = m[2] ?? m[7];
        const unitText = m[3] ?? m[8];
        const signWord = m[4] ?? m[5];
        const unit = lookup(lang.units, unitText);
        const sign = lookup(lang.agoSign, signWord) ?? -1;
        if (!unit) return null;
        const n = readNumber(amountText, lang);
        if (n === null) {
          // "several years ago": a past date of unknown distance.
          return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', type: 'DATE' }, rule: 'ago' };
        }
        if (!Number.isInteger(n)) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'shift', unit, n: sign * n, focus: unit === 'Y' && n === 1 }, rule: 'ago' };
      },
    };
  },
};

/** "in the summer", "during the early winter": a season alone, after a preposition of time. */
export const season: RuleDef = {
  name: 'season',
  when: (lang) => notCjk(lang) && lang.seasons.size > 0 && Boolean(lang.file.timePrepositions?.length),
  make: (lang) => ({
    re: new RegExp(`(?<=${L}${lang.pattern.timePreposition}\\s)(?:the\\s+)?(?:(${lang.pattern.edge})[\\s-]+)?(${lang.pattern.season})(?:\\s+(?:of\\s+)?(\\d{4}))?${R}`, g),
    read(m) {
      const season = lookup(lang.seasons, m[2]);
      if (!season) return null;
      if (m[3]) return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: `${m[3]}-${season}`, type: 'DATE' }, rule: 'season' };
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'named', season, relation: 0 }, rule: 'season' };
    },
  }),
};
