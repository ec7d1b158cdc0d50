// Stage `blocks`: the body as paragraphs and headings. Joins lines that a dump broke inside a
// sentence and keeps short headings as blocks of their own.
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { note, placeMessage } from '../../pipeline/core/decisions.ts';
import { assembleText, BLOCK_SEPARATOR, excerpt, type Block, type Root } from '../../pipeline/core/document.ts';
import { trackEdits, trackPiece } from '../../pipeline/core/offsets.ts';
import type { StageDefinition } from '../../pipeline/core/stage.ts';
import { isHeading, splitBlocks, splitParagraph, splitParagraphWithJoins, type SplitOptions } from './split.ts';

export type BlocksOptions = SplitOptions;
export { isHeading, splitBlocks, splitParagraph };

/**
 * Splits the blocks of a document tree in place: what the plugin does, for a stage that needs it
 * alone. Given the document's file, each joined line is recorded on it as a note. Each new block
 * is traced to the piece of the block it came from, so that its place in the document is known.
 */
export function splitTree(tree: Root, options: BlocksOptions = {}, file?: VFile): void {
  const children: Block[] = [];
  // Where each paragraph starts in the text the stage received (blocks joined by a blank line).
  let offset = 0;
  for (const child of tree.children) {
    if (child.value === '') continue;
    for (const unit of splitParagraphWithJoins(child.value)) {
      const kind = child.type === 'heading' || isHeading(unit.text, options) ? 'heading' : 'paragraph';
      // A literal, not a spread of block(): this runs for every block of a dump.
      const piece: Block = { type: kind, value: unit.text, data: child.data };
      trackPiece(piece, child, unit.start);
      trackEdits(piece, unit.joins.map((j) => ({ start: j.start - unit.start, end: j.end - unit.start, length: j.to.length })));
      children.push(piece);
      if (file) for (const join of unit.joins) noteJoin(file, child.value, join, offset);
    }
    offset += child.value.length + BLOCK_SEPARATOR.length;
  }
  tree.children = children;
}

/** A joined line changes white space only, so it is a note, not a repair of the record. */
function noteJoin(file: VFile, paragraph: string, join: { start: number; end: number; to: string }, offset: number): void {
  const why = join.to === '' ? 'a word broken by a hyphen at a line end, joined' : 'a line broken inside a sentence, joined';
  const message = note(file, why, { ruleId: join.to === '' ? 'joined-hyphen' : 'joined-line', source: 'blocks' });
  message.actual = paragraph.slice(join.start, join.end);
  message.expected = [join.to];
  placeMessage(message, offset + join.start, offset + join.end);
}

const blocks: Plugin<[BlocksOptions?], Root> = function blocks(options = {}) {
  return (tree, file) => splitTree(tree, options, file);
};

export default blocks;
export { blocks };

export const blocksStage: StageDefinition = {
  name: 'blocks',
  plugin: blocks,
  summarize: (tree) => ({
    blocks: tree.children.length,
    headings: tree.children.filter((b) => b.type === 'heading').map((b) => b.value),
    // Offsets index the text after this stage: the next stage's input.
    blockList: assembleText(tree).spans.map((s) => ({ kind: s.block.type, start: s.start, end: s.end, excerpt: excerpt(s.block.value) })),
  }),
};
