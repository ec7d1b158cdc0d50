import { describe, expect, it } from 'vitest';
import { WordTable } from './word-table.ts';

describe('WordTable', () => {
  const words = ['anna', 'anne', 'ann', 'o', 'müller', 'brand\ufffdo', 'łukasz', 'anna'];
  const table = new WordTable(words);

  it('holds its words, once each, and no other', () => {
    for (const w of words) expect(table.has(w)).toBe(true);
    for (const w of ['', 'an', 'annas', 'Anna', 'muller', 'brando', 'lukasz', 'annie']) expect(table.has(w)).toBe(false);
    expect(table.size).toBe(7);
  });

  it('gives back the words it was made of', () => {
    expect([...table].sort()).toEqual([...new Set(words)].sort());
  });

  it('answers as a Set on many words', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919).toString(36)}`);
    const packed = new WordTable(many.filter((_, i) => i % 2 === 0));
    const set = new Set(many.filter((_, i) => i % 2 === 0));
    for (const w of many) expect(packed.has(w)).toBe(set.has(w));
  });
});
