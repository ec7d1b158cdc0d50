// Inputs to documents, streamed: folders are walked in a stable order, JSONL dumps (plain or gzip)
// are read line by line as bytes, so a dump of any size never sits in memory, and every problem
// becomes a document with an `error` rather than the end of the run.
import { appendFileSync, createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { decodeBytes, looksBinary } from './decode.ts';
import { looksLikeHtml } from './html.ts';
import type { PageMetadata } from '../core/document.ts';

export interface InputDocument {
  id: string;
  source: { path: string; url: string | null };
  /** The document's text; null when `html` is given or the document could not be read. */
  text: string | null;
  /** An HTML page, turned into text when the document is processed. */
  html: string | null;
  date: string | null;
  langHint: string | null;
  /** Why this document could not be read. */
  error: string | null;
  /** How the bytes were read (`utf-8`, `windows-1251`...); null when not read from bytes. */
  encoding?: string | null;
  /** Byte sequences no decoding could place, replaced by U+FFFD (hex). */
  invalidBytes?: string[];
  /** The document's size in its input file (its line, or the whole file), for progress. */
  bytes?: number;
  /** What batch learners learned from the document's window, per stage name (set by the runner). */
  learned?: Record<string, unknown>;
  /** The headline the dump gives (JSONL `title`). */
  title?: string | null;
  /** What an HTML page's metadata says about its header (set when the page is turned into text). */
  page?: PageMetadata;
}

export interface ReadOptions {
  /** Largest document, in bytes; a larger one becomes an error. */
  maxDocumentBytes?: number;
  /** Paths never read (the output folder, when it lies inside an input folder). */
  exclude?: string[];
  /** Told of a file in a folder that is not read (binary content), so nothing disappears silently. */
  onSkipped?: (file: string, reason: string) => void;
  /** Told of an id that the input holds twice, and what the second one became. */
  onDuplicateId?: (id: string, renamed: string) => void;
}

export const DEFAULT_MAX_DOCUMENT_BYTES: number = 32 * 1024 * 1024;

type Format = 'text' | 'html' | 'jsonl' | 'jsonl.gz';

export function formatOf(file: string): Format | null {
  const name = file.toLowerCase();
  if (name.endsWith('.jsonl.gz') || name.endsWith('.ndjson.gz')) return 'jsonl.gz';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  if (name.endsWith('.txt')) return 'text';
  return null;
}

/**
 * Keeps ids unique in the run. An id is the user's data: it is kept exactly as given (case and all)
 * when it is unique; only a true duplicate gets a suffix (`a`, then `a~2`), and is reported. Nothing
 * is named after an id, so nothing here needs to be safe in a file name (whatever names a file
 * after an id encodes it itself).
 *
 * The one thing the runner keeps that grows with the input: every id claimed, about 86 bytes an
 * id of 13 characters (12 MB for the 138,396 documents of the 1 GB bench dump; 92 MB for 1.4
 * million). A run over tens of millions of documents is better sharded (--rank/--world-size: a
 * shard keeps no registry, and --merge gives the suffixes).
 */
export class IdRegistry {
  private readonly seen = new Map<string, number>();

  constructor(private readonly onDuplicate?: (id: string, renamed: string) => void) {}

  claim(raw: string): string {
    const count = this.seen.get(raw);
    if (count === undefined) {
      this.seen.set(raw, 1);
      return raw;
    }
    // `a~2` may itself be an id of the input: count on until free.
    let n = count;
    let candidate: string;
    do candidate = `${raw}~${++n}`;
    while (this.seen.has(candidate));
    this.seen.set(raw, n);
    this.seen.set(candidate, 1);
    this.onDuplicate?.(raw, candidate);
    return candidate;
  }
}

/** Every file below the inputs, in a stable order: inputs as given, folders sorted by name. */
export async function* walkInputs(inputs: string[], exclude: string[] = []): AsyncGenerator<InputEntry> {
  const excluded = new Set(exclude.map((p) => path.resolve(p)));
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      yield { file: input, error: `cannot read input: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(input, excluded);
    else yield { file: input, explicit: true };
  }
}

async function* walkFolder(
  folder: string,
  excluded: Set<string>,
  visited = new Set<string>(),
): AsyncGenerator<{ file: string; explicit: boolean } | { file: string; error: string }> {
  if (excluded.has(path.resolve(folder))) return;
  // A folder reached twice through symbolic links is read once.
  const real = await realpath(folder).catch(() => folder);
  if (visited.has(real)) return;
  visited.add(real);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (e) {
    yield { file: folder, error: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    // Dataset trees (git-annex, DVC, caches) are made of symbolic links: follow them.
    const kind = entry.isSymbolicLink() ? await stat(full).catch(() => null) : entry;
    if (kind === null) yield { file: full, error: 'broken symbolic link' };
    else if (kind.isDirectory()) yield* walkFolder(full, excluded, visited);
    // Every file: one of an unknown kind is told apart by its content (readDocuments).
    else if (kind.isFile()) yield { file: full, explicit: false };
  }
}

/** A file (or a path that could not be read) as the walk yields it. */
export type InputEntry = { file: string; explicit: boolean; range?: ByteRange } | { file: string; error: string };

/** The documents of all inputs, in input order. */
export async function* readDocuments(inputs: string[], options: ReadOptions = {}): AsyncGenerator<InputDocument> {
  yield* readEntries(walkInputs(inputs, options.exclude), new IdRegistry(options.onDuplicateId), options);
}

/**
 * The documents of some walked entries, in order. `ids` keeps ids unique; a shard passes one that
 * keeps them as given (`--merge` gives the suffixes, seeing every shard's ids in input order).
 */
export async function* readEntries(
  entries: Iterable<InputEntry> | AsyncIterable<InputEntry>,
  ids: Pick<IdRegistry, 'claim'>,
  options: ReadOptions = {},
  carry: LineCarry = new Map(),
): AsyncGenerator<InputDocument> {
  const maxBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  for await (const entry of entries) {
    traceRead('range' in entry && entry.range ? `${entry.file}@${entry.range.start}-${entry.range.end}` : entry.file);
    if ('error' in entry) {
      yield failed(ids.claim(baseName(entry.file)), entry.file, entry.error);
      continue;
    }
    let format: Format | 'binary';
    try {
      format = await formatOfFile(entry.file, entry.explicit);
    } catch (e) {
      yield failed(ids.claim(baseName(entry.file)), entry.file, `cannot read input: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      continue;
    }
    if (format === 'binary') options.onSkipped?.(entry.file, 'binary content, not a document');
    else if (format === 'jsonl' || format === 'jsonl.gz') yield* readJsonl(entry.file, format === 'jsonl.gz', ids, maxBytes, entry.range, carry);
    else yield await readWholeFile(entry.file, format, ids, maxBytes);
  }
}

/**
 * For tests and debugging: with NEWSNORM_TRACE_READ=FILE, every input file opened for its
 * documents is appended to FILE, so a test can see that a shard reads only its own part.
 */
function traceRead(file: string): void {
  const trace = process.env.NEWSNORM_TRACE_READ;
  if (trace) appendFileSync(trace, `${JSON.stringify(file)}\n`);
}

/**
 * A file's format: by its extension, else by its content. A binary file found in a folder is
 * skipped (a folder of documents often holds images too); one named on the command line is read,
 * and recorded as failed.
 */
async function formatOfFile(file: string, explicit: boolean): Promise<Format | 'binary'> {
  const known = formatOf(file);
  if (known !== null) return known;
  const head = await readHead(file, 4096);
  if (!explicit && !(head[0] === 0x1f && head[1] === 0x8b) && looksBinary(head)) return 'binary';
  return sniffFormat(head);
}

/**
 * How many documents the entries hold, counted as readEntries would yield them but without
 * parsing: a JSONL file's non-empty lines, one for any other file that is read.
 */
export async function countEntryDocuments(entries: Iterable<InputEntry> | AsyncIterable<InputEntry>): Promise<number> {
  let total = 0;
  for await (const entry of entries) {
    if ('error' in entry) {
      total++;
      continue;
    }
    const format = await formatOfFile(entry.file, entry.explicit).catch(() => 'text' as const);
    if (format === 'binary') continue;
    if (format !== 'jsonl' && format !== 'jsonl.gz') total++;
    else total += await countLines(entry.file, format === 'jsonl.gz', entry.range);
  }
  return total;
}

/** How many documents the inputs hold (see countEntryDocuments). */
export function countDocuments(inputs: string[], exclude: string[] = []): Promise<number> {
  return countEntryDocuments(walkInputs(inputs, exclude));
}

/**
 * Lines that readJsonl reads as documents: every line but empty ones (or a lone CR); of a range,
 * those that start in it (the line through its first byte belongs to the range before).
 */
async function countLines(file: string, gzip: boolean, range?: ByteRange): Promise<number> {
  let position = range && range.start > 0 ? range.start - 1 : 0;
  const raw = createReadStream(file, { start: position });
  const stream: Readable = gzip ? raw.pipe(createGunzip()) : raw;
  if (gzip) raw.on('error', (e) => stream.destroy(e));
  const end = range?.end ?? Infinity;
  let skipping = position > 0;
  let lineStart = position;
  let lines = 0;
  let length = 0;
  let onlyCr = true;
  const isDocument = () => !skipping && lineStart < end && length > 0 && !(length === 1 && onlyCr);
  try {
    for await (const chunk of stream) {
      for (const b of chunk as Buffer) {
        position++;
        if (b === 0x0a) {
          if (isDocument()) lines++;
          skipping = false;
          lineStart = position;
          length = 0;
          onlyCr = true;
          // The next line is the next range's.
          if (lineStart >= end) return lines;
        } else {
          length++;
          if (b !== 0x0d) onlyCr = false;
        }
      }
    }
  } catch {
    return lines + 1;
  }
  return isDocument() ? lines + 1 : lines;
}

function baseName(file: string): string {
  const name = path.basename(file);
  return name.replace(/\.(jsonl|ndjson)\.gz$/i, '').replace(/\.[^.]+$/, '') || name;
}

function failed(id: string, file: string, error: string): InputDocument {
  return { id, source: { path: file, url: null }, text: null, html: null, date: null, langHint: null, error };
}

/** A file without a known extension, by its first bytes: JSONL if it starts like a JSON object, else text (HTML is told apart later). */
function sniffFormat(head: Uint8Array): Format {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'jsonl.gz';
  const text = Buffer.from(head).toString('utf8');
  if (/^\s*\{/.test(text)) return 'jsonl';
  return 'text';
}

async function readHead(file: string, n: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(file, { start: 0, end: n - 1 })) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, size);
}

async function readWholeFile(file: string, format: Format, ids: Pick<IdRegistry, 'claim'>, maxBytes: number): Promise<InputDocument> {
  const id = ids.claim(baseName(file));
  let bytes: Buffer;
  try {
    const size = (await stat(file)).size;
    if (size > maxBytes) return failed(id, file, `document too large: ${size} bytes (limit ${maxBytes})`);
    bytes = await readFile(file);
  } catch (e) {
    return failed(id, file, `cannot read input: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (bytes.length > maxBytes) return failed(id, file, `document too large: ${bytes.length} bytes (limit ${maxBytes})`);
  const decoded = decodeBytes(bytes);
  if ('error' in decoded) return failed(id, file, decoded.error);
  const isHtml = format === 'html' || looksLikeHtml(decoded.text);
  return {
    id,
    source: { path: file, url: null },
    text: isHtml ? null : decoded.text,
    html: isHtml ? decoded.text : null,
    date: null,
    langHint: null,
    error: null,
    encoding: decoded.encoding,
    ...(decoded.invalid ? { invalidBytes: decoded.invalid } : {}),
    bytes: bytes.length,
  };
}

/** Lines of a stream as bytes; a line longer than `maxBytes` is reported by its length, not kept. */
async function* byteLines(stream: Readable, maxBytes: number): AsyncGenerator<Buffer | { tooLong: number }> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  for await (const chunk of stream) {
    let buf = chunk as Buffer;
    let nl: number;
    while ((nl = buf.indexOf(0x0a)) !== -1) {
      const piece = buf.subarray(0, nl);
      if (overflow || size + piece.length > maxBytes) yield { tooLong: size + piece.length };
      else yield parts.length === 0 ? piece : Buffer.concat([...parts, piece]);
      parts = [];
      size = 0;
      overflow = false;
      buf = buf.subarray(nl + 1);
    }
    size += buf.length;
    if (overflow) continue;
    if (size > maxBytes) {
      overflow = true;
      parts = [];
    } else if (buf.length > 0) parts.push(Buffer.from(buf));
  }
  if (overflow) yield { tooLong: size };
  else if (size > 0) yield Buffer.concat(parts);
}

/** Bytes of a dump cut into parts: the lines that start in [start, end) (see parts.ts). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where the line numbering of a dump stands after a range was read: `count` lines end before
 * byte `at`. A reader of the next range starting there numbers on from it without reading back.
 */
export type LineCarry = Map<string, { at: number; count: () => Promise<number> }>;

/** Memoizes an async value, computed on first use only. */
function lazy<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => (value ??= compute());
}

/** How many newlines the first `end` bytes of a file hold. */
async function newlinesBefore(file: string, end: number): Promise<number> {
  let n = 0;
  if (end <= 0) return 0;
  traceRead(`${file}@0-${end} newlines`);
  for await (const chunk of createReadStream(file, { start: 0, end: end - 1 })) {
    for (let i = (chunk as Buffer).indexOf(0x0a); i !== -1; i = (chunk as Buffer).indexOf(0x0a, i + 1)) n++;
  }
  return n;
}

/**
 * The documents of a JSONL dump, or of a range of it. Line numbers (in ids of lines without one,
 * and in error messages) count from the file's start: a range takes them from the range read
 * before it (`carry`), else, only when a line needs its number, by counting the newlines before
 * the range, which are read but not parsed.
 */
async function* readJsonl(
  file: string,
  gzip: boolean,
  ids: Pick<IdRegistry, 'claim'>,
  maxBytes: number,
  range?: ByteRange,
  carry: LineCarry = new Map(),
): AsyncGenerator<InputDocument> {
  const base = baseName(file);
  // From the byte before the range: the line through it belongs to the range before.
  let offset = range && range.start > 0 ? range.start - 1 : 0;
  let skipping = offset > 0;
  const raw = createReadStream(file, { start: offset });
  const stream: Readable = gzip ? raw.pipe(createGunzip()) : raw;
  if (gzip) raw.on('error', (e) => stream.destroy(e));
  let local = 0;
  let first = offset;
  // The byte after the range's last line: where the next range's first line starts.
  let after = offset;
  // The range read before this one, as it stands now (the map moves on to this range after it).
  const previous = carry.get(file);
  const before = lazy(async () => (previous?.at === first ? previous.count() : newlinesBefore(file, first)));
  const lineNumber = async (n: number) => (first === 0 ? 0 : await before()) + n;
  try {
    for await (const line of byteLines(stream, maxBytes)) {
      const start = offset;
      offset += ('tooLong' in line ? line.tooLong : line.length) + 1;
      if (skipping) {
        skipping = false;
        first = offset;
      } else if (range && start >= range.end) break;
      else {
        after = offset;
        const n = ++local;
        if ('tooLong' in line) {
          const lineNo = await lineNumber(n);
          yield { ...failed(ids.claim(`${base}#${lineNo}`), file, `line ${lineNo}: document too large: ${line.tooLong} bytes (limit ${maxBytes})`), bytes: line.tooLong + 1 };
        } else if (!(line.length === 0 || (line.length === 1 && line[0] === 0x0d))) {
          yield { ...(await parseJsonlLine(line, file, () => lineNumber(n), base, ids)), bytes: line.length + 1 };
        }
      }
      // The next line starts past the range: it is the next range's, and is not read.
      if (range && offset >= range.end) break;
    }
  } catch (e) {
    const lineNo = await lineNumber(local);
    yield failed(ids.claim(`${base}#${lineNo + 1}`), file, `cannot read the rest of the dump after line ${lineNo}: ${(e as Error).message}`);
  }
  if (range && local > 0) {
    const lines = local;
    carry.set(file, { at: after, count: lazy(async () => (await lineNumber(0)) + lines) });
  }
}

async function parseJsonlLine(line: Buffer, file: string, lineNumber: () => Promise<number>, base: string, ids: Pick<IdRegistry, 'claim'>): Promise<InputDocument> {
  // The line's number is asked for only when a message or an id needs it (see readJsonl).
  const label = async () => {
    const lineNo = await lineNumber();
    return { lineNo, where: `${base}#${lineNo}` };
  };
  const decoded = decodeBytes(line, { utf8Only: true });
  if ('error' in decoded) {
    const { lineNo, where } = await label();
    return failed(ids.claim(where), file, `line ${lineNo}: ${decoded.error}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (e) {
    const { lineNo, where } = await label();
    return failed(ids.claim(where), file, `line ${lineNo}: malformed JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const { lineNo, where } = await label();
    return failed(ids.claim(where), file, `line ${lineNo}: not a JSON object`);
  }
  const o = value as Record<string, unknown>;
  const rawId = typeof o.id === 'string' && o.id !== '' ? o.id : typeof o.id === 'number' ? String(o.id) : (await label()).where;
  const id = ids.claim(rawId);
  const doc: InputDocument = {
    id,
    source: { path: file, url: typeof o.url === 'string' ? o.url : null },
    text: typeof o.text === 'string' ? o.text : null,
    html: typeof o.text !== 'string' && typeof o.html === 'string' ? o.html : null,
    date: typeof o.date === 'string' ? o.date : null,
    langHint: typeof o.lang === 'string' ? o.lang : null,
    error: null,
    encoding: decoded.encoding,
    ...(typeof o.title === 'string' && o.title.trim() !== '' ? { title: o.title.trim() } : {}),
    ...(decoded.invalid ? { invalidBytes: decoded.invalid } : {}),
  };
  if (doc.text === null && doc.html === null) doc.error = `line ${(await label()).lineNo}: no "text" or "html" field`;
  else if ((doc.text ?? doc.html ?? '').trim() === '') doc.error = `line ${(await label()).lineNo}: empty document`;
  return doc;
}
