import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { repairsOf } from '../../pipeline/core/decisions.ts';
import { createDocumentFile, parseDocument, type Root } from '../../pipeline/core/document.ts';
import repair from './index.ts';

function run(text: string, meta = {}) {
  const file = createDocumentFile(text, meta);
  const tree = parseDocument(text);
  unified().use(repair).runSync(tree as never, file);
  return { tree: tree as Root, file };
}

describe('repair stage', () => {
  it('works alone in unified and records every change as a repair', () => {
    const { tree, file } = run('A clean paragraph.\n\nThe bishopâ€™s visit.\n\nAnother clean one.');
    expect(tree.children.map((b) => b.value)).toEqual(['A clean paragraph.', 'The bishop’s visit.', 'Another clean one.']);
    expect(repairsOf(file)).toEqual([{ text: 'â€™', to: '’', reason: 'mojibake', stage: 'repair' }]);
  });

  it('records each garbled word of a line as its own repair', () => {
    // UTF-8 read as ISO-8859-1.
    const garbled = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    const { file } = run(garbled('Издательство не, спасибо!'));
    expect(repairsOf(file).map((r) => [r.text, r.to])).toEqual([
      [garbled('Издательство'), 'Издательство'],
      [garbled('не'), 'не'],
      [garbled('спасибо'), 'спасибо'],
    ]);
  });

  it('records the decoding of legacy bytes and warns about bytes it could not place', () => {
    const { file } = run('Caf\ufffd', { encoding: 'windows-1251', invalidBytes: ['e9'] });
    expect(repairsOf(file)).toEqual([
      { text: 'windows-1251', to: 'utf-8', reason: 'decode', stage: 'repair' },
      { text: '<e9>', to: '\ufffd', reason: 'invalid-bytes', stage: 'repair' },
    ]);
    expect(file.messages.some((m) => m.ruleId === 'invalid-bytes' && m.fatal === false)).toBe(true);
  });

  it('leaves clean text and its record untouched', () => {
    const { tree, file } = run('Plain text, nothing to do.');
    expect(tree.children[0]?.value).toBe('Plain text, nothing to do.');
    expect(repairsOf(file)).toEqual([]);
  });
});
