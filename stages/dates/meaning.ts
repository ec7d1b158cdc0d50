// What a recognized expression means, before it is anchored, and how it becomes a TIMEX3 value
// once the document's date (or the reference date) is known.
import {
  addDays,
  addMonths,
  type Day,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  isoWeekday,
  quarterOf,
} from './calendar.ts';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A unit of the calendar: S, MIN, H, D, W, WE (weekend), M, Q, Y, DE (decade), CE (century). */
export type Unit = string;

export type Meaning =
  /** An explicit calendar date; missing parts are resolved from the anchor (year) or left X. */
  | { kind: 'calendar'; year?: number; month?: number; day?: number; weekday?: number; part?: string; time?: string; relation?: number }
  /** "last year", "two weeks ago", "tomorrow": the anchor moved by n units, shown at the unit's grain. */
  | { kind: 'shift'; unit: Unit; n: number; part?: string; focus?: boolean; edge?: string; discourse?: boolean }
  /** "on Tuesday", "last Friday": a weekday near the anchor; relation -1 past, 1 future, 0 this week. */
  | { kind: 'weekday'; weekday: number; relation?: number; part?: string; time?: string }
  /** "last December", "this summer": a named month or season relative to the anchor. */
  | { kind: 'named'; month?: number; season?: string; relation: number }
  | { kind: 'quarter'; quarter: number; year?: number; yearShift?: number; half?: boolean }
  | { kind: 'focusQuarter' }
  | { kind: 'decade'; decade: string }
  /** "the nineties": a decade whose century the anchor gives. */
  | { kind: 'decadeOfCentury'; digit: number }
  | { kind: 'century'; century: number }
  | { kind: 'literal'; value: string; type: TimexType }
  /** A holiday: a fixed day ("12-25") or the nth weekday of a month ("11-4-4": 4th Thursday of November). */
  | { kind: 'holiday'; rule: string };

export interface Context {
  anchor: Day | null;
  /** Does the sentence speak of the future? Decides "on Friday" and "in May". */
  future: boolean;
  /** The last year the text named outright: "that year", "the following year" count from it. */
  lastYear: number | null;
  /** The quarter a financial report is about, once one was named ("the third quarter"). */
  focusQuarter: { year: number; quarter: number } | null;
}

const SEASON_MONTH: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function seasonOfMonth(month: number): string {
  if (month >= 3 && month <= 5) return 'SP';
  if (month >= 6 && month <= 8) return 'SU';
  if (month >= 9 && month <= 11) return 'FA';
  return 'WI';
}

const withPart = (value: string, part?: string) => (part ? `${value}T${part}` : value);

/** The year of a month named without one: this year's, or the nearest one in the sentence's tense. */
function yearOfMonth(anchor: Day, month: number, relation: number | undefined, future: boolean): number {
  // "last February" written in March means a year ago: the month just past would be "last month".
  if (relation !== undefined && relation < 0) return month < anchor.month - 1 ? anchor.year : anchor.year - 1;
  if (relation !== undefined && relation > 0) return month > anchor.month ? anchor.year : anchor.year + 1;
  if (relation === 0) return anchor.year;
  if (future) return month >= anchor.month ? anchor.year : anchor.year + 1;
  // Otherwise the nearest such month, the past one on a tie ("in November" written in October).
  const ahead = (month - anchor.month + 12) % 12;
  const back = (anchor.month - month + 12) % 12;
  if (back <= ahead) return month <= anchor.month ? anchor.year : anchor.year - 1;
  return month >= anchor.month ? anchor.year : anchor.year + 1;
}

function shift(anchor: Day, unit: Unit, n: number): string {
  switch (unit) {
    case 'D':
      return formatDay(addDays(anchor, n));
    case 'W':
      return formatWeek(addDays(anchor, 7 * n));
    case 'WE':
      return `${formatWeek(addDays(anchor, 7 * n))}-WE`;
    case 'M': {
      const d = addMonths(anchor, n);
      return formatMonth(d.year, d.month);
    }
    case 'Q': {
      const d = addMonths(anchor, 3 * n);
      return `${formatYear(d.year)}-Q${quarterOf(d.month)}`;
    }
    case 'Y':
      return formatYear(anchor.year + n);
    case 'DE':
      return formatYear(anchor.year + 10 * n).slice(0, 3);
    case 'CE':
      return formatYear(anchor.year + 100 * n).slice(0, 2);
    case 'H':
    case 'MIN':
    case 'S':
      // Hours ago: the day is all a news date can say without the time of publication.
      return formatDay(anchor);
    default:
      return formatDay(anchor);
  }
}

const UNKNOWN_SHIFT: Record<string, string> = { D: 'XXXX-XX-XX', W: 'XXXX-WXX', WE: 'XXXX-WXX-WE', M: 'XXXX-XX', Q: 'XXXX-QX', Y: 'XXXX', DE: 'XXX', CE: 'XX' };

type Resolved = { value: string; type: TimexType } | null;
type Resolver<K extends Meaning['kind']> = (meaning: Extract<Meaning, { kind: K }>, ctx: Context) => Resolved;

/** An explicit date: a year missing from "Jan 27" or "in May" is the one nearest the anchor. */
function resolveCalendar(meaning: Extract<Meaning, { kind: 'calendar' }>, ctx: Context): Resolved {
  const a = ctx.anchor;
  const { month, day } = meaning;
  let year = meaning.year;
  if (year === undefined && a && month !== undefined) {
    year = day !== undefined ? nearestYear(a, month, day, ctx.future) : yearOfMonth(a, month, meaning.relation, ctx.future);
  }
  const y = year === undefined ? 'XXXX' : formatYear(year);
  if (month === undefined) return { value: y, type: 'DATE' };
  const ym = `${y}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return { value: ym, type: 'DATE' };
  const ymd = `${ym}-${String(day).padStart(2, '0')}`;
  if (meaning.time) return { value: `${ymd}T${meaning.time}`, type: 'TIME' };
  return { value: withPart(ymd, meaning.part), type: meaning.part ? 'TIME' : 'DATE' };
}

/** "last year", "two weeks ago": from the last year named ("the following year"), the quarter in focus, or the anchor. */
function resolveShift(meaning: Extract<Meaning, { kind: 'shift' }>, ctx: Context): Resolved {
  const a = ctx.anchor;
  if (meaning.discourse && meaning.unit === 'Y' && ctx.lastYear !== null) {
    return { value: formatYear(ctx.lastYear + meaning.n), type: 'DATE' };
  }
  if (!a) return { value: withPart(UNKNOWN_SHIFT[meaning.unit] ?? 'XXXX-XX-XX', meaning.part), type: 'DATE' };
  if (meaning.focus && meaning.unit === 'Y' && ctx.focusQuarter) {
    return { value: `${formatYear(ctx.focusQuarter.year + meaning.n)}-Q${ctx.focusQuarter.quarter}`, type: 'DATE' };
  }
  if (meaning.edge === 'END' && meaning.unit === 'Y') return { value: `${formatYear(a.year + meaning.n)}-12-31`, type: 'DATE' };
  let n = meaning.n;
  // "the weekend" read on a weekday is the one just past, unless the sentence looks ahead.
  if (meaning.unit === 'WE' && n === 0 && isoWeekday(a) < 6 && !ctx.future) n = -1;
  return { value: withPart(shift(a, meaning.unit, n), meaning.part), type: meaning.part ? 'TIME' : 'DATE' };
}

/** "on Tuesday", "last Friday": the weekday before or after the anchor, by the relation or the tense. */
function resolveWeekday(meaning: Extract<Meaning, { kind: 'weekday' }>, ctx: Context): Resolved {
  const a = ctx.anchor;
  const suffix = meaning.time ? `T${meaning.time}` : meaning.part ? `T${meaning.part}` : '';
  const type = suffix ? 'TIME' : 'DATE';
  if (!a) return { value: `XXXX-WXX-${meaning.weekday}${suffix}`, type };
  const today = isoWeekday(a);
  let delta = meaning.weekday - today;
  const relation = meaning.relation ?? (ctx.future ? 1 : -1);
  if (meaning.relation === 0) {
    // "this Friday": the one in the current ISO week.
  } else if (relation < 0) {
    if (delta > 0) delta -= 7;
    if (meaning.relation === -1 && delta === 0) delta = -7;
  } else {
    if (delta < 0) delta += 7;
    if (meaning.relation === 1 && delta === 0) delta = 7;
  }
  return { value: `${formatDay(addDays(a, delta))}${suffix}`, type };
}

/** "last December", "this summer". */
function resolveNamed(meaning: Extract<Meaning, { kind: 'named' }>, ctx: Context): Resolved {
  const a = ctx.anchor;
  if (meaning.month !== undefined) {
    if (!a) return { value: `XXXX-${String(meaning.month).padStart(2, '0')}`, type: 'DATE' };
    return { value: formatMonth(yearOfMonth(a, meaning.month, meaning.relation, ctx.future), meaning.month), type: 'DATE' };
  }
  const season = meaning.season ?? 'SU';
  if (!a) return { value: `XXXX-${season}`, type: 'DATE' };
  const current = seasonOfMonth(a.month);
  const start = SEASON_MONTH[season] ?? 6;
  let year = a.year;
  // "last spring" is last year's in news usage; "next summer" the coming one.
  if (meaning.relation < 0) year = a.year - 1;
  else if (meaning.relation > 0) year = start > a.month && season !== current ? a.year : a.year + 1;
  return { value: `${formatYear(year)}-${season}`, type: 'DATE' };
}

/** "the third quarter", "the first half": of the year given, shifted, or the last one that has ended. */
function resolveQuarter(meaning: Extract<Meaning, { kind: 'quarter' }>, ctx: Context): Resolved {
  const a = ctx.anchor;
  const label = meaning.half ? `H${meaning.quarter}` : `Q${meaning.quarter}`;
  let year = meaning.year;
  if (year === undefined && a) {
    const current = meaning.half ? (a.month <= 6 ? 1 : 2) : quarterOf(a.month);
    year = a.year + (meaning.yearShift ?? 0);
    // A report names a quarter that has ended: "the fourth quarter" in January is last year's.
    if (meaning.yearShift === undefined && meaning.quarter > current) year -= 1;
  }
  return { value: `${year === undefined ? 'XXXX' : formatYear(year)}-${label}`, type: 'DATE' };
}

/** "the quarter": the one a financial report named last. */
function resolveFocusQuarter(_meaning: Extract<Meaning, { kind: 'focusQuarter' }>, ctx: Context): Resolved {
  const f = ctx.focusQuarter;
  if (!f) return null;
  return { value: `${formatYear(f.year)}-Q${f.quarter}`, type: 'DATE' };
}

/** A holiday: its occurrence nearest the anchor, as with "Jan 27". */
function resolveHoliday(meaning: Extract<Meaning, { kind: 'holiday' }>, ctx: Context): Resolved {
  const a = ctx.anchor;
  if (!a) {
    const fixed = /^(\d{2})-(\d{2})$/.exec(meaning.rule);
    return { value: fixed ? `XXXX-${meaning.rule}` : 'XXXX-XX-XX', type: 'DATE' };
  }
  const candidates = [a.year - 1, a.year, a.year + 1].map((y) => holidayIn(meaning.rule, y)).filter((d): d is Day => d !== null);
  const at = (d: Day) => d.year * 372 + d.month * 31 + d.day;
  const anchorAt = at(a);
  const weight = (d: Day) => Math.abs(at(d) - anchorAt) * ((at(d) > anchorAt) === !ctx.future ? 1.5 : 1);
  const best = candidates.sort((x, y) => weight(x) - weight(y))[0];
  return best ? { value: formatDay(best), type: 'DATE' } : null;
}

/** "the nineties": the latest such decade that has begun (written in 2026, the 1990s). */
function resolveDecadeOfCentury(meaning: Extract<Meaning, { kind: 'decadeOfCentury' }>, ctx: Context): Resolved {
  const a = ctx.anchor;
  if (!a) return { value: `XX${meaning.digit}`, type: 'DATE' };
  let century = Math.floor(a.year / 100);
  if (century * 100 + meaning.digit * 10 > a.year) century -= 1;
  return { value: `${String(century).padStart(2, '0')}${meaning.digit}`, type: 'DATE' };
}

/** One small resolver per kind of meaning. */
const RESOLVERS: { [K in Meaning['kind']]: Resolver<K> } = {
  literal: (meaning) => ({ value: meaning.value, type: meaning.type }),
  calendar: resolveCalendar,
  shift: resolveShift,
  weekday: resolveWeekday,
  named: resolveNamed,
  quarter: resolveQuarter,
  focusQuarter: resolveFocusQuarter,
  holiday: resolveHoliday,
  decadeOfCentury: resolveDecadeOfCentury,
  decade: (meaning) => ({ value: meaning.decade, type: 'DATE' }),
  century: (meaning) => ({ value: String(meaning.century).padStart(2, '0'), type: 'DATE' }),
};

/** The TIMEX3 value of a meaning; null when it cannot be written (the caller then drops it). */
export function resolve(meaning: Meaning, ctx: Context): Resolved {
  return (RESOLVERS[meaning.kind] as (m: Meaning, c: Context) => Resolved)(meaning, ctx);
}

/** The day of a holiday rule in a year: "12-25" or "11-4-4" (4th Thursday of November). */
function holidayIn(rule: string, year: number): Day | null {
  const fixed = /^(\d{2})-(\d{2})$/.exec(rule);
  if (fixed) return { year, month: Number(fixed[1]), day: Number(fixed[2]) };
  const nth = /^(\d{2})-(\d)-(\d)$/.exec(rule);
  if (!nth) return null;
  const month = Number(nth[1]);
  const first: Day = { year, month, day: 1 };
  const offset = (Number(nth[3]) - isoWeekday(first) + 7) % 7;
  return addDays(first, offset + 7 * (Number(nth[2]) - 1));
}

/** The year of "Jan 27" without a year: the one that puts the date nearest the anchor, past first. */
function nearestYear(anchor: Day, month: number, day: number, future: boolean): number {
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1];
  let best = anchor.year;
  let bestScore = Number.POSITIVE_INFINITY;
  const anchorIndex = anchor.year * 372 + anchor.month * 31 + anchor.day;
  for (const y of candidates) {
    const diff = y * 372 + month * 31 + day - anchorIndex;
    // News speaks of the recent past more than of the future, unless the sentence is in the future.
    const score = Math.abs(diff) * (diff > 0 && !future ? 1.5 : diff < 0 && future ? 1.5 : 1);
    if (score < bestScore) {
      bestScore = score;
      best = y;
    }
  }
  return best;
}

export { seasonOfMonth };
