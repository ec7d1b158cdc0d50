import { describe, expect, it } from 'vitest';
import { neutralLanguage } from './lexicon.ts';
import { neverMatches } from './never-matches.ts';
import { buildRules, DATE_RULES } from './recognize.ts';

describe('patterns that can never match', () => {
  it('finds a mandatory empty negative lookahead, however deep', () => {
    expect(neverMatches('(?!)')).toBe(true);
    expect(neverMatches('(?<![\\p{L}\\p{N}])(?:a|b)\\s+((?:(?!)))(?![\\p{L}])')).toBe(true);
    expect(neverMatches('x(?<!)')).toBe(true);
    expect(neverMatches('(?:(?!)|(?!))+')).toBe(true);
  });

  it('keeps a pattern with a way around it', () => {
    expect(neverMatches('(?:(?!))?\\d{4}')).toBe(false);
    expect(neverMatches('(?:(?!))*x')).toBe(false);
    expect(neverMatches('(?:(?!)){0,2}x')).toBe(false);
    expect(neverMatches('(?!)|\\d')).toBe(false);
    expect(neverMatches('(?!a)b')).toBe(false);
    expect(neverMatches('[(?!)]')).toBe(false);
    expect(neverMatches('\\(?!\\)')).toBe(false);
    expect(neverMatches('\\p{L}+(?<year>\\d{4})')).toBe(false);
  });

  it('agrees with the regex engine on every built rule', () => {
    // Each rule it keeps out must fail on text made of the words it could need; this checks the
    // reading never drops a rule that matches (a dropped rule that matched would change output).
    const neutral = neutralLanguage();
    const dropped = DATE_RULES.map((def) => ({ name: def.name, ...def.make(neutral) })).filter((r) => neverMatches(r.re.source));
    expect(dropped.length).toBeGreaterThan(0);
    const text = '27 January 2026, last Tuesday, 3 days ago, in 2025, 14:30, the year 2000, 2026-01-27, 27.01.2026';
    for (const rule of dropped) expect(text.match(new RegExp(rule.re.source, rule.re.flags))).toBeNull();
    const kept = buildRules(neutral).map((r) => r.name);
    expect(kept).toEqual(expect.arrayContaining(['iso', 'numeric', 'year']));
  });
});
