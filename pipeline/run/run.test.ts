import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Root } from '../core/document.ts';
import { UsageError } from './flags.ts';
import { StageRunner } from './process.ts';
import type { InputDocument } from './read.ts';
import { validateRecord, type NewsRecord } from '../core/record.ts';
import { runPipeline } from './run.ts';
import type { StageDefinition } from '../core/stage.ts';
import { runCli } from './test/cli.ts';
import { tempDir } from './test/tmp.ts';

const samples = path.join(import.meta.dirname, '..', '..', 'samples');
// The runner's own work (order, shards, resuming) does not depend on what the stages do: those
// tests run the two stages that load no model. The whole pipeline runs where it is the point.
const CHEAP = ['repair', 'blocks'];

function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}

function dump(dir: string, n: number): string {
  const file = path.join(dir, 'dump.jsonl');
  const lines = Array.from({ length: n }, (_, i) =>
    i % 7 === 3 ? '{broken' : JSON.stringify({ id: `d${i}`, text: `Document number ${i} says something.\n\nAnd a second paragraph ${'x'.repeat(i % 13)}.` }),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('the runner', () => {
  it('writes one valid record per document, in input order, at any concurrency', async () => {
    const dir = tempDir();
    const input = dump(dir, 40);
    await runPipeline({ inputs: [input], out: path.join(dir, 'out'), concurrency: 8, stages: CHEAP });
    const records = readJsonl<NewsRecord>(path.join(dir, 'out', 'records.jsonl'));
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? `dump#${i + 1}` : `d${i}`)));
    for (const r of records) expect(validateRecord(r)).toEqual([]);
    expect(records[3]?.error).toEqual({ stage: 'read', message: expect.stringContaining('malformed JSON') });
  });

  it('writes one line per document in every stage file, and run.json with the counts', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    await runPipeline({ inputs: [samples], out });
    const stageFiles = readdirSync(path.join(out, 'stages')).sort();
    expect(stageFiles).toEqual(['01-repair.jsonl', '02-blocks.jsonl', '03-language.jsonl', '04-chrome.jsonl', '05-names.jsonl', '06-dates.jsonl']);
    for (const f of stageFiles) expect(readJsonl(path.join(out, 'stages', f))).toHaveLength(5);
    const run = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8'));
    expect(run).toMatchObject({ documents: 5, failed: 0 });
    expect(Object.keys(run.timings.stageMs)).toEqual(run.stages);
  });

  it('gives byte-identical records and stage files on a second run', async () => {
    const dir = tempDir();
    const input = dump(dir, 25);
    await runPipeline({ inputs: [input, samples], out: path.join(dir, 'a'), concurrency: 1 });
    await runPipeline({ inputs: [input, samples], out: path.join(dir, 'b'), concurrency: 6 });
    const same = (f: string) => expect(readFileSync(path.join(dir, 'b', f), 'utf8')).toBe(readFileSync(path.join(dir, 'a', f), 'utf8'));
    same('records.jsonl');
    for (const f of readdirSync(path.join(dir, 'a', 'stages'))) same(path.join('stages', f));
  });

  it('refuses a missing input before writing anything', async () => {
    const dir = tempDir();
    const input = dump(dir, 3);
    const out = path.join(dir, 'out');
    await expect(runPipeline({ inputs: [path.join(dir, 'typo.jsonl'), input], out, stages: ['blocks'] })).rejects.toThrow(UsageError);
    await expect(runPipeline({ inputs: [path.join(dir, 'typo.jsonl')], out })).rejects.toThrow('no such input');
    expect(existsSync(out)).toBe(false);
  });

  it('runs only the stages named, in pipeline order', async () => {
    const dir = tempDir();
    await runPipeline({ inputs: [samples], out: path.join(dir, 'out'), stages: ['blocks', 'repair'] });
    expect(readdirSync(path.join(dir, 'out', 'stages'))).toEqual(['01-repair.jsonl', '02-blocks.jsonl']);
  });

  it('splits the input into shards that together hold every document once, a dump whole in one shard', async () => {
    const dir = tempDir();
    const input = dump(dir, 23);
    const ids: string[][] = [];
    for (const rank of [0, 1, 2]) {
      const out = path.join(dir, 'out');
      await runPipeline({ inputs: [input, samples], out, rank, worldSize: 3, stages: CHEAP });
      ids.push(readJsonl<NewsRecord>(path.join(out, `records.${rank}-of-3.jsonl`)).map((r) => r.id));
    }
    expect(ids.flat()).toHaveLength(28);
    expect(new Set(ids.flat()).size).toBe(28);
    // The dump is one part of the input (pipeline/run/parts.ts): its 23 documents are in one shard.
    expect(ids.filter((shard) => shard.includes('d0'))).toEqual([expect.arrayContaining(['d0', 'd22'])]);
  });

  it('resumes an interrupted run and ends with the same files', async () => {
    const dir = tempDir();
    const input = dump(dir, 30);
    const whole = path.join(dir, 'whole');
    await runPipeline({ inputs: [input], out: whole, stages: CHEAP });
    // An interrupted run: the first 11 documents complete, the 12th cut in the middle of its record.
    const cut = path.join(dir, 'cut');
    await runPipeline({ inputs: [input], out: cut, stages: CHEAP });
    const records = readFileSync(path.join(cut, 'records.jsonl'), 'utf8').split('\n');
    writeFileSync(path.join(cut, 'records.jsonl'), `${records.slice(0, 11).join('\n')}\n${records[11]?.slice(0, 20)}`);
    rmSync(path.join(cut, '.newsnorm-done')); // an interrupted run leaves no completion marker
    const resumed = await runPipeline({ inputs: [input], out: cut, resume: true, stages: CHEAP });
    expect(resumed.resumed).toEqual({ kept: 11, processed: 19 });
    expect(readFileSync(path.join(cut, 'records.jsonl'), 'utf8')).toBe(readFileSync(path.join(whole, 'records.jsonl'), 'utf8'));
    for (const f of readdirSync(path.join(whole, 'stages'))) {
      expect(readFileSync(path.join(cut, 'stages', f), 'utf8')).toBe(readFileSync(path.join(whole, 'stages', f), 'utf8'));
    }
    const counts = (d: string) => {
      const { timings: _t, resumed: _r, ...rest } = JSON.parse(readFileSync(path.join(d, 'run.json'), 'utf8'));
      return { ...rest, inputs: null };
    };
    expect(counts(cut)).toEqual(counts(whole));
  });
});

describe('nothing is lost', () => {
  const space = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
  const tally = (counts: Map<string, number>, text: string, sign: number) => {
    for (const ch of text) if (!space.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + sign);
  };

  it('accounts for every non-space character of the input in text, removed and repairs', async () => {
    const dir = tempDir();
    const damaged = 'Menu\n\nItâ€™s the \uFEFFministers&#8217; call: Ρoή.1_2.JPG\n\nShare this article\n\n\uFEFFThe talks went on, officials said on Tuesday.';
    writeFileSync(path.join(dir, 'damaged.txt'), damaged);
    const out = path.join(dir, 'out');
    await runPipeline({ inputs: [samples, path.join(dir, 'damaged.txt')], out });
    const inputs = new Map([
      ...readdirSync(samples).map((f) => [f.replace(/\.txt$/, ''), readFileSync(path.join(samples, f), 'utf8')] as const),
      ['damaged', damaged] as const,
    ]);
    const records = readJsonl<NewsRecord>(path.join(out, 'records.jsonl'));
    expect(records).toHaveLength(6);
    for (const r of records) {
      const counts = new Map<string, number>();
      tally(counts, inputs.get(r.id) as string, 1);
      tally(counts, r.text, -1);
      for (const x of r.removed) tally(counts, x.text, -1);
      for (const x of r.repairs) {
        tally(counts, x.text, -1);
        tally(counts, x.to, 1);
      }
      expect([r.id, [...counts].filter(([, n]) => n !== 0)]).toEqual([r.id, []]);
    }
  });
});

describe('failure isolation', () => {
  const fine: StageDefinition = { name: 'fine', plugin: () => () => {}, summarize: (tree) => ({ blocks: tree.children.length }) };
  const throwing: Plugin<[], Root> = () => (tree) => {
    if (tree.children.some((b) => b.value.includes('poison'))) throw new Error('cannot digest poison');
  };
  const picky: StageDefinition = { name: 'picky', plugin: throwing, summarize: () => ({}) };
  const doc = (id: string, text: string): InputDocument => ({ id, source: { path: 'x', url: null }, text, html: null, date: null, langHint: null, error: null });

  it('records the failing stage on the document and keeps what earlier stages made', () => {
    const runner = new StageRunner([fine, picky, fine]);
    const bad = runner.process(doc('bad', 'Some poison here.'), { referenceDate: null });
    expect(bad.record.error).toEqual({ stage: 'picky', message: 'cannot digest poison' });
    expect(bad.record.text).toBe('Some poison here.');
    expect(bad.stageLines.map((l) => Object.keys(JSON.parse(l) as object).includes('skipped'))).toEqual([false, false, true]);
    const good = runner.process(doc('good', 'All good.'), { referenceDate: null });
    expect(good.record.error).toBeUndefined();
  });
});

describe('the command line', () => {
  it('gives the same files with worker threads as in one thread', async () => {
    const dir = tempDir();
    const input = dump(dir, 30);
    // runCli adds --document-timeout 0: one worker is then the main thread, two are threads.
    for (const [out, workers] of [['one', '1'], ['two', '2']] as const) {
      const r = await runCli([input, samples, '--out', path.join(dir, out), '--workers', workers, '--stages', 'blocks']);
      expect(r.status).toBe(0);
    }
    for (const f of ['records.jsonl', ...readdirSync(path.join(dir, 'one', 'stages')).map((s) => `stages/${s}`)]) {
      expect(readFileSync(path.join(dir, 'two', f), 'utf8')).toBe(readFileSync(path.join(dir, 'one', f), 'utf8'));
    }
  });

  it('exits with 2 and a message on a bad flag', async () => {
    const r = await runCli(['--concurrency', 'zero']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--concurrency takes a whole number');
  });
});
