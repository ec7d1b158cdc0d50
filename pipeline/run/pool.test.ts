import { describe, expect, it } from 'vitest';
import type { NewsRecord } from '../core/record.ts';
import { WorkerPool } from './pool.ts';
import type { WrittenResult } from './process.ts';
import type { InputDocument } from './read.ts';
import { documentTimeout } from './run.ts';

/** A pool's result as the output files will hold it: the record and the stage lines. */
const parsed = (r: WrittenResult) => ({
  record: JSON.parse(r.lines.at(-1) as string) as NewsRecord,
  stageLines: r.lines.slice(0, -1).map((l) => JSON.parse(l) as { learned?: unknown }),
});

const doc = (id: string, text: string): InputDocument => ({ id, source: { path: 'x', url: null }, text, html: null, date: null, langHint: null, error: null });

describe('the worker pool', () => {
  it('stops a stage that never returns, blames it on the document, and goes on with a new worker', async () => {
    const pool = new WorkerPool(
      1,
      { stages: ['count', 'stuck'], stageOptions: {}, referenceDate: null, stageModule: new URL('./test/stuck-stage.ts', import.meta.url).href },
      { timeoutMs: () => 800 },
    );
    try {
      // Queued together on the one worker: the stuck document, then two fine ones behind it.
      const [stuck, after, later] = (
        await Promise.all([pool.process(doc('s', 'This one is stuck.')), pool.process(doc('a', 'This one is fine.')), pool.process(doc('b', 'So is this one.'))])
      ).map(parsed) as [ReturnType<typeof parsed>, ReturnType<typeof parsed>, ReturnType<typeof parsed>];
      expect(stuck.record.error).toEqual({ stage: 'stuck', message: 'stopped after 0.8 s: the document took longer than its time limit (--document-timeout)' });
      expect(stuck.record.text).toBe('This one is stuck.');
      expect(after.record.error).toBeUndefined();
      expect(later.record.error).toBeUndefined();
      expect(after.stageLines).toEqual([{ id: 'a', blocks: 1, input: 'This one is fine.', decisions: [] }, { id: 'a', decisions: [] }]);
    } finally {
      await pool.close();
    }
  });

  it('counts a worker as warming up for its first minutes, not only for its first document (models load as languages turn up)', async () => {
    const seen: boolean[] = [];
    const pool = new WorkerPool(
      1,
      { stages: ['count'], stageOptions: {}, referenceDate: null, stageModule: new URL('./test/stuck-stage.ts', import.meta.url).href },
      { timeoutMs: (_doc, warming) => (seen.push(warming), null) },
    );
    try {
      await pool.process(doc('a', 'One.'));
      await pool.process(doc('b', 'Two.'));
      expect(seen).toEqual([true, true]);
    } finally {
      await pool.close();
    }
  });

  it('leaves a document without a time limit alone', async () => {
    const pool = new WorkerPool(1, { stages: [], stageOptions: {}, referenceDate: null, stageModule: new URL('./test/stuck-stage.ts', import.meta.url).href });
    try {
      expect(parsed(await pool.process(doc('a', 'Fine.'))).record.error).toBeUndefined();
    } finally {
      await pool.close();
    }
  });
});

describe('the batch learners\' results in the pool', () => {
  it('reach each document as the main thread has them, sent once a worker and named again after that, also to a replacement worker', async () => {
    const window1 = { names: ['Ada Lovelace', 'Alan Turing'] };
    const window2 = { names: ['Grace Hopper'] };
    const site = { lines: ['Home'] };
    const docs = [
      { ...doc('a', 'One.'), learned: { names: window1, chrome: site } },
      { ...doc('b', 'Two.'), learned: { names: window1 } },
      { ...doc('c', 'stuck'), learned: { names: window1, chrome: site } },
      { ...doc('d', 'Four.'), learned: { names: window2, chrome: site } },
      { ...doc('e', 'Five.'), learned: { names: window1 } },
      doc('f', 'Six.'),
    ];
    const pool = new WorkerPool(
      2,
      { stages: ['count', 'stuck', 'learned'], stageOptions: {}, referenceDate: null, stageModule: new URL('./test/stuck-stage.ts', import.meta.url).href },
      { timeoutMs: (d) => (d.id === 'c' ? 800 : null) },
    );
    try {
      const results = (await Promise.all(docs.map((d) => pool.process(d)))).map(parsed);
      expect(results.map((r) => [r.record.id, r.record.error?.stage ?? null, r.stageLines[2]?.learned ?? null])).toEqual([
        ['a', null, { names: window1, chrome: site }],
        ['b', null, { names: window1 }],
        ['c', 'stuck', null],
        ['d', null, { names: window2, chrome: site }],
        ['e', null, { names: window1 }],
        ['f', null, null],
      ]);
    } finally {
      await pool.close();
    }
  });
});

describe('warming up', () => {
  it('has every worker process the warm-up document first, and answers nothing for it', async () => {
    const pool = new WorkerPool(2, { stages: ['seen'], stageOptions: {}, referenceDate: null, stageModule: new URL('./test/stuck-stage.ts', import.meta.url).href });
    try {
      pool.warmUp(doc('w', 'The first document read.'));
      const results = (await Promise.all([pool.process(doc('a', 'One.')), pool.process(doc('b', 'Two.'))])).map(parsed);
      // Each worker's second document: the warm-up was its first.
      expect(results.map((r) => [r.record.id, r.stageLines[0]])).toEqual([
        ['a', { id: 'a', seen: 2, input: 'One.', decisions: [] }],
        ['b', { id: 'b', seen: 2, input: 'Two.', decisions: [] }],
      ]);
    } finally {
      await pool.close();
    }
  });
});

describe('a document\'s time limit', () => {
  it('is the one given, else 30 s and 30 s per MB; a warming worker\'s documents have ten minutes more for loading models', () => {
    const small = { ...doc('a', 'x'.repeat(1000)), bytes: 1000 };
    const big = { ...doc('b', ''), bytes: 2_000_000 };
    expect(documentTimeout(small, false, undefined)).toBe(30_030);
    expect(documentTimeout(big, false, undefined)).toBe(90_000);
    expect(documentTimeout(big, true, undefined)).toBe(690_000);
    expect(documentTimeout(big, false, 5000)).toBe(5000);
    expect(documentTimeout(big, false, null)).toBeNull();
  });
});
