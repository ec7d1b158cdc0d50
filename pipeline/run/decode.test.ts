import { describe, expect, it } from 'vitest';
import { decodeBytes, firstInvalidUtf8 } from './decode.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('UTF-8 validity', () => {
  it('rejects what TextDecoder replaces: surrogates (CESU-8), overlong forms, code points past U+10FFFF', () => {
    expect(firstInvalidUtf8(bytes(0x41, 0xed, 0xa0, 0xbd))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80))).toBe(-1);
  });

  it('lists every replaced byte sequence of a JSONL line, and of a file with a byte order mark', () => {
    const cesu = decodeBytes(bytes(0x53, 0x20, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, 0x20, 0x68), { utf8Only: true });
    expect(cesu).toMatchObject({ invalid: ['ed a0 bd', 'ed b8 80'] });
    const bom = decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42));
    expect(bom).toMatchObject({ text: 'A\uFFFDB', encoding: 'utf-8-bom', invalid: ['ff'] });
  });
});
