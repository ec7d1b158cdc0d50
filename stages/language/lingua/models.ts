// Lingua's n-gram models as compact tables, loaded per language and n-gram length on first use.
// The one- to three-gram models of all languages are kept merged (merged.ts: 7.8 MB, built from
// this module's six-byte tables, `loadTable`, which it does not keep). The four- and five-gram
// models of the languages short blocks are weighed among are kept here, as they are asked for, in
// four bytes a slot (compact-table.ts; 99 MB for all 72 languages that have them, 149 at six bytes;
// 87 MB were loaded by the end of the 100 MB bench dump). Built tables are kept on disk (locate.ts, modelCacheDir), so a
// later run or worker reads them instead of building them again. In the worker threads of a pool,
// a table kept here is made once for all of them, in shared memory (pipeline/core/shared-tables.ts).
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { type Allocate, sharedTable } from '../../../pipeline/core/shared-tables.ts';
import { modelCacheDir, readModel } from './locate.ts';
import { CompactTable } from './compact-table.ts';
import { FNV_START, GramTable, tableKey } from './table.ts';

/** A cached table's file: named for the table's format too (`nng2`: six bytes a slot, `nng3`: four),
 *  so that two versions of newsnorm sharing one cache (an older install beside a newer) do not keep
 *  replacing each other's files. */
type Format = 'nng2' | 'nng3';
const cacheFile = (dir: string, language: string, length: number, format: Format = 'nng2'): string => path.join(dir, `${language}.${length}.${format}.bin`);

/** Language → its kept tables by n-gram length (index 4 and 5), filled as they are asked for. */
const tables = new Map<string, (CompactTable | null | undefined)[]>();

const QUOTE = 0x22, SLASH = 0x2f, SPACE = 0x20, BACKSLASH = 0x5c;

/**
 * The table of one model file's JSON, read byte by byte: {"language":"…","ngrams":{"3/58397":"cca
 * ccb", …}}. Each n-gram is hashed over its UTF-8 bytes where it lies (score.ts hashes a text's n-grams
 * the same way), so loading allocates no string per n-gram.
 */
function build(json: Buffer): GramTable {
  const start = json.indexOf('"ngrams":{') + 10;
  // Each probability group is four quotes and one n-gram more than it has spaces.
  let spaces = 0, quotes = 0;
  for (let i = start; i < json.length; i++) { const b = json[i]!; if (b === SPACE) spaces++; else if (b === QUOTE) quotes++; }
  const table = new GramTable(spaces + quotes / 4);
  let i = start;
  for (;;) {
    while (i < json.length && json[i] !== QUOTE) i++;
    if (i >= json.length) break;
    // "numerator/denominator"
    let numerator = 0, denominator = 0;
    for (i++; json[i] !== SLASH; i++) numerator = numerator * 10 + json[i]! - 48;
    for (i++; json[i] !== QUOTE; i++) denominator = denominator * 10 + json[i]! - 48;
    const logProbability = Math.log(numerator / denominator);
    i = json.indexOf(QUOTE, i + 1) + 1; // the opening quote of the n-grams
    let h = FNV_START;
    for (;; i++) {
      const b = json[i]!;
      if (b === BACKSLASH) throw new Error('escaped character in a Lingua model');
      if (b === SPACE || b === QUOTE) { table.add(tableKey(h), logProbability); h = FNV_START; if (b === QUOTE) break; } else h = Math.imul(h ^ b, 0x01000193);
    }
    i++;
  }
  return table;
}

/** The tables of `language` (Lingua's language name, e.g. ENGLISH) by n-gram length, each loaded
 *  on first use by `gramTable`; a slot is undefined until then, null where Lingua has no model. */
export function languageTables(language: string): (CompactTable | null | undefined)[] {
  let list = tables.get(language);
  if (!list) tables.set(language, (list = []));
  return list;
}

/** The table of `language`'s n-grams of `length` letters, null if Lingua has none; shared by the
 *  threads of a pool. */
export function gramTable(language: string, length: number): CompactTable | null {
  const list = languageTables(language);
  let table = list[length];
  if (table === undefined) {
    const bytes = sharedTable(`lingua/${language}.${length}.nng3`, (allocate) => compactBytes(language, length, allocate));
    list[length] = table = bytes && CompactTable.fromBytes(bytes);
  }
  return table;
}

/** The four-byte table's bytes (in `allocate`'s): a run before this one's from the cache, else
 *  made (and cached); not kept in memory here. */
export function compactBytes(language: string, length: number, allocate: Allocate): Uint8Array | null {
  return fromCache(language, length, allocate, 'nng3') ?? compacted(language, length, allocate);
}

/**
 * The four-byte table's bytes (in `allocate`'s), made from the six-byte table (one an older run
 * cached, else built from the model file and not cached: only the four-byte form is read again),
 * and cached.
 */
function compacted(language: string, length: number, allocate: Allocate): Uint8Array | null {
  const cached = fromCache(language, length, (n) => new Uint8Array(n));
  const json = cached ? null : readModel(language, length);
  const table = cached ? GramTable.fromBytes(cached) : json && build(json);
  if (!table) return null;
  const bytes = CompactTable.of(table).toBytes(allocate);
  keep(language, length, 'nng3', bytes);
  return bytes;
}

/** A table from the cache, else built from Lingua's model file (and cached); not kept in memory here. */
export function loadTable(language: string, length: number): GramTable | null {
  const cached = fromCache(language, length, (n) => new Uint8Array(n));
  return cached ? GramTable.fromBytes(cached) : built(language, length);
}

/** The table built from Lingua's model file (about 40 ms a language), then kept in the cache. */
function built(language: string, length: number): GramTable | null {
  const json = readModel(language, length);
  if (!json) return null;
  const table = build(json);
  keep(language, length, 'nng2', table.toBytes());
  return table;
}

/** Writes a table's bytes into the model cache, if there is one. Best effort: a cache that cannot
 *  be written (a read-only install) only costs the next run the build again. Written under a name
 *  of its own, then renamed: workers never read half. */
function keep(language: string, length: number, format: Format, bytes: Uint8Array): void {
  const dir = modelCacheDir();
  if (!dir) return;
  const target = cacheFile(dir, language, length, format);
  const partial = `${target}.${process.pid}-${threadId}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, bytes);
    renameSync(partial, target);
  } catch { /* see above */ }
}

/** The bytes of the table (six bytes a slot, or four: `format`) a run before this one made, read
 *  into `allocate`'s, or null (none, unreadable, or not a whole table). */
function fromCache(language: string, length: number, allocate: Allocate, format: Format = 'nng2'): Uint8Array | null {
  const dir = modelCacheDir();
  if (!dir) return null;
  try {
    const bytes = readInto(cacheFile(dir, language, length, format), allocate);
    return (format === 'nng2' ? GramTable.fromBytes(bytes) : CompactTable.fromBytes(bytes)) ? bytes : null;
  } catch {
    return null;
  }
}

/** A whole file read into bytes from `allocate` (shared memory in a pool's worker: no copy after). */
export function readInto(file: string, allocate: Allocate): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const bytes = allocate(fstatSync(fd).size);
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) throw new Error(`${file} ended early`);
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Bytes held by the loaded tables (for the bench and the README's bound). */
export function loadedBytes(): number {
  let n = 0;
  for (const list of tables.values()) for (const t of list) if (t) n += t.bytes;
  return n;
}
