import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parse } from './parse.ts';
import { toRecord } from './record.ts';
import { stagesPreset } from './stage.ts';
import { validateRecord } from './record.ts';

describe('parse', () => {
  it('makes a root of paragraphs, each with its position in the text', () => {
    const text = '  Title line\n\n\nFirst paragraph,\nstill first.\n \nLast';
    const tree = unified().use(parse).parse(text);
    expect(tree.type).toBe('root');
    expect(tree.position).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 7, column: 5, offset: text.length } });
    expect(tree.children.map((b) => [b.type, b.value, b.position])).toEqual([
      ['paragraph', 'Title line', { start: { line: 1, column: 3, offset: 2 }, end: { line: 1, column: 13, offset: 12 } }],
      ['paragraph', 'First paragraph,\nstill first.', { start: { line: 4, column: 1, offset: 15 }, end: { line: 5, column: 13, offset: 44 } }],
      ['paragraph', 'Last', { start: { line: 7, column: 1, offset: 47 }, end: { line: 7, column: 5, offset: 51 } }],
    ]);
    for (const b of tree.children) expect(text.slice(b.position?.start.offset, b.position?.end.offset)).toBe(b.value);
  });

  it('gives an empty text an empty root', () => {
    expect(unified().use(parse).parse('').children).toEqual([]);
  });
});

describe('toRecord', () => {
  it('compiles the processed file into a valid record on file.result', () => {
    const file = new VFile({ value: 'Heading\n\nA body.', data: { id: 'x', source: { path: 'x.txt', url: null } } });
    unified().use(parse).use(stagesPreset([])).use(toRecord).processSync(file);
    const record = file.result;
    expect(validateRecord(record)).toEqual([]);
    expect(record).toMatchObject({ id: 'x', text: 'Heading\n\nA body.', blocks: [{ kind: 'paragraph', text: 'Heading', start: 0, end: 7 }, { kind: 'paragraph', start: 9 }] });
  });

  it('puts the error of a failed document in its record', () => {
    const file = new VFile({ value: 'Text.', data: { id: 'x', error: { stage: 'read', message: 'not UTF-8' } } });
    unified().use(parse).use(toRecord).processSync(file);
    expect(file.result).toMatchObject({ text: 'Text.', error: { stage: 'read', message: 'not UTF-8' } });
  });
});
