import { describe, expect, it } from 'vitest';
import { flagsUnit, showInvisible } from './invisible.ts';

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

describe('invisible characters in a decision text', () => {
  it('writes each as <U+XXXX>, astral ones by their code point', () => {
    expect(showInvisible('a\u00a0b\tc\u200bd\u{e0001}e')).toBe('a<U+00A0>b<U+0009>c<U+200B>d<U+E0001>e');
    expect(showInvisible('\u2028\u3000\u00ad')).toBe('<U+2028><U+3000><U+00AD>');
  });

  it('leaves a text without any as it is, in any script', () => {
    for (const text of ['plain words', 'Ελλάδα, 北京 — “quoted” 😀', 'ثلاثة', '']) expect(showInvisible(text)).toBe(text);
  });

  it('never skips a code unit the class matches (the quick scan flags every one)', () => {
    const missed: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) if (INVISIBLE.test(String.fromCharCode(unit)) && !flagsUnit(unit)) missed.push(unit);
    expect(missed).toEqual([]);
    expect(flagsUnit(0x41)).toBe(false);
    expect(flagsUnit(0x201c)).toBe(false);
    expect(flagsUnit(0xdb40)).toBe(true);
  });
});
