import { describe, expect, it } from 'vitest';
import { hashKey, StringTable } from './string-table.ts';

describe('StringTable', () => {
  it('finds every key it was given, past its first room and among keys of one hash', () => {
    const table = new StringTable<number>(1000);
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`);
    words.forEach((w, i) => table.add(w, hashKey(w), i));
    expect(table.full).toBe(true);
    words.forEach((w, i) => expect(table.values[table.find(w, hashKey(w))]).toBe(i));
    expect(table.find('w1000', hashKey('w1000'))).toBe(-1);
    // The same hash for every key: told apart by the key itself.
    const same = new StringTable<string>(10);
    for (const w of ['Macron', 'Merkel', 'Modi']) same.add(w, 7, w.toUpperCase());
    expect(same.values[same.find('Merkel', 7)]).toBe('MERKEL');
    expect(same.find('Meloni', 7)).toBe(-1);
  });

  it('holds nothing once cleared, and takes new keys', () => {
    const table = new StringTable<number>(4);
    for (const w of ['a', 'b', 'c', 'd']) table.add(w, hashKey(w), 1);
    table.clear();
    expect(table.count).toBe(0);
    expect(table.find('a', hashKey('a'))).toBe(-1);
    table.add('e', hashKey('e'), 2);
    expect(table.values[table.find('e', hashKey('e'))]).toBe(2);
  });
});
