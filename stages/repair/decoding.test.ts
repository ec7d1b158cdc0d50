// The reader's decoding (pipeline/decode.ts), which this stage records: bytes in legacy encodings.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../pipeline/run/decode.ts';

const russian = 'Вчера вечером в городе прошёл сильный дождь, и улицы быстро опустели. Жители ждали, когда погода изменится.';
const greek = 'Η κυβέρνηση ανακοίνωσε χθες νέα μέτρα για την οικονομία. Οι πολίτες περιμένουν αλλαγές στην καθημερινή ζωή τους.';
const french = 'Le président a déclaré qu’il était « très heureux » de cette décision, prise après une longue réflexion.';
const chinese = '今天上午，市政府召开新闻发布会，介绍了今年经济发展的主要情况和下一步工作安排。';
const japanese = '東京都は本日、新しい交通計画を発表しました。来年から段階的に実施される予定です。';

function decoded(bytes: Uint8Array) {
  const d = decodeBytes(bytes);
  if ('error' in d) throw new Error(d.error);
  return d;
}

describe('decodeBytes', () => {
  it('reads windows-1251 and KOI8-R Russian, telling them apart', () => {
    expect(decoded(iconv.encode(russian, 'windows-1251'))).toMatchObject({ text: russian, encoding: 'windows-1251' });
    expect(decoded(iconv.encode(russian, 'koi8-r'))).toMatchObject({ text: russian, encoding: 'koi8-r' });
  });

  it('reads Greek in windows-1253 and in ISO-8859-7', () => {
    expect(decoded(iconv.encode(greek, 'windows-1253')).text).toBe(greek);
    expect(decoded(iconv.encode(greek, 'iso-8859-7')).text).toBe(greek);
  });

  it('reads windows-1252 punctuation as punctuation, not as C1 controls', () => {
    expect(decoded(iconv.encode(french, 'windows-1252'))).toMatchObject({ text: french, encoding: 'windows-1252' });
  });

  it('reads short texts the detector is unsure of', () => {
    expect(decoded(iconv.encode('Je vais à l’école.', 'windows-1252')).text).toBe('Je vais à l’école.');
    expect(decoded(iconv.encode('Он пришёл домой.', 'windows-1251')).text).toBe('Он пришёл домой.');
    expect(decoded(iconv.encode('Καλημέρα σας.', 'windows-1253')).text).toBe('Καλημέρα σας.');
  });

  it('reads Chinese in GB18030 and Big5, Japanese in Shift_JIS and EUC-JP', () => {
    expect(decoded(iconv.encode(chinese, 'gb18030')).text).toBe(chinese);
    const traditional = '今天上午，市政府召開新聞發布會，介紹了今年經濟發展的主要情況和下一步工作安排。';
    expect(decoded(iconv.encode(traditional, 'big5')).text).toBe(traditional);
    expect(decoded(iconv.encode(japanese, 'shift_jis')).text).toBe(japanese);
    expect(decoded(iconv.encode(japanese, 'euc-jp')).text).toBe(japanese);
  });

  it('reads UTF-16 and UTF-8 with a byte order mark, without the mark', () => {
    expect(decoded(iconv.encode(greek, 'utf-16le', { addBOM: true }))).toMatchObject({ text: greek, encoding: 'utf-16le' });
    expect(decoded(iconv.encode(greek, 'utf-16be', { addBOM: true }))).toMatchObject({ text: greek, encoding: 'utf-16be' });
    expect(decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(french)]))).toMatchObject({ text: french, encoding: 'utf-8-bom' });
  });

  it('reads a JSONL line with broken UTF-8 as UTF-8 with replacement characters, listing the bytes', () => {
    const bytes = Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xe9, 0x28]), Buffer.from(' ok"}')]);
    const d = decodeBytes(bytes, { utf8Only: true });
    expect(d).toMatchObject({ text: '{"text": "caf\ufffd( ok"}', invalid: ['e9'] });
  });

  it('reads UTF-8 with a stray byte as UTF-8, the stray byte replaced and listed', () => {
    const bytes = Buffer.concat([Buffer.from('Ελληνικά και русский '), Buffer.from([0xff]), Buffer.from(' café')]);
    expect(decodeBytes(bytes)).toEqual({ text: 'Ελληνικά και русский \ufffd café', encoding: 'utf-8', invalid: ['ff'] });
  });

  it('never throws on arbitrary bytes', () => {
    let seed = 12345;
    for (let n = 0; n < 50; n++) {
      const bytes = new Uint8Array(64).map(() => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return 0x20 + (seed % 0xe0);
      });
      const d = decodeBytes(bytes);
      expect('text' in d || 'error' in d).toBe(true);
    }
  });

  it('keeps rejecting empty and binary files', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ error: 'empty file' });
    expect(decodeBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ error: 'binary content, not text' });
  });
});
