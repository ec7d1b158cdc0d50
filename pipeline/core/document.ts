// The document model every stage shares.
//
// A document is a vfile (its metadata in `file.data`, every decision a vfile message) carrying a
// small unist tree: a root whose children are the body's blocks, typed by their kind (`paragraph`,
// `heading`), each with its `position` in the document's text (file.value). We keep blocks, not a full NLCST
// tree of every word and space, because most stages decide per block (is it chrome? which
// language?) and a word-level tree of a large dump costs about ten times the text in memory.
// A stage that needs sentences or words parses one block's text on demand (see `sentencesOf`).
import type { Literal, Parent, Point, Position } from 'unist';
import { VFile } from 'vfile';

export type BlockKind = 'heading' | 'paragraph';

export interface BlockData {
  /** ISO 639-3 language of the block, set by the language stage. */
  lang?: string;
  /** How sure the detector was, 0..1. */
  langConfidence?: number;
}

/** A block of the body: a literal node whose type is its kind. */
export interface Block extends Literal {
  type: BlockKind;
  value: string;
  data?: BlockData;
}

export interface Root extends Parent {
  type: 'root';
  children: Block[];
}

// The fields every document starts with, set by the reader (pipeline/run). Each stage declares
// the fields it adds in its own `declare module 'vfile'` (language: lang; chrome: title, dateline,
// publisher, metadata; names: people; dates: published, dates), so adding a stage touches no file here.
declare module 'vfile' {
  interface DataMap {
    /** Unique id of the document in this run. */
    id: string;
    source: { path: string; url: string | null };
    /** The document's date as given by its dump (JSONL `date`), ISO 8601. */
    dateHint: string | null;
    /** Language hint from the dump (JSONL `lang`). */
    langHint: string | null;
    /** `--reference-date`: anchors relative dates when the document's own date is unknown. */
    referenceDate: string | null;
    /** The headline the dump gives (JSONL `title`), set by the reader. */
    jsonlTitle?: string;
    /** What an HTML page's own metadata says about its header, set by the reader (absent for text). */
    page?: PageMetadata;
    /** How the reader decoded the document's bytes (`utf-8`, `windows-1251`...); null when unknown. */
    encoding: string | null;
    /** Byte sequences the reader could not place, replaced by U+FFFD (hex, e.g. `c3 28`). */
    invalidBytes: string[];
    /** What the batch learners learned from the document's window, per stage name (see core/stage.ts). */
    learned?: Record<string, unknown>;
    /** Why the document could not be processed: it could not be read (`stage: 'read'`), or a stage failed. */
    error?: { stage: string; message: string };
  }
}

/** Where a header field of the record came from (`titleSource`, `publishedSource`). */
export type HeaderSource = 'metadata' | 'jsonl' | 'dateline' | 'text';

/** The header an HTML page's metadata gives (og:title, article:published_time, og:site_name, author...). */
export interface PageMetadata {
  /** og:title, twitter:title, JSON-LD headline, <title> or <h1>, without a site suffix. */
  title: string | null;
  /** The first <h1>, as the page shows it. */
  h1: string | null;
  /** article:published_time, JSON-LD datePublished or <time datetime>, as written. */
  published: string | null;
  /** og:site_name. */
  siteName: string | null;
  /** The author meta (or JSON-LD author). */
  byline: string | null;
}

/** The separator between blocks in the record's `text`. */
export const BLOCK_SEPARATOR = '\n\n';

export function block(kind: BlockKind, value: string): Block {
  return { type: kind, value };
}

// Unicode White_Space. JavaScript's trim() and \s also take U+FEFF (a stray byte order mark),
// which is a character the repair stage removes and records: trimming must leave it to repair.
// Scanned by hand, not with /[...]+$/: that regex retries at every start, quadratic on a long
// run of spaces that does not reach the end (100,000 spaces took 16 s).
const WHITE_SPACE = new Set(
  [0x9, 0xa, 0xb, 0xc, 0xd, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000].concat(
    Array.from({ length: 11 }, (_, i) => 0x2000 + i),
  ),
);

/** Trims white space, and only white space (not U+FEFF, unlike String.prototype.trim). */
export function trimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && WHITE_SPACE.has(text.charCodeAt(start))) start++;
  while (end > start && WHITE_SPACE.has(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/**
 * The first structure of a document: paragraphs as the dump separates them (blank lines), each
 * with its position in `text`. The `blocks` stage refines it; without that stage the record still
 * has sensible blocks.
 */
export function parseDocument(text: string): Root {
  const children: Block[] = [];
  const points = new PointFinder(text);
  let start = 0;
  for (const separator of [...text.matchAll(/\n[ \t\f\v\r\u00a0]*\n/g), null]) {
    const end = separator ? separator.index : text.length;
    const part = text.slice(start, end);
    const value = trimSpace(part);
    if (value !== '') {
      const at = start + part.indexOf(value);
      children.push({ type: 'paragraph', value, position: points.span(at, at + value.length) });
    }
    if (separator) start = end + separator[0].length;
  }
  return { type: 'root', children, position: points.span(0, text.length) };
}

/** Turns offsets of a text into unist points (line and column from 1, offset from 0), as vfile-location does. */
export class PointFinder {
  /** The offset at which each line starts. */
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  point(offset: number): Point {
    const starts = this.lineStarts;
    // The last line starting at or before the offset.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1, offset };
  }

  span(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}

/** A fresh vfile for a document, with the metadata every stage may read. */
export function createDocumentFile(text: string, meta: Partial<VFile['data']> = {}): VFile {
  // vfile refuses an empty path; a document without one has none.
  const file = new VFile({ value: text, path: meta.source?.path || undefined });
  file.data = {
    id: 'document',
    source: { path: meta.source?.path ?? '', url: null },
    dateHint: null,
    langHint: null,
    referenceDate: null,
    encoding: null,
    invalidBytes: [],
    ...meta,
  };
  return file;
}

/** The body as the record shows it: blocks separated by a blank line, with each block's offsets. */
export function assembleText(tree: Root): { text: string; spans: { block: Block; start: number; end: number }[] } {
  let text = '';
  const spans: { block: Block; start: number; end: number }[] = [];
  for (const child of tree.children) {
    if (child.value === '') continue;
    if (text !== '') text += BLOCK_SEPARATOR;
    spans.push({ block: child, start: text.length, end: text.length + child.value.length });
    text += child.value;
  }
  return { text, spans };
}

/** The first characters of a block, enough to recognise it in a stage file. */
export function excerpt(text: string, length = 60): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
