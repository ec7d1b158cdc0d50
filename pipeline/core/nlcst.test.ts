import { toString } from 'nlcst-to-string';
import type { Root as NlcstRoot } from 'nlcst';
import { unified, type Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { assembleText, block, createDocumentFile, parseDocument, type Root } from './document.ts';
import { bodyTreeOf, onBlocks, paragraphOf, sentencesOf } from './nlcst.ts';

const words = (node: Parameters<typeof visit>[0]) => {
  const out: string[] = [];
  visit(node, 'WordNode', (w) => void out.push(toString(w as never)));
  return out;
};

describe('blocks as nlcst', () => {
  it('splits a block into sentences, words and punctuation', () => {
    const b = block('paragraph', 'Smith arrived in Rome, at 9.30. He left on Monday!');
    const sentences = sentencesOf(b);
    expect(sentences.map((s) => toString(s))).toEqual(['Smith arrived in Rome, at 9.30.', 'He left on Monday!']);
    expect(words(sentences[1] as never)).toEqual(['He', 'left', 'on', 'Monday']);
    expect(toString(paragraphOf(b))).toBe(b.value);
  });

  it('parses a block once, and again when its text changes', () => {
    const b = block('paragraph', 'One sentence here.');
    expect(paragraphOf(b)).toBe(paragraphOf(b));
    b.value = 'Two words. And more.';
    expect(sentencesOf(b)).toHaveLength(2);
  });

  it('places every word of the body tree at its offset in the record text', () => {
    const tree: Root = { type: 'root', children: [block('heading', 'Deep trust'), block('paragraph', 'Shoigu met Dong.\nThey talked.')] };
    const { text } = assembleText(tree);
    const body = bodyTreeOf(tree);
    expect(toString(body)).toBe(text);
    const places: [string, number, number][] = [];
    visit(body, 'WordNode', (w) => void places.push([toString(w as never), w.position?.start.offset ?? -1, w.position?.start.line ?? -1]));
    expect(places.map(([word]) => word)).toEqual(['Deep', 'trust', 'Shoigu', 'met', 'Dong', 'They', 'talked']);
    for (const [word, offset] of places) expect(text.slice(offset, offset + word.length)).toBe(word);
    expect(places.find(([w]) => w === 'They')?.[2]).toBe(4);
  });

  it('runs a retext plugin on the blocks, its messages in the document file', () => {
    // A small retext plugin written for the test: one message per sentence of more than five words.
    const longSentences: Plugin<[number], NlcstRoot> = (max) => (tree, file) => {
      visit(tree, 'SentenceNode', (s) => {
        if (words(s).length > max) file.message('long sentence', s as never);
      });
    };
    const text = 'Short one.\n\nThis sentence has rather more than five words in it.';
    const tree = parseDocument(text);
    const file = createDocumentFile(text);
    unified().use(onBlocks(longSentences, 5)).runSync(tree, file);
    expect(file.messages.map((m) => [m.reason, m.place && 'start' in m.place ? m.place.start.offset : null])).toEqual([['long sentence', 12]]);
    expect(tree.children.map((c) => c.value)).toEqual(['Short one.', 'This sentence has rather more than five words in it.']);
  });
});
