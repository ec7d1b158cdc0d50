import { describe, expect, it } from 'vitest';
import { memoizeRecent } from './memo.ts';

describe('memoizeRecent', () => {
  it('works out a word once while it is in use, across generations', () => {
    const calls: string[] = [];
    const upper = memoizeRecent((w: string) => {
      calls.push(w);
      return w.toUpperCase();
    }, 2);
    // "the" is asked for between every new word: it moves to each new generation and stays.
    for (const w of ['the', 'a', 'the', 'b', 'the', 'c', 'the', 'd', 'the']) expect(upper(w)).toBe(w.toUpperCase());
    expect(calls).toEqual(['the', 'a', 'b', 'c', 'd']);
  });

  it('forgets a word not asked for over two generations', () => {
    const calls: string[] = [];
    const same = memoizeRecent((w: string) => {
      calls.push(w);
      return w;
    }, 2);
    for (const w of ['a', 'b', 'c', 'd', 'e', 'a']) same(w);
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'e', 'a']);
  });
});
