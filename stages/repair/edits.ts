// A repair found in a block's text, applied through `repairText` so that it is recorded.
import type { VFile } from 'vfile';
import { repairText } from '../../pipeline/decisions.ts';
import type { Block } from '../../pipeline/document.ts';

export interface Edit {
  start: number;
  end: number;
  to: string;
  /** The rule id: `entity`, `mojibake`, `invisible`, `control`, `space`, `nfc`, `lookalike`. */
  rule: string;
  reason?: string;
}

export const STAGE = 'repair';

/** Edits a block may take one by one before the block is repaired piece by piece. */
const DIRECT_EDITS = 16;
/** The length of a piece when a long block with many edits is repaired piece by piece. */
const PIECE = 2048;

/**
 * Applies non-overlapping edits, given in text order, to a block; each becomes a vfile message.
 * `repairText` copies the whole block for each edit, which is quadratic on a long block with
 * thousands of no-break spaces; there the block is cut between edits into pieces of about 2 kB,
 * each piece is repaired through `repairText` as a block of its own, and the repaired pieces are
 * joined back. The messages are the same either way.
 */
export function applyEdits(block: Block, file: VFile, edits: readonly Edit[]): void {
  if (edits.length === 0) return;
  if (edits.length <= DIRECT_EDITS || block.value.length <= 2 * PIECE) {
    applyInPlace(block, file, edits, 0);
    return;
  }
  const text = block.value;
  const pieces: string[] = [];
  let pos = 0;
  let i = 0;
  while (i < edits.length) {
    let j = i;
    while (j + 1 < edits.length && (edits[j + 1] as Edit).end - pos <= PIECE) j++;
    const end = (edits[j] as Edit).end;
    const piece: Block = { type: 'block', kind: block.kind, value: text.slice(pos, end) };
    applyInPlace(piece, file, edits.slice(i, j + 1), pos);
    pieces.push(piece.value);
    pos = end;
    i = j + 1;
  }
  pieces.push(text.slice(pos));
  block.value = pieces.join('');
}

function applyInPlace(block: Block, file: VFile, edits: readonly Edit[], base: number): void {
  let shift = -base;
  for (const e of edits) {
    const before = block.value.length;
    repairText(block, file, e.start + shift, e.end + shift, e.to, { source: STAGE, ruleId: e.rule, reason: e.reason });
    shift += block.value.length - before;
  }
}

/** The one edit that turns `from` into `to`: their differing middle, common ends left out. */
export function diffEdit(from: string, to: string, rule: string, offset = 0): Edit | null {
  if (from === to) return null;
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from[endFrom - 1] === to[endTo - 1]) {
    endFrom--;
    endTo--;
  }
  // Never cut a surrogate pair in two.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  if (endFrom < from.length && isLowSurrogate(from.charCodeAt(endFrom))) {
    endFrom++;
    endTo++;
  }
  return { start: offset + start, end: offset + endFrom, to: to.slice(start, endTo), rule };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
