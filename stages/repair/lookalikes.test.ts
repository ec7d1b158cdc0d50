import { describe, expect, it } from 'vitest';
import { repairString } from './index.ts';

describe('look-alike letters', () => {
  it('replaces a Latin letter inside a Greek word by its Greek look-alike', () => {
    const { text, repairs } = repairString('Η Ρoή των ειδήσεων');
    expect(text).toBe('Η Ροή των ειδήσεων');
    expect(repairs).toEqual([{ text: 'o', to: 'ο', reason: 'lookalike', stage: 'repair' }]);
  });

  it('replaces Latin letters inside Cyrillic words, and Cyrillic or Greek ones inside Latin words', () => {
    expect(repairString('Вчера мы купили нoвый дом').text).toBe('Вчера мы купили новый дом');
    expect(repairString('The Μayor opened the nеw сity library.').text).toBe('The Mayor opened the new city library.');
    expect(repairString('Sie kamen υnd gingen').text).toBe('Sie kamen und gingen');
  });

  it('never changes a word written wholly in another script', () => {
    for (const text of ['Акции Microsoft и Oracle выросли.', 'Το άλμπουμ “Blue Hour” κυκλοφόρησε.', 'Let αx + 2πr be 5 μg.']) {
      expect(repairString(text).text).toBe(text);
    }
  });
});

describe('look-alike letters in glued words', () => {
  it('reads camel-case glue as two words', () => {
    expect(repairString('OKУдалить лентаXроника').text).toBe('OKУдалить лентаХроника');
  });
});

describe('look-alike letters between Greek and Cyrillic', () => {
  it('replaces a Greek letter inside a Cyrillic word and the reverse', () => {
    expect(repairString('Монтαна и София').text).toBe('Монтана и София');
    expect(repairString('Η Αθήνα είνаι μεγάλη').text).toBe('Η Αθήνα είναι μεγάλη');
  });
});
