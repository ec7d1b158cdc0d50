import { describe, expect, it } from 'vitest';
import { eachMatch, hasTopLevelBranch, scanOf, splitScanFits } from './scan.ts';

const matches = (re: RegExp, text: string) => {
  const found: [number, string][] = [];
  eachMatch(scanOf(re), text, (m) => found.push([m.index, m[0]]));
  return found;
};
const whole = (re: RegExp, text: string) => [...text.matchAll(re)].filter((m) => m[0] !== '').map((m): [number, string] => [m.index ?? 0, m[0]]);

describe('scanning a rule without its opening lookbehind', () => {
  it('splits off an opening lookbehind of one character class', () => {
    const scan = scanOf(/(?<![\p{L}\p{N}])(\d{4})(?![\p{L}\p{N}])/giu);
    expect(scan.body.source).toBe('(\\d{4})(?![\\p{L}\\p{N}])');
    expect(scan.boundary?.flags).toBe('iuy');
  });

  it('leaves whole a pattern whose lookbehind guards its first branch only', () => {
    expect(scanOf(/(?<![a-z])a|b/g).boundary).toBeNull();
    expect(hasTopLevelBranch('(a|b)[|]\\|c')).toBe(false);
    expect(hasTopLevelBranch('(a)|b')).toBe(true);
  });

  it('finds the matches the whole pattern finds, where the boundary refuses one inside a word', () => {
    const re = /(?<![\p{L}\p{N}])(?:may|march)\s+\d{1,2}/giu;
    const text = 'Dismay 3 and May 4; summarch 5, March 12 and xMay 6 May 7';
    expect(matches(re, text)).toEqual(whole(re, text));
    expect(matches(re, text).map((m) => m[1])).toEqual(['May 4', 'March 12', 'May 7']);
  });

  it('searches again after a refused match, so an overlapping later match is found', () => {
    // "aa 1" refused at 1 (after "x"), found again at 2.
    const re = /(?<![x])a+ \d/gu;
    expect(matches(re, 'xaa 1')).toEqual(whole(re, 'xaa 1'));
    expect(matches(re, 'xaa 1')).toEqual([[2, 'a 1']]);
  });

  it('steps over a whole astral character when the boundary refuses a match there', () => {
    const re = /(?<![\p{L}\p{N}])\p{L}+/gu;
    const text = 'a𝒜b 𝒜c';
    expect(matches(re, text)).toEqual(whole(re, text));
  });

  it('runs the whole pattern on a text with a run of letters or digits longer than any word (the split scan would be quadratic there)', () => {
    expect(splitScanFits('Prices rose 7% in 2025, the statistics office said.')).toBe(true);
    expect(splitScanFits(`a ${'7'.repeat(33)} b`)).toBe(false);
    const re = /(?<![\p{L}\p{N}])\d+ years/gu;
    const text = `x${'7'.repeat(40)} years, 12 years`;
    const found: string[] = [];
    eachMatch(scanOf(re), text, (m) => found.push(m[0]));
    expect(found).toEqual(['12 years']);
  });
});
