// Stage `blocks`: the body as paragraphs and headings. Joins lines that a dump broke inside a
// sentence and keeps short headings as blocks of their own.
import type { Plugin } from 'unified';
import { note, placeMessage } from '../../pipeline/core/decisions.ts';
import { assembleText, block, BLOCK_SEPARATOR, excerpt, type Block, type Root } from '../../pipeline/core/document.ts';
import type { StageDefinition } from '../../pipeline/core/stage.ts';
import { isHeading, splitBlocks, splitParagraph, splitParagraphWithJoins, type SplitOptions } from './split.ts';

export type BlocksOptions = SplitOptions;
export { isHeading, splitBlocks, splitParagraph };

const blocks: Plugin<[BlocksOptions?], Root> = function blocks(options = {}) {
  return (tree, file) => {
    const children: Block[] = [];
    // Where each paragraph starts in the text the stage received (blocks joined by a blank line).
    let offset = 0;
    for (const child of tree.children) {
      if (child.value === '') continue;
      for (const unit of splitParagraphWithJoins(child.value)) {
        const kind = child.kind === 'heading' || isHeading(unit.text, options) ? 'heading' : 'paragraph';
        children.push({ ...block(kind, unit.text), data: child.data });
        // A joined line changes white space only, so it is a note, not a repair of the record.
        for (const join of unit.joins) {
          const why = join.to === '' ? 'a word broken by a hyphen at a line end, joined' : 'a line broken inside a sentence, joined';
          const message = note(file, why, { ruleId: join.to === '' ? 'joined-hyphen' : 'joined-line', source: 'blocks' });
          message.actual = child.value.slice(join.start, join.end);
          message.expected = [join.to];
          placeMessage(message, offset + join.start, offset + join.end);
        }
      }
      offset += child.value.length + BLOCK_SEPARATOR.length;
    }
    tree.children = children;
  };
};

export default blocks;

export const blocksStage: StageDefinition = {
  name: 'blocks',
  plugin: blocks,
  summarize: (tree) => ({
    blocks: tree.children.length,
    headings: tree.children.filter((b) => b.kind === 'heading').map((b) => b.value),
    // Offsets index the text after this stage: the next stage's input.
    blockList: assembleText(tree).spans.map((s) => ({ kind: s.block.kind, start: s.start, end: s.end, excerpt: excerpt(s.block.value) })),
  }),
};
