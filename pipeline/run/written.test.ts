import { describe, expect, it } from 'vitest';
import { linesOf, written, type ProcessResult } from './process.ts';
import type { NewsRecord } from '../core/record.ts';

describe('a processed document as the output files take it', () => {
  const record = { id: 'd', text: 'Ελλάδα, 北京 and 😀 — “quoted”', removed: [], repairs: [] } as unknown as NewsRecord;
  const result: ProcessResult = {
    record,
    stageLines: [JSON.stringify({ id: 'd', input: 'Ρoή Ειδήσεων\u00a0😀', decisions: [{ rule: 'navigation' }] }), JSON.stringify({ id: 'd', skipped: 'stage repair failed' })],
    decisions: [[['navigation', 1]], []],
    timings: [1, 0],
  };

  it('holds each line as UTF-8 with its newline, stage lines first, and says where each ends', () => {
    const out = written(result);
    const expected = [...result.stageLines, JSON.stringify(record)].map((l) => `${l}\n`);
    expect(Buffer.from(out.bytes).toString('utf8')).toBe(expected.join(''));
    expect(out.ends).toEqual(expected.map((_, i) => Buffer.byteLength(expected.slice(0, i + 1).join(''))));
    expect(linesOf(out)).toEqual([...result.stageLines, JSON.stringify(record)]);
  });

  it('keeps its bytes in a buffer of their own, so a worker can hand them over without a copy', () => {
    const out = written(result);
    expect(out.bytes.byteOffset).toBe(0);
    expect(out.bytes.buffer.byteLength).toBe(out.bytes.length);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(out.bytes, [out.bytes.buffer as ArrayBuffer]);
    port1.close();
    port2.close();
    expect(out.bytes.length).toBe(0);
  });

  it('counts what run.json needs from the decisions counted when each stage ended', () => {
    expect(written(result).counts).toEqual({ id: 'd', error: null, decisions: [[['navigation', 1]], []], removed: [] });
  });
});
