import { describe, expect, it } from 'vitest';
import { DIGIT, kindOf, LETTER, LOWER, MARK, scriptOf, SPACE, UPPER } from './text.ts';

const cp = (ch: string) => ch.codePointAt(0) as number;

describe('scriptOf', () => {
  it('names the script of letters in the alphabets that share shapes', () => {
    expect(scriptOf(cp('a'))).toBe('Latin');
    expect(scriptOf(cp('ő'))).toBe('Latin');
    expect(scriptOf(cp('ο'))).toBe('Greek');
    expect(scriptOf(cp('ἀ'))).toBe('Greek');
    expect(scriptOf(cp('о'))).toBe('Cyrillic');
  });

  it('tells kana from Han and Hangul', () => {
    expect(scriptOf(cp('ひ'))).toBe('Hiragana');
    expect(scriptOf(cp('カ'))).toBe('Katakana');
    expect(scriptOf(cp('漢'))).toBe('Han');
    expect(scriptOf(cp('한'))).toBe('Hangul');
  });

  it('answers astral code points (CJK extension B) from the same property', () => {
    expect(scriptOf(0x20000)).toBe('Han');
    expect(scriptOf(0x20000)).toBe('Han');
  });

  it('gives digits, punctuation and the micro sign to Common, combining marks to Inherited', () => {
    expect(scriptOf(cp('7'))).toBe('Common');
    expect(scriptOf(cp('.'))).toBe('Common');
    expect(scriptOf(cp('µ'))).toBe('Common');
    expect(scriptOf(0x301)).toBe('Inherited');
  });

  it('calls scripts it does not tell apart Other, and lone surrogates too', () => {
    expect(scriptOf(cp('ሀ'))).toBe('Other'); // Ethiopic
    expect(scriptOf(0xd800)).toBe('Other');
  });
});

describe('kindOf', () => {
  it('marks cased letters with their case', () => {
    expect(kindOf(cp('Ж')) & (LETTER | UPPER)).toBe(LETTER | UPPER);
    expect(kindOf(cp('ж')) & (LETTER | LOWER)).toBe(LETTER | LOWER);
    expect(kindOf(cp('ж')) & UPPER).toBe(0);
  });

  it('marks an uncased letter as a letter without case', () => {
    expect(kindOf(cp('漢')) & (LETTER | UPPER | LOWER)).toBe(LETTER);
  });

  it('marks digits, spaces and combining marks, and none of them as letters', () => {
    expect(kindOf(cp('٣')) & (DIGIT | LETTER)).toBe(DIGIT);
    expect(kindOf(0x3000) & (SPACE | LETTER)).toBe(SPACE);
    expect(kindOf(0x301) & (MARK | LETTER)).toBe(MARK);
    expect(kindOf(cp('!')) & (LETTER | DIGIT | SPACE | MARK)).toBe(0);
  });
});
