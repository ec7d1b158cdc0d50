import { describe, expect, it } from 'vitest';
import { ABSENT, FNV_START, fnvCodePoint, GramTable, tableKey } from './table.ts';
import { languagesWithModel, modelCacheDir, readModel } from './locate.ts';
import { compactBytes, loadTable } from './models.ts';
import { CompactTable } from './compact-table.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scoreLanguages, wordsOf } from './score.ts';
import { MergedTable } from './merged.ts';

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

  it('comes back whole from its bytes (the model cache), and refuses bytes cut short or of another kind', () => {
    const t = new GramTable(2);
    t.add(hash('der'), Math.log(0.01));
    const bytes = t.toBytes();
    const back = GramTable.fromBytes(bytes)!;
    expect(back.get(hash('der'))).toBe(t.get(hash('der')));
    expect(back.get(hash('the'))).toBe(ABSENT);
    expect(GramTable.fromBytes(bytes.subarray(0, bytes.length - 2))).toBeNull();
    const other = bytes.slice(); other[0] = 0;
    expect(GramTable.fromBytes(other)).toBeNull();
  });

  it('hashes a code point as its UTF-8 bytes, as the model files store them', () => {
    const bytes = Buffer.from('ßи😀', 'utf8');
    let h = FNV_START;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
    expect(hash('ßи😀')).toBe(tableKey(h));
  });
});

describe('the four-byte table (the four- and five-gram models a run keeps)', () => {
  it("gives each n-gram the six-byte table's value, -1 for one it lacks, and comes back whole from its bytes", () => {
    const t = new GramTable(3);
    t.add(hash('ders'), Math.log(0.01));
    t.add(hash('ßen'), Math.log(0.5));
    const c = CompactTable.of(t);
    expect(c.code(hash('ders'))).toBe(t.code(hash('ders')));
    expect(c.code(hash('ßen'))).toBe(t.code(hash('ßen')));
    expect(c.code(hash('thes'))).toBe(-1);
    const bytes = c.toBytes();
    expect(CompactTable.fromBytes(bytes)!.code(hash('ders'))).toBe(t.code(hash('ders')));
    expect(CompactTable.fromBytes(bytes.subarray(0, bytes.length - 4))).toBeNull();
    expect(CompactTable.fromBytes(t.toBytes())).toBeNull(); // the six-byte format
  });

  it("reads a real model as the six-byte table does, but for a few n-grams in 10,000, present or absent", () => {
    const full = loadTable('ENGLISH', 5)!;
    const compact = CompactTable.of(full);
    let present = 0, differ = 0;
    full.forEach((key, code) => { present++; if (compact.code(key) !== code) differ++; });
    expect(present).toBeGreaterThan(100_000);
    expect(differ / present).toBeLessThan(5e-4);
    // Absent n-grams: keys from a fixed sequence, most of which no model has.
    let absent = 0, read = 0;
    for (let i = 1, key = 12345; i <= 200_000; i++) {
      key = tableKey(Math.imul(key ^ (key >>> 13), 0x5bd1e995) + i);
      if (full.code(key) >= 0) continue;
      absent++;
      if (compact.code(key) >= 0) read++;
    }
    expect(absent).toBeGreaterThan(190_000);
    expect(read / absent).toBeLessThan(1e-3);
    expect(compact.bytes).toBeLessThan((full.bytes * 2) / 3 + 16);
  });
});

describe('the merged table of several languages', () => {
  /** Each language's code for an n-gram, from the merged table: language number → code. */
  const codesOf = (m: MergedTable, key: number): Record<number, number> => {
    const slot = m.find(key);
    if (slot < 0) return {};
    const pairs = m.pairsOf(slot);
    const out: Record<number, number> = {};
    for (let p = pairs >>> 7; p < (pairs >>> 7) + (pairs & 0x7f); p++) out[m.pairLanguage(p)] = m.pairCode(p);
    return out;
  };

  it("gives each language its own table's value for an n-gram, and nothing for languages without it", () => {
    const deu = new GramTable(2), eng = new GramTable(2);
    deu.add(hash('der'), Math.log(0.01));
    deu.add(hash('the'), Math.log(0.0001));
    eng.add(hash('the'), Math.log(0.05));
    const m = MergedTable.build([deu, null, eng]);
    expect(codesOf(m, hash('the'))).toEqual({ 0: deu.code(hash('the')), 2: eng.code(hash('the')) });
    expect(codesOf(m, hash('der'))).toEqual({ 0: deu.code(hash('der')) });
    expect(m.find(hash('und'))).toBe(-1);
    const back = MergedTable.fromBytes(m.toBytes(7), 7)!;
    expect(codesOf(back, hash('the'))).toEqual(codesOf(m, hash('the')));
    expect(MergedTable.fromBytes(m.toBytes(7), 8)).toBeNull(); // built over another list of languages
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

describe('the model cache', () => {
  it('keeps a built table on disk and reads it back on the next load, in the folder NEWSNORM_MODEL_CACHE names', () => {
    const before = process.env.NEWSNORM_MODEL_CACHE;
    const dir = mkdtempSync(path.join(tmpdir(), 'newsnorm-cache-'));
    process.env.NEWSNORM_MODEL_CACHE = dir;
    try {
      const built = loadTable('WELSH', 2)!;
      const file = path.join(modelCacheDir()!, 'WELSH.2.nng2.bin');
      expect(existsSync(file)).toBe(true);
      expect(GramTable.fromBytes(new Uint8Array(readFileSync(file)))!.get(hash('dd'))).toBe(built.get(hash('dd')));
      // A table put in its place is what the next load reads.
      const planted = new GramTable(1);
      planted.add(hash('zz'), Math.log(0.5));
      writeFileSync(file, planted.toBytes());
      expect(loadTable('WELSH', 2)!.get(hash('zz'))).toBeCloseTo(Math.log(0.5), 3);
      process.env.NEWSNORM_MODEL_CACHE = '0';
      expect(modelCacheDir()).toBeNull();
      expect(loadTable('WELSH', 2)!.get(hash('dd'))).toBe(built.get(hash('dd'))); // built again, not the planted one
      // A kept four-gram table is cached in its four-byte form only.
      process.env.NEWSNORM_MODEL_CACHE = dir;
      const made = CompactTable.fromBytes(compactBytes('WELSH', 4, (n) => new Uint8Array(n))!)!;
      const cached = CompactTable.fromBytes(new Uint8Array(readFileSync(path.join(modelCacheDir()!, 'WELSH.4.nng3.bin'))))!;
      expect([cached.count, cached.code(hash('ddyd'))]).toEqual([made.count, made.code(hash('ddyd'))]);
      expect(made.code(hash('ddyd'))).toBeGreaterThanOrEqual(0);
      expect(existsSync(path.join(modelCacheDir()!, 'WELSH.4.nng2.bin'))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.NEWSNORM_MODEL_CACHE; else process.env.NEWSNORM_MODEL_CACHE = before;
      rmSync(dir, { recursive: true, force: true });
    }
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

  it("splits words as Lingua does: at white space, punctuation and digits, keeping those with a letter", () => {
    // What the expressions it replaced gave.
    const byExpressions = (t: string) => t.toLowerCase().replace(/[\p{P}\p{N}]+/gu, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w));
    const texts = ["Don't stop — 2026: «Ça va?» | a+b", 'हिन्दी में, १२ खबरें', '𝔘𝔫𝔦 😀text 𝟙𝟚x', 'ΣΟΦΙΑΣ. ΟΔΟΣ', ' \u00a0lead\ttab\u2028line ', '\ud800lone', 'İstanbul', ''];
    for (const text of texts) expect([text, wordsOf(text)]).toEqual([text, byExpressions(text)]);
  });

  it('gives every language 0 for a text without letters', () => {
    expect(scoreLanguages('2026 — 4.5 %', ['eng', 'deu'], false)).toEqual([['eng', 0], ['deu', 0]]); // by Lingua's name: English before German
  });
});
