import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './flags.ts';
import { runPipeline } from './run.ts';
import { tempDir } from './test/tmp.ts';

function dump(dir: string, n: number): string {
  const file = path.join(dir, 'dump.jsonl');
  writeFileSync(file, Array.from({ length: n }, (_, i) => `${JSON.stringify({ id: `d${i}`, text: `Text ${i}.` })}\n`).join(''));
  return file;
}

describe('the output folder', () => {
  it('is not "not empty" for sub-folders it never writes into (out/eval, out/bench)', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'eval'), { recursive: true });
    await expect(runPipeline({ inputs: [dump(dir, 3)], out, stages: ['blocks'] })).resolves.toMatchObject({ documents: 3 });
  });

  it('lets the shards of one run write beside each other, but not a shard twice', async () => {
    const dir = tempDir();
    const input = dump(dir, 10);
    const out = path.join(dir, 'out');
    await runPipeline({ inputs: [input], out, stages: ['blocks'], rank: 0, worldSize: 2 });
    await runPipeline({ inputs: [input], out, stages: ['blocks'], rank: 1, worldSize: 2 });
    await expect(runPipeline({ inputs: [input], out, stages: ['blocks'], rank: 0, worldSize: 2 })).rejects.toThrow(UsageError);
    const state = JSON.parse(readFileSync(path.join(out, '.newsnorm-state.1-of-2.json'), 'utf8'));
    expect(state).toMatchObject({ version: 2, stages: ['blocks'], rank: 1, worldSize: 2, inputs: [{ path: path.resolve(input) }] });
  });

  it('is refused for --resume when it holds output but no state file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'records.jsonl'), '');
    await expect(runPipeline({ inputs: [dump(dir, 3)], out, stages: ['blocks'], resume: true })).rejects.toThrow(/no \.newsnorm-state\.json/);
  });

  it('starts afresh on --resume when there is nothing to resume', async () => {
    const dir = tempDir();
    const summary = await runPipeline({ inputs: [dump(dir, 3)], out: path.join(dir, 'new'), stages: ['blocks'], resume: true });
    expect(summary).toMatchObject({ documents: 3, resumed: { kept: 0, processed: 3 } });
  });
});
