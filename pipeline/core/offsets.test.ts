import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { applyEdits } from '../../stages/repair/edits.ts';
import { removeBlocksWhere, removeSpans, removeText, repairText } from './decisions.ts';
import { createDocumentFile, parseDocument } from './document.ts';
import { markStageInput } from './offsets.ts';

const rule = (ruleId: string) => ({ source: 'test', ruleId });

/** The text each decision's offsets point at in the stage's input. */
function placed(input: string, file: VFile) {
  return file.messages.map((m) => {
    const place = m.place as { start: { offset: number }; end: { offset: number } } | undefined;
    return place ? input.slice(place.start.offset, place.end.offset) : null;
  });
}

describe('decision offsets', () => {
  it('place each decision in the text the stage received, after earlier edits of the same block', () => {
    const text = 'Menu\n\nA caf&eacute; story.photo_1.JPG It goes on. date 2026-01-27 and ends.\n\nFooter';
    const tree = parseDocument(text);
    const file = createDocumentFile(text);
    const input = markStageInput(tree).text;
    const body = tree.children[1]!;
    repairText(body, file, 5, 13, 'é', rule('entity'));
    const value = body.value;
    removeSpans(tree, file, body, [
      { start: value.indexOf('photo_1'), end: value.indexOf('.JPG') + 4, rule: rule('image-token') },
      { start: value.indexOf('date'), end: value.indexOf('27') + 2, rule: rule('glued-metadata') },
    ]);
    removeText(tree, file, body, body.value.indexOf(' and ends.'), body.value.length, rule('tail'));
    removeBlocksWhere(tree, file, (b) => (b.value === 'Menu' || b.value === 'Footer' ? rule('nav') : null));
    expect(placed(input, file)).toEqual(['&eacute;', 'photo_1.JPG', 'date 2026-01-27', 'and ends.', 'Menu', 'Footer']);
  });

  it('follow a long block repaired piece by piece', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}\u00a0x`).join(' ');
    const tree = parseDocument(text);
    const file = new VFile();
    const input = markStageInput(tree).text;
    const edits = [...text.matchAll(/\u00a0/g)].map((m) => ({ start: m.index, end: m.index + 1, to: ' ', rule: 'space' }));
    applyEdits(tree.children[0]!, file, edits);
    applyEdits(tree.children[0]!, file, [{ start: 0, end: 4, to: 'WORD', rule: 'case' }]);
    const where = placed(input, file);
    expect(where).toHaveLength(401);
    expect(where.slice(0, 400).every((t) => t === '\u00a0')).toBe(true);
    expect(where[400]).toBe('word');
  });

  it('are left out for a block the stage made itself', () => {
    const tree = parseDocument('Text');
    const file = new VFile();
    markStageInput(tree);
    tree.children = [{ type: 'paragraph', value: 'New text' }];
    repairText(tree.children[0]!, file, 0, 3, 'Old', rule('x'));
    expect(file.messages[0]?.place).toBeUndefined();
  });
});
