import { describe, expect, it } from 'vitest';
import { WordMemo } from './word-memo.ts';

/** A memo of `{ text, upper }` that records each word it works out. */
function upperMemo(size: number) {
  const calls: string[] = [];
  const memo = new WordMemo(
    (text: string) => {
      calls.push(text);
      return { text, upper: text.toUpperCase() };
    },
    size,
  );
  return { memo, calls };
}

describe('WordMemo', () => {
  it('works out a word once while it is in use, across generations', () => {
    const { memo, calls } = upperMemo(2);
    // "the" is asked for between every new word: it moves to each new generation and stays.
    for (const w of ['the', 'a', 'the', 'b', 'the', 'c', 'the', 'd', 'the']) expect(memo.get(w).upper).toBe(w.toUpperCase());
    expect(calls).toEqual(['the', 'a', 'b', 'c', 'd']);
  });

  it('forgets a word not asked for over two generations', () => {
    const { memo, calls } = upperMemo(2);
    for (const w of ['a', 'b', 'c', 'd', 'e', 'a']) memo.get(w);
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'e', 'a']);
  });

  it('answers for a word cut from a longer text, and for the same word written anew', () => {
    const page = `${'x'.repeat(1000)} Aleksandr Lukashenko`;
    const { memo } = upperMemo(4);
    const value = memo.get(page.slice(1001));
    expect(value.text).toBe('Aleksandr Lukashenko');
    // The same word from another text is the same value.
    expect(memo.get(`Aleksandr ${'Lukashenko'}`)).toBe(value);
  });
});
