import { describe, expect, it } from 'vitest';
import { cesuPairLength, codePointOf, continuationCount, firstInvalidUtf8, shapedLength, wellFormedLength } from './utf8.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('firstInvalidUtf8', () => {
  it('rejects what TextDecoder replaces: surrogates (CESU-8), overlong forms, code points past U+10FFFF', () => {
    expect(firstInvalidUtf8(bytes(0x41, 0xed, 0xa0, 0xbd))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80))).toBe(-1);
  });

  it('finds a sequence cut short at the end', () => {
    expect(firstInvalidUtf8(bytes(0x41, 0x42, 0xe2, 0x82))).toBe(2);
  });
});

describe('sequence lengths', () => {
  it('counts the continuation bytes a lead byte asks for, and refuses C0, C1 and F5 as leads', () => {
    expect([0x41, 0xc3, 0xe2, 0xf0].map(continuationCount)).toEqual([0, 1, 2, 3]);
    expect([0x80, 0xc0, 0xc1, 0xf5].map(continuationCount)).toEqual([-1, -1, -1, -1]);
  });

  it('takes an encoded surrogate as shaped like UTF-8 but not well-formed', () => {
    const surrogate = bytes(0xed, 0xa0, 0xbd);
    expect(shapedLength(surrogate, 0)).toBe(3);
    expect(wellFormedLength(surrogate, 0)).toBe(0);
  });

  it('gives no shaped length to ASCII or to a lead byte without its continuation bytes', () => {
    expect(shapedLength(bytes(0x41), 0)).toBe(0);
    expect(shapedLength(bytes(0xc3, 0x41), 0)).toBe(0);
  });

  it('reads a CESU-8 surrogate pair as six bytes, and a lone high surrogate as none', () => {
    const pair = bytes(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80);
    expect(cesuPairLength(pair, 0)).toBe(6);
    expect(cesuPairLength(pair.subarray(0, 3), 0)).toBe(0);
    expect(String.fromCharCode(codePointOf(pair, 0, 3), codePointOf(pair, 3, 3))).toBe('😀');
  });

  it('decodes the code point of sequences of each length', () => {
    const euro = bytes(0xe2, 0x82, 0xac);
    const grin = bytes(0xf0, 0x9f, 0x98, 0x80);
    expect(codePointOf(bytes(0xc3, 0xa9), 0, 2)).toBe(0xe9);
    expect(codePointOf(euro, 0, wellFormedLength(euro, 0))).toBe(0x20ac);
    expect(codePointOf(grin, 0, wellFormedLength(grin, 0))).toBe(0x1f600);
  });
});
