// Where a decision happened, as an offset into the text the stage received: its blocks joined by a
// blank line (`assembleText`), the text the stage line's `input` holds. A stage edits blocks one
// piece at a time, so a position in a block's current value is mapped back through the edits the
// block took since the stage began. The runner marks every block at the start of each stage
// (`markStageInput`); the decision helpers record their edits (`trackEdits`). A block a stage makes
// anew has no mark, and decisions on it carry no offsets.
import { assembleText, type Block, type Root } from './document.ts';

/** `value.slice(start, end)` (in the block before the edit) became `length` characters. */
export interface Replacement {
  start: number;
  end: number;
  length: number;
}

interface Edit {
  /** Non-overlapping, in text order. */
  replacements: Replacement[];
  /** Where each replacement starts after the edit (filled on first use). */
  after?: number[];
}

interface Origin {
  /** The block's offset in the stage's input (for a piece, in its parent's value). */
  start: number;
  /** For a piece cut out of a block to be edited alone: that block. */
  parent?: Block;
  edits: Edit[];
}

const origins = new WeakMap<Block, Origin>();

/** Marks each block with its offset in the text the stage receives; earlier marks are forgotten. */
export function markStageInput(tree: Root): string {
  const { text, spans } = assembleText(tree);
  for (const span of spans) origins.set(span.block, { start: span.start, edits: [] });
  return text;
}

/** A block `piece` whose value is `parent.value.slice(offset, …)`, edited on its own before being put back. */
export function trackPiece(piece: Block, parent: Block, offset: number): void {
  if (origins.has(parent)) origins.set(piece, { start: offset, parent, edits: [] });
}

/** Records that the block's value is about to change by these replacements (in its current value). */
export function trackEdits(block: Block, replacements: Replacement[]): void {
  const origin = origins.get(block);
  if (origin && replacements.length > 0) origin.edits.push({ replacements });
}

/** The offset in the stage's input of position `p` of the block's current value, or undefined when untracked. */
export function stageOffset(block: Block, p: number): number | undefined {
  const origin = origins.get(block);
  if (!origin) return undefined;
  let at = p;
  for (let i = origin.edits.length - 1; i >= 0; i--) at = beforeEdit(origin.edits[i] as Edit, at);
  return origin.parent ? stageOffset(origin.parent, origin.start + at) : origin.start + at;
}

/** Position `p` after an edit, mapped to before it; a position inside new text maps into what it replaced. */
function beforeEdit(edit: Edit, p: number): number {
  const reps = edit.replacements;
  if (!edit.after) {
    edit.after = [];
    let shift = 0;
    for (const r of reps) {
      edit.after.push(r.start + shift);
      shift += r.length - (r.end - r.start);
    }
  }
  const after = edit.after;
  // The last replacement starting at or before p.
  let lo = 0;
  let hi = reps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((after[mid] as number) <= p) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === -1) return p;
  const r = reps[found] as Replacement;
  const into = p - (after[found] as number);
  if (into < r.length) return r.start + Math.min(into, r.end - r.start);
  return r.end + (into - r.length);
}
