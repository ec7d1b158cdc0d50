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

/** Applies non-overlapping edits, given in text order, to a block; each becomes a vfile message. */
export function applyEdits(block: Block, file: VFile, edits: readonly Edit[]): void {
  let shift = 0;
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
