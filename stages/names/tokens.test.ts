import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens.ts';

const texts = (s: string) => tokenize(s).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('reads words, abbreviations, initials, numbers and marks in ASCII', () => {
    expect(texts("U.S. envoy P. O'Gorman met Jean-Pierre at 10:30\nOK")).toEqual([
      'abbreviation:U.S.', 'word:envoy', 'initial:P.', "word:O'Gorman", 'word:met', 'word:Jean-Pierre', 'word:at', 'number:10', 'punct::', 'number:30', 'break:\n', 'word:OK',
    ]);
  });

  it('lets a character past ASCII extend a word begun in ASCII', () => {
    expect(texts('José O’Brien Jean‐Luc Cafe\u0301 É.U. 12²')).toEqual([
      'word:José', 'word:O’Brien', 'word:Jean‐Luc', 'word:Cafe\u0301', 'abbreviation:É.U.', 'number:12²',
    ]);
  });

  it('skips white space of any script between words', () => {
    expect(texts('Ana\u00a0Botín\u2003y\tJuan')).toEqual(['word:Ana', 'word:Botín', 'word:y', 'word:Juan']);
  });

  it("takes the possessive 's off a name, keeping its offsets", () => {
    const [t] = tokenize("Hoddle's team");
    expect(t).toMatchObject({ text: 'Hoddle', start: 0, end: 6, possessive: true });
  });
});
