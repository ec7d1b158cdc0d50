// The only ways text leaves or changes in a document. Each call edits the tree and records a vfile
// message (source = the stage, ruleId = the rule, actual = the text); the record's `removed` and
// `repairs` are built from these messages and from nothing else, so nothing disappears unaccounted.
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Block, Root } from './document.ts';

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

function record(file: VFile, rule: Rule, action: 'remove' | 'repair', actual: string, to?: string): VFileMessage {
  const message = note(file, rule.reason ?? rule.ruleId, { ruleId: rule.ruleId, source: rule.source });
  message.action = action;
  message.actual = actual;
  if (to !== undefined) message.expected = [to];
  return message;
}

/** Removes a whole block from the body. */
export function removeBlock(tree: Root, file: VFile, target: Block, rule: Rule): void {
  const index = tree.children.indexOf(target);
  if (index === -1) throw new Error('removeBlock: the block is not in this tree');
  tree.children.splice(index, 1);
  if (target.value.trim() !== '') record(file, rule, 'remove', target.value);
}

/** Removes blocks for which `test` answers a rule, in one pass (linear in the number of blocks). */
export function removeBlocksWhere(tree: Root, file: VFile, test: (block: Block, index: number) => Rule | null): void {
  const kept: Block[] = [];
  tree.children.forEach((child, index) => {
    const rule = test(child, index);
    if (rule === null) kept.push(child);
    else if (child.value.trim() !== '') record(file, rule, 'remove', child.value);
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
  target.value = joinAround(target.value.slice(0, start), removed, target.value.slice(end));
  record(file, rule, 'remove', removed.trim());
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
  for (let i = 0; i <= kept.length; i++) {
    const cut = kept[i];
    let segment = value.slice(at, cut ? cut.start : value.length);
    if (i > 0) segment = segment.trimStart();
    if (cut) segment = segment.trimEnd();
    if (segment !== '') {
      if (spaceDue && out !== '') out += ' ';
      out += segment;
      spaceDue = false;
    }
    if (!cut) break;
    const removed = value.slice(cut.start, cut.end);
    // A space stays between the words on both sides if any white space touched the cut.
    spaceDue ||= space(value[cut.start - 1]) || space(removed[0]) || space(removed.at(-1)) || space(value[cut.end]);
    if (removed.trim() !== '') record(file, cut.rule, 'remove', removed.trim());
    at = cut.end;
  }
  out = out.trim();
  if (out === '') {
    const index = tree.children.indexOf(target);
    if (index !== -1) tree.children.splice(index, 1);
    return;
  }
  target.value = out;
}

/** Joins what was left on both sides of a cut without doubling or losing the space between words. */
function joinAround(before: string, removed: string, after: string): string {
  const left = before.replace(/\s+$/, '');
  const right = after.replace(/^\s+/, '');
  if (left === '' || right === '') return left + right;
  const hadSpace = /\s$/.test(before + removed) || /^\s/.test(removed + after);
  return hadSpace ? `${left} ${right}` : left + right;
}

/** Replaces `block.value.slice(start, end)` by `to`, recording the repair. */
export function repairText(target: Block, file: VFile, start: number, end: number, to: string, rule: Rule): void {
  const from = target.value.slice(start, end);
  if (from === to) return;
  target.value = target.value.slice(0, start) + to + target.value.slice(end);
  record(file, rule, 'repair', from, to);
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
