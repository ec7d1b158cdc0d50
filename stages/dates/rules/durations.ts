// Rules for lengths of time ("three days", "for years", "三年", "三天前") and the quarters and halves of a year.
import { cjkNumber, durationValue, readNumber } from '../amounts.ts';
import { type Language, key, lookup } from '../lexicon.ts';
import { L, R, type RuleDef, g } from './rule.ts';
import { amountPattern, durationPrefix } from './relative.ts';

const notCjk = (lang: Language): boolean => !lang.file.cjk;
/** Bounded repetitions: a run of numerals with no unit after it must not be rescanned from every position. */
export const cjkNumberPattern = '(\\d{1,4}|[一二两三四五六七八九十几数半]{1,6})';

/** 三天前 / 两年后: a CJK amount and unit, before or after now. */
export const cjkAgo: RuleDef = {
  name: 'cjk-ago',
  when: (lang) => lang.file.cjk === true,
  make: (lang) => ({
    re: new RegExp(`${cjkNumberPattern}(?:多)?${lang.pattern.unit}(?:多)?${lang.pattern.agoAfter}`, 'gu'),
    read(m) {
      const unitText = m[0].slice(m[1].length).replace(/^多/, '');
      const unitWord = [...lang.units.keys()].sort((a, b) => b.length - a.length).find((u) => unitText.startsWith(u));
      const unit = unitWord ? lang.units.get(unitWord) : undefined;
      const n = cjkNumber(m[1], lang);
      const sign = lookup(lang.agoSign, unitText.slice(unitWord?.length ?? 0).replace(/^多/, '')) ?? -1;
      if (!unit || n === null || n < 0) return null;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'shift', unit, n: sign * n }, rule: 'cjk-ago' };
    },
  }),
};

/** 三年 / 两个月: a CJK amount and unit. */
export const cjkDuration: RuleDef = {
  name: 'cjk-duration',
  when: (lang) => lang.file.cjk === true,
  make: (lang) => ({
    re: new RegExp(`${cjkNumberPattern}(?:多)?${lang.pattern.unit}`, 'gu'),
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
  }),
};

/** "for years", "in decades": a plural unit alone is a duration of unknown length. */
export const barePlural: RuleDef = {
  name: 'bare-plural',
  when: (lang) => notCjk(lang) && Boolean(lang.file.barePluralAfter?.length),
  make: (lang) => ({
    re: new RegExp(`(?<=${L}${lang.pattern.barePluralAfter}\\s)(${lang.pattern.unit})${R}`, g),
    read(m) {
      const unit = lookup(lang.units, m[1]);
      if (!unit || unit === 'WE' || lang.calendarUnits?.has(key(m[1]))) return null;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: durationValue(null, unit), type: 'DURATION' }, rule: 'bare-plural' };
    },
  }),
};

/** three days / nearly four years / 16-hour / the first nine months / several weeks */
export const duration: RuleDef = {
  name: 'duration',
  when: notCjk,
  make: (lang) => ({
    re: new RegExp(`${L}${durationPrefix(lang)}${amountPattern(lang)}(?:\\s+(?:${lang.pattern.amountInfix}))?[\\s-]+(${lang.pattern.unit})(${lang.pattern.durationSuffix})?${R}`, g),
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
  }),
};

/** the third quarter / third-quarter / the fiscal first quarter / this year's second half */
export const quarter: RuleDef = {
  name: 'quarter',
  when: (lang) => notCjk(lang) && Boolean(lang.file.ordinals),
  make(lang) {
    const p = lang.pattern;
    return {
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
    };
  },
};
