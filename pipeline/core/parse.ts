// The parser plugin: the document's text becomes its first block tree (paragraphs as the dump
// separates them, each with its `position`), and each block is marked as a piece of the text, so
// that the decisions of every stage after it can be placed in the document (offsets.ts).
//   unified().use(parse).use(preset).use(toRecord).process(file)
import type { Plugin, Processor } from 'unified';
import { parseDocument, type Root } from './document.ts';
import { markSource } from './offsets.ts';

/** Parses text into the block tree, every block marked at its place in the text. */
export function parseText(text: string): Root {
  const tree = parseDocument(text);
  for (const block of tree.children) markSource(block, block.position?.start.offset ?? 0);
  return tree;
}

export const parse: Plugin<[], string, Root> = function (this: Processor) {
  (this as unknown as Processor<Root>).parser = (text: string) => parseText(text);
};
