// Blocks as natural-language trees (nlcst: paragraphs, sentences, words, punctuation), built only
// when something asks for one, so that any retext plugin can run on newsnorm's documents. The
// document model keeps blocks, not words (see document.ts): a block's tree is parsed by
// parse-latin (retext's parser for Latin-script and most space-separated scripts) the first time
// it is asked for, and kept beside the block for as long as the block's text is unchanged.
import type { Paragraph, Root as NlcstRoot, Sentence, WhiteSpace } from 'nlcst';
import { ParseLatin } from 'parse-latin';
import type { Plugin, Transformer } from 'unified';
import type { Node, Point } from 'unist';
import type { VFile } from 'vfile';
import { assembleText, BLOCK_SEPARATOR, type Block, type Root } from './document.ts';
import { markStageInput } from './offsets.ts';
import { placeInDocument } from './places.ts';

const parsed = new WeakMap<Block, { value: string; paragraph: Paragraph }>();

/**
 * The block as one nlcst paragraph (positions count from the block's start). Parsed on first use
 * and remembered until the block's text changes; treat it as read-only.
 */
export function paragraphOf(block: Block): Paragraph {
  const known = parsed.get(block);
  if (known && known.value === block.value) return known.paragraph;
  const root = new ParseLatin().parse(block.value);
  // parse-latin makes one paragraph per run of text between blank lines; a block has none inside.
  const paragraphs = root.children.filter((c): c is Paragraph => c.type === 'ParagraphNode');
  const paragraph: Paragraph =
    paragraphs.length === 1
      ? (paragraphs[0] as Paragraph)
      : { type: 'ParagraphNode', children: root.children.flatMap((c) => (c.type === 'ParagraphNode' ? c.children : [c as WhiteSpace])), position: root.position };
  parsed.set(block, { value: block.value, paragraph });
  return paragraph;
}

/** The block's sentences, as nlcst. */
export function sentencesOf(block: Block): Sentence[] {
  return paragraphOf(block).children.filter((c): c is Sentence => c.type === 'SentenceNode');
}

/**
 * The whole body as one nlcst root: the blocks' paragraphs in order, separated as the record's
 * `text` separates them, with positions (line, column, offset) in that text. A copy: the blocks'
 * own trees are not touched.
 */
export function bodyTreeOf(tree: Root): NlcstRoot {
  const { text, spans } = assembleText(tree);
  const children: NlcstRoot['children'] = [];
  let line = 0;
  let last = 0;
  for (const { block, start } of spans) {
    line += count(text, '\n', last, start);
    last = start;
    if (children.length > 0) children.push({ type: 'WhiteSpaceNode', value: BLOCK_SEPARATOR });
    const copy = structuredClone(paragraphOf(block));
    // A block starts a line (after the blank line), so only lines and offsets move.
    shift(copy, line, start);
    children.push(copy);
  }
  return { type: 'RootNode', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(text) } };
}

function count(text: string, char: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf(char, from); i !== -1 && i < to; i = text.indexOf(char, i + 1)) n++;
  return n;
}

function endOf(text: string) {
  const lastBreak = text.lastIndexOf('\n');
  return { line: count(text, '\n', 0, text.length) + 1, column: text.length - lastBreak, offset: text.length };
}

function shift(node: Node, lines: number, offset: number): void {
  // New points: parse-latin lets a node share its point objects with its first and last child.
  const move = (p: Point): Point => ({ line: p.line + lines, column: p.column, offset: p.offset === undefined ? undefined : p.offset + offset });
  if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
  if ('children' in node) for (const child of node.children as Node[]) shift(child, lines, offset);
}

/**
 * A retext plugin as a newsnorm plugin: `unified().use(preset).use(onBlocks(retextReadability))`.
 * The plugin's transformer runs on the body's nlcst tree (`bodyTreeOf`), with the document's own
 * file, so its messages land in `file.messages`, placed in the document's own text as the stages'
 * are. The block tree is left as it is: a retext plugin that edits its tree edits a copy.
 */
export function onBlocks<Options extends unknown[]>(plugin: Plugin<Options, NlcstRoot>, ...options: Options): Plugin<[], Root> {
  return function (this: ThisParameterType<Plugin<[], Root>>) {
    const transform = (plugin as (...args: Options) => Transformer<NlcstRoot> | void).apply(this, options);
    if (!transform) return undefined;
    // Synchronous when the plugin is (the pipeline runs with runSync); a returned tree is ignored.
    return (tree: Root, file: VFile): Promise<undefined> | undefined => {
      const body = bodyTreeOf(tree);
      // The plugin places its messages in the body's text: once it is done, they move to the document's (places.ts).
      const input = markStageInput(tree);
      const before = file.messages.length;
      const placed = () => placeInDocument(file, before, input);
      if (transform.length >= 3) {
        return new Promise((resolve, reject) => {
          transform(body, file, (error) => {
            placed();
            if (error) reject(error);
            else resolve(undefined);
            return undefined;
          });
        });
      }
      const result = transform(body, file, () => undefined);
      if (result instanceof Promise) return result.then(() => void placed());
      placed();
      return undefined;
    };
  };
}
