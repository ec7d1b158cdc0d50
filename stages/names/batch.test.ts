import { describe, expect, it } from 'vitest';
import { batchName, createNamesLearner, latinFullNames } from './batch.ts';
import { findPeople } from './index.ts';
import { phoneticKey } from './phonetic.ts';
import { readMarked } from './testdata/marked.ts';

/**
 * Cross-document B-cubed F1 (Bagga and Baldwin): gold mentions are clustered by person, found
 * mentions (exact spans) by canonical name; a gold mention not found is a cluster of its own.
 */
function bcubed(gold: { key: string; person: string }[], found: Map<string, string>): number {
  const predicted = (key: string) => found.get(key) ?? `missed:${key}`;
  let precision = 0;
  let recall = 0;
  for (const g of gold) {
    const samePerson = gold.filter((o) => o.person === g.person);
    const sameName = gold.filter((o) => predicted(o.key) === predicted(g.key));
    const both = sameName.filter((o) => o.person === g.person).length;
    precision += both / sameName.length;
    recall += both / samePerson.length;
  }
  precision /= gold.length;
  recall /= gold.length;
  return (2 * precision * recall) / (precision + recall);
}

describe('one canonical name across scripts and documents', () => {
  it('gives a person in English, Russian and Greek documents one name (B-cubed F1 >= 0.92)', () => {
    const docs = readMarked('clusters.jsonl');
    const learner = createNamesLearner();
    for (const d of docs) learner.add(d);
    const learned = learner.result();
    const gold: { key: string; person: string }[] = [];
    const found = new Map<string, string>();
    for (const d of docs) {
      for (const m of d.mentions) gold.push({ key: `${d.id}:${m.start}:${m.end}`, person: m.person });
      for (const p of findPeople(d.text, { learned })) for (const m of p.mentions) found.set(`${d.id}:${m.start}:${m.end}`, p.name);
    }
    expect(bcubed(gold, found)).toBeGreaterThanOrEqual(0.92);
  });

  it('names people from a copy of a window\'s names (what a worker thread receives) by that window\'s names only', () => {
    const window = (text: string) => {
      const learner = createNamesLearner();
      learner.add({ text });
      return learner.result();
    };
    const first = window('President Emmanuel Macron spoke.');
    const second = window('Brigitte Macron visited the school.');
    expect(first.key).not.toBe(second.key);
    expect(window('President Emmanuel Macron spoke.').key).toBe(first.key);
    for (let i = 0; i < 2; i++) {
      expect(batchName(structuredClone(first), ['Макрон'])).toBe('Emmanuel Macron');
      expect(batchName(structuredClone(second), ['Макрон'])).toBe('Brigitte Macron');
    }
  });

  it('names a person by the spelling the batch writes most, not a respelling of it', () => {
    const learner = createNamesLearner();
    for (const text of ['Defence Minister Andrey Belousov spoke.', 'Andrey Belousov met Dong Jun.', 'Minister Andrei Belousov left.', 'SERGEY SHOIGU SAID NOTHING.'])
      learner.add({ text });
    const learned = learner.result();
    // Two documents write Andrey, one Andrei: the batch's spelling wins, in every document.
    expect(findPeople('Minister Andrei Belousov left.', { learned }).map((p) => p.name)).toEqual(['Andrey Belousov']);
    expect(findPeople('Министр обороны Андрей Белоусов заявил, что учения продолжатся.', { learned }).map((p) => p.name)).toEqual(['Andrey Belousov']);
    // A name in capitals is counted as a name, not as it is shouted; a regnal number stays in capitals.
    expect(learned.names.map((n) => n.spelling)).toContain('Sergey Shoigu');
    const kings = createNamesLearner();
    kings.add({ text: 'KING HAAKON VII OF NORWAY and MELLY GOESLAW-OST' });
    kings.add({ text: 'King Haakon VII spoke.' });
    expect(kings.result().names.map((n) => n.spelling)).toEqual(expect.arrayContaining(['Haakon VII']));
    // Alone, without a batch, a document's Latin spelling is respelled the one way (Andrey, Andrei: Andrei).
    expect(findPeople('Minister Andrey Belousov left.').map((p) => p.name)).toEqual(['Andrei Belousov']);
  });

  it('joins Greek and Russian spellings to the Latin name of the batch', () => {
    const learned = { names: [{ spelling: 'Emmanuel Macron', count: 3 }, { spelling: 'Recep Tayyip Erdoğan', count: 1 }, { spelling: 'Benjamin Netanyahu', count: 1 }] };
    expect(batchName(learned, ['Μακρόν'])).toBe('Emmanuel Macron');
    expect(batchName(learned, ['Εμανουέλ', 'Μακρόν'])).toBe('Emmanuel Macron');
    expect(batchName(learned, ['Эммануэль', 'Макрон'])).toBe('Emmanuel Macron');
    expect(batchName(learned, ['Макроном'])).toBe('Emmanuel Macron');
    expect(batchName(learned, ['Ερντογάν'])).toBe('Recep Tayyip Erdoğan');
    expect(batchName(learned, ['Νετανιάχου'])).toBe('Benjamin Netanyahu');
  });

  it('takes the full name of the batch for a surname alone, keeping its diacritics', () => {
    const learned = { names: [{ spelling: 'Donald Trump', count: 2 }, { spelling: 'Katharina Dröge', count: 1 }] };
    expect(batchName(learned, ['Trump'])).toBe('Donald Trump');
    expect(batchName(learned, ['Dröge'])).toBe('Katharina Dröge');
    expect(batchName(learned, ['Droge'])).toBe('Katharina Dröge');
  });

  it('keeps apart people whose names look alike', () => {
    const learned = { names: ['Kim Jong-un', 'Kim Jong-il', 'Hillary Clinton', 'Bill Clinton', 'Boris Johnson', 'Andrew Johnson'].map((spelling) => ({ spelling, count: 1 })) };
    expect(batchName(learned, ['Kim', 'Jong-il'])).toBe('Kim Jong-il');
    expect(batchName(learned, ['Clinton'])).toBeNull();
    expect(batchName(learned, ['Билл', 'Клинтон'])).toBe('Bill Clinton');
    expect(batchName(learned, ['Johnson'])).toBeNull();
    expect(batchName(learned, ['Lyndon', 'Johnson'])).toBeNull();
  });

  it('does not join a lone Latin word to a batch name by the consonants alone', () => {
    const learned = { names: ['Dong Jun', 'Angela Merkel', 'Donald Trump', 'Zbigniew Religa'].map((spelling) => ({ spelling, count: 1 })) };
    // A month ("Beijing, Jan 27") and a given name share a skeleton with a surname, not a person.
    expect(batchName(learned, ['Jan'])).toBeNull();
    expect(batchName(learned, ['Marcel'])).toBeNull();
    // Across scripts the skeleton still joins; in Latin letters, with a first name that agrees.
    expect(batchName(learned, ['Трамп'])).toBe('Donald Trump');
    expect(batchName(learned, ['Zbigniewa', 'Religi'])).toBe('Zbigniew Religa');
    // A skeleton of fewer than three consonants says too little: София ("sf") is not Joseph.
    expect(batchName({ names: [{ spelling: 'Vickie Joseph', count: 1 }] }, ['София'])).toBeNull();
  });

  it('gives every spelling of one name the same key, whatever the batch', () => {
    const key = phoneticKey(['Sergei', 'Shoigu']);
    expect(phoneticKey(['Sergey', 'Shoigu'])).toBe(key);
    expect(phoneticKey(['Сергей', 'Шойгу'])).toBe(key);
    expect(findPeople('Сергей Шойгу заявил, что учения продолжатся.')[0]?.key).toBe(key);
  });
});

describe('the full Latin names the learner gathers', () => {
  const names = (text: string) => latinFullNames(text).map((n) => n.map((w) => w.text).join(' '));

  it('takes the capitals from a given name on, without the title before it', () => {
    expect(names('French President Emmanuel Macron met Turkish President Recep Tayyip Erdoğan in Paris.')).toEqual(['Emmanuel Macron', 'Recep Tayyip Erdoğan']);
  });

  it('keeps particles inside a name and a place that is a surname', () => {
    expect(names('El ex presidente Carlos Salinas de Gortari dijo')).toEqual(['Carlos Salinas de Gortari']);
  });

  it('takes no single word, no name in Cyrillic or Greek, no stop word opening a sentence', () => {
    expect(names('Macron said. Эммануэль Макрон и Μητσοτάκης. Will Power Grid fail?')).toEqual([]);
  });

  it('remembers a run with whether it opens a sentence: the same run mid-sentence still names someone', () => {
    // A stop word (Bill) opens no name at a sentence's start.
    expect(names('Bill Clinton spoke.')).toEqual([]);
    expect(names('He met Bill Clinton.')).toEqual(['Bill Clinton']);
    const learner = createNamesLearner();
    learner.add({ text: 'Bill Clinton spoke.' });
    learner.add({ text: 'He met Bill Clinton.' });
    learner.add({ text: 'Bill Clinton spoke again.' });
    expect(learner.result().names).toEqual([{ spelling: 'Bill Clinton', count: 1 }]);
  });

  it('finds the runs latinFullNames finds, after any character (a capital past U+FFFF, Cyrillic, accents)', () => {
    const text = '𝐀 Bob. Žena viděla Pedro Sánchez Pérez a Jana Nováková. Путин и Emmanuel Macron; «Olaf Scholz» 𝐁ill Gates, Anne-Marie Dupont';
    const learner = createNamesLearner();
    learner.add({ text });
    const expected = [...new Set(latinFullNames(text).map((n) => n.map((w) => w.text).join(' ')))].sort();
    expect(expected.length).toBeGreaterThan(2);
    expect(learner.result().names.map((n) => n.spelling)).toEqual(expected);
  });

  it('counts each spelling once a document', () => {
    const learner = createNamesLearner();
    learner.add({ text: 'Donald Trump spoke. Later Donald Trump left.' });
    learner.add({ text: 'Former President Donald Trump and Hillary Clinton.' });
    expect(learner.result().names).toEqual([
      { spelling: 'Donald Trump', count: 2 },
      { spelling: 'Hillary Clinton', count: 1 },
    ]);
  });
});
