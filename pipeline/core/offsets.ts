// Where a decision happened, as an offset into the text the stage received: its blocks joined by a
// blank line (`assembleText`), the text the stage line's `input` holds. A stage edits blocks one
// piece at a time, so a position in a block's current value is mapped back through the edits the
// block took since the stage began. Every block is marked at the start of each stage
// (`markStageInput`, see stage.ts); the decision helpers record their edits (`trackEdits`). A block a
// stage makes anew has no mark, and decisions on it carry no offsets, unless the stage says which
// piece of a marked block it was made from (`trackPiece`).
//
// The marks of earlier stages are kept, each behind the next, back to the parser's blocks, whose
// `position` says where each lay in the document's own text: so an offset in any stage's input
// leads back to the place in the document it came from (`sourceOffset`).
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
  /** The block's offset in the stage's input (for a piece, in its parent's value; from the parser, in the document). */
  start: number;
  /** For a piece cut out of a block to be edited alone: that block's origin. */
  parent?: Origin;
  edits: Edit[];
  /** The block's origin in the stage before (its value then ended as this one's began). */
  previous?: Origin;
  /** A block as the parser made it: `start` is its offset in the document's own text. */
  source?: true;
}

const origins = new WeakMap<Block, Origin>();

/** Where each block of a stage's input begins, and where it came from: see `sourceOffset`. */
export interface StageInput {
  /** The blocks joined by a blank line: the text the stage receives. */
  text: string;
  spans: { start: number; end: number; previous: Origin | undefined }[];
}

/** Marks each block with its offset in the text the stage receives, behind its earlier marks. */
export function markStageInput(tree: Root): StageInput {
  const { text, spans } = assembleText(tree);
  const marked = spans.map(({ block, start, end }) => {
    const previous = origins.get(block) ?? sourceOrigin(block);
    origins.set(block, { start, edits: [], previous });
    return { start, end, previous };
  });
  return { text, spans: marked };
}

/**
 * A block no stage has marked yet, as the parser made it: its `position` says where it lies in the
 * document. Trusted only when the span is as long as the block's value (the parser's blocks are
 * slices of the document; a block edited since, outside the stages, may not be).
 */
function sourceOrigin(block: Block): Origin | undefined {
  const start = block.position?.start.offset;
  const end = block.position?.end.offset;
  if (start === undefined || end === undefined || end - start !== block.value.length) return undefined;
  return { start, edits: [], source: true };
}

/** A block `piece` whose value is `parent.value.slice(offset, …)`, edited on its own before being put back. */
export function trackPiece(piece: Block, parent: Block, offset: number): void {
  const origin = origins.get(parent);
  if (origin) origins.set(piece, { start: offset, parent: origin, edits: [] });
}

/** Records that the block's value is about to change by these replacements (in its current value). */
export function trackEdits(block: Block, replacements: Replacement[]): void {
  const origin = origins.get(block);
  if (origin && replacements.length > 0) origin.edits.push({ replacements });
}

/** The offset in the stage's input of position `p` of the block's current value, or undefined when untracked. */
export function stageOffset(block: Block, p: number): number | undefined {
  const origin = origins.get(block);
  return origin ? inputOffset(origin, p) : undefined;
}

function inputOffset(origin: Origin, p: number): number {
  const at = beforeEdits(origin, p);
  return origin.parent ? inputOffset(origin.parent, origin.start + at) : origin.start + at;
}

/** Position `p` of the value after the origin's edits, in the value before them. */
function beforeEdits(origin: Origin, p: number): number {
  let at = p;
  for (let i = origin.edits.length - 1; i >= 0; i--) at = beforeEdit(origin.edits[i] as Edit, at);
  return at;
}

/** Where the block's current value came from in the document's own text, or undefined when untracked. */
export function blockSourceSpan(block: Block): { start: number; end: number } | undefined {
  const origin = origins.get(block);
  if (!origin) return undefined;
  const start = sourceOffset(origin, 0);
  const end = sourceOffset(origin, block.value.length);
  return start === undefined || end === undefined ? undefined : { start, end: Math.max(start, end) };
}

/**
 * The offset in the document's own text of position `p` of a value the origin's block had at the
 * end of the origin's stage: back through that stage's edits, then the stage before, to the parser.
 */
function sourceOffset(origin: Origin, p: number): number | undefined {
  const at = beforeEdits(origin, p);
  if (origin.parent) return sourceOffset(origin.parent, origin.start + at);
  if (origin.source) return origin.start + at;
  return origin.previous ? sourceOffset(origin.previous, at) : undefined;
}

/**
 * The offset in the document's own text of an offset in a stage's input (marked by
 * `markStageInput`), or undefined when the block there was made without a trace of its origin. An
 * offset between two blocks belongs to the one before (`end`: one that ends there).
 */
export function inputSourceOffset(input: StageInput, offset: number, end = false): number | undefined {
  const spans = input.spans;
  // The last block starting before the offset (at it, for a start).
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = (spans[mid] as StageInput['spans'][number]).start;
    if (start < offset || (!end && start === offset)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const span = spans[Math.max(found, 0)];
  if (!span?.previous) return undefined;
  return sourceOffset(span.previous, Math.min(Math.max(offset - span.start, 0), span.end - span.start));
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
