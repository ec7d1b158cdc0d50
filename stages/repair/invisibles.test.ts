import { describe, expect, it } from 'vitest';
import { repairString } from './index.ts';

describe('invisible characters, spaces, entities and normalisation', () => {
  it('removes zero-width spaces, word joiners, soft hyphens, stray byte order marks and controls', () => {
    const { text, repairs } = repairString('In\u200bfor\u00admation\u2060 is\ufeff free\u0007.');
    expect(text).toBe('Information is free.');
    expect(repairs.map((r) => [r.text, r.to, r.reason])).toEqual([
      ['\u200b', '', 'invisible'],
      ['\u00ad', '', 'invisible'],
      ['\u2060', '', 'invisible'],
      ['\ufeff', '', 'invisible'],
      ['\u0007', '', 'control'],
    ]);
  });

  it('keeps a zero-width joiner inside an emoji sequence and a non-joiner inside a Persian word', () => {
    expect(repairString('Family: 👨\u200d👩\u200d👧').text).toBe('Family: 👨\u200d👩\u200d👧');
    expect(repairString('می\u200cخواهم').text).toBe('می\u200cخواهم');
    expect(repairString('zero\u200dwidth').text).toBe('zerowidth');
  });

  it('turns no-break and typographic spaces into plain spaces', () => {
    const { text, repairs } = repairString('10\u00a0km from\u2009Paris\u202fnow');
    expect(text).toBe('10 km from Paris now');
    expect(repairs.map((r) => [r.text, r.to, r.reason])).toEqual([
      ['\u00a0', ' ', 'space'],
      ['\u2009', ' ', 'space'],
      ['\u202f', ' ', 'space'],
    ]);
  });

  it('decodes HTML character references and leaves a bare ampersand alone', () => {
    expect(repairString('d&eacute;j&agrave; vu &#8220;ok&#8221; &#151; AT&T &amp; L&L').text).toBe('déjà vu “ok” — AT&T & L&L');
  });

  it('decodes numeric references without their semicolon and references escaped twice', () => {
    expect(repairString('l&#8217ouest, caf&amp;eacute; &amp;amp; AT&amp;T &amp;foo;').text).toBe('l’ouest, café & AT&T &foo;');
  });

  it('composes decomposed accents into NFC', () => {
    const { text, repairs } = repairString('Cafe\u0301 sa\u0308gen й'.replace('й', 'и\u0306'));
    expect(text).toBe('Café sägen й');
    expect(repairs.map((r) => r.reason)).toEqual(['nfc', 'nfc', 'nfc']);
  });
});

describe('long blocks', () => {
  it('repairs thousands of no-break spaces in a long block, each recorded', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const { text, repairs } = repairString(words.join('\u00a0'));
    expect(text).toBe(words.join(' '));
    expect(repairs).toHaveLength(4999);
  });
});
