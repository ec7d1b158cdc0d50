import { describe, expect, it } from 'vitest';
import { normaliseDates } from './index.ts';

describe('dates used alone on a string', () => {
  it('anchors relative dates on the date given, with offsets into the string as given', async () => {
    const text = '  The talks began on Monday.\n \nMinisters meet again on 3 March.';
    const out = await normaliseDates(text, { published: '2026-02-05', lang: 'eng' });
    expect(out.published).toBe('2026-02-05');
    expect(out.dates.map((d) => [d.text, d.value, d.type])).toEqual([
      ['Monday', '2026-02-02', 'DATE'],
      ['3 March', '2026-03-03', 'DATE'],
    ]);
    for (const d of out.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('leaves the year unknown without an anchor, and reports an impossible date with its place', async () => {
    const text = 'It happened on 3 March.\n\nNothing happened on 31 February.';
    const out = await normaliseDates(text, { lang: 'eng' });
    expect(out.published).toBeNull();
    expect(out.dates.map((d) => d.value)).toEqual(['XXXX-03-03']);
    expect(out.problems).toEqual([expect.objectContaining({ ruleId: 'invalid-date', text: '31 February', start: 45, end: 56 })]);
  });
});
