import { describe, expect, it } from 'vitest';
import { lookalikes, replaceLookalikes } from './lookalikes.ts';

describe('look-alike letters', () => {
  it('lists the Latin letter inside a Greek word with its offsets and its Greek look-alike', () => {
    expect(lookalikes('Η Ρoή')).toEqual([{ start: 3, end: 4, to: 'ο' }]);
  });

  it('replaces look-alikes in both directions, by the majority of the word', () => {
    expect(replaceLookalikes('купили нoвый дом, the nеw сity')).toBe('купили новый дом, the new city');
  });

  it('leaves words written wholly in one script, and a Greek letter beside one Latin letter', () => {
    const text = 'Акции Microsoft и Oracle; let αx be 5 μg.';
    expect(lookalikes(text)).toEqual([]);
    expect(replaceLookalikes(text)).toBe(text);
  });
});
