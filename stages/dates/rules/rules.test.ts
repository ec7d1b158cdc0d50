import { describe, expect, it } from 'vitest';
import { languages, type Language } from '../lexicon.ts';
import { DATE_RULES, buildRules, findCandidates } from '../recognize.ts';
import { iso } from './calendar.ts';
import type { Match, Problem, Rule } from './rule.ts';

const english = languages().get('eng') as Language;
const chinese = languages().get('cmn') as Language;

describe('the table of date rules', () => {
  it('names every rule once', () => {
    const names = DATE_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('builds for each language only the rules that apply to it, in table order', () => {
    const en = buildRules(english).map((r) => r.name);
    expect(en.slice(0, 5)).toEqual(['iso', 'numeric', 'month-day', 'day-month', 'month-year']);
    expect(en).not.toContain('cjk-date');
    expect(buildRules(chinese).map((r) => r.name).slice(0, 3)).toEqual(['cjk-date', 'cjk-ago', 'cjk-duration']);
  });

  it('runs one rule alone: the ISO rule reads a date and reports an impossible one', () => {
    const rule = buildRules(english, [iso])[0] as Rule;
    const problems: Problem[] = [];
    const text = 'Filed 2026-01-27, amended 2026-02-30.';
    const read = [...text.matchAll(rule.re)].map((m) => rule.read(m as unknown as Match, english, problems));
    expect(read[0]).toEqual({ start: 6, end: 16, meaning: { kind: 'calendar', year: 2026, month: 1, day: 27 }, rule: 'iso' });
    expect(read[1]).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'invalid-date', text: '2026-02-30' })]);
  });

  it('skips a rule switched off by name, and only that rule', () => {
    const text = 'Sales fell in 2025, two weeks ago.';
    const rulesOf = (disabled?: Set<string>) => findCandidates(text, [english], disabled).candidates.map((c) => c.rule);
    expect(rulesOf()).toEqual(expect.arrayContaining(['year', 'ago']));
    const without = rulesOf(new Set(['year']));
    expect(without).not.toContain('year');
    expect(without).toContain('ago');
  });
});
