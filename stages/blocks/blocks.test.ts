import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createDocumentFile, parseDocument } from '../../pipeline/core/document.ts';
import blocks, { blocksStage, isHeading, splitBlocks } from './index.ts';
import { wordCount } from './split.ts';

describe('blocks', () => {
  it('splits paragraphs on blank lines and on single lines that end a sentence', () => {
    expect(splitBlocks('First paragraph ends here.\nSecond one starts.\n\nThird.').map((b) => b.text)).toEqual([
      'First paragraph ends here.',
      'Second one starts.',
      'Third.',
    ]);
  });

  it('joins a line that a dump broke in the middle of a sentence', () => {
    expect(splitBlocks('The ministers met on Tuesday and\nagreed to deepen cooperation.').map((b) => b.text)).toEqual([
      'The ministers met on Tuesday and agreed to deepen cooperation.',
    ]);
    expect(splitBlocks('Trade reached $220 billion,\nAnalysts said.')).toHaveLength(1);
  });

  it('joins the lines of a paragraph wrapped at a fixed width', () => {
    const wrapped = [
      'Close allies China and Russia on Tuesday agreed to further deepen defence',
      'cooperation amid US efforts to reassert influence in the Western Hemisphere',
      'under its new security strategy widely termed as the Donroe Doctrine, they',
      'said.',
    ].join('\n');
    expect(splitBlocks(wrapped)).toEqual([{ kind: 'paragraph', text: wrapped.replace(/\n/g, ' ') }]);
  });

  it('keeps short headings as blocks of their own', () => {
    const text = 'Immediate Action & Core Facts\nChina’s Defence Minister Dong Jun told his counterpart that both should act.';
    expect(splitBlocks(text)).toEqual([
      { kind: 'heading', text: 'Immediate Action & Core Facts' },
      { kind: 'paragraph', text: 'China’s Defence Minister Dong Jun told his counterpart that both should act.' },
    ]);
  });

  it('tells headings from sentences in any script', () => {
    expect(isHeading('Moving forward together')).toBe(true);
    expect(isHeading('Σχόλια αναγνωστών')).toBe(true);
    expect(isHeading('国际新闻')).toBe(true);
    expect(isHeading('The call came days after Russia and Ukraine held talks.')).toBe(false);
    expect(isHeading('and then some')).toBe(false);
  });

  it('splits a paragraph of 200,000 lines (no spread of every line length onto the stack)', () => {
    expect(splitBlocks(Array.from({ length: 200_000 }, () => 'word').join('\n'))).toHaveLength(1);
  });

  it('works alone as a unified plugin', () => {
    const text = 'Deep trust\n\nShoigu emphasized the high efficiency of cooperation.';
    const tree = parseDocument(text);
    unified().use(blocks).runSync(tree, createDocumentFile(text));
    expect(tree.children.map((b) => b.type)).toEqual(['heading', 'paragraph']);
  });
});

describe('blocks in the stage file', () => {
  it('records each joined line as a note placed on the line break, and lists the blocks with offsets', () => {
    const text = 'Title line\n\nThe ministers met on Tuesday and\nagreed to co-\noperate.';
    const file = createDocumentFile(text);
    const tree = unified().use(blocks).runSync(parseDocument(text), file);
    const joins = file.messages.map((m) => ({ rule: m.ruleId, to: m.expected?.[0], at: text.slice((m.place as any).start.offset, (m.place as any).end.offset) }));
    expect(joins).toEqual([
      { rule: 'joined-line', to: ' ', at: '\n' },
      { rule: 'joined-hyphen', to: '', at: '\n' },
    ]);
    const list = blocksStage.summarize(tree, file).blockList as { kind: string; start: number; end: number; excerpt: string }[];
    expect(list.map((b) => [b.kind, b.start, b.end])).toEqual([['heading', 0, 10], ['paragraph', 12, 12 + 'The ministers met on Tuesday and agreed to co-operate.'.length]]);
  });
});

describe('wordCount', () => {
  it('counts the pieces split(/\\s+/) makes, white space at either end and stray byte order marks included', () => {
    for (const text of ['', 'one', 'one two', ' lead', 'trail ', 'a\u00a0b\u3000c', '\ufeffHeading here', 'tabs\t\tand  spaces']) {
      expect(wordCount(text)).toBe(text.split(/\s+/).length);
    }
  });
});
