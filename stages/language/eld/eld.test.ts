import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { eldDetect, eldLanguages, eldRead } from './detect.ts';
import { parseNgrams } from './grams.ts';

/** eld's own answer, in the shape of ours. */
function eldsOwn(text: string) {
  const r = eld.detect(text);
  return { language: r.language, scores: Object.entries(r.getScores()), reliable: r.isReliable() };
}

describe("eld's detection over its own database", () => {
  it("gives eld's answers: language, every score in eld's order, and its reliability", () => {
    const texts = [
      'The ministers agreed to deepen their cooperation on security and trade.',
      'Die Minister vereinbarten, ihre Zusammenarbeit in Sicherheitsfragen zu vertiefen.',
      'Los ministros acordaron profundizar su cooperación en materia de seguridad.',
      'Министры договорились углубить сотрудничество в сфере безопасности.',
      'Οι υπουργοί συμφώνησαν να εμβαθύνουν τη συνεργασία τους.',
      '两国部长同意加强安全合作。',
      'Bakanlar güvenlik alanındaki işbirliğini derinleştirmeyi kabul etti.',
      'Share on Facebook',
      'Home',
      // Contractions keep their apostrophe; digits and punctuation are separators.
      "it's don’t `rock` 'n' roll, 2026-01-27: 4.5%",
      // A word longer than eld's 70 bytes, and text past its cut of about 350 bytes.
      `${'ab'.repeat(60)} ${'Μακρύ κείμενο στα ελληνικά. '.repeat(20)}`,
      // Characters outside the Basic Multilingual Plane, and nothing to read at all.
      '😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text 😀',
      '',
      '12345',
    ];
    for (const text of texts) expect([text, eldDetect(text)]).toEqual([text, eldsOwn(text)]);
  });

  it('gives the same reading by language index (eldRead) as by code', () => {
    for (const text of ['Share on Facebook', 'Die Minister vereinbarten eine Zusammenarbeit.', 'Home', '12345']) {
      const own = eldsOwn(text);
      const r = eldRead(text);
      expect(r.order.map((l) => [eldLanguages()[l], r.scores[l]])).toEqual(own.scores);
      expect([r.best < 0 ? '' : eldLanguages()[r.best], r.reliable]).toEqual([own.language, own.reliable]);
    }
  });

  it('lists the same best languages when asked for only the first few (eldRead with a top)', () => {
    // Short texts score many languages alike: ties must stay in index order, as in the full list.
    for (const text of ['Share on Facebook', 'Home', 'Die Minister vereinbarten eine Zusammenarbeit.', 'ok', 'a b c', 'Министры']) {
      const all = [...eldRead(text).order];
      for (const top of [2, 3, 5]) expect([text, top, eldRead(text, top).order]).toEqual([text, top, all.slice(0, top)]);
    }
  });

  it("reads eld's literal: quoted keys with escapes, bare keys, and each n-gram's scores", () => {
    const parsed = parseNgrams(`export const d = {ngrams:{' a\\'b':{3:47,55:72},"x'y ":{0:6},L_QL:{59:207}}};`);
    expect(parsed.grams).toEqual([" a'b", "x'y ", 'L_QL']);
    expect(parsed.starts).toEqual([0, 4, 6]);
    expect(parsed.pairs).toEqual([3, 47, 55, 72, 0, 6, 59, 207]);
  });

  it('says which text it cannot read, rather than reading garbage', () => {
    expect(() => parseNgrams('{ngrams:{abc:{1:x}}}')).toThrow(/unexpected database text/);
    expect(() => parseNgrams('{grams:{}}')).toThrow(/no ngrams/);
  });
});
