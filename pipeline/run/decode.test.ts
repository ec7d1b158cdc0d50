import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('UTF-8 validity', () => {
  it('lists every replaced byte sequence of a JSONL line, and of a file with a byte order mark', () => {
    const cesu = decodeBytes(bytes(0x53, 0x20, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, 0x20, 0x68), { utf8Only: true });
    expect(cesu).toMatchObject({ invalid: ['ed a0 bd', 'ed b8 80'] });
    const bom = decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42));
    expect(bom).toMatchObject({ text: 'A\uFFFDB', encoding: 'utf-8-bom', invalid: ['ff'] });
  });
});
