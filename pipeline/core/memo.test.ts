import { describe, expect, it } from 'vitest';
import { memoize } from './memo.ts';

describe('memoize', () => {
  it('works a key out once until the memo is full, then starts again', () => {
    const calls: string[] = [];
    const upper = memoize((w: string) => {
      calls.push(w);
      return w.toUpperCase();
    }, { size: 2 });
    for (const w of ['a', 'b', 'a', 'b', 'c', 'a']) expect(upper(w)).toBe(w.toUpperCase());
    // Full after a and b: c empties it, and a is worked out again.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('remembers an undefined answer, and works out a key longer than its bound every time', () => {
    const calls: string[] = [];
    const none = memoize((w: string) => {
      calls.push(w);
      return undefined;
    }, { maxKeyLength: 3 });
    for (const w of ['abc', 'abc', 'abcd', 'abcd']) expect(none(w)).toBeUndefined();
    expect(calls).toEqual(['abc', 'abcd', 'abcd']);
  });

  it('takes a function that asks the memo itself', () => {
    const length: (w: string) => number = memoize((w: string) => (w === '' ? 0 : 1 + length(w.slice(1))));
    expect(length('news')).toBe(4);
    expect(length('news')).toBe(4);
  });
});
