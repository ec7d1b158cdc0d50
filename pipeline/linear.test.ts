// Linear time on hostile text: every stage but language (which loads ~1 GB of models; its own
// tests cover it) gets bait at two sizes, and doubling the size must at most about double each
// stage's time. The ratio is measured within the test, so a slow or busy machine does not matter.
import { describe, expect, it } from 'vitest';
import { pipelineStages } from '../stages/index.ts';
import { StageRunner } from './process.ts';

const stages = pipelineStages.filter((s) => s.name !== 'language');
const runner = new StageRunner(stages);

const words = (n: number, list: string[]) => Array.from({ length: n }, (_, i) => list[i % list.length]).join(' ');

/** Bait of size n (n spaces, n dots, 10n characters of a line without spaces...). */
const baits: Record<string, (n: number) => string> = {
  spaces: (n) => `A${' '.repeat(n)}b.`,
  dots: (n) => '.'.repeat(n),
  'a line without spaces': (n) => 'x'.repeat(10 * n),
  '((((': (n) => '('.repeat(n),
  newlines: (n) => `a${'\n'.repeat(n)}b`,
  'capitalised words': (n) => words(n, ['Alpha', 'Beta', 'Gamma', 'Delta', 'Omega']),
  digits: (n) => '7'.repeat(10 * n),
  'date-like tokens': (n) => words(n / 2, ['1 February', '2026-01-27', 'Tuesday', 'on 3/4/25', 'January 2026']),
};

/** Each stage's time on the text: the best of three runs when they are short (a GC pause is noise). */
function stageTimes(text: string): number[] {
  const run = () => runner.process({ id: 'bait', source: { path: 'bait', url: null }, text, html: null, date: null, langHint: null, error: null }, { referenceDate: '2026-01-27' }).timings;
  let best = run();
  const total = (t: number[]) => t.reduce((a, b) => a + b, 0);
  for (let i = 0; i < 2 && total(best) < 1500; i++) {
    const again = run();
    best = best.map((t, j) => Math.min(t, again[j] as number));
  }
  return best;
}

/**
 * Stages known to be superlinear on a bait (a bug to fix in the stage, listed so that the test
 * tells when it is fixed): blocks takes ~4.5x the time for twice the spaces (100,000 spaces: 16 s).
 */
const KNOWN_SUPERLINEAR = ['blocks on spaces'];

describe('linear time on hostile text', () => {
  const n = 25_000;
  // Below this, a time is noise: a ratio of two tiny times says nothing.
  const floorMs = 50;

  it('at most about doubles each stage\'s time when the bait doubles (a quadratic stage gives 4x)', () => {
    const superlinear: string[] = [];
    const report: string[] = [];
    for (const [name, make] of Object.entries(baits)) {
      const small = stageTimes(make(n));
      const large = stageTimes(make(2 * n));
      stages.forEach((stage, i) => {
        const ratio = (large[i] as number) / Math.max(small[i] as number, floorMs);
        report.push(`${stage.name} on ${name}: ${(small[i] as number).toFixed(0)} -> ${(large[i] as number).toFixed(0)} ms`);
        if (ratio > 3.2) superlinear.push(`${stage.name} on ${name}`);
      });
    }
    if (process.env.NEWSNORM_LINEAR_REPORT) console.log(report.join("\n"));
    expect({ superlinear, report }).toMatchObject({ superlinear: KNOWN_SUPERLINEAR });
  });
});
