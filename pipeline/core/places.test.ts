import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { describe, expect, it } from 'vitest';
import { blocksStage } from '../../stages/blocks/index.ts';
import { removeBlocksWhere, removeText, repairText } from './decisions.ts';
import type { Root } from './document.ts';
import { parse } from './parse.ts';
import { toRecord } from './record.ts';
import { stagesPreset, type StageDefinition } from './stage.ts';

/** A stage of the test: a name and a transformer. */
function stage(name: string, transform: (tree: Root, file: VFile) => void): StageDefinition {
  const plugin: Plugin<[], Root> = () => transform;
  return { name, plugin, summarize: () => ({}) };
}

// A repair that changes the length of the first block, before the blocks stage joins broken lines.
const repairs = stage('repair', (tree, file) => {
  const first = tree.children[0]!;
  const at = first.value.indexOf('&eacute;');
  repairText(first, file, at, at + '&eacute;'.length, 'é', { source: 'repair', ruleId: 'entity' });
});

// A later stage: cuts a phrase out of a joined line, and a whole block.
const cuts = stage('chrome', (tree, file) => {
  const body = tree.children.find((b) => b.value.startsWith('The mayor'))!;
  const at = body.value.indexOf('the bridge');
  removeText(tree, file, body, at, at + 'the bridge'.length, { source: 'chrome', ruleId: 'test-cut' });
  removeBlocksWhere(tree, file, (b) => (b.value === 'Share on Facebook' ? { source: 'chrome', ruleId: 'share' } : null));
});

const text = 'Caf&eacute; news\n\nThe mayor said\nthat the bridge will open.\n\n\nShare on Facebook';

function processed() {
  const file = new VFile({ value: text, path: 'story.txt', data: { id: 'story', source: { path: 'story.txt', url: null } } });
  unified().use(parse).use(stagesPreset([repairs, blocksStage, cuts])).use(toRecord).processSync(file);
  return file;
}

/** Each message as the document's own text at its place. */
const atPlace = (file: VFile) =>
  file.messages.map((m) => {
    const place = m.place as { start: { offset: number }; end: { offset: number } } | undefined;
    return [m.ruleId, place ? text.slice(place.start.offset, place.end.offset) : null];
  });

describe('messages placed in the document', () => {
  it('points every decision at the text it came from, through the edits and splits of earlier stages', () => {
    expect(atPlace(processed())).toEqual([
      ['entity', '&eacute;'],
      ['joined-line', '\n'],
      ['test-cut', 'the bridge'],
      ['share', 'Share on Facebook'],
    ]);
  });

  it('keeps the offsets in the stage input beside the place, for the stage files', () => {
    const cut = processed().messages.find((m) => m.ruleId === 'test-cut')!;
    const input = 'Café news\n\nThe mayor said that the bridge will open.\n\nShare on Facebook';
    expect(input.slice(cut.inputSpan?.start, cut.inputSpan?.end)).toBe('the bridge');
    expect(cut.place).toEqual({ start: { line: 4, column: 6, offset: 38 }, end: { line: 4, column: 16, offset: 48 } });
  });

  it('gives the blocks made by a split their own positions', () => {
    const file = new VFile({ value: 'Breaking news\nThe mayor said so.', data: { id: 'x' } });
    const processor = unified().use(parse).use(stagesPreset([blocksStage]));
    const tree = processor.runSync(processor.parse(file), file) as Root;
    expect(tree.children.map((b) => [b.type, b.position?.start, b.position?.end])).toEqual([
      ['heading', { line: 1, column: 1, offset: 0 }, { line: 1, column: 14, offset: 13 }],
      ['paragraph', { line: 2, column: 1, offset: 14 }, { line: 2, column: 19, offset: 32 }],
    ]);
  });

  it('lets vfile-reporter print each decision at its line and column in the document', () => {
    const report = reporter(processed(), { color: false, verbose: false });
    const lines = report.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
    expect(lines[0]).toBe('story.txt');
    expect(lines).toContain('1:4-1:12 info entity entity repair');
    expect(lines).toContain('4:6-4:16 info test-cut test-cut chrome');
    expect(lines).toContain('7:1-7:18 info share share chrome');
  });
});
