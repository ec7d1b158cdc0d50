// A repair found in a block's text, applied through `repairText` so that it is recorded.
import type { VFile } from 'vfile';
import { repairText } from '../../pipeline/core/decisions.ts';
import type { Block } from '../../pipeline/core/document.ts';
import { trackEdits, trackPiece } from '../../pipeline/core/offsets.ts';

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
    const piece: Block = { type: block.type, value: text.slice(pos, end) };
    trackPiece(piece, block, pos);
    applyInPlace(piece, file, edits.slice(i, j + 1), pos);
    pieces.push(piece.value);
    pos = end;
    i = j + 1;
  }
  pieces.push(text.slice(pos));
  trackEdits(block, edits.map((e) => ({ start: e.start, end: e.end, length: e.to.length })));
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

/**
 * The edits that turn `from` into `to` when both share the same printable ASCII characters in the
 * same order, as a line and its mojibake repair do (re-decoding leaves ASCII as it is, and may
 * only take a space for a lost 0xA0 byte): one edit per differing stretch between shared ASCII
 * characters, cut further at spaces when both sides have as many. Otherwise one edit for the
 * differing middle.
 */
export function alignedEdits(from: string, to: string, rule: string, offset = 0): Edit[] {
  if (from === to) return [];
  const a = anchors(from);
  const b = anchors(to);
  if (a.length !== b.length || a.some((p, k) => from[p] !== to[b[k] as number])) {
    const one = diffEdit(from, to, rule, offset);
    return one === null ? [] : [one];
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k <= a.length; k++) {
    const endA = k < a.length ? (a[k] as number) : from.length;
    const endB = k < b.length ? (b[k] as number) : to.length;
    const left = from.slice(i, endA);
    const right = to.slice(j, endB);
    if (left !== right) for (const edit of spaceAligned(left, right, rule, offset + i)) edits.push(edit);
    i = endA + 1;
    j = endB + 1;
  }
  return mergeWithinWords(edits, from, offset);
}

/** Joins the edits of one word ("Ã©tÃ©" is one repair, not two around the "t"). */
function mergeWithinWords(edits: Edit[], from: string, base: number): Edit[] {
  const merged: Edit[] = [];
  for (const edit of edits) {
    const last = merged[merged.length - 1];
    const gap = last === undefined ? '' : from.slice(last.end - base, edit.start - base);
    if (last !== undefined && gap.length <= 20 && !/\s/.test(gap)) {
      merged[merged.length - 1] = { ...last, end: edit.end, to: last.to + gap + edit.to };
    } else merged.push(edit);
  }
  return merged;
}

/** Positions of printable ASCII characters other than the space. */
function anchors(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) out.push(i);
  }
  return out;
}

function spaceAligned(from: string, to: string, rule: string, offset: number): Edit[] {
  const left = from.split(' ');
  const right = to.split(' ');
  if (left.length !== right.length) {
    const one = diffEdit(from, to, rule, offset);
    return one === null ? [] : [one];
  }
  const edits: Edit[] = [];
  let at = offset;
  left.forEach((word, k) => {
    const edit = diffEdit(word, right[k] as string, rule, at);
    if (edit !== null) edits.push(edit);
    at += word.length + 1;
  });
  return edits;
}
