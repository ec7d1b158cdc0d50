import { describe, expect, it } from 'vitest';
import { SharedCandidates } from './shared-candidates.ts';

describe('SharedCandidates', () => {
  it('gives equal candidates of two detections one object, and changes no value', () => {
    const shared = new SharedCandidates();
    const a = shared.share({ lang: 'eng', confidence: 0.6, method: 'lingua', candidates: [{ lang: 'eng', score: 0.6 }, { lang: 'nld', score: 0.4 }] });
    const b = shared.share({ lang: 'nld', confidence: 0.6, method: 'lingua', candidates: [{ lang: 'nld', score: 0.6 }, { lang: 'eng', score: 0.4 }] });
    const c = shared.share({ lang: 'eng', confidence: 0.6, method: 'lingua', candidates: [{ lang: 'eng', score: 0.6 }, { lang: 'deu', score: 0.4 }] });
    expect(a.candidates).toEqual([{ lang: 'eng', score: 0.6 }, { lang: 'nld', score: 0.4 }]);
    expect(b.candidates).toEqual([{ lang: 'nld', score: 0.6 }, { lang: 'eng', score: 0.4 }]);
    expect(c.candidates?.[0]).toBe(a.candidates?.[0]);
    expect(b.candidates?.[1]).not.toBe(a.candidates?.[0]);
    expect(c.candidates?.[1]).not.toBe(a.candidates?.[1]);
  });

  it('keeps a score that is not in thousandths as it is', () => {
    const shared = new SharedCandidates();
    const d = shared.share({ lang: 'eng', confidence: 1, method: 'lingua', candidates: [{ lang: 'eng', score: 0.12345 }] });
    expect(d.candidates).toEqual([{ lang: 'eng', score: 0.12345 }]);
  });

  it('forgets what it kept when cleared', () => {
    const shared = new SharedCandidates();
    const first = shared.share({ lang: 'eng', confidence: 1, method: 'lingua', candidates: [{ lang: 'eng', score: 1 }] });
    shared.clear();
    const second = shared.share({ lang: 'eng', confidence: 1, method: 'lingua', candidates: [{ lang: 'eng', score: 1 }] });
    expect(second.candidates?.[0]).not.toBe(first.candidates?.[0]);
  });
});
