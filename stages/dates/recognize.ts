// Finds temporal expressions in one block of text. Each rule is a regular expression assembled
// from a language's tables (lexicon.ts) plus a function that reads its groups into a Meaning.
// Every rule runs over the block once; overlapping candidates are then settled longest-first.
// The patterns have no nested unbounded repetition, so matching stays linear in the text.
import { isValidDay } from './calendar.ts';
import { cjkNumber, durationValue, numberPattern, readNumber } from './amounts.ts';
import { type Language, key, lookup } from './lexicon.ts';
import type { Meaning } from './meaning.ts';

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
type Match = { [g in Group]: string } & { index: number; input: string };

interface Rule {
  name: string;
  re: RegExp;
  read(m: Match, lang: Language, problems: Problem[]): Candidate | null;
}

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';


/** Builds the rules of one language. */
function rulesFor(lang: Language): Rule[] {
  const p = lang.pattern;
  const f = lang.file;
  const rules: Rule[] = [];
  const g = 'giu';
  const daySuffix = f.daySuffix ?? '';
  const dayMonthJoin = f.dayMonthJoin ?? '\\s+';
  const monthYearJoin = f.monthYearJoin ?? '\\s+';
  const yearSuffix = f.yearSuffix ?? '';
  const num = numberPattern(lang);
  const yearPart = '(\\d{4,})';

  const yearOf = (text: string | undefined, m: Match, problems: Problem[]): number | null | undefined => {
    if (text === undefined) return undefined;
    const y = Number(text);
    if (text.length > 4 || y < 1) {
      problems.push({ start: m.index, end: m.index + m[0].length, ruleId: 'implausible-year', reason: `year ${text.length > 12 ? `of ${text.length} digits` : text} is not a plausible year`, text: m[0].slice(0, 80) });
      return null;
    }
    return y;
  };

  const dayDate = (
    m: Match,
    problems: Problem[],
    parts: { weekday?: string; day: string; month: string; year?: string },
  ): Candidate | null => {
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
  };

  if (f.cjk) {
    rules.push({
      name: 'cjk-date',
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
    });
    // Bounded repetitions: a run of numerals with no unit after it must not be rescanned from every position.
    const cnNum = '(\\d{1,4}|[一二两三四五六七八九十几数半]{1,6})';
    rules.push({
      name: 'cjk-ago',
      re: new RegExp(`${cnNum}(?:多)?${p.unit}(?:多)?${p.agoAfter}`, 'gu'),
      read(m) {
        const unitText = m[0].slice(m[1].length).replace(/^多/, '');
        const unitWord = [...lang.units.keys()].sort((a, b) => b.length - a.length).find((u) => unitText.startsWith(u));
        const unit = unitWord ? lang.units.get(unitWord) : undefined;
        const n = cjkNumber(m[1], lang);
        const sign = lookup(lang.agoSign, unitText.slice(unitWord?.length ?? 0).replace(/^多/, '')) ?? -1;
        if (!unit || n === null || n < 0) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'shift', unit, n: sign * n }, rule: 'cjk-ago' };
      },
    });
    rules.push({
      name: 'cjk-duration',
      re: new RegExp(`${cnNum}(?:多)?${p.unit}`, 'gu'),
      read(m) {
        const unitWord = m[0].slice(m[1].length).replace(/^多/, '');
        const unit = lookup(lang.units, unitWord);
        const n = cjkNumber(m[1], lang);
        // "2026年" is a year, not a duration: the date rule reads those.
        if (!unit || n === null || (unit === 'Y' && /^\d{4,}$/.test(m[1])) || (unit === 'D' && /^\d+$/.test(m[1])) || (unit === 'M' && unitWord === '月')) return null;
        // "30周年" is an anniversary count and "3周岁" an age, not thirty or three weeks.
        if (unitWord === '周' && /^[年岁]/u.test(m.input.slice(m.index + m[0].length))) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: durationValue(n < 0 ? null : n, unit), type: 'DURATION' }, rule: 'cjk-duration' };
      },
    });
    rules.push(weekdayRule(lang, '', ''));
    rules.push(phraseRule(lang, '', ''));
    if (lang.holidays.size) rules.push(holidayRule(lang, '', ''));
    return rules;
  }

  // 2026-01-27: ISO dates, in any language.
  rules.push({
    name: 'iso',
    re: new RegExp('(?<![\\d-])(\\d{4,})-(\\d{1,2})-(\\d{1,2})(?![\\d-])', 'gu'),
    read(m, _lang, problems) {
      const year = yearOf(m[1], m, problems);
      if (year === null || year === undefined) return null;
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (!isValidDay(year, month, day)) {
        problems.push({ start: m.index, end: m.index + m[0].length, ruleId: 'invalid-date', reason: `${m[0]} is not a valid date`, text: m[0] });
        return null;
      }
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year, month, day }, rule: 'iso' };
    },
  });

  // 27.01.2026 (day first) and 1/27/2026 (month first in English).
  rules.push({
    name: 'numeric',
    re: new RegExp('(?<![\\d./])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d]|[./]\\d)', 'gu'),
    read(m, _lang, problems) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (m[2] === '.' && m[4].length === 2) return null;
      let [month, day] = f.monthFirst && m[2] === '/' ? [a, b] : [b, a];
      let year = Number(m[4]);
      if (m[4].length === 2) year += year < 50 ? 2000 : 1900;
      // "16/01/2012" in an English text is day first: no month 16 (the day-first reading, when valid, stands).
      if (!isValidDay(year, month, day) && isValidDay(year, day, month)) [month, day] = [day, month];
      if (!isValidDay(year, month, day)) {
        problems.push({ start: m.index, end: m.index + m[0].length, ruleId: 'invalid-date', reason: `${m[0]} is not a valid date`, text: m[0] });
        return null;
      }
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year, month, day }, rule: 'numeric' };
    },
  });

  const weekdayLead = `(?:(${p.weekday}),?\\s+)?`;
  if (f.monthFirst) {
    // Tuesday, January 27, 2026 / Jan. 27 / Jan 27th
    rules.push({
      name: 'month-day',
      re: new RegExp(`${L}${weekdayLead}(${p.month})\\s*(\\d{1,2})${daySuffix}(?:,?\\s+${yearPart})?(?![\\p{L}]|\\d|,\\d)`, g),
      read: (m, _l, problems) => dayDate(m, problems, { weekday: m[1], month: m[2], day: m[3], year: m[4] }),
    });
  }
  // 27 Ιανουαρίου 2026 / 27 января 2026 г. / 27. Januar / le 1er février / 27 de enero de 2026
  rules.push({
    name: 'day-month',
    re: new RegExp(
      `${L}${weekdayLead}(?:the\\s+)?(\\d{1,2})${daySuffix}${dayMonthJoin}(${p.month})(?:${monthYearJoin}${yearPart}${yearSuffix})?(?![\\p{L}\\p{N}])`,
      g,
    ),
    read: (m, _l, problems) => dayDate(m, problems, { weekday: m[1], day: m[2], month: m[3], year: m[4] }),
  });

  // December 2025 / early December / mid-November / January this year
  const edge = `(?:(${p.edge})[\\s-]*)?`;
  rules.push({
    name: 'month-year',
    re: new RegExp(`${L}${edge}(${p.month})(?:${monthYearJoin}${yearPart}${yearSuffix}|\\s+(${p.relBefore})\\s+(${p.unit}))?${R}`, g),
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
        if (f.capitalizedMonths && !/^\p{Lu}/u.test(monthText)) return null;
        if (lang.ambiguousMonths.has(key(bare)) && !m[1] && !lang.monthLead?.test(m.input.slice(Math.max(0, m.index - 12), m.index))) return null;
      }
      const year = yearOf(m[3], m, problems);
      if (year === null) return null;
      if (rel !== undefined) return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'named', month, relation: rel }, rule: 'month-year' };
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year, month }, rule: 'month-year' };
    },
  });

  rules.push(weekdayRule(lang, L, R));
  rules.push(phraseRule(lang, L, R));
  if (lang.holidays.size) rules.push(holidayRule(lang, L, R));

  // "for years", "in decades": a plural unit alone is a duration of unknown length.
  if (f.barePluralAfter?.length) {
    rules.push({
      name: 'bare-plural',
      re: new RegExp(`(?<=${L}${p.barePluralAfter}\\s)(${p.unit})${R}`, g),
      read(m) {
        const unit = lookup(lang.units, m[1]);
        if (!unit || unit === 'WE' || lang.calendarUnits?.has(key(m[1]))) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: durationValue(null, unit), type: 'DURATION' }, rule: 'bare-plural' };
      },
    });
  }

  // this/last/next + unit, month, weekday or season (also the French/Spanish order "l'année dernière").
  const target = `(${p.unit}|${p.month}|${p.weekday}|${p.season})`;
  rules.push({
    name: 'relative',
    re: new RegExp(`${L}(?:(${p.edge})[\\s-]+)?(?:(${p.relBefore})\\s+${target}|(?:${p.article}\\s*)?${target}\\s+(${p.relAfter}))${R}`, g),
    read(m) {
      const relWord = m[2] ?? m[5];
      const word = m[3] ?? m[4];
      const n = lookup(lang.rel, relWord);
      if (n === undefined || word === undefined) return null;
      return relativeCandidate(m, lang, word, n);
    },
  });

  // two weeks ago / vor zwei Wochen / il y a deux jours / hace tres años / три дня назад
  const prefix = `(?:(${p.durationPrefix})\\s+)?`;
  const amount = `(${num}|${p.vague})`;
  rules.push({
    name: 'ago',
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
  });

  // three days / nearly four years / 16-hour / the first nine months / several weeks
  rules.push({
    name: 'duration',
    re: new RegExp(`${L}${prefix}${amount}(?:\\s+(?:${p.amountInfix}))?[\\s-]+(${p.unit})(${p.durationSuffix})?${R}`, g),
    read(m) {
      const unit = lookup(lang.units, m[3]);
      if (!unit || unit === 'WE') return null;
      const n = readNumber(m[2], lang);
      // "a second" is nearly always the ordinal ("a second time").
      if (unit === 'S' && n === 1 && !/^\d/.test(m[2])) return null;
      // Ages ("a 6-year-old") are not times; "three-quarters" is a fraction.
      if (m[4] && lookup(lang.vagueRefs, m[4]) === 'AGE') return null;
      if (unit === 'Q' && (n === null || /-/.test(m[0]))) return null;
      const vagueRef = n === null ? lookup(lang.vagueRefs, m[2]) : undefined;
      if (vagueRef) return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: vagueRef, type: 'DATE' }, rule: 'duration' };
      let start = m.index;
      // Keep "the"/"about" in the span as TimeML does, but not a lone preposition such as "over".
      if (m[1] && lang.prepositions.has(key(m[1]))) start += m[1].length + 1;
      return { start, end: m.index + m[0].length, meaning: { kind: 'literal', value: durationValue(n, unit), type: 'DURATION' }, rule: 'duration' };
    },
  });

  if (f.ordinals) {
    // the third quarter / third-quarter / the fiscal first quarter / this year's second half
    rules.push({
      name: 'quarter',
      re: new RegExp(
        `${L}(?:(${p.quarterOwner})\\s+)?(?:(${p.fiscal})\\s+)?(?:(\\d{4})\\s+)?(${p.ordinal})[\\s-]+(?:(?:${p.fiscal})[\\s-]+)?(${p.quarterWord})(?:\\s+of\\s+(?:(?:${p.fiscal})\\s+)?(\\d{4})|\\s+(\\d{4}))?${R}`,
        g,
      ),
      read(m) {
        const quarter = lookup(lang.ordinals, m[4]);
        const kind = lookup(lang.quarterWords, m[5]);
        const half = kind === 'H';
        if (quarter === undefined || kind === undefined || quarter > (half ? 2 : 4)) return null;
        // "the first period" is a quarter only with its owner; alone it is a sports period.
        if (kind === 'P' && !m[1]) return null;
        const owner = m[1] ? lookup(lang.quarterOwners, m[1]) : undefined;
        const year = m[3] ?? m[6] ?? m[7];
        const yearShift = owner?.year;
        // TimeML keeps "the third quarter" whole but not the owner of an adjective ("its third-quarter profit").
        const beforeWord = m[0].slice(0, m[0].toLowerCase().lastIndexOf(m[5].toLowerCase()));
        const hyphenated = /-\s*$/.test(beforeWord);
        const dropOwner = m[1] !== undefined && (hyphenated || !owner?.keep);
        return {
          start: dropOwner ? m.index + m[1].length + 1 : m.index,
          end: m.index + m[0].length,
          meaning: { kind: 'quarter', quarter, half, year: year ? Number(year) : undefined, yearShift },
          rule: 'quarter',
        };
      },
    });
  }

  // "the year 2000", and years too long to be years ("the year 99999"), which are reported.
  rules.push({
    name: 'year-word',
    re: new RegExp(`${L}(?:(?:${p.article})\\s+)?(${p.unit})\\s+(\\d{4,})(?!\\d)`, g),
    read(m, _lang, problems) {
      if (lookup(lang.units, m[1]) !== 'Y') return null;
      const year = yearOf(m[2], m, problems);
      if (year == null) return null;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'calendar', year }, rule: 'year-word' };
    },
  });

  // in 2025 / fiscal 1989 / mid-1996 / the 1990s / the early 1980s
  rules.push({
    name: 'year',
    re: new RegExp(`(?<![\\p{L}\\p{N}$€£¥#.,:/-])(?:(?:(the)\\s+)?(?:(${p.edge}|fiscal|mid)[\\s-]+)?)(1[0-9]\\d\\d|20\\d\\d)(s|'s)?(?![\\p{L}\\p{N}%°]|[.,:/]\\d|-\\d)`, g),
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
  });

  if (f.clockWords) {
    // 14:30, 14.30 Uhr, 14h30: the 24-hour clock, on the anchor's day.
    rules.push({
      name: 'clock',
      re: new RegExp(`(?<![\\d:.,])([01]?\\d|2[0-3])(?::|h\\s?|\\.(?=\\d{2}\\s*(?:${p.clockWord})))([0-5]\\d)(?:\\s*(?:${p.clockWord}))?(?![\\d:]|[.,]\\d)`, g),
      read(m) {
        const time = `${m[1].padStart(2, '0')}:${m[2]}`;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'shift', unit: 'D', n: 0, part: time }, rule: 'clock' };
      },
    });
  }

  if (f.yearPeriods?.length) {
    // "the year" of a report: the period "ended March 31" (a duration), else this year.
    rules.push({
      name: 'year-period',
      re: new RegExp(`${L}(${p.yearPeriod})(?=(\\s+(?:${p.periodEnd}))?)(?![\\p{L}\\p{N}-])`, g),
      read(m) {
        const meaning: Meaning = m[2] ? { kind: 'literal', value: 'P1Y', type: 'DURATION' } : { kind: 'shift', unit: 'Y', n: 0 };
        return { start: m.index, end: m.index + m[1].length, meaning, rule: 'year-period' };
      },
    });
  }

  if (lang.spelledCenturies.size) {
    // "nineteen ninety-six", "two thousand and one", "the nineties": years and decades in words.
    const ones = `(?:[\\s-](?:${p.number}))?`;
    rules.push({
      name: 'spelled-year',
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
    });
    rules.push({
      name: 'decade-word',
      re: new RegExp(`${L}(?:the\\s+)(?:(${p.edge})[\\s-]+)?(${p.decadeWord})${R}`, g),
      read(m) {
        const digit = lookup(lang.decadeWords, m[2]);
        if (digit === undefined) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'decadeOfCentury', digit }, rule: 'decade-word' };
      },
    });
  }

  if (lang.seasons.size && f.timePrepositions?.length) {
    // "in the summer", "during the early winter": a season alone, after a preposition of time.
    rules.push({
      name: 'season',
      re: new RegExp(`(?<=${L}${p.timePreposition}\\s)(?:the\\s+)?(?:(${p.edge})[\\s-]+)?(${p.season})(?:\\s+(?:of\\s+)?(\\d{4}))?${R}`, g),
      read(m) {
        const season = lookup(lang.seasons, m[2]);
        if (!season) return null;
        if (m[3]) return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: `${m[3]}-${season}`, type: 'DATE' }, rule: 'season' };
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'named', season, relation: 0 }, rule: 'season' };
      },
    });
  }

  if (f.timeSuffix) {
    // 10:35 a.m. / 6 p.m. EDT Tuesday / noon Thursday
    const tz = alternationOf(f.timeZones ?? []);
    rules.push({
      name: 'time',
      re: new RegExp(
        `${L}(?:(\\d{1,2})(?::(\\d{2}))?\\s*(${f.timeSuffix})|(${p.namedTime}))(?:\\s+(?:${tz}))?(?:,?\\s+(${p.weekday}|${p.dayWord}))?(?![\\p{L}\\p{N}])`,
        g,
      ),
      read(m) {
        let hour: number;
        let minute = m[2] ? Number(m[2]) : 0;
        if (m[4]) {
          const named = (lookup(lang.namedTimes, m[4]) ?? '12:00').split(':');
          hour = Number(named[0]);
          minute = Number(named[1] ?? 0);
        } else {
          hour = Number(m[1]);
          if (hour < 1 || hour > 12 || minute > 59) return null;
          const pm = /^p/i.test(m[3]);
          if (pm && hour < 12) hour += 12;
          if (!pm && hour === 12) hour = 0;
        }
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const dayWord = m[5];
        const weekday = lookup(lang.weekdays, dayWord?.replace(/\.$/, ''));
        let meaning: Meaning;
        if (weekday !== undefined) meaning = { kind: 'weekday', weekday, time };
        else {
          const shiftDays = dayWord ? (lookup(lang.phrases, dayWord)?.n ?? 0) : 0;
          meaning = { kind: 'shift', unit: 'D', n: shiftDays, part: time };
        }
        return { start: m.index, end: m.index + m[0].length, meaning, rule: 'time' };
      },
    });
    // the 20th century
    rules.push({
      name: 'century',
      re: new RegExp(`${L}(?:(?:${p.article})\\s+)?(\\d{1,2})${daySuffix}[\\s-]+(?:${p.centuryWord})${R}`, g),
      read(m) {
        const c = Number(m[1]);
        if (c < 1) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'century', century: c - 1 }, rule: 'century' };
      },
    });
    // every Thursday / each July
    rules.push({
      name: 'set',
      re: new RegExp(`${L}(?:${p.setWord})\\s+(${p.weekday}|${p.month})${R}`, g),
      read(m) {
        const w = lookup(lang.weekdays, m[1].replace(/\.$/, ''));
        if (w !== undefined) return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: `XXXX-WXX-${w}`, type: 'SET' }, rule: 'set' };
        const mo = lookup(lang.months, m[1].replace(/\.$/, ''));
        if (mo === undefined) return null;
        return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: `XXXX-${String(mo).padStart(2, '0')}`, type: 'SET' }, rule: 'set' };
      },
    });
  }
  return rules;
}

function alternationOf(words: string[]): string {
  return words.length ? words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') : '(?!)';
}

/** "on Tuesday", "Friday night", "earlier Sunday", "Δευτέρα". */
function weekdayRule(lang: Language, l: string, r: string): Rule {
  const p = lang.pattern;
  return {
    name: 'weekday',
    // The part of the day may be glued on, as German writes it ("am Dienstagabend").
    re: new RegExp(`${l}(?:(${p.edge}|earlier|later|late|early)\\s+)?(${p.weekday})(?:\\s*(${p.part}))?${r}`, 'giu'),
    read(m) {
      const weekdayText = m[2];
      const weekday = lookup(lang.weekdays, weekdayText.replace(/\.$/, ''));
      if (weekday === undefined) return null;
      // Abbreviations ("Fri.") need their dot, and English names their capital.
      if (lang.file.capitalizedMonths && !/^\p{Lu}/u.test(weekdayText)) return null;
      if (!lang.file.cjk && weekdayText.replace(/\.$/, '').length <= 4 && !weekdayText.endsWith('.')) return null;
      // Weekday names that are also common words (Russian "среду" = environment, Portuguese
      // "quinta" = fifth) count only after a word of time ("в среду", "na quinta").
      if (lang.ambiguousWeekdays.has(key(weekdayText)) && !m[1] && !lang.monthLead?.test(m.input.slice(Math.max(0, m.index - 12), m.index))) return null;
      // "Friday night": the day with its part (TIMEX3 "2026-01-23TNI").
      const part = m[3] ? lookup(lang.parts, m[3]) : undefined;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'weekday', weekday, part }, rule: 'weekday' };
    },
  };
}

/** Christmas, Thanksgiving, 元旦: days named by the holiday table. */
function holidayRule(lang: Language, l: string, r: string): Rule {
  return {
    name: 'holiday',
    re: new RegExp(`${l}${lang.pattern.holiday}${r}`, 'giu'),
    read(m) {
      const rule = lookup(lang.holidays, m[0]);
      // English holiday names are proper nouns: "christmas" in lower case is rare and "thanksgiving" is a word.
      if (!rule || (lang.file.capitalizedMonths && !/^\p{Lu}/u.test(m[0]))) return null;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'holiday', rule }, rule: 'holiday' };
    },
  };
}

/** Fixed phrases of the language table: today, now, every year, last year... */
function phraseRule(lang: Language, l: string, r: string): Rule {
  return {
    name: 'phrase',
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
}

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

const compiled = new Map<string, Rule[]>();

/** The rules of a language, compiled once per process. */
export function rulesOf(lang: Language): Rule[] {
  let rules = compiled.get(lang.code);
  if (!rules) {
    rules = rulesFor(lang);
    compiled.set(lang.code, rules);
  }
  return rules;
}

/** Every candidate of every rule in `text`, for the given languages, plus the problems seen. */
export function findCandidates(text: string, langs: Language[]): { candidates: Candidate[]; problems: Problem[] } {
  const candidates: Candidate[] = [];
  const problems: Problem[] = [];
  for (const lang of langs) {
    for (const rule of rulesOf(lang)) {
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        const c = rule.read(m as unknown as Match, lang, problems);
        if (c && c.end > c.start) candidates.push(c);
      }
    }
  }
  return { candidates, problems };
}

export { durationValue, readNumber };
