import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createDocumentFile, parseDocument } from '../../pipeline/core/document.ts';
import language, { atMostOneWord, detectLanguage, identifyLanguages } from './index.ts';
import { detectLanguage as detectRaw } from './detect.ts';

/** The function-word count's words (pipeline/core/stopwords.ts). */
const STOPWORD_WORDS = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

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

  describe('beyond Lingua\'s 75 languages (franc)', () => {
    const one = (text: string) => identifyLanguages([{ text, kind: 'paragraph' }]);

    it('names a paragraph of Uzbek in Latin script, which Lingua reads as a Turkic neighbour', () => {
      const uzbek =
        'Toshkent shahrida yangi metro bekatlari ochildi. Shahar hokimining soʻzlariga koʻra, bu yil yana oltita bekat qurilishi rejalashtirilgan. Aholi yangi bekatlardan mamnun ekanini aytmoqda, chunki endi ishga borish ancha qulay boʻldi.';
      expect(one(uzbek).document.lang).toBe('uzn');
    });

    it('names Kinyarwanda and Quechua', () => {
      const kinyarwanda =
        "Perezida wa Repubulika y'u Rwanda yakiriye abayobozi b'ibihugu bitandukanye baje mu nama yabereye i Kigali. Muri iyo nama, baganiriye ku bufatanye mu by'ubukungu, uburezi n'ubuzima. Abaturage benshi bishimiye ko igihugu cyabo gikomeje gutera imbere.";
      const quechua =
        "Qusqu llaqtapi runakunaqa sapa wata Inti Raymi raymita ruwanku. Chay p'unchawpiqa achka runakuna hamunku, takinku, tusunku ima. Llaqtap kamachiqninmi nirqan, kay watapiqa aswan achka hawa llaqtayuq runakuna chayamusqa nispa.";
      expect(one(kinyarwanda).document.lang).toBe('kin');
      // franc tells the Quechua varieties apart by a hair; any of them is Quechua.
      expect(one(quechua).document.lang).toMatch(/^qu[a-z]$/);
    });

    it('names a script Lingua does not read, instead of und', () => {
      expect(one('ព្រះរាជាណាចក្រកម្ពុជា គឺជាប្រទេសមួយនៅអាស៊ីអាគ្នេយ៍').document.lang).toBe('khm');
    });

    it("leaves Lingua's own languages to Lingua, close varieties included", () => {
      const spanish = 'El Gobierno aprobó ayer un nuevo plan para mejorar las carreteras del norte del país. Según el ministro, las obras comenzarán en primavera y durarán al menos dos años.';
      const persian = 'دولت دیروز برنامه تازه‌ای برای بهبود جاده‌های شمال کشور تصویب کرد. به گفته وزیر، کارها در بهار آغاز می‌شود و دست کم دو سال طول می‌کشد.';
      expect(one(spanish).document.lang).toBe('spa');
      expect(one(persian).document.lang).toBe('pes');
    });
  });

  it('says a text has at most one word exactly where the function-word count finds at most one', () => {
    const texts = ['Home', 'Business', '', '2026', 'Ελλάδα', "don't", 'l’Italie', "rock 'n' roll", "a''b", 'e-mail', 'Skip to content',
      'İstanbul', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '𝔘𝔫 𝔦𝔠', 'न्यूज़', 'नई दिल्ली', '新闻', '»Home«', "it'", "'tis", 'x\u0301y', 'ab\ud800cd'];
    for (const text of texts) expect([text, atMostOneWord(text)]).toEqual([text, (text.toLowerCase().match(STOPWORD_WORDS) ?? []).length <= 1]);
  });

  it('reads a text the same whether it was read just before or not (the preparation kept for the next reading)', () => {
    const text = 'Follow us on Telegram';
    detectRaw('something else entirely');
    const fresh = detectRaw(text, { among: ['eng', 'deu', 'nld'] });
    detectRaw(text, { accuracy: 'low' });
    expect(detectRaw(text, { among: ['eng', 'deu', 'nld'] })).toEqual(fresh);
    // An answer without Lingua is a new object each time: changing one changes no later answer.
    const greek = detectRaw('Σχόλια αναγνωστών');
    greek.lang = 'xxx';
    expect(detectRaw('Σχόλια αναγνωστών').lang).toBe('ell');
  });
});
