import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewsRecord } from '../core/record.ts';
import { WorkerPool } from './pool.ts';
import { linesOf, type WrittenResult } from './process.ts';
import type { InputDocument } from './read.ts';
import { documentTimeout } from './run.ts';

/** A pool's result as the output files will hold it: the record and the stage lines. */
const parsed = (r: WrittenResult) => ({
  record: JSON.parse(linesOf(r).at(-1) as string) as NewsRecord,
  stageLines: linesOf(r).slice(0, -1).map((l) => JSON.parse(l) as { learned?: unknown; seen?: number }),
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

  it('fails the run, not each document, when its workers cannot load their stages', async () => {
    const pool = new WorkerPool(2, { stages: ['count'], stageOptions: {}, referenceDate: null, stageModule: new URL('./test/broken-stage.ts', import.meta.url).href });
    try {
      pool.warmUp(doc('w', 'Warming up.'));
      await expect(pool.process(doc('a', 'One.'))).rejects.toThrow(/the stages could not be loaded in a worker thread: .*this stage module cannot load/);
      // And every document after it, at once: no worker is started again for each.
      await expect(pool.process(doc('b', 'Two.'))).rejects.toThrow(/could not be loaded/);
    } finally {
      await pool.close();
    }
  });

  it('blames no document on a worker that died before its stages loaded, once: its replacement processes them all', async () => {
    const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'newsnorm-flaky-')), 'loaded-once');
    const pool = new WorkerPool(1, { stages: ['count'], stageOptions: { flaky: { marker } }, referenceDate: null, stageModule: new URL('./test/flaky-stage.ts', import.meta.url).href });
    try {
      const results = (await Promise.all([pool.process(doc('a', 'One.')), pool.process(doc('b', 'Two.'))])).map(parsed);
      expect(results.map((r) => r.record.error)).toEqual([undefined, undefined]);
      expect(existsSync(marker)).toBe(true);
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

// One worker for both (each worker started from the sources costs most of a second): its
// replacement, after the stuck document, shows what a new worker is sent.
describe('the batch learners\' results and the warm-up in the pool', () => {
  it('warms up on a document it answers nothing for, then gives each document the results the main thread has, sent once a worker and named again after that', async () => {
    const window1 = { names: ['Ada Lovelace', 'Alan Turing'] };
    const window2 = { names: ['Grace Hopper'] };
    const site = { lines: ['Home'] };
    const docs = [
      { ...doc('a', 'One.'), learned: { names: window1, chrome: site } },
      { ...doc('b', 'Two.'), learned: { names: window1 } },
      { ...doc('d', 'Four.'), learned: { names: window2, chrome: site } },
      { ...doc('e', 'Five.'), learned: { names: window1 } },
      { ...doc('c', 'stuck'), learned: { names: window1, chrome: site } },
      doc('f', 'Six.'),
      { ...doc('g', 'Seven.'), learned: { names: window1, chrome: site } },
    ];
    const pool = new WorkerPool(
      1,
      { stages: ['count', 'stuck', 'learned', 'seen'], stageOptions: {}, referenceDate: null, stageModule: new URL('./test/stuck-stage.ts', import.meta.url).href },
      { timeoutMs: (d) => (d.id === 'c' ? 800 : null) },
    );
    try {
      pool.warmUp(doc('w', 'The first document read.'));
      const results = (await Promise.all(docs.map((d) => pool.process(d)))).map(parsed);
      // `seen`: the warm-up was the first worker's first document; f and g went to its replacement.
      expect(results.map((r) => [r.record.id, r.record.error?.stage ?? null, r.stageLines[2]?.learned ?? null, r.stageLines[3]?.seen ?? null])).toEqual([
        ['a', null, { names: window1, chrome: site }, 2],
        ['b', null, { names: window1 }, 3],
        ['d', null, { names: window2, chrome: site }, 4],
        ['e', null, { names: window1 }, 5],
        ['c', 'stuck', null, null],
        ['f', null, null, 1],
        ['g', null, { names: window1, chrome: site }, 2],
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

describe('the tables the pool\'s workers share', () => {
  const stageModule = new URL('./test/table-stage.ts', import.meta.url).href;

  it('are made once, in shared memory, by the first worker that asks, and read by the others; a worker ended while it made one does not hold the others up', async () => {
    const pool = new WorkerPool(2, { stages: ['table', 'lingua'], stageOptions: {}, referenceDate: null, stageModule }, { timeoutMs: (d) => (d.id === 'stuck' ? 1500 : null) });
    try {
      // The first worker takes the lock to make the table and never returns: it is ended, and the
      // pool frees the lock it held. By then the second worker has started (the first loaded its stages).
      const stuck = parsed(await pool.process(doc('stuck', 'stuck')));
      expect(stuck.record.error?.stage).toBe('table');
      // Two documents at a time: one for each worker (the replacement and the second).
      const lines = [];
      for (const pair of [['a', 'b'], ['c', 'd']]) {
        const results = await Promise.all(pair.map((id) => pool.process(doc(id, 'Bore da.'))));
        lines.push(...results.map((r) => parsed(r).stageLines as unknown as [{ thread: number; maker: number; shared: boolean }, { fourGrams: boolean; mergedTrigrams: boolean }]));
      }
      const threads = new Set(lines.map(([t]) => t.thread));
      const makers = new Set(lines.map(([t]) => t.maker));
      expect(threads.size).toBe(2);
      expect(makers.size).toBe(1);
      expect(threads.has([...makers][0]!)).toBe(true);
      expect(lines.every(([t]) => t.shared)).toBe(true);
      // The language stage's tables, in every worker.
      expect(lines.map(([, l]) => [l.fourGrams, l.mergedTrigrams])).toEqual(Array(4).fill([true, true]));
    } finally {
      await pool.close();
    }
  });
});
