import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createDocumentFile, parseDocument } from '../../pipeline/core/document.ts';
import language, { detectLanguage, identifyLanguages } from './index.ts';

describe('language', () => {
  it('knows a script that one language owns without asking a model', () => {
    expect(detectLanguage('Σχόλια αναγνωστών')).toMatchObject({ lang: 'ell', method: 'script:Greek' });
    expect(detectLanguage('ニュース速報')).toMatchObject({ lang: 'jpn' });
  });

  it('reads a Greek word with a Latin look-alike letter as Greek', () => {
    expect(detectLanguage('Ρoή Ειδήσεων').lang).toBe('ell');
  });

  it('tells languages of the same script apart', () => {
    expect(detectLanguage('The ministers agreed to deepen their cooperation on security.').lang).toBe('eng');
    expect(detectLanguage('Die Minister vereinbarten, ihre Zusammenarbeit zu vertiefen.').lang).toBe('deu');
    expect(detectLanguage('Министры договорились углубить сотрудничество.').lang).toBe('rus');
    expect(detectLanguage('Міністри домовилися поглибити співпрацю.').lang).toBe('ukr');
  });

  it('answers und where there are no letters', () => {
    expect(detectLanguage('2026-01-27 12:30 — 4.5%')).toMatchObject({ lang: 'und', confidence: 0 });
    expect(detectLanguage('https://example.com/a/b')).toMatchObject({ lang: 'und' });
  });

  it('finds the document language by the letters of its blocks, and keeps foreign blocks foreign', () => {
    const { document, blocks } = identifyLanguages([
      { kind: 'heading', text: 'Τελευταία Νέα' },
      { kind: 'paragraph', text: 'China and Russia have agreed to strengthen military coordination during a video call.' },
      { kind: 'paragraph', text: 'The two nations pledged to deepen strategic cooperation, according to state media.' },
      { kind: 'heading', text: 'Δείτε επίσης' },
    ]);
    expect(document.lang).toBe('eng');
    expect(blocks.map((b) => b.lang)).toEqual(['ell', 'eng', 'eng', 'ell']);
  });

  it('settles the document on its longest blocks and confirms the others by their function words', () => {
    const prose = (n: number) =>
      `In the public portion of the meeting number ${n}, the minister said that the two countries would continue to work together on trade, and that the talks had been open and useful for both of them.`;
    const { document, blocks } = identifyLanguages([
      { kind: 'paragraph', text: prose(1) },
      { kind: 'paragraph', text: prose(2) },
      { kind: 'paragraph', text: prose(3) },
      { kind: 'paragraph', text: prose(4) },
      { kind: 'paragraph', text: 'She said that it was one of the best of all the years.' },
      { kind: 'paragraph', text: 'Die Minister vereinbarten, ihre Zusammenarbeit zu vertiefen und weiter auszubauen.' },
    ]);
    expect(document.lang).toBe('eng');
    expect(blocks.map((b) => b.lang)).toEqual(['eng', 'eng', 'eng', 'eng', 'eng', 'deu']);
    // The fourth long block and the short English one need no model: their stopwords are English.
    expect(blocks[3]?.method).toBe('stopwords');
    expect(blocks[4]?.method).toBe('stopwords');
  });

  it('settles a page of short lines on its longest lines together', () => {
    const lines = [
      'The council met on Monday to agree on the budget.',
      'It was the first meeting of the year for its members.',
      'They said that the school would be built in the spring.',
      'Most of the town came to hear what they had to say.',
      'Home',
    ];
    const { document, blocks } = identifyLanguages(lines.map((text) => ({ kind: 'paragraph', text })));
    expect(document.lang).toBe('eng');
    // No line needs Lingua: their function words or eld confirm the settled language.
    expect(blocks.map((b) => b.method)).toEqual(expect.arrayContaining(['stopwords']));
    for (const b of blocks) expect(['stopwords', 'eld-agrees']).toContain(b.method);
  });

  it('works alone as a unified plugin and sets the document and block languages', () => {
    const text = 'Deep trust\n\nIn the public portion of the meeting, Shoigu emphasized the high efficiency of cooperation.';
    const file = createDocumentFile(text);
    const tree = parseDocument(text);
    unified().use(language).runSync(tree, file);
    expect(file.data.lang).toBe('eng');
    expect(file.data.langConfidence).toBeGreaterThan(0.5);
    expect(tree.children.map((b) => b.data?.lang)).toEqual(['eng', 'eng']);
  });

  it('reads short blocks against the language the long ones settled, and still finds a foreign one', () => {
    const paragraph =
      'China and Russia have agreed to strengthen military coordination during a video call between their defence ministers on Tuesday, according to state media reports of the meeting. The two nations pledged to deepen strategic cooperation and enhance joint responses to global challenges.';
    const { document, blocks } = identifyLanguages([
      { kind: 'heading', text: 'Broader implications' },
      { kind: 'paragraph', text: paragraph },
      { kind: 'paragraph', text: `${paragraph} Analysts expect more joint exercises this year.` },
      { kind: 'paragraph', text: 'Der Minister sagte, die Lage sei ernst.' },
    ]);
    expect(document.lang).toBe('eng');
    expect(blocks.map((b) => b.lang)).toEqual(['eng', 'eng', 'eng', 'deu']);
    expect(blocks[0]?.method).toBe('eld-agrees');
  });
});
