// Splitting a body into blocks. Dumps mark paragraphs in two ways: blank lines between them, or
// one paragraph a line. Some also break lines inside a sentence (hard wrapping at a fixed width,
// or a scraper joining text nodes with newlines). We join a line break only where the text says
// the sentence goes on; every other line is a unit of its own, and a short unit that does not end
// like a sentence is a heading.
import { trimSpace, type BlockKind } from '../../pipeline/core/document.ts';

export interface SplitOptions {
  /** Longest heading, in characters. */
  maxHeadingLength?: number;
  /** Longest heading, in words. */
  maxHeadingWords?: number;
}

export interface SplitBlock {
  kind: BlockKind;
  text: string;
}

const DEFAULTS: Required<SplitOptions> = { maxHeadingLength: 120, maxHeadingWords: 16 };

// A sentence end: terminal punctuation, optionally followed by closing quotes or brackets.
const SENTENCE_END = /[.!?…。！？‼⁇⁈⁉;；:：]["'”’»›)\]」』]*$/u;
// A line that ends where the sentence cannot: a comma, an open bracket, a dash or a hyphen.
const OPEN_END = /[,，、(\[«“‘\-–—]$/u;
const STARTS_LOWER = /^["'“‘«(]?\p{Ll}/u;

/** Splits one dump paragraph (text between blank lines) into its units, joining broken lines. */
export function splitParagraph(paragraph: string): string[] {
  return splitParagraphWithJoins(paragraph).map((u) => u.text);
}

/** A line break the split joined: `paragraph.slice(start, end)` (the break and the space around it) became `to`. */
export interface LineJoin {
  start: number;
  end: number;
  to: string;
}

/** A unit of a paragraph: its text, where it starts in the paragraph, and the line breaks joined inside it. */
export interface ParagraphUnit {
  text: string;
  start: number;
  joins: LineJoin[];
}

/** The paragraph's units, each with the line breaks joined inside it (offsets index the paragraph). */
export function splitParagraphWithJoins(paragraph: string): ParagraphUnit[] {
  const lines: { text: string; start: number }[] = [];
  const breaks = /\r\n|\r|\n/g;
  let at = 0;
  for (;;) {
    const m = breaks.exec(paragraph);
    const raw = paragraph.slice(at, m ? m.index : paragraph.length);
    const text = trimSpace(raw);
    if (text !== '') lines.push({ text, start: at + raw.indexOf(text) });
    if (!m) break;
    at = m.index + m[0].length;
  }
  if (lines.length <= 1) return lines.map((l) => ({ text: l.text, start: l.start, joins: [] }));
  const wrapWidth = hardWrapWidth(lines.map((l) => l.text));
  const units: ParagraphUnit[] = [];
  const first = lines[0] as { text: string; start: number };
  let current: ParagraphUnit = { text: first.text, start: first.start, joins: [] };
  for (let i = 1; i < lines.length; i++) {
    const next = lines[i] as { text: string; start: number };
    const previous = lines[i - 1] as { text: string; start: number };
    if (continues(previous.text, next.text, wrapWidth)) {
      const separator = joinSeparator(previous.text, next.text);
      current.joins.push({ start: previous.start + previous.text.length, end: next.start, to: separator });
      current.text += separator + next.text;
    } else {
      units.push(current);
      current = { text: next.text, start: next.start, joins: [] };
    }
  }
  units.push(current);
  return units;
}

/**
 * The width a dump wrapped this paragraph at, or 0 when it was not wrapped. A wrapped paragraph
 * has most of its lines (all but the last) close to one width.
 */
function hardWrapWidth(lines: string[]): number {
  if (lines.length < 3) return 0;
  const body = lines.slice(0, -1).map((l) => l.length);
  // Not Math.max(...body): spreading a paragraph of 100,000+ lines overflows the call stack.
  const width = body.reduce((a, b) => Math.max(a, b), 0);
  if (width < 40 || width > 200) return 0;
  const near = body.filter((n) => n >= width * 0.75).length;
  return near / body.length >= 0.8 ? width : 0;
}

/**
 * Whether `next` continues the sentence of the unit being built. The unit ends as the previous
 * line does (lines are trimmed; a join adds a space or nothing before a lower-case letter), so
 * only that line is tested: an end-anchored regex on the growing unit scans all of it, quadratic
 * over a paragraph of many short lines.
 */
function continues(previousLine: string, next: string, wrapWidth: number): boolean {
  if (wrapWidth > 0 && previousLine.length >= wrapWidth * 0.75) return true;
  if (SENTENCE_END.test(previousLine)) return false;
  if (OPEN_END.test(previousLine)) return true;
  return STARTS_LOWER.test(next);
}

const ENDS_IN_WORD_HYPHEN = /\p{L}-$/u;
const OPENS_LOWER = /^\p{Ll}/u;
/** A heading starts with a capital, a digit, a quote, or a letter of a script without case. */
const OPENS_LIKE_HEADING = /^["'“‘«(]?(\p{Lu}|\p{Lt}|\p{N}|\p{Lo})/u;

/** What a joined line break becomes: nothing after a word hyphen (no characters change), else a space. */
function joinSeparator(previousLine: string, next: string): string {
  return ENDS_IN_WORD_HYPHEN.test(previousLine) && OPENS_LOWER.test(next) ? '' : ' ';
}

/** A short unit that does not end like a sentence: a headline, an in-body heading, a menu item. */
export function isHeading(unit: string, options: SplitOptions = {}): boolean {
  if (unit.length > (options.maxHeadingLength ?? DEFAULTS.maxHeadingLength)) return false;
  const words = wordCount(unit);
  if (words > (options.maxHeadingWords ?? DEFAULTS.maxHeadingWords)) return false;
  if (/[.,;:!…。，；：！]["'”’»)\]]*$/u.test(unit)) return false;
  // A question can be a heading, but only a short one ("What comes next?").
  if (/[?？]["'”’»)\]]*$/u.test(unit) && words > 8) return false;
  // Headings start with a capital, a digit, a quote, or a letter of a script without case.
  return OPENS_LIKE_HEADING.test(unit);
}

/** JavaScript's white space (`\s`), by code unit. */
const SPACE = /\s/;
const isSpace = new Uint8Array(0x10000).map((_, c) => (SPACE.test(String.fromCharCode(c)) ? 1 : 0));

/** `unit.split(/\s+/).length` without making the pieces: one more than the runs of white space. */
export function wordCount(unit: string): number {
  let n = 1;
  for (let i = 0; i < unit.length; i++) {
    if (isSpace[unit.charCodeAt(i)] === 1 && (i === 0 || isSpace[unit.charCodeAt(i - 1)] !== 1)) n++;
  }
  return n;
}

/** The blocks of a whole body. */
export function splitBlocks(text: string, options: SplitOptions = {}): SplitBlock[] {
  const blocks: SplitBlock[] = [];
  for (const paragraph of text.split(/\n[ \t\f\v\r\u00a0]*\n/)) {
    for (const unit of splitParagraph(paragraph)) {
      blocks.push({ kind: isHeading(unit, options) ? 'heading' : 'paragraph', text: unit });
    }
  }
  return blocks;
}
