// The parser plugin: the document's text becomes its first block tree (paragraphs as the dump
// separates them), each block with its `position` in the text, by which the decisions of every
// stage after it are placed in the document (offsets.ts, places.ts).
//   unified().use(parse).use(preset).use(toRecord).process(file)
import type { Plugin, Processor } from 'unified';
import { parseDocument, type Root } from './document.ts';

export const parse: Plugin<[], string, Root> = function (this: Processor) {
  (this as unknown as Processor<Root>).parser = (text: string) => parseDocument(text);
};
