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

  it('reads --document-timeout in seconds, 0 for no limit', () => {
    expect(parseCommandLine(['--document-timeout', '2.5'])).toMatchObject({ documentTimeoutMs: 2500 });
    expect(parseCommandLine(['--document-timeout', '0'])).toMatchObject({ documentTimeoutMs: null });
    expect(parseCommandLine([])).not.toHaveProperty('documentTimeoutMs');
    expect(() => parseCommandLine(['--document-timeout', 'soon'])).toThrow(/number of seconds/);
  });

  it('passes --accuracy to the language stage', () => {
    expect(parseCommandLine(['--accuracy', 'fast'])).toMatchObject({ stageOptions: { language: { accuracy: 'fast' } } });
    expect(parseCommandLine([])).not.toHaveProperty('stageOptions');
  });

  it.each([
    [['--bogus'], /Unknown option/],
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
