import { describe, expect, it } from 'vitest';
import { encodeLines } from './line-bytes.ts';

/** What the lines should be: each as UTF-8 with its newline, and the byte offset after each. */
function expected(lines: string[]) {
  const parts = lines.map((l) => Buffer.from(`${l}\n`, 'utf8'));
  let at = 0;
  return { bytes: Buffer.concat(parts), ends: parts.map((p) => (at += p.length)) };
}

describe('lines as UTF-8 bytes', () => {
  it('encodes each line with its newline, in any script, and says where each ends', () => {
    const lines = ['{"id":"a"}', 'Ελλάδα, 北京 — “quoted” 😀', '', 'x\u00a0y'];
    const out = encodeLines(lines);
    expect(out).toEqual(expected(lines));
  });

  it('gives the same bytes for a document too large for the scratch buffer, and for small ones after it', () => {
    // 1.5 million code units of each: more than the scratch buffer's 4 MB at three bytes a unit.
    const big = ['😀'.repeat(750_000), 'α'.repeat(1_500_000), 'end'];
    const out = encodeLines(big);
    const want = expected(big);
    // Buffer.equals, not toEqual: vitest compares a buffer element by element, minutes for these.
    expect(out.bytes.equals(want.bytes)).toBe(true);
    expect(out.ends).toEqual(want.ends);
    const small = ['one', 'δύο'];
    expect(encodeLines(small)).toEqual(expected(small));
  });

  it('keeps its bytes in a buffer of their own, not the scratch buffer the next document reuses', () => {
    const first = encodeLines(['first document']);
    encodeLines(['second document, longer']);
    expect(first.bytes.toString('utf8')).toBe('first document\n');
    expect(first.bytes.byteOffset).toBe(0);
    expect(first.bytes.buffer.byteLength).toBe(first.bytes.length);
  });
});
