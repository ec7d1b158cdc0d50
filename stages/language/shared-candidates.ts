// The candidates of the detections the stage's cache of short texts keeps (index.ts) are shared
// where they are equal. A candidate is a language and a score rounded to three decimals, and the
// same ones recur across thousands of texts ("eng" at 0.412), where each kept detection had up to
// five objects of its own: at the end of the 100 MB bench dump, 88,000 objects and their numbers
// for the cache's 50,000 entries. A kept detection is never changed (every caller of the cache
// reads it only), so its candidates can be objects other detections hold too.
import type { DetectResult } from './detect.ts';

type Candidate = NonNullable<DetectResult['candidates']>[number];

export class SharedCandidates {
  /** By language, the candidates kept by score in thousandths (a few hundred at most a language). */
  private readonly byLanguage = new Map<string, Candidate[]>();

  /** `d` with each of its candidates replaced by an equal one kept before, if any. */
  share(d: DetectResult): DetectResult {
    const candidates = d.candidates;
    if (candidates) for (let i = 0; i < candidates.length; i++) candidates[i] = this.candidate(candidates[i] as Candidate);
    return d;
  }

  /** Forgets every candidate (the cache that held them was emptied). */
  clear(): void {
    this.byLanguage.clear();
  }

  private candidate(c: Candidate): Candidate {
    const thousandths = Math.round(c.score * 1000);
    // Scores are rounded to thousandths between 0 and 1; another one is kept as it is.
    if (!(thousandths >= 0 && thousandths <= 1000 && thousandths / 1000 === c.score)) return c;
    let kept = this.byLanguage.get(c.lang);
    if (!kept) this.byLanguage.set(c.lang, (kept = new Array<Candidate>(1001)));
    return (kept[thousandths] ??= c);
  }
}
