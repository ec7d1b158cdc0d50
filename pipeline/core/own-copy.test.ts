import { describe, expect, it } from 'vitest';
import { ownCopy } from './own-copy.ts';

describe('ownCopy', () => {
  it('has the same characters as the text, short or long', () => {
    const page = 'Home | News | Sport | Weather\nA long article about the weather in the hills.';
    for (const text of ['', 'Home', page.slice(0, 28), page.slice(7), `${page.slice(0, 12)}x${page.slice(20)}`]) {
      expect(ownCopy(text)).toBe(text);
      expect(ownCopy(text).length).toBe(text.length);
    }
  });
});
