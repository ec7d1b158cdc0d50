// Rules for times of day, repeated times ("every Thursday") and a report's year.
import { type Language, lookup } from '../lexicon.ts';
import type { Meaning } from '../meaning.ts';
import { L, R, type RuleDef, g } from './rule.ts';

const notCjk = (lang: Language): boolean => !lang.file.cjk;

/** 14:30, 14.30 Uhr, 14h30: the 24-hour clock, on the anchor's day. */
export const clock: RuleDef = {
  name: 'clock',
  when: (lang) => notCjk(lang) && Boolean(lang.file.clockWords),
  make: (lang) => ({
    re: new RegExp(`(?<![\\d:.,])([01]?\\d|2[0-3])(?::|h\\s?|\\.(?=\\d{2}\\s*(?:${lang.pattern.clockWord})))([0-5]\\d)(?:\\s*(?:${lang.pattern.clockWord}))?(?![\\d:]|[.,]\\d)`, g),
    read(m) {
      const time = `${m[1].padStart(2, '0')}:${m[2]}`;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'shift', unit: 'D', n: 0, part: time }, rule: 'clock' };
    },
  }),
};

/** "the year" of a report: the period "ended March 31" (a duration), else this year. */
export const yearPeriod: RuleDef = {
  name: 'year-period',
  when: (lang) => notCjk(lang) && Boolean(lang.file.yearPeriods?.length),
  make: (lang) => ({
    re: new RegExp(`${L}(${lang.pattern.yearPeriod})(?=(\\s+(?:${lang.pattern.periodEnd}))?)(?![\\p{L}\\p{N}-])`, g),
    read(m) {
      const meaning: Meaning = m[2] ? { kind: 'literal', value: 'P1Y', type: 'DURATION' } : { kind: 'shift', unit: 'Y', n: 0 };
      return { start: m.index, end: m.index + m[1].length, meaning, rule: 'year-period' };
    },
  }),
};

function alternationOf(words: string[]): string {
  return words.length ? words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') : '(?!)';
}

/** 10:35 a.m. / 6 p.m. EDT Tuesday / noon Thursday */
export const time: RuleDef = {
  name: 'time',
  when: (lang) => notCjk(lang) && Boolean(lang.file.timeSuffix),
  make(lang) {
    const p = lang.pattern;
    const tz = alternationOf(lang.file.timeZones ?? []);
    return {
      re: new RegExp(
        `${L}(?:(\\d{1,2})(?::(\\d{2}))?\\s*(${lang.file.timeSuffix})|(${p.namedTime}))(?:\\s+(?:${tz}))?(?:,?\\s+(${p.weekday}|${p.dayWord}))?(?![\\p{L}\\p{N}])`,
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
    };
  },
};

/** every Thursday / each July */
export const set: RuleDef = {
  name: 'set',
  when: (lang) => notCjk(lang) && Boolean(lang.file.timeSuffix),
  make: (lang) => ({
    re: new RegExp(`${L}(?:${lang.pattern.setWord})\\s+(${lang.pattern.weekday}|${lang.pattern.month})${R}`, g),
    read(m) {
      const w = lookup(lang.weekdays, m[1].replace(/\.$/, ''));
      if (w !== undefined) return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: `XXXX-WXX-${w}`, type: 'SET' }, rule: 'set' };
      const mo = lookup(lang.months, m[1].replace(/\.$/, ''));
      if (mo === undefined) return null;
      return { start: m.index, end: m.index + m[0].length, meaning: { kind: 'literal', value: `XXXX-${String(mo).padStart(2, '0')}`, type: 'SET' }, rule: 'set' };
    },
  }),
};
