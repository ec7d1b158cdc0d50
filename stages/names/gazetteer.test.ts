import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GazetteerError, loadGazetteer, parseGazetteer } from './gazetteer.ts';

/** The error a gazetteer text gives, as the user sees it. */
function problemOf(text: string, file: string): string {
  try {
    parseGazetteer(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(GazetteerError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('a gazetteer that cannot be used', () => {
  it('names the file and the line of an entry without a name', () => {
    const json = '[\n  {"name": "Wang Yi", "id": "A"},\n  {"aliases": ["Nobody"], "id": "B"}\n]\n';
    expect(problemOf(json, 'people.json')).toBe('people.json, line 3: entry 2 has no "name"');
  });

  it('finds the entry under "people" too', () => {
    const json = '{"people": [\n{"name": "A"},\n{"name": ""}]}';
    expect(problemOf(json, 'p.json')).toBe('p.json, line 3: entry 2 has no "name"');
  });

  it('calls malformed JSON JSON, with its line, never CSV', () => {
    const message = problemOf('[\n{"name": "A"},\n{"name": "B",}\n]', 'people.json');
    expect(message).toMatch(/^people\.json, line 3: not valid JSON: /);
    expect(message).not.toMatch(/CSV/);
  });

  it('reports a CSV row without a name and a header without the name column', () => {
    expect(problemOf('name,id\nWang Yi,A\n\n,B\n', 'people.csv')).toBe('people.csv, line 4: the entry has no name (column "name")');
    expect(problemOf('person,id\nWang Yi,A\n', 'people.csv')).toMatch(/^people\.csv, line 1: the CSV header needs a "name" column/);
  });

  it('reports an unreadable file by its name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazetteer-'));
    expect(() => loadGazetteer(dir)).toThrow(new RegExp(`^${dir.replace(/[/\\]/g, '\\$&')}: cannot read the file`));
  });

  it('still reads good JSON and CSV files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazetteer-'));
    writeFileSync(path.join(dir, 'p.json'), JSON.stringify([{ name: 'Wang Yi', aliases: 'Wang|Yi', id: 7 }]));
    expect(loadGazetteer(path.join(dir, 'p.json')).entries).toEqual([{ name: 'Wang Yi', aliases: ['Wang', 'Yi'], id: '7' }]);
    expect(parseGazetteer('\uFEFFname,aliases\nXi Jinping,习近平\n').entries).toEqual([{ name: 'Xi Jinping', aliases: ['习近平'], id: null }]);
  });
});
