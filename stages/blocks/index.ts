// Stage `blocks`: the body as paragraphs and headings. Joins lines that a dump broke inside a
// sentence and keeps short headings as blocks of their own.
import type { Plugin } from 'unified';
import { block, type Block, type Root } from '../../pipeline/core/document.ts';
import type { StageDefinition } from '../../pipeline/core/stage.ts';
import { isHeading, splitBlocks, splitParagraph, type SplitOptions } from './split.ts';

export type BlocksOptions = SplitOptions;
export { isHeading, splitBlocks, splitParagraph };

/** Splits the blocks of a document tree in place: what the plugin does, for a stage that needs it alone. */
export function splitTree(tree: Root, options: BlocksOptions = {}): void {
  const children: Block[] = [];
  for (const child of tree.children) {
    for (const unit of splitParagraph(child.value)) {
      const kind = child.kind === 'heading' || isHeading(unit, options) ? 'heading' : 'paragraph';
      children.push({ ...block(kind, unit), data: child.data });
    }
  }
  tree.children = children;
}

const blocks: Plugin<[BlocksOptions?], Root> = function blocks(options = {}) {
  return (tree) => splitTree(tree, options);
};

export default blocks;
export { blocks };

export const blocksStage: StageDefinition = {
  name: 'blocks',
  plugin: blocks,
  summarize: (tree) => ({
    blocks: tree.children.length,
    headings: tree.children.filter((b) => b.kind === 'heading').map((b) => b.value),
  }),
};
