import { describe, expect, it } from 'vitest';
import { foldedHash, foldWord } from '../spelling.ts';
import { FeatureList, hashString, mix, shapeHashOf } from './features.ts';

describe('feature hashes', () => {
  it('hashes a string by FNV-1a, as the committed model was trained (signed, the same low 32 bits)', () => {
    // Published FNV-1a 32-bit test vectors.
    expect(hashString('') >>> 0).toBe(0x811c9dc5);
    expect(hashString('a') >>> 0).toBe(0xe40c292c);
    expect(hashString('foobar') >>> 0).toBe(0xbf9cf968);
  });

  it('mixes signed and unsigned forms of a hash alike', () => {
    const h = hashString('foobar');
    expect(h).toBeLessThan(0);
    expect(mix(h, 7)).toBe(mix(h >>> 0, 7));
    expect(mix(3, h)).toBe(mix(3, h >>> 0));
  });
});

describe('FeatureList', () => {
  it('holds only the hashes pushed since it was emptied, past its first size too', () => {
    const f = new FeatureList();
    for (let k = 0; k < 200; k++) f.push(k);
    expect(f.length).toBe(200);
    expect(f.values[199]).toBe(199);
    f.length = 0;
    f.push(-5);
    f.push(9);
    expect(f.length).toBe(2);
    expect(f.values.slice(0, f.length)).toEqual([-5, 9]);
  });

  it("hashes a word's fold as the fold's own hash, without folding it", () => {
    for (const w of ['news', 'Macron', 'NATO', 'été', 'Dröge', 'Łódź', 'Шойгу', 'ШОЙГУ', 'Μακρόν', 'İstanbul', 'O’Brien', 'ǅemal', 'Straße']) {
      expect(foldedHash(w)).toBe(hashString(foldWord(w)));
    }
    // Where the fold reads the whole word (a capital sigma, a character past U+FFFF): no hash.
    expect(foldedHash('ΟΔΟΣ')).toBeNull();
    expect(foldedHash('𝐀bc')).toBeNull();
  });

  it("hashes a word's shape: letters and digits by class, runs longer than two cut to two", () => {
    const shapes: [string, string][] = [
      ['Macron', 'Xxx'], ['NATO', 'XX'], ['U.S.', 'X.X.'], ['2026-01-27', 'dd-dd-dd'], ['Шойгу', 'Xxx'], ['---', '--'], ['AbcDEF', 'XxxXX'], ['McDonald’s', 'XxXxx’x'], ['𝐀bc', 'Xxx'],
    ];
    for (const [word, shape] of shapes) expect(shapeHashOf(word)).toBe(hashString(shape));
  });
});
