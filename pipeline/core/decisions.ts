// The only ways text leaves or changes in a document. Each call edits the tree and records a vfile
// message (source = the stage, ruleId = the rule, actual = the text); the record's `removed` and
// `repairs` are built from these messages and from nothing else, so nothing disappears unaccounted.
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Block, Root } from './document.ts';
import { stageOffset, trackEdits, type Replacement } from './offsets.ts';

declare module 'vfile-message' {
  interface VFileMessage {
    /** What the decision did to the text: `remove` (left the body) or `repair` (changed in it). */
    action?: 'remove' | 'repair';
  }
}

export interface Rule {
  /** The stage deciding, e.g. `chrome`. */
  source: string;
  /** The rule that fired, e.g. `nav-phrase`, `image-token`, `mojibake`. */
  ruleId: string;
  /** A human sentence saying why; defaults to the rule id. */
  reason?: string;
}

/**
 * A vfile message without a stack trace. A message is an Error, and capturing where it was made
 * costs more than the rest of the decision; a decision's place is its rule, not a line of code.
 */
export function note(file: VFile, reason: string, options: { ruleId: string; source: string }): VFileMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return file.info(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function record(file: VFile, rule: Rule, action: 'remove' | 'repair', actual: string, to?: string, at?: Span | null): VFileMessage {
  const message = note(file, rule.reason ?? rule.ruleId, { ruleId: rule.ruleId, source: rule.source });
  message.action = action;
  message.actual = actual;
  if (to !== undefined) message.expected = [to];
  if (at) placeMessage(message, at.start, at.end);
  return message;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Gives a message its place: offsets into the text as the stage received it (the blocks joined
 * by a blank line; see offsets.ts). The decision's own offsets are what counts: `line` stays 1 and
 * `column` is the offset plus one, since a stage sees blocks, not the lines of its input.
 */
export function placeMessage(message: VFileMessage, start: number, end: number): void {
  message.place = { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } };
}

/** Where `block.value.slice(start, end)` lay in the stage's input, or null when the block is not tracked. */
function placeOf(target: Block, start: number, end: number): Span | null {
  const from = stageOffset(target, start);
  const to = stageOffset(target, end);
  return from === undefined || to === undefined ? null : { start: from, end: to };
}

/** The span of a piece without the white space around it. */
function trimmedSpan(value: string, start: number, end: number): Span {
  while (start < end && /\s/.test(value[start] as string)) start++;
  while (end > start && /\s/.test(value[end - 1] as string)) end--;
  return { start, end };
}

/** Removes a whole block from the body. */
export function removeBlock(tree: Root, file: VFile, target: Block, rule: Rule): void {
  const index = tree.children.indexOf(target);
  if (index === -1) throw new Error('removeBlock: the block is not in this tree');
  tree.children.splice(index, 1);
  if (target.value.trim() !== '') record(file, rule, 'remove', target.value, undefined, placeOf(target, 0, target.value.length));
}

/** Removes blocks for which `test` answers a rule, in one pass (linear in the number of blocks). */
export function removeBlocksWhere(tree: Root, file: VFile, test: (block: Block, index: number) => Rule | null): void {
  const kept: Block[] = [];
  tree.children.forEach((child, index) => {
    const rule = test(child, index);
    if (rule === null) kept.push(child);
    else if (child.value.trim() !== '') record(file, rule, 'remove', child.value, undefined, placeOf(child, 0, child.value.length));
  });
  tree.children = kept;
}

/** Removes `block.value.slice(start, end)` from a block; a block left empty leaves the tree. */
export function removeText(tree: Root, file: VFile, target: Block, start: number, end: number, rule: Rule): void {
  const removed = target.value.slice(start, end);
  if (removed === '') return;
  const rest = (target.value.slice(0, start) + target.value.slice(end)).replace(/^\s+|\s+$/g, '');
  if (rest === '') {
    removeBlock(tree, file, target, rule);
    return;
  }
  const piece = trimmedSpan(target.value, start, end);
  const at = placeOf(target, piece.start, piece.end);
  const joined = joinAround(target.value.slice(0, start), removed, target.value.slice(end));
  trackEdits(target, [{ start: joined.left, end: target.value.length - joined.right, length: joined.separator }]);
  target.value = joined.text;
  record(file, rule, 'remove', removed.trim(), undefined, at);
}

/**
 * Removes many pieces of one block in a single pass (linear in the block's length, however many
 * pieces: cutting them one by one would copy the block once per piece). Pieces must not overlap;
 * each is recorded as its own decision, in text order.
 */
export function removeSpans(tree: Root, file: VFile, target: Block, spans: { start: number; end: number; rule: Rule }[]): void {
  const value = target.value;
  const cuts = [...spans].sort((a, b) => a.start - b.start || a.end - b.end).filter((s) => s.end > s.start);
  const kept: typeof cuts = [];
  for (const cut of cuts) if (kept.length === 0 || cut.start >= (kept.at(-1) as (typeof cuts)[number]).end) kept.push(cut);
  if (kept.length === 0) return;
  const space = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
  let out = '';
  let spaceDue = false;
  let at = 0;
  // What the block keeps, as replacements of the gaps between kept segments (for later offsets).
  const gaps: Replacement[] = [];
  let gapStart = 0;
  for (let i = 0; i <= kept.length; i++) {
    const cut = kept[i];
    // The segment without white space at its ends: the same as trimming each one and the whole.
    const segment = trimmedSpan(value, at, cut ? cut.start : value.length);
    if (segment.end > segment.start) {
      const separator = spaceDue && out !== '' ? ' ' : '';
      gaps.push({ start: gapStart, end: segment.start, length: separator.length });
      out += separator + value.slice(segment.start, segment.end);
      gapStart = segment.end;
      spaceDue = false;
    }
    if (!cut) break;
    const removed = value.slice(cut.start, cut.end);
    // A space stays between the words on both sides if any white space touched the cut.
    spaceDue ||= space(value[cut.start - 1]) || space(removed[0]) || space(removed.at(-1)) || space(value[cut.end]);
    if (removed.trim() !== '') {
      const piece = trimmedSpan(value, cut.start, cut.end);
      record(file, cut.rule, 'remove', removed.trim(), undefined, placeOf(target, piece.start, piece.end));
    }
    at = cut.end;
  }
  if (out === '') {
    const index = tree.children.indexOf(target);
    if (index !== -1) tree.children.splice(index, 1);
    return;
  }
  gaps.push({ start: gapStart, end: value.length, length: 0 });
  trackEdits(target, gaps.filter((g) => g.end > g.start || g.length > 0));
  target.value = out;
}

/** Joins what was left on both sides of a cut without doubling or losing the space between words. */
function joinAround(before: string, removed: string, after: string): { text: string; left: number; right: number; separator: number } {
  const left = before.replace(/\s+$/, '');
  const right = after.replace(/^\s+/, '');
  if (left === '' || right === '') return { text: left + right, left: left.length, right: right.length, separator: 0 };
  const hadSpace = /\s$/.test(before + removed) || /^\s/.test(removed + after);
  const separator = hadSpace ? ' ' : '';
  return { text: left + separator + right, left: left.length, right: right.length, separator: separator.length };
}

/** Replaces `block.value.slice(start, end)` by `to`, recording the repair. */
export function repairText(target: Block, file: VFile, start: number, end: number, to: string, rule: Rule): void {
  const from = target.value.slice(start, end);
  if (from === to) return;
  const at = placeOf(target, start, end);
  trackEdits(target, [{ start, end, length: to.length }]);
  target.value = target.value.slice(0, start) + to + target.value.slice(end);
  record(file, rule, 'repair', from, to, at);
}

export interface Removal {
  text: string;
  reason: string;
  stage: string;
}

export interface Repair {
  text: string;
  to: string;
  reason: string;
  stage: string;
}

/** `removed[]` of the record, in the order the decisions were made. */
export function removalsOf(file: VFile): Removal[] {
  return file.messages
    .filter((m) => m.action === 'remove')
    .map((m) => ({ text: m.actual ?? '', reason: m.ruleId ?? 'unknown', stage: m.source ?? 'unknown' }));
}

/** `repairs[]` of the record, in the order the decisions were made. */
export function repairsOf(file: VFile): Repair[] {
  return file.messages
    .filter((m) => m.action === 'repair')
    .map((m) => ({ text: m.actual ?? '', to: m.expected?.[0] ?? '', reason: m.ruleId ?? 'unknown', stage: m.source ?? 'unknown' }));
}
