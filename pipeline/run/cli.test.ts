// The command line as a user meets it: resume after a kill, refusals before anything is written,
// interruption. A run that is killed or interrupted, and the one that prints to a pipe, are child
// processes; the others call the same main function in this process (runCli), where a new
// process would only load everything again. Only the cheap stages run (repair, blocks). The
// interrupted run processes its documents in a worker thread, as a run does by default; the killed
// ones in their main thread (--document-timeout 0), since what a kill leaves is written by the
// main thread either way, and a worker thread would load tsx and every stage a second time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './test/cli.ts';
import { tempDir } from './test/tmp.ts';

const root = path.join(import.meta.dirname, '..', '..');
const cli = path.join(import.meta.dirname, 'cli.ts');
const STAGES = ['--stages', 'repair,blocks'];

/** A dump of `n` tiny documents d0, d1, … */
function dump(dir: string, n: number, name = 'dump.jsonl'): string {
  const file = path.join(dir, name);
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `d${i}`, text: `Document ${i} says something.\n\nA second paragraph ${'x'.repeat(i % 11)}.` }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Starts the CLI slowed down (a pause before each document), so a test can stop it mid-way. */
function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    env: { ...process.env, NEWSNORM_TEST_SLOW_MS: '20', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

const lineCount = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);

async function waitForLines(file: string, n: number): Promise<void> {
  for (let i = 0; i < 3000 && lineCount(file) < n; i++) await new Promise((r) => setTimeout(r, 10));
}

const ids = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);

/** The records and stage files of two output folders are the same bytes. */
function expectSameFiles(a: string, b: string): void {
  const files = ['records.jsonl', ...readdirSync(path.join(a, 'stages')).map((f) => path.join('stages', f))];
  expect(files.length).toBeGreaterThan(1);
  for (const f of files) expect([f, readFileSync(path.join(b, f), 'utf8')]).toEqual([f, readFileSync(path.join(a, f), 'utf8')]);
}

describe('--resume', () => {
  it('after a SIGKILL, keeps what was written, processes only the rest, and ends as an uninterrupted run', async () => {
    const dir = tempDir();
    const input = dump(dir, 300);
    const whole = path.join(dir, 'whole');
    expect((await run([input, '--out', whole, ...STAGES])).status).toBe(0);

    const out = path.join(dir, 'out');
    const first = start([input, '--out', out, ...STAGES, '--concurrency', '1', '--document-timeout', '0'], { NEWSNORM_TRACE_PROCESSED: path.join(dir, 'trace1') });
    await waitForLines(path.join(out, 'records.jsonl'), 30);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // Only complete lines count: a last line cut by the kill has no newline. A document is kept
    // when it is complete in every file (the kill may fall between its record and its stage lines).
    const complete = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);
    const stageFiles = readdirSync(path.join(out, 'stages')).map((f) => path.join(out, 'stages', f));
    const keptCount = Math.min(...[path.join(out, 'records.jsonl'), ...stageFiles].map((f) => complete(f).length));
    const kept = complete(path.join(out, 'records.jsonl')).slice(0, keptCount).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(kept.length).toBeGreaterThanOrEqual(20);
    expect(kept.length).toBeLessThan(300);

    const trace = path.join(dir, 'trace2');
    const second = await run([input, '--out', out, ...STAGES, '--resume'], { NEWSNORM_TRACE_PROCESSED: trace });
    expect(second.status).toBe(0);
    expect(second.stderr).toContain(`kept ${kept.length}, processing ${300 - kept.length}`);
    // The documents written before the kill were not handed to the stages again; all others were, once.
    const processed = readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string);
    expect(processed.filter((id) => kept.includes(id))).toEqual([]);
    expect(processed).toEqual(Array.from({ length: 300 - kept.length }, (_, i) => `d${i + kept.length}`));
    expectSameFiles(whole, out);
    expect(JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8'))).toMatchObject({ documents: 300, resumed: { kept: kept.length, processed: 300 - kept.length } });

    // A finished run resumed again processes nothing.
    const third = await run([input, '--out', out, ...STAGES, '--resume']);
    expect(third.stderr).toContain('kept 300, processing 0');
    expectSameFiles(whole, out);
  });

  it('refuses other inputs or flags than the earlier run’s, and leaves its files alone', async () => {
    const dir = tempDir();
    const input = dump(dir, 20);
    const other = dump(dir, 5, 'other.jsonl');
    const out = path.join(dir, 'out');
    expect((await run([input, '--out', out, ...STAGES])).status).toBe(0);
    const before = readFileSync(path.join(out, 'records.jsonl'), 'utf8');
    const r = await run([other, '--out', out, ...STAGES, '--resume']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--resume: .* was written by a run with other inputs or flags/);
    expect(r.stderr).toContain('inputs: earlier');
    const s = await run([input, '--out', out, '--stages', 'repair', '--resume']);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('stages: earlier ["repair","blocks"], now ["repair"]');
    expect(readFileSync(path.join(out, 'records.jsonl'), 'utf8')).toBe(before);
  });
});

describe('nothing is overwritten by surprise', () => {
  it('refuses a folder that is not empty without --resume or --overwrite; --overwrite replaces only newsnorm files', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    expect((await run([dump(dir, 20), '--out', out, ...STAGES])).status).toBe(0);
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const small = dump(dir, 5, 'small.jsonl');
    const r = await run([small, '--out', out, ...STAGES]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not empty .*Add --resume .* or --overwrite/s);
    expect(r.stderr).toContain(`${small} --out ${out} --stages repair,blocks --overwrite`);
    expect(lineCount(path.join(out, 'records.jsonl'))).toBe(20);
    const o = await run([small, '--out', out, ...STAGES, '--overwrite']);
    expect(o.status).toBe(0);
    expect(lineCount(path.join(out, 'records.jsonl'))).toBe(5);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('checks the gazetteer before writing: file, line and problem, no stack trace', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const input = dump(dir, 5);
    expect((await run([input, '--out', out, ...STAGES])).status).toBe(0);
    const before = readFileSync(path.join(out, 'records.jsonl'), 'utf8');
    const gazetteer = path.join(dir, 'people.json');
    writeFileSync(gazetteer, '[\n  {"name": "Wang Yi"},\n  {"id": "Q1"}\n]\n');
    const r = await run([input, '--out', out, ...STAGES, '--gazetteer', gazetteer, '--overwrite']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`newsnorm: --gazetteer ${gazetteer}, line 3: entry 2 has no "name"`);
    expect(readFileSync(path.join(out, 'records.jsonl'), 'utf8')).toBe(before);
  });

  it('calls a missing input a usage error and writes nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    const r = await run([dump(dir, 3), path.join(dir, 'typo.jsonl'), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such input');
    expect(existsSync(out)).toBe(false);
  });
});

describe('interruption', () => {
  it('on SIGINT finishes only the documents in the stages, not those read ahead', async () => {
    const dir = tempDir();
    const input = dump(dir, 200);
    const out = path.join(dir, 'out');
    // Slow documents, four at a time (the default concurrency), sixteen read ahead.
    const first = start([input, '--out', out, ...STAGES], { NEWSNORM_TEST_SLOW_MS: '400' });
    await waitForLines(path.join(out, 'records.jsonl'), 8);
    const before = lineCount(path.join(out, 'records.jsonl'));
    first.child.kill('SIGINT');
    const { code } = await first.exited;
    expect(code).toBe(130);
    // At most the four in the stages and those that started before the signal landed; the twelve
    // more read ahead are left to --resume.
    expect(lineCount(path.join(out, 'records.jsonl')) - before).toBeLessThanOrEqual(8);
  });

  it('on SIGINT writes what was in flight and run.json, says so, exits 130; --resume then finishes', async () => {
    const dir = tempDir();
    const input = dump(dir, 200);
    const whole = path.join(dir, 'whole');
    expect((await run([input, '--out', whole, ...STAGES])).status).toBe(0);
    const out = path.join(dir, 'out');
    const first = start([input, '--out', out, ...STAGES]);
    await waitForLines(path.join(out, 'records.jsonl'), 10);
    first.child.kill('SIGINT');
    const { code, stderr } = await first.exited;
    expect(code).toBe(130);
    const runJson = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8'));
    expect(runJson.interrupted).toBe(true);
    expect(stderr).toContain(`interrupted after ${runJson.documents} documents; rerun with --resume`);
    // Every document taken was finished: the files end on a complete line, as many in each.
    const records = readFileSync(path.join(out, 'records.jsonl'), 'utf8');
    expect(records.endsWith('\n')).toBe(true);
    expect(lineCount(path.join(out, 'records.jsonl'))).toBe(runJson.documents);
    const stageFiles = readdirSync(path.join(out, 'stages'));
    expect(stageFiles).toHaveLength(2);
    for (const f of stageFiles) expect(lineCount(path.join(out, 'stages', f))).toBe(runJson.documents);
    expect(runJson.documents).toBeLessThan(200);
    const second = await run([input, '--out', out, ...STAGES, '--resume']);
    expect(second.status).toBe(0);
    expectSameFiles(whole, out);
  });
});

describe('a run split over a cluster', () => {
  // Six dumps of 40 documents in a folder: each dump is a part of the input (pipeline/run/parts.ts),
  // two for each of three ranks. Every dump repeats the ids d0…d39, and pages of two sites repeat
  // a template line, so the merge must give the suffixes and every rank must learn the templates
  // a single process learns.
  const CLUSTER_STAGES = ['--stages', 'repair,blocks,chrome'];
  function dumps(dir: string): { folder: string; files: string[] } {
    const folder = path.join(dir, 'dumps');
    mkdirSync(folder);
    const files = Array.from({ length: 6 }, (_, f) => {
      const file = path.join(folder, `part${f}.jsonl`);
      const lines = Array.from({ length: 40 }, (_, i) =>
        JSON.stringify({ id: `d${i}`, url: `https://site${f % 2}.example/${f}/${i}`, text: `Document ${f}-${i} says something.\n\nShare this article\n\nA second paragraph ${'x'.repeat(i % 11)}.` }),
      );
      writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    });
    // A malformed line and a repeated id in the last part: the merge must see them as one process does.
    writeFileSync(files[5] as string, `${readFileSync(files[5] as string, 'utf8')}{broken\n${JSON.stringify({ id: 'd7', text: 'The id d7 again.' })}\n`);
    return { folder, files };
  }

  it('runs three ranks, survives a SIGKILL of one, merges, and equals a single run', async () => {
    const dir = tempDir();
    const { folder: input } = dumps(dir);
    const whole = path.join(dir, 'whole');
    expect((await run([input, '--out', whole, ...CLUSTER_STAGES])).status).toBe(0);

    const out = path.join(dir, 'out');
    const shard = (rank: number) => ['--rank', String(rank), '--world-size', '3'];
    expect((await run([input, '--out', out, ...CLUSTER_STAGES, ...shard(0)])).status).toBe(0);
    // Rank 2 as a Slurm job array task would run it: the shard comes from the environment.
    expect((await run([input, '--out', out, ...CLUSTER_STAGES], { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '3' })).status).toBe(0);
    const killed = start([input, '--out', out, ...CLUSTER_STAGES, ...shard(1), '--concurrency', '1', '--document-timeout', '0']);
    await waitForLines(path.join(out, 'records.1-of-3.jsonl'), 10);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(lineCount(path.join(out, 'records.1-of-3.jsonl'))).toBeLessThan(80);

    const early = await run(['--merge', out]);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('rank 1 of 3 has not finished');

    // The whole array again, with --resume: finished ranks have nothing to do, rank 1 goes on.
    const processing: number[] = [];
    for (const rank of [0, 1, 2]) {
      const again = await run([input, '--out', out, ...CLUSTER_STAGES, ...shard(rank), '--resume']);
      expect(again.status).toBe(0);
      processing.push(Number(/kept \d+, processing (\d+)/.exec(again.stderr)?.[1]));
    }
    expect([processing[0], processing[2]]).toEqual([0, 0]);
    expect(processing[1]).toBeGreaterThan(0);
    const merged = await run(['--merge', out]);
    expect(merged.stderr).toContain('merged 242 documents');
    expect(merged.status).toBe(0);
    expectSameFiles(whole, out);
    const counts = (d: string) => {
      const { timings: _t, inputs: _i, rank: _r, worldSize: _w, mergedFrom: _m, ...rest } = JSON.parse(readFileSync(path.join(d, 'run.json'), 'utf8'));
      return rest;
    };
    expect(counts(out)).toEqual(counts(whole));
    expect(counts(whole).duplicateIds).toBe(201);
    expect((await run(['--merge', out])).status).toBe(2); // the merged files exist: --overwrite to redo
  });

  it('has each rank read only its own part of the input: whole dumps, consecutive, no file read twice', async () => {
    const dir = tempDir();
    const { folder: input, files } = dumps(dir);
    const out = path.join(dir, 'out');
    const read: string[][] = [];
    for (const rank of [0, 1, 2]) {
      const trace = path.join(dir, `read.${rank}`);
      const r = await run([input, '--out', out, '--stages', 'repair', '--rank', String(rank), '--world-size', '3'], { NEWSNORM_TRACE_READ: trace });
      expect(r.status).toBe(0);
      read.push(readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string));
      // The documents a rank wrote are those of the files it read: none read and thrown away.
      expect(lineCount(path.join(out, `records.${rank}-of-3.jsonl`))).toBe(rank === 2 ? 82 : 80);
    }
    expect(read).toEqual([files.slice(0, 2), files.slice(2, 4), files.slice(4, 6)]);
  });

  it('cuts a single dump into byte ranges: each rank reads only its own, and the merge equals a single run', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'dump.jsonl');
    const lines = Array.from({ length: 150 }, (_, i) =>
      JSON.stringify({ id: `d${i % 50}`, url: `https://site${i % 2}.example/${i}`, text: `Document ${i} says something.\n\nShare this article\n\nA second paragraph ${'x'.repeat(i % 11)}.` }),
    );
    // A malformed line near the end: its id and message need its line number in the whole dump.
    writeFileSync(input, `${lines.join('\n')}\n{broken\n`);
    const env = { NEWSNORM_PART_BYTES: '2000' };
    const whole = path.join(dir, 'whole');
    expect((await run([input, '--out', whole, ...CLUSTER_STAGES], env)).status).toBe(0);
    const out = path.join(dir, 'out');
    const read: string[][] = [];
    for (const rank of [0, 1, 2]) {
      const trace = path.join(dir, `read.${rank}`);
      expect((await run([input, '--out', out, ...CLUSTER_STAGES, '--rank', String(rank), '--world-size', '3'], { ...env, NEWSNORM_TRACE_READ: trace })).status).toBe(0);
      read.push(readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as string).slice(input.length)));
    }
    // Consecutive ranges of 2,000 bytes, none read by two ranks; only the last rank, which holds
    // the malformed line, counts the newlines before its first range (reading them, parsing none).
    const ranges = read.map((r) => r.filter((x) => !x.endsWith('newlines')));
    expect(ranges.flat()).toEqual(Array.from({ length: ranges.flat().length }, (_, k) => `@${2000 * k}-${Math.min(2000 * (k + 1), statSync(input).size)}`));
    for (const r of ranges) expect(r.length).toBeGreaterThan(1);
    expect(read.map((r) => r.filter((x) => x.endsWith(' newlines')).length)).toEqual([0, 0, 1]);
    expect((await run(['--merge', out], env)).status).toBe(0);
    expectSameFiles(whole, out);
    expect(readFileSync(path.join(out, 'records.jsonl'), 'utf8')).toContain('"id":"dump#151"');
  });
});

describe('report and inspect on the command line', () => {
  it('builds the report of a finished run, and prints a document plain when piped', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    expect((await run([dump(dir, 3), '--out', out, ...STAGES, '--quiet'])).status).toBe(0);
    const report = await run(['report', out]);
    expect(report.status).toBe(0);
    expect(report.stderr).toContain('report of 3 documents');
    expect(existsSync(path.join(out, 'report', 'index.html'))).toBe(true);
    // A child process, its stdout a pipe: plain text, no colours.
    const inspect = spawnSync(process.execPath, ['--import', 'tsx', cli, 'inspect', out, 'd1'], { cwd: root, encoding: 'utf8' });
    expect(inspect.status).toBe(0);
    expect(inspect.stdout).toContain('── 02 blocks');
    expect(inspect.stdout).not.toContain('\u001b[');
  });

  it('refuses a folder without a run and missing arguments (exit 2)', async () => {
    const dir = tempDir();
    const report = await run(['report', dir]);
    expect(report.stderr).toContain('not the output folder of a finished run');
    expect(report.status).toBe(2);
    expect((await run(['inspect', dir])).status).toBe(2);
  });
});
