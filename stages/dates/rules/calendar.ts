// Rules for dates written with their calendar parts: days, months, years, decades, centuries.
import { isValidDay } from '../calendar.ts';
import { readNumber } from '../amounts.ts';
import { type Language, key, lookup } from '../lexicon.ts';
import { type Candidate, L, type Match, type Problem, R, type RuleDef, dayDate, g, yearOf } from './rule.ts';

const notCjk = (lang: Language): boolean => !lang.file.cjk;
const OPENS_UPPER = /^\p{Lu}/u;
/** "Tuesday, " before a date. */
const weekdayLead = (lang: Language): string => `(?:(${lang.pattern.weekday}),?\\s+)?`;
const yearPart = '(\\d{4,})';

/** 2026年1月27日 / 1月27日 / 3月份 */
export const cjkDate: RuleDef = {
  name: 'cjk-date',
  when: (lang) => lang.file.cjk === true,
  make: () => ({
    re: new RegExp('(\\d{4,})年(?:(\\d{1,2})月(?:(\\d{1,2})[日号])?)?|(\\d{1,2})月(\\d{1,2})[日号]|(?<![\\d.])(\\d{1,2})月份?(?![\\d日号])', 'gu'),
    read(m, _lang, problems) {
      if (m[1] !== undefined) {
        const year = yearOf(m[1], m, problems);
        if (year == null) return null;
        if (m[2] === undefined) return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year }, rule: 'cjk-date' };
        const month = Number(m[2]);
        const day = m[3] === undefined ? undefined : Number(m[3]);
        if (month < 1 || month > 12 || (day !== undefined && !isValidDay(year, month, day))) {
          problems.push({ start: m.index, end: m.index + m[0].length, ruleId: 'invalid-date', reason: 'no such date', text: m[0] });
          return null;
        }
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year, month, day }, rule: 'cjk-date' };
      }
      if (m[6] !== undefined) {
        const alone = Number(m[6]);
        if (alone < 1 || alone > 12) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', month: alone }, rule: 'cjk-date' };
      }
      const month = Number(m[4]);
      const day = Number(m[5]);
      if (!isValidDay(2000, month, day)) {
        problems.push({ start: m.index, end: m.index + m[0].length, ruleId: 'invalid-date', reason: 'no such date', text: m[0] });
        return null;
      }
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', month, day }, rule: 'cjk-date' };
    },
  }),
};

/** 2026-01-27: ISO dates, in any language. */
export const iso: RuleDef = {
  name: 'iso',
  when: notCjk,
  make: () => ({
    re: new RegExp('(?<![\\d-])(\\d{4,})-(\\d{1,2})-(\\d{1,2})(?![\\d-])', 'gu'),
    read(m, _lang, problems) {
      const year = yearOf(m[1], m, problems);
      if (year === null || year === undefined) return null;
      return numericDay(m, problems, year, Number(m[2]), Number(m[3]), 'iso');
    },
  }),
};

/** A day written in digits: its candidate, or an invalid-date problem when no such day exists. */
function numericDay(m: Match, problems: Problem[], year: number, month: number, day: number, rule: string): Candidate | null {
  if (!isValidDay(year, month, day)) {
    problems.push({ start: m.index, end: m.index + m[0].length, ruleId: 'invalid-date', reason: `${m[0]} is not a valid date`, text: m[0] });
    return null;
  }
  return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year, month, day }, rule };
}

/** 27.01.2026 (day first) and 1/27/2026 (month first in English). */
export const numeric: RuleDef = {
  name: 'numeric',
  when: notCjk,
  make: (lang) => ({
    re: new RegExp('(?<![\\d./])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d]|[./]\\d)', 'gu'),
    read(m, _lang, problems) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (m[2] === '.' && m[4].length === 2) return null;
      let [month, day] = lang.file.monthFirst && m[2] === '/' ? [a, b] : [b, a];
      let year = Number(m[4]);
      if (m[4].length === 2) year += year < 50 ? 2000 : 1900;
      // "16/01/2012" in an English text is day first: no month 16 (the day-first reading, when valid, stands).
      if (!isValidDay(year, month, day) && isValidDay(year, day, month)) [month, day] = [day, month];
      return numericDay(m, problems, year, month, day, 'numeric');
    },
  }),
};

/** Tuesday, January 27, 2026 / Jan. 27 / Jan 27th (its candidates are named day-month, as the day-first ones). */
export const monthDay: RuleDef = {
  name: 'month-day',
  when: (lang) => notCjk(lang) && lang.file.monthFirst === true,
  make: (lang) => ({
    re: new RegExp(`${L}${weekdayLead(lang)}(${lang.pattern.month})\\s*(\\d{1,2})${lang.file.daySuffix ?? ''}(?:,?\\s+${yearPart})?(?![\\p{L}]|\\d|,\\d)`, g),
    read: (m, _l, problems) => dayDate(lang, m, problems, { weekday: m[1], month: m[2], day: m[3], year: m[4] }),
  }),
};

/** 27 Ιανουαρίου 2026 / 27 января 2026 г. / 27. Januar / le 1er février / 27 de enero de 2026 */
export const dayMonth: RuleDef = {
  name: 'day-month',
  when: notCjk,
  make(lang) {
    const f = lang.file;
    const dayMonthJoin = f.dayMonthJoin ?? '\\s+';
    const monthYearJoin = f.monthYearJoin ?? '\\s+';
    return {
      re: new RegExp(
        `${L}${weekdayLead(lang)}(?:the\\s+)?(\\d{1,2})${f.daySuffix ?? ''}${dayMonthJoin}(${lang.pattern.month})(?:${monthYearJoin}${yearPart}${f.yearSuffix ?? ''})?(?![\\p{L}\\p{N}])`,
        g,
      ),
      read: (m, _l, problems) => dayDate(lang, m, problems, { weekday: m[1], day: m[2], month: m[3], year: m[4] }),
    };
  },
};

/** December 2025 / early December / mid-November / January this year */
export const monthYear: RuleDef = {
  name: 'month-year',
  when: notCjk,
  make(lang) {
    const p = lang.pattern;
    const f = lang.file;
    const edge = `(?:(${p.edge})[\\s-]*)?`;
    return {
      re: new RegExp(`${L}${edge}(${p.month})(?:${f.monthYearJoin ?? '\\s+'}${yearPart}${f.yearSuffix ?? ''}|\\s+(${p.relBefore})\\s+(${p.unit}))?${R}`, g),
      read(m, _lang, problems) {
        const monthText = m[2];
        const bare = monthText.replace(/\.$/, '');
        const month = lookup(lang.months, bare);
        if (month === undefined) return null;
        // "January last year": only with the year as unit.
        const rel = m[4] !== undefined ? lookup(lang.rel, m[4]) : undefined;
        if (m[4] !== undefined && (rel === undefined || lookup(lang.units, m[5]) !== 'Y')) return null;
        const hasYear = m[3] !== undefined || m[4] !== undefined;
        if (!hasYear) {
          // Abbreviations alone are not dates; nor, in English, is a month name in lower case
          // ("march", "may"), and "May" needs a word of time before it ("in May", "early May").
          if (lang.monthAbbreviations.has(key(bare)) && !lang.file.cjk) return null;
          if (f.capitalizedMonths && !OPENS_UPPER.test(monthText)) return null;
          if (lang.ambiguousMonths.has(key(bare)) && !m[1] && !lang.monthLead?.test(m.input.slice(Math.max(0, m.index - 12), m.index))) return null;
        }
        const year = yearOf(m[3], m, problems);
        if (year === null) return null;
        if (rel !== undefined) return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'named', month, relation: rel }, rule: 'month-year' };
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year, month }, rule: 'month-year' };
      },
    };
  },
};

/** "the year 2000", and years too long to be years ("the year 99999"), which are reported. */
export const yearWord: RuleDef = {
  name: 'year-word',
  when: notCjk,
  make: (lang) => ({
    re: new RegExp(`${L}(?:(?:${lang.pattern.article})\\s+)?(${lang.pattern.unit})\\s+(\\d{4,})(?!\\d)`, g),
    read(m, _lang, problems) {
      if (lookup(lang.units, m[1]) !== 'Y') return null;
      const year = yearOf(m[2], m, problems);
      if (year == null) return null;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year }, rule: 'year-word' };
    },
  }),
};

/** in 2025 / fiscal 1989 / mid-1996 / the 1990s / the early 1980s */
export const year: RuleDef = {
  name: 'year',
  when: notCjk,
  make: (lang) => ({
    re: new RegExp(`(?<![\\p{L}\\p{N}$€£¥#.,:/-])(?:(?:(the)\\s+)?(?:(${lang.pattern.edge}|fiscal|mid)[\\s-]+)?)(1[0-9]\\d\\d|20\\d\\d)(s|'s)?(?![\\p{L}\\p{N}%°]|[.,:/]\\d|-\\d)`, g),
    read(m) {
      const year = Number(m[3]);
      if (m[4]) {
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'decade', decade: m[3].slice(0, 3) }, rule: 'year' };
      }
      // A bare four-digit number is a year in the usual range; a round or an early one ("1500
      // people", "1600 zł") only after a word of time ("in 1600", "since 2000").
      if (year < 1500) return null;
      if (!m[2] && (year < 1800 || year % 100 === 0) && !lang.monthLead?.test(m.input.slice(Math.max(0, m.index - 12), m.index))) return null;
      const start = m[1] && !m[2] ? m.index + m[1].length + 1 : m.index;
      return { start, end: m.index + m[0].length, meaning: { kind: 'calendar', year }, rule: 'year' };
    },
  }),
};

/** "nineteen ninety-six", "two thousand and one", "the year two thousand": years in words. */
export const spelledYear: RuleDef = {
  name: 'spelled-year',
  when: (lang) => notCjk(lang) && lang.spelledCenturies.size > 0,
  make(lang) {
    const p = lang.pattern;
    const ones = `(?:[\\s-](?:${p.number}))?`;
    return {
      re: new RegExp(
        `${L}(?:(${p.article})\\s+(${p.unit})\\s+)?(?:(${p.spelledCentury})[\\s-]+(${p.number}${ones})|(${p.spelledMillennium})(?:\\s+and)?(?:\\s+(${p.number}${ones}))?)${R}`,
        g,
      ),
      read(m) {
        // "the year two thousand": the unit must be the year.
        const yearLead = m[2] !== undefined && lookup(lang.units, m[2]) === 'Y';
        if (m[2] !== undefined && !yearLead) return null;
        let year: number | null = null;
        if (m[3] !== undefined) {
          const century = lookup(lang.spelledCenturies, m[3]);
          const rest = readNumber(m[4], lang);
          if (century !== undefined && rest !== null && Number.isInteger(rest) && rest >= 10 && rest < 100) year = century * 100 + rest;
        } else {
          const base = lookup(lang.spelledMillennia, m[5]);
          const rest = m[6] === undefined ? 0 : readNumber(m[6], lang);
          // "two thousand" alone is a count unless it is "the year two thousand".
          if (base !== undefined && rest !== null && Number.isInteger(rest) && rest < 100 && (m[6] !== undefined || yearLead)) year = base + rest;
        }
        if (year === null) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year }, rule: 'spelled-year' };
      },
    };
  },
};

/** "the nineties", "the early sixties": decades in words. */
export const decadeWord: RuleDef = {
  name: 'decade-word',
  when: (lang) => notCjk(lang) && lang.spelledCenturies.size > 0,
  make: (lang) => ({
    re: new RegExp(`${L}(?:the\\s+)(?:(${lang.pattern.edge})[\\s-]+)?(${lang.pattern.decadeWord})${R}`, g),
    read(m) {
      const digit = lookup(lang.decadeWords, m[2]);
      if (digit === undefined) return null;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'decadeOfCentury', digit }, rule: 'decade-word' };
    },
  }),
};

/** the 20th century */
export const century: RuleDef = {
  name: 'century',
  when: (lang) => notCjk(lang) && Boolean(lang.file.timeSuffix),
  make: (lang) => ({
    re: new RegExp(`${L}(?:(?:${lang.pattern.article})\\s+)?(\\d{1,2})${lang.file.daySuffix ?? ''}[\\s-]+(?:${lang.pattern.centuryWord})${R}`, g),
    read(m) {
      const c = Number(m[1]);
      if (c < 1) return null;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'century', century: c - 1 }, rule: 'century' };
    },
  }),
};
