import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from './flags.ts';

describe('flags', () => {
  it('defaults to samples/ into out/', () => {
    expect(parseCommandLine([])).toMatchObject({ inputs: ['samples'], out: 'out', stages: null, concurrency: 4, rank: 0, worldSize: 1 });
  });

  it('reads every flag of the contract', () => {
    const o = parseCommandLine(['a.jsonl', 'dir', '--out', 'o', '--stages', 'language,blocks', '--reference-date', '2026-01-27', '--concurrency', '3', '--resume', '--rank', '1', '--world-size', '4']);
    expect(o).toMatchObject({ inputs: ['a.jsonl', 'dir'], out: 'o', stages: ['language', 'blocks'], referenceDate: '2026-01-27', concurrency: 3, resume: true, rank: 1, worldSize: 4 });
  });

  it('reads --overwrite and --quiet, and will not take --resume with --overwrite', () => {
    expect(parseCommandLine([])).toMatchObject({ resume: false, overwrite: false, quiet: false });
    expect(parseCommandLine(['--overwrite', '--quiet'])).toMatchObject({ overwrite: true, quiet: true });
    expect(() => parseCommandLine(['--resume', '--overwrite'])).toThrow(/exclude each other/);
  });

  it("reads --heap-growth (0 for V8's own policy) and --no-stage-files; the runner's heap growth and stage files by default", () => {
    expect(parseCommandLine([])).toMatchObject({ heapGrowingPercent: undefined, stageFiles: true });
    expect(parseCommandLine(['--heap-growth', '0'])).toMatchObject({ heapGrowingPercent: 0 });
    expect(parseCommandLine(['--heap-growth', '40', '--no-stage-files'])).toMatchObject({ heapGrowingPercent: 40, stageFiles: false });
    expect(() => parseCommandLine(['--heap-growth', 'lots'])).toThrow(/--heap-growth takes a whole number/);
  });

  it('reads --document-timeout in seconds, 0 for no limit', () => {
    expect(() => parseCommandLine(['--document-timeout', 'soon'])).toThrow(/number of seconds/);
  });

  it('takes the shard from a Slurm job array or a Kubernetes Indexed Job when --rank is not given', () => {
    expect(parseCommandLine([], { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '3' })).toMatchObject({ rank: 2, worldSize: 3 });
    expect(parseCommandLine([], { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '1' })).toMatchObject({ rank: 2, worldSize: 3 });
    expect(parseCommandLine(['--world-size', '4'], { JOB_COMPLETION_INDEX: '1' })).toMatchObject({ rank: 1, worldSize: 4 });
    expect(parseCommandLine([], { JOB_COMPLETION_INDEX: '1' })).toMatchObject({ rank: 0, worldSize: 1 });
    expect(parseCommandLine(['--rank', '0', '--world-size', '2'], { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2' })).toMatchObject({ rank: 0, worldSize: 2 });
  });

  it('reads --merge OUT and --merge --out OUT', () => {
    expect(parseCommandLine(['--merge', 'shards'])).toMatchObject({ merge: true, out: 'shards' });
    expect(parseCommandLine(['--merge', '--out', 'shards'])).toMatchObject({ merge: true, out: 'shards' });
    expect(() => parseCommandLine(['--merge', 'a', 'b'])).toThrow(/one folder/);
  });

  it('puts every document under a time limit unless --document-timeout 0', () => {
    expect(parseCommandLine([])).toMatchObject({ documentTimeoutMs: 'per-mb' });
    expect(parseCommandLine(['--document-timeout', '2.5'])).toMatchObject({ documentTimeoutMs: 2500 });
    expect(parseCommandLine(['--document-timeout', '0'])).toMatchObject({ documentTimeoutMs: null });
  });

  it('passes --accuracy to the language stage', () => {
    expect(parseCommandLine(['--accuracy', 'fast'])).toMatchObject({ stageOptions: { language: { accuracy: 'fast' } } });
    expect(parseCommandLine([])).not.toHaveProperty('stageOptions');
  });

  it.each([
    [['--bogus'], /^Unknown option '--bogus' \(see the flags below\)$/],
    [['--stages', 'nope'], /unknown stage "nope"/],
    [['--reference-date', '2026-02-30'], /YYYY-MM-DD/],
    [['--concurrency', '0'], /at least 1/],
    [['--rank', '1'], /go together/],
    [['--rank', '4', '--world-size', '4'], /below --world-size/],
    [['--accuracy', 'medium'], /best or fast/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
