// Without stage files (--no-stage-files): records.jsonl and run.json are what a run with stage
// files writes, and stay so when the run is resumed or split into shards and merged, because
// run.json's decision counts are kept in a small hidden file instead of being read back from
// stages/NN-name.jsonl.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './flags.ts';
import { mergeShards } from './merge.ts';
import { runPipeline } from './run.ts';
import { runCli } from './test/cli.ts';
import { tempDir } from './test/tmp.ts';

// chrome makes decisions by rule (a promo line, a repeated site line) for run.json to count.
const STAGES = ['repair', 'blocks', 'chrome'];

/** Four dumps (four parts of the input, so that two shards each read two), with lines chrome removes. */
function dumps(dir: string): string {
  const folder = path.join(dir, 'dumps');
  mkdirSync(folder);
  for (let f = 0; f < 4; f++) {
    const lines = Array.from({ length: 12 }, (_, i) =>
      i % 5 === 4
        ? '{broken'
        : JSON.stringify({ id: `p${f}-${i}`, url: `https://site${f % 2}.example/${i}`, text: `Story ${f}-${i} begins here.\n\nShare this article\n\nNo time to read? Get a summary\n\nIt ends ${'x'.repeat(i)}.` }),
    );
    writeFileSync(path.join(folder, `part${f}.jsonl`), `${lines.join('\n')}\n`);
  }
  return folder;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

/** run.json without what differs from run to run (times) or by how the run was made. */
function counts(dir: string): Record<string, unknown> {
  const { timings: _t, resumed: _r, inputs: _i, rank: _k, worldSize: _w, mergedFrom: _m, ...rest } = JSON.parse(read(dir, 'run.json')) as Record<string, unknown>;
  return rest;
}

describe('a run without stage files', () => {
  it('writes the same records and run.json counts as a run with them, and no stage file', async () => {
    const dir = tempDir();
    const input = dumps(dir);
    const whole = path.join(dir, 'whole');
    const lean = path.join(dir, 'lean');
    await runPipeline({ inputs: [input], out: whole, stages: STAGES });
    await runPipeline({ inputs: [input], out: lean, stages: STAGES, stageFiles: false });
    expect(read(lean, 'records.jsonl')).toBe(read(whole, 'records.jsonl'));
    expect(existsSync(path.join(lean, 'stages'))).toBe(false);
    const decisions = counts(whole).decisions as Record<string, Record<string, number>>;
    expect(Object.keys(decisions.chrome ?? {}).length).toBeGreaterThan(0);
    expect(counts(lean)).toEqual(counts(whole));
    // One line of counts a document, beside its record.
    expect(read(lean, '.newsnorm-counts.jsonl').split('\n').length).toBe(read(lean, 'records.jsonl').split('\n').length);
  });

  it('is what --no-stage-files asks for on the command line, in worker threads too', async () => {
    const dir = tempDir();
    const input = dumps(dir);
    const whole = path.join(dir, 'whole');
    await runPipeline({ inputs: [input], out: whole, stages: STAGES });
    const threads = path.join(dir, 'threads');
    // runCli adds --document-timeout 0: two workers are worker threads.
    const r = await runCli([input, '--out', threads, '--stages', STAGES.join(','), '--workers', '2', '--no-stage-files', '--quiet']);
    expect(r.status).toBe(0);
    expect(read(threads, 'records.jsonl')).toBe(read(whole, 'records.jsonl'));
    expect(existsSync(path.join(threads, 'stages'))).toBe(false);
    expect(counts(threads)).toEqual(counts(whole));
  });

  it('resumes an interrupted run and ends as an uninterrupted one; refuses to resume it with stage files', async () => {
    const dir = tempDir();
    const input = dumps(dir);
    const whole = path.join(dir, 'whole');
    await runPipeline({ inputs: [input], out: whole, stages: STAGES });
    const cut = path.join(dir, 'cut');
    await runPipeline({ inputs: [input], out: cut, stages: STAGES, stageFiles: false });
    // Interrupted: 9 documents complete in records.jsonl, the 10th cut; the counts file one further.
    const records = read(cut, 'records.jsonl').split('\n');
    writeFileSync(path.join(cut, 'records.jsonl'), `${records.slice(0, 9).join('\n')}\n${records[9]?.slice(0, 20)}`);
    const countLines = read(cut, '.newsnorm-counts.jsonl').split('\n');
    writeFileSync(path.join(cut, '.newsnorm-counts.jsonl'), `${countLines.slice(0, 10).join('\n')}\n`);
    rmSync(path.join(cut, '.newsnorm-done'));

    await expect(runPipeline({ inputs: [input], out: cut, stages: STAGES, resume: true })).rejects.toThrow(UsageError);
    // Said in the user's terms: stage files off before, on now.
    await expect(runPipeline({ inputs: [input], out: cut, stages: STAGES, resume: true })).rejects.toThrow('stageFiles: earlier false, now true');
    const resumed = await runPipeline({ inputs: [input], out: cut, stages: STAGES, stageFiles: false, resume: true });
    expect(resumed.resumed?.kept).toBe(9);
    expect(read(cut, 'records.jsonl')).toBe(read(whole, 'records.jsonl'));
    expect(counts(cut)).toEqual(counts(whole));
  });

  it('runs as shards that merge into the files of a single run', async () => {
    const dir = tempDir();
    const input = dumps(dir);
    const whole = path.join(dir, 'whole');
    await runPipeline({ inputs: [input], out: whole, stages: STAGES, stageFiles: false });
    const out = path.join(dir, 'out');
    for (const rank of [0, 1]) await runPipeline({ inputs: [input], out, stages: STAGES, stageFiles: false, rank, worldSize: 2 });
    await mergeShards(out);
    expect(read(out, 'records.jsonl')).toBe(read(whole, 'records.jsonl'));
    expect(read(out, '.newsnorm-counts.jsonl')).toBe(read(whole, '.newsnorm-counts.jsonl'));
    expect(counts(out)).toEqual(counts(whole));
    expect(readdirSync(out).filter((f) => f.startsWith('stages'))).toEqual([]);
  });
});
