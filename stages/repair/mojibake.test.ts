import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from './mojibake.ts';

/**
 * What a program makes of UTF-8 text when it reads the bytes in `encoding`, as browsers do: a byte
 * the code page leaves undefined becomes the C1 control of the same number.
 */
const misread = (text: string, encoding: string) =>
  Array.from(Buffer.from(text, 'utf8'), (b) => {
    const c = iconv.decode(Buffer.from([b]), encoding);
    return c === '\ufffd' ? String.fromCharCode(b) : c;
  }).join('');

describe('repairMojibake', () => {
  it('repairs windows-1252 mojibake of punctuation and accents', () => {
    expect(repairMojibake('The minister’s office said “no” – again.'.replace(/[’“”–]/g, (c) => misread(c, 'windows-1252')))).toBe(
      'The minister’s office said “no” – again.',
    );
    expect(repairMojibake(misread('Zoë Brontë déjeunait à l’hôtel.', 'windows-1252'))).toBe('Zoë Brontë déjeunait à l’hôtel.');
  });

  it('repairs Russian read as windows-1251 and Greek read as windows-1253 or ISO-8859-7', () => {
    const ru = 'Правительство объявило о новых мерах поддержки.';
    const el = 'Η ομάδα κέρδισε τον τελικό με δύο γκολ.';
    expect(repairMojibake(misread(ru, 'windows-1251'))).toBe(ru);
    expect(repairMojibake(misread(el, 'windows-1253'))).toBe(el);
    expect(repairMojibake(misread(el, 'iso-8859-7'))).toBe(el);
    expect(repairMojibake(misread(el, 'windows-1252'))).toBe(el);
  });

  it('repairs text garbled twice', () => {
    const text = 'Größere Städte über Nacht – überall Staus.';
    expect(repairMojibake(misread(misread(text, 'windows-1252'), 'windows-1252'))).toBe(text);
  });

  it('repairs a garbled phrase inside otherwise correct text', () => {
    expect(repairMojibake(`Café de l’Europe, ${misread('naïve – très', 'windows-1252')} bien`)).toBe('Café de l’Europe, naïve – très bien');
  });

  it('puts back a no-break byte that became a space', () => {
    // "à" is C3 A0; its A0 read as a no-break space and then normalised to a space.
    expect(repairMojibake('Il est allÃ© Ã  la plage avec sa sÅ“ur.')).toBe('Il est allé à la plage avec sa sœur.');
  });

  it('joins an emoji written as two UTF-8 encoded surrogates', () => {
    const cesu = Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]);
    expect(repairMojibake(`Merci ${iconv.decode(cesu, 'windows-1252')}`)).toBe('Merci 😀');
  });

  it('turns a character whose bytes were partly lost into one replacement character', () => {
    expect(repairMojibake('Ð¿Ñ€Ð¸Ð²ÐµÑ\ufffd Ð¼Ð¸Ñ€')).toBe('приве\ufffd мир');
  });

  it('never touches correct text', () => {
    for (const text of [
      'Η Ελλάδα και η Κύπρος υπέγραψαν συμφωνία.',
      'Москва — столица России; «Газпром» объявил дивиденды.',
      'Let ε > 0 and x ∈ ℝ; then |f(x) − L| < ε on 1990—∞, with ∆T = 3° and 2 Å—5 Å.',
      'Łukasz Żółć, Ørsted, Þóra, Nguyễn Thị Minh Khai, François Mitterrand.',
      'AT&T, CAFÉ® and Müller-Lüdenscheidt GmbH reported profits.',
      'R E S O L U Ç Ã O',
      'He bought ten Ã’s worth of stamps.',
      '他们熟练掌握先进的技术，每次都能够赢得客户赞赏。',
    ]) {
      expect(repairMojibake(text)).toBe(text);
    }
  });
});

describe('C1 controls', () => {
  it('reads a leftover C1 control as windows-1252 punctuation, or inside a word as a MacRoman letter', () => {
    expect(repairMojibake('C\u0092est parfait\u0085 la gr\u0089ce de la deuxi\u008fme')).toBe('C’est parfait… la grâce de la deuxième');
  });
});

describe('lost bytes and spaces', () => {
  it('reads "Ã" before a space as the word-final or standalone "à", and "Ã s" as "às"', () => {
    expect(repairMojibake('Il est lÃ ce soir, Ã la maison.')).toBe('Il est là ce soir, à la maison.');
    expect(repairMojibake('Vou Ã s compras com a famÃ­lia.')).toBe('Vou às compras com a família.');
  });

  it('turns a sequence cut short by a "?" from a lossy converter into one replacement character', () => {
    expect(repairMojibake('Rated â€œAAâ€? by the agency')).toBe('Rated “AA\ufffd by the agency');
  });

  it('repairs Russian read as KOI8-R', () => {
    const text = 'Привет, как дела?';
    expect(repairMojibake(misread(text, 'koi8-r'))).toBe(text);
  });

  it('leaves Ukrainian capitals and line art alone', () => {
    for (const text of ['ВІКІ та СІЧ', '├┤a┼┐a┼┐a┼┐a']) expect(repairMojibake(text)).toBe(text);
  });
});
