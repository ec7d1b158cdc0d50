import { describe, expect, it } from 'vitest';
import { type Context, resolve } from './meaning.ts';

const ctx = (anchor: Context['anchor'], extra: Partial<Context> = {}): Context => ({ anchor, future: false, lastYear: null, focusQuarter: null, ...extra });
const wed = { year: 2026, month: 1, day: 14 }; // a Wednesday

describe('resolving meanings against the anchor', () => {
  it('gives a day named without a year the year that puts it nearest the anchor', () => {
    expect(resolve({ kind: 'calendar', month: 12, day: 30 }, ctx(wed))).toEqual({ value: '2025-12-30', type: 'DATE' });
    expect(resolve({ kind: 'calendar', month: 12, day: 30 }, ctx(null))).toEqual({ value: 'XXXX-12-30', type: 'DATE' });
  });

  it('reads "on Friday" in a past-tense sentence as the Friday before the anchor, and ahead in a future one', () => {
    expect(resolve({ kind: 'weekday', weekday: 5 }, ctx(wed))).toEqual({ value: '2026-01-09', type: 'DATE' });
    expect(resolve({ kind: 'weekday', weekday: 5 }, ctx(wed, { future: true }))).toEqual({ value: '2026-01-16', type: 'DATE' });
  });

  it('counts "the following year" from the last year named, not from the anchor', () => {
    expect(resolve({ kind: 'shift', unit: 'Y', n: 1, discourse: true }, ctx(wed, { lastYear: 1999 }))).toEqual({ value: '2000', type: 'DATE' });
    expect(resolve({ kind: 'shift', unit: 'Y', n: -1 }, ctx(wed))).toEqual({ value: '2025', type: 'DATE' });
  });

  it('takes a quarter named in January that has not begun as last year\'s', () => {
    expect(resolve({ kind: 'quarter', quarter: 4 }, ctx(wed))).toEqual({ value: '2025-Q4', type: 'DATE' });
  });

  it('finds a holiday by its rule (the fourth Thursday of November) nearest the anchor', () => {
    expect(resolve({ kind: 'holiday', rule: '11-4-4' }, ctx(wed))).toEqual({ value: '2025-11-27', type: 'DATE' });
  });

  it('drops "the quarter" when no quarter was named before', () => {
    expect(resolve({ kind: 'focusQuarter' }, ctx(wed))).toBeNull();
  });

  it('places "the nineties" in the latest century where they have begun', () => {
    expect(resolve({ kind: 'decadeOfCentury', digit: 9 }, ctx(wed))).toEqual({ value: '199', type: 'DATE' });
  });
});
