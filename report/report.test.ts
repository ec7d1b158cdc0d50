import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from './build.ts';
import { findDocument, formatDocument } from './inspect.ts';
import { OutputFolderError, readRun } from './read.ts';
import { documentView, linesFrom } from './view.ts';

/** A run's output folder written by hand: two documents, the stage lines as the runner writes them. */
function fakeRun(): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'newsnorm-report-unit-')), 'out');
  mkdirSync(path.join(out, 'stages'), { recursive: true });
  const input = 'Menu\n\nA caf&eacute; story about Ana Lima.\n\nShare this';
  const repaired = 'Menu\n\nA café story about Ana Lima.\n\nShare this';
  const text = 'A café story about Ana Lima.';
  const records = [
    {
      id: 'a', source: { path: 'a.txt', url: null }, lang: 'eng', title: null, published: '2026-01-27', text,
      blocks: [{ kind: 'paragraph', text, lang: 'eng', start: 0, end: text.length }],
      people: [{ name: 'Ana Lima', aliases: [], mentions: [{ text: 'Ana Lima', start: 19, end: 27 }] }],
      dates: [], removed: [{ text: 'Menu', reason: 'navigation', stage: 'chrome' }, { text: 'Share this', reason: 'share', stage: 'chrome' }],
      repairs: [{ text: '&eacute;', to: 'é', reason: 'entity', stage: 'repair' }],
    },
    { id: 'b', source: { path: 'b.txt', url: null }, lang: 'und', title: null, published: null, text: '', blocks: [], people: [], dates: [], removed: [], repairs: [], error: { stage: 'read', message: 'empty file' } },
  ];
  const stages: Record<string, unknown[]> = {
    '01-repair': [{ id: 'a', repairs: { entity: 1 }, input, decisions: [{ rule: 'entity', action: 'repair', text: '&eacute;', to: 'é', start: 11, end: 19 }] }, { id: 'b', skipped: 'the document could not be read' }],
    '02-chrome': [
      { id: 'a', title: null, input: repaired, decisions: [{ rule: 'navigation', action: 'remove', text: 'Menu', start: 0, end: 4 }, { rule: 'share', action: 'remove', text: 'Share this', start: 35, end: 45 }] },
      { id: 'b', skipped: 'the document could not be read' },
    ],
  };
  writeFileSync(path.join(out, 'records.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  for (const [name, lines] of Object.entries(stages)) writeFileSync(path.join(out, 'stages', `${name}.jsonl`), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  const removedCharacters = { 'chrome/navigation': 4, 'chrome/share': 10 };
  writeFileSync(path.join(out, 'run.json'), JSON.stringify({ documents: 2, failed: 1, failures: { read: 1 }, failureMessages: [], removedCharacters, stages: ['repair', 'chrome'], timings: { totalMs: 5, stageMs: { repair: 1, chrome: 2 } }, inputs: ['x'] }));
  return out;
}

describe('the report', () => {
  it('writes a static site from the run alone: page, script, styles, the chart library and data files', async () => {
    const out = fakeRun();
    const report = await buildReport(out, { pageSize: 1 });
    expect(report.documents).toBe(2);
    expect(readdirSync(report.dir).sort()).toEqual(['app.js', 'data', 'index.html', 'style.css', 'vendor']);
    expect(readdirSync(path.join(report.dir, 'data')).sort()).toEqual(['docs-00000.js', 'docs-00001.js', 'list.js', 'summary.js']);
    expect(readFileSync(path.join(report.dir, 'vendor', 'chart.umd.min.js'), 'utf8')).toContain('Chart');
    const html = readFileSync(report.index, 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    const list = readFileSync(path.join(report.dir, 'data', 'list.js'), 'utf8');
    expect(list).toContain('["a","eng",28,14,1,"",""]');
    expect(list).toContain('["b","und",0,0,0,"read",""]');
  });

  it('places every mark by the offsets of the stage lines, and carries each text once', async () => {
    const first = await readRun(fakeRun()).next();
    const view = documentView(first.value!);
    const [repair, chrome] = view.stages;
    expect(repair?.input?.slice(11, 19)).toBe('&eacute;');
    expect(repair?.marks).toEqual([[11, 19, 'repair', 'repair', 'entity', '&eacute;', 'é']]);
    expect(chrome?.marks.map((m) => m.slice(0, 5))).toEqual([[0, 4, 'remove', 'chrome', 'navigation'], [35, 45, 'remove', 'chrome', 'share']]);
    expect(chrome?.input).toBeUndefined();
    expect(chrome?.inputLines).toEqual(['Menu', '', 'A café story about Ana Lima.', '', 4]);
    expect(view.final.textLines).toEqual([2]);
    expect(view.final.people).toEqual([[19, 27, 'Ana Lima']]);
  });

  it('writes a text as lines of the text before it, in order', () => {
    const before = 'first line here\nsecond line here\nthird line here';
    expect(linesFrom(before, 'third line here\nfirst line here\nnew')).toEqual([2, 'first line here', 'new']);
    expect(linesFrom(before, before)).toEqual([0, 1, 2]);
  });

  it('refuses a folder that is not a finished run', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'newsnorm-report-empty-'));
    await expect(buildReport(empty)).rejects.toThrow(OutputFolderError);
    writeFileSync(path.join(empty, 'run.0-of-2.json'), '{}');
    await expect(buildReport(empty)).rejects.toThrow('--merge');
  });
});

describe('inspect', () => {
  it('prints a document through the stages: what left with its rule, what changed, people', async () => {
    const doc = await findDocument(fakeRun(), 'a');
    const text = formatDocument(doc!, { colour: false });
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('── 01 repair');
    expect(text).toContain('~ repaired entity @11-19  &eacute; → é');
    expect(text).toContain('- removed navigation @0-4  Menu');
    expect(text).toContain('person Ana Lima');
  });

  it('colours on a terminal, and finds a document by its place in the run', async () => {
    const doc = await findDocument(fakeRun(), '#2');
    expect(doc?.record.id).toBe('b');
    const text = formatDocument(doc!, { colour: true });
    expect(text).toContain('\u001b[31mfailed in read: empty file\u001b[39m');
    expect(await findDocument(fakeRun(), 'missing')).toBeNull();
  });
});
