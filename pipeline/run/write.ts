// The output folder: records.jsonl, one stages/NN-name.jsonl per stage, run.json. Lines are written
// in input order through streams that respect backpressure; a shard (--rank/--world-size) writes
// files of its own, and --resume keeps the complete lines an interrupted run left. Without stage
// files (--no-stage-files), a small hidden file takes their place: each document's decisions
// counted by rule, which is all of the stage files that run.json needs when a run is resumed or
// its shards merged.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputLayout {
  /** The output folder. */
  dir: string;
  /** `.R-of-N` for a shard, else empty. */
  suffix: string;
  records: string;
  /** The stage files, in pipeline order; none without stage files. */
  stages: string[];
  /** Without stage files: the file of each document's decisions counted by rule (`CountsLine`), else null. */
  counts: string | null;
  /**
   * The files written line by line beside records.jsonl, a line per document before its record:
   * the stage files, or the counts file.
   */
  beside: string[];
  run: string;
  /** What the run was made from, for --resume (see state.ts). */
  state: string;
  /** Written when the run (this shard) finished: a rerun with --resume has nothing to do. */
  done: string;
}

/**
 * A line of the counts file: a document's decisions, per stage in pipeline order, counted by rule
 * (stats.ts, `countRules`).
 */
export interface CountsLine {
  id: string;
  decisions: [string, number][][];
}

/** File names of one shard's output: `records.jsonl`, or `records.R-of-N.jsonl` when sharded. */
export function outputLayout(out: string, stageNames: { index: number; name: string }[], rank: number, worldSize: number, stageFiles = true): OutputLayout {
  const suffix = worldSize > 1 ? `.${rank}-of-${worldSize}` : '';
  const stages = stageFiles ? stageNames.map((s) => path.join(out, 'stages', `${String(s.index + 1).padStart(2, '0')}-${s.name}${suffix}.jsonl`)) : [];
  const counts = stageFiles ? null : path.join(out, `.newsnorm-counts${suffix}.jsonl`);
  return {
    dir: out,
    suffix,
    records: path.join(out, `records${suffix}.jsonl`),
    stages,
    counts,
    beside: counts === null ? stages : [counts],
    run: path.join(out, `run${suffix}.json`),
    state: path.join(out, `.newsnorm-state${suffix}.json`),
    done: path.join(out, `.newsnorm-done${suffix}`),
  };
}

/**
 * Complete lines at the start of a file (at most `limit`), and the bytes they take; a missing
 * file has none. A last line without its newline does not count: it is what an interrupted run
 * was writing.
 */
async function completeLines(file: string, limit = Infinity): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  let offset = 0;
  if (limit === 0) return { lines, bytes };
  try {
    await stat(file);
  } catch {
    return { lines, bytes };
  }
  for await (const chunk of createReadStream(file)) {
    const buf = chunk as Buffer;
    let i = -1;
    while ((i = buf.indexOf(0x0a, i + 1)) !== -1) {
      lines++;
      bytes = offset + i + 1;
      if (lines === limit) return { lines, bytes };
    }
    offset += buf.length;
  }
  return { lines, bytes };
}

/** Reads the first `n` lines of a JSONL file as objects (to rebuild counts on --resume). */
export async function* readLines(file: string, n: number): AsyncGenerator<unknown> {
  if (n === 0) return;
  let rest = '';
  let seen = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    rest += chunk as string;
    let nl: number;
    while ((nl = rest.indexOf('\n')) !== -1) {
      yield JSON.parse(rest.slice(0, nl));
      rest = rest.slice(nl + 1);
      if (++seen === n) return;
    }
  }
}

/**
 * How many documents an interrupted run finished: the number of complete lines that every output
 * file has. Each file is cut back to that many lines, so the run can append from there.
 */
export async function prepareResume(layout: OutputLayout): Promise<number> {
  const files = [layout.records, ...layout.beside];
  // Not files.map(completeLines): map would pass each file's index as the line limit.
  const counts = await Promise.all(files.map((file) => completeLines(file)));
  const done = Math.min(...counts.map((c) => c.lines));
  for (const file of files) {
    const keep = (await completeLines(file, done)).bytes;
    const handle = await open(file, 'a+').catch(() => null);
    if (handle) {
      await handle.truncate(keep);
      await handle.close();
    }
  }
  return done;
}

/**
 * Bytes an output file gathers before it writes them: up to 256 KB, for at most a quarter of a
 * second. One write per line (seven a document) cost more in system calls and stream bookkeeping
 * than the JSON itself; gathered, the lines go to the disk a batch at a time, and a run still
 * shows its progress on disk as it goes. What is gathered is written when the run ends or stops;
 * a run that is killed loses at most the last quarter second of lines, and --resume takes up from
 * the documents that every file holds complete. The lines wait as bytes (outside the JavaScript
 * heap, see process.ts, `WrittenResult`), not as strings.
 */
const BATCH_BYTES = 256 * 1024;
const BATCH_MS = 250;

class JsonlWriter {
  private readonly stream: WriteStream;
  private failure: Error | null = null;
  private batch: Uint8Array[] = [];
  private batchLength = 0;
  /** Writes the batch a quarter second after its first line, if it is not full before. */
  private timer: NodeJS.Timeout | null = null;

  constructor(file: string, append: boolean) {
    this.stream = createWriteStream(file, { flags: append ? 'a' : 'w' });
    this.stream.on('error', (e) => {
      this.failure = e;
    });
  }

  /** Writes one line of JSON, as UTF-8 bytes with its newline. */
  async write(line: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    this.batch.push(line);
    this.batchLength += line.length;
    if (this.batchLength < BATCH_BYTES) {
      this.timer ??= setTimeout(() => this.flush(), BATCH_MS).unref();
      return;
    }
    // `once` rejects on 'error' and removes its listeners either way.
    if (!this.flush()) await once(this.stream, 'drain');
  }

  /** Writes the batch; false when the stream is full (the caller waits for 'drain' before more). */
  private flush(): boolean {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.batch.length === 0) return !this.stream.writableNeedDrain;
    const bytes = Buffer.concat(this.batch, this.batchLength);
    this.batch = [];
    this.batchLength = 0;
    // A failed write is kept by the 'error' listener and thrown by the next write or close.
    return this.stream.write(bytes);
  }

  close(): Promise<void> {
    if (!this.failure) this.flush();
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.stream.end((e?: Error | null) => (e ? reject(e) : resolve()));
    });
  }
}

export class OutputWriter {
  private readonly records: JsonlWriter;
  private readonly beside: JsonlWriter[];

  private constructor(readonly layout: OutputLayout, append: boolean) {
    this.records = new JsonlWriter(layout.records, append);
    this.beside = layout.beside.map((f) => new JsonlWriter(f, append));
  }

  static async open(layout: OutputLayout, append: boolean): Promise<OutputWriter> {
    await mkdir(path.dirname(layout.records), { recursive: true });
    if (layout.stages.length > 0) await mkdir(path.join(path.dirname(layout.records), 'stages'), { recursive: true });
    return new OutputWriter(layout, append);
  }

  /**
   * A document's lines, as UTF-8 bytes one after another (process.ts, `WrittenResult`): one per
   * file beside the records in order (the stage files, or the counts file), then the record's;
   * `ends` says where each ends.
   */
  async write(bytes: Uint8Array, ends: number[]): Promise<void> {
    const line = (i: number) => bytes.subarray(i === 0 ? 0 : ends[i - 1], ends[i]);
    // The other lines first: a record line means the document is complete in every file.
    await Promise.all(this.beside.map((file, i) => file.write(line(i))));
    await this.records.write(line(this.beside.length));
  }

  async close(summary: unknown): Promise<void> {
    await Promise.all([this.records.close(), ...this.beside.map((s) => s.close())]);
    await writeFile(this.layout.run, `${JSON.stringify(summary, null, 2)}\n`);
  }
}
