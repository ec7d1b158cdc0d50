import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ABSENT, FNV_START, fnvCodePoint, GramTable, tableKey } from './table.ts';
import { languagesWithModel, readModel } from './locate.ts';
import { scoreLanguages } from './score.ts';

const hash = (s: string): number => tableKey([...s].reduce((h, ch) => fnvCodePoint(h, ch.codePointAt(0)!), FNV_START));

describe('the n-gram table', () => {
  it('gives back what was added, quantised to 1/2048, and ABSENT for what was not', () => {
    const t = new GramTable(3);
    t.add(hash('der'), Math.log(0.01));
    t.add(hash('ß'), Math.log(0.5));
    expect(t.get(hash('der'))).toBeCloseTo(Math.log(0.01), 3);
    expect(t.get(hash('ß'))).toBeCloseTo(Math.log(0.5), 3);
    expect(t.get(hash('the'))).toBe(ABSENT);
  });

  it('hashes a code point as its UTF-8 bytes, as the model files store them', () => {
    const bytes = Buffer.from('ßи😀', 'utf8');
    let h = FNV_START;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
    expect(hash('ßи😀')).toBe(tableKey(h));
  });
});

describe("Lingua's models, read from the package's WebAssembly file", () => {
  it('has the one- to five-gram models of every language but Chinese, Japanese and Korean (unigrams only)', () => {
    const names = Object.keys(JSON.parse(readFileSync(new URL('../data/lingua-names.json', import.meta.url), 'utf8')) as Record<string, string>).map((n) => n.toUpperCase());
    expect(languagesWithModel(1).sort()).toEqual([...names].sort());
    expect(languagesWithModel(5).sort()).toEqual(names.filter((n) => !['CHINESE', 'JAPANESE', 'KOREAN'].includes(n)).sort());
  });

  it("reads a model as its language's JSON", () => {
    const json = readModel('ENGLISH', 3)!.toString('utf8');
    expect(json.startsWith('{"language":"ENGLISH","ngrams":{')).toBe(true);
    expect(json).toMatch(/"[0-9]+\/[0-9]+":"[^"]*\bthe\b/);
  });
});

describe('scoring languages', () => {
  it('ranks the language of a sentence first, with confidences that add up to 1', () => {
    const scores = scoreLanguages('The ministers agreed to deepen their cooperation', ['deu', 'eng', 'fra', 'nld'], false);
    expect(scores[0]![0]).toBe('eng');
    expect(scores.map(([c]) => c).sort()).toEqual(['deu', 'eng', 'fra', 'nld']);
    expect(scores.reduce((s, [, v]) => s + v, 0)).toBeCloseTo(1, 9);
  });

  it('decides by letters only one language writes, before any n-gram', () => {
    expect(scoreLanguages('Straße', ['deu', 'eng', 'nld'], false)[0]).toEqual(['deu', 1]);
    expect(scoreLanguages('Їжак', ['rus', 'ukr', 'bel'], false)[0]).toEqual(['ukr', 1]);
  });

  it('narrows to the languages that write the letters most words carry', () => {
    const scores = scoreLanguages('año mañana', ['eng', 'eus', 'spa', 'por'], false);
    expect(scores.filter(([, v]) => v > 0).map(([c]) => c).sort()).toEqual(['eus', 'spa']);
  });

  it('reads short texts by one- to five-grams and the low-accuracy mode by trigrams', () => {
    const high = scoreLanguages('vasgestel', ['afr', 'nld', 'eng'], false);
    const low = scoreLanguages('vasgestel', ['afr', 'nld', 'eng'], true);
    expect(high[0]![0]).toBe('afr');
    expect(high[0]![1]).not.toBeCloseTo(low[0]![1], 3);
  });

  it('gives every language 0 for a text without letters', () => {
    expect(scoreLanguages('2026 — 4.5 %', ['eng', 'deu'], false)).toEqual([['eng', 0], ['deu', 0]]); // by Lingua's name: English before German
  });
});
