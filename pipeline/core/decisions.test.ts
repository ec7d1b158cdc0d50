import { describe, expect, it } from 'vitest';
import { removeBlock, removeBlocksWhere, removeSpans, removeText, removalsOf, repairText, repairsOf } from './decisions.ts';
import { assembleText, createDocumentFile, parseDocument } from './document.ts';

const rule = { source: 'test', ruleId: 'image-token' };

function doc(text: string) {
  return { tree: parseDocument(text), file: createDocumentFile(text) };
}

describe('the removal helper', () => {
  it('removes a piece glued to a sentence and records what left and why', () => {
    const { tree, file } = doc('The only legitimate framework.3_621.JPG');
    const b = tree.children[0]!;
    removeText(tree, file, b, b.value.indexOf('3_621'), b.value.length, rule);
    expect(assembleText(tree).text).toBe('The only legitimate framework.');
    expect(removalsOf(file)).toEqual([{ text: '3_621.JPG', reason: 'image-token', stage: 'test' }]);
  });

  it('keeps one space where a piece between two words leaves', () => {
    const { tree, file } = doc('Close allies date 2026-01-27 agreed');
    const b = tree.children[0]!;
    removeText(tree, file, b, 12, 29, { source: 'test', ruleId: 'metadata' });
    expect(b.value).toBe('Close allies agreed');
  });

  it('removes a block left empty, and whole blocks', () => {
    const { tree, file } = doc('Menu\n\nBody text.\n\nFooter');
    removeText(tree, file, tree.children[0]!, 0, 4, { source: 'test', ruleId: 'nav' });
    removeBlock(tree, file, tree.children[1]!, { source: 'test', ruleId: 'footer' });
    expect(assembleText(tree).text).toBe('Body text.');
    expect(removalsOf(file).map((r) => r.text)).toEqual(['Menu', 'Footer']);
  });

  it('removes the blocks a test picks in one pass', () => {
    const { tree, file } = doc('a\n\nb\n\nc');
    removeBlocksWhere(tree, file, (b) => (b.value === 'b' ? rule : null));
    expect(tree.children.map((b) => b.value)).toEqual(['a', 'c']);
    expect(removalsOf(file)).toHaveLength(1);
  });

  it('records repairs with what the text became', () => {
    const { tree, file } = doc('Itâ€™s');
    repairText(tree.children[0]!, file, 2, 5, '’', { source: 'test', ruleId: 'mojibake' });
    expect(assembleText(tree).text).toBe('It’s');
    expect(repairsOf(file)).toEqual([{ text: 'â€™', to: '’', reason: 'mojibake', stage: 'test' }]);
    expect(removalsOf(file)).toEqual([]);
  });
});

describe('removing many pieces of a block', () => {
  it('removes them in one pass with the same spacing as one by one', () => {
    const { tree, file } = doc('Close allies date 2026-01-27 agreed.1_1.JPG Then 2_2.JPG more.3_3.JPG');
    const b = tree.children[0]!;
    const spans = [/ date 2026-01-27 /, /1_1\.JPG/, /2_2\.JPG/, /3_3\.JPG/].map((re) => {
      const m = re.exec(b.value)!;
      return { start: m.index, end: m.index + m[0].length, rule: { source: 'test', ruleId: 'x' } };
    });
    removeSpans(tree, file, b, spans);
    expect(b.value).toBe('Close allies agreed. Then more.');
    expect(removalsOf(file).map((r) => r.text)).toEqual(['date 2026-01-27', '1_1.JPG', '2_2.JPG', '3_3.JPG']);
  });

  it('removes a block that nothing is left of', () => {
    const { tree, file } = doc('1_1.JPG 2_2.JPG\n\nText.');
    removeSpans(tree, file, tree.children[0]!, [
      { start: 0, end: 7, rule },
      { start: 8, end: 15, rule },
    ]);
    expect(assembleText(tree).text).toBe('Text.');
  });
});

describe('the first structure of a document', () => {
  it('keeps a stray byte order mark at a paragraph start for the repair stage to record', () => {
    expect(parseDocument('One.\n\n\uFEFFTwo.').children.map((b) => b.value)).toEqual(['One.', '\uFEFFTwo.']);
  });
});
