// Calendar arithmetic on plain {year, month, day} values, in UTC so that no time zone or clock of
// the machine enters a result. TIMEX3 value formatting lives here too.

export interface Day {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Years a TIMEX3 value can carry as four digits. */
export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return isPlausibleYear(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function fromUtc(ms: number): Day {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function toUtc(d: Day): number {
  const date = new Date(Date.UTC(2000, d.month - 1, d.day));
  date.setUTCFullYear(d.year);
  return date.getTime();
}

export function addDays(d: Day, n: number): Day {
  return fromUtc(toUtc(d) + n * 86_400_000);
}

/** Adds months, keeping the day inside the target month. */
export function addMonths(d: Day, n: number): Day {
  const total = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function isoWeekday(d: Day): number {
  const w = new Date(toUtc(d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  const week = Math.floor((toUtc(thursday) - toUtc(jan1)) / 86_400_000 / 7) + 1;
  return { year: thursday.year, week };
}

export const formatYear = (year: number): string => pad(year, 4);
export const formatMonth = (year: number, month: number): string => `${pad(year, 4)}-${pad(month)}`;
export const formatDay = (d: Day): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export function formatWeek(d: Day): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}
export const quarterOf = (month: number): number => Math.floor((month - 1) / 3) + 1;

/** Parses `YYYY-MM-DD` (optionally followed by a time) into a valid day, else null. */
export function parseIsoDay(text: string | null | undefined): Day | null {
  if (!text) return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(year, month, day) ? { year, month, day } : null;
}
