import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatDuration, plainLine } from './progress.ts';
import type { RunProgress } from './run.ts';

const at = (written: number, offset: number, failed = 0): RunProgress => ({ written, kept: 0, failed, processedBytes: offset, inputOffset: offset });

describe('progress', () => {
  it('says documents, failures, MB/s, the share of the input and the time left', () => {
    const line = plainLine({ kept: 0, remaining: null, inputBytes: 10_000_000 }, at(200, 2_500_000, 3), 5);
    expect(line).toBe('newsnorm: 200 documents, 3 failed, 0.50 MB/s, 25% of the input, about 15 s left');
  });

  it('leaves out the time left when the input size is unknown (gzip)', () => {
    expect(plainLine({ kept: 0, remaining: null, inputBytes: null }, at(10, 1000), 1)).toBe('newsnorm: 10 documents, 0 failed, 0.00 MB/s');
  });

  it('counts kept documents and measures the pace from where a resumed run began', () => {
    const p: RunProgress = { written: 100, kept: 900, failed: 0, processedBytes: 1_000_000, inputOffset: 10_000_000 };
    expect(plainLine({ kept: 900, remaining: 1100, inputBytes: 20_000_000 }, p, 10, 9_000_000)).toBe(
      'newsnorm: 1000 documents, 0 failed, 0.10 MB/s, 50% of the input, about 1 min 40 s left',
    );
  });

  it('writes a plain line at most every interval when stderr is not a terminal, and nothing when quiet', () => {
    let now = 0;
    const written: string[] = [];
    const stream = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const reporter = createProgressReporter({ quiet: false, stream, intervalSeconds: 10, now: () => now });
    reporter.start({ kept: 0, remaining: null, inputBytes: null });
    for (let i = 1; i <= 30; i++) {
      now = i;
      reporter.update(at(i, i * 100));
    }
    expect(written).toEqual(['newsnorm: 10 documents, 0 failed, 0.00 MB/s\n', 'newsnorm: 20 documents, 0 failed, 0.00 MB/s\n', 'newsnorm: 30 documents, 0 failed, 0.00 MB/s\n']);
    const quiet = createProgressReporter({ quiet: true, stream, now: () => now });
    quiet.start({ kept: 0, remaining: null, inputBytes: null });
    quiet.update(at(99, 100));
    expect(written).toHaveLength(3);
  });

  it('reads time as a person does', () => {
    expect([formatDuration(12.4), formatDuration(80), formatDuration(7300)]).toEqual(['12 s', '1 min 20 s', '2 h 1 min']);
  });
});
