// Reads a finished run's output folder document by document: line n of records.jsonl with line n
// of every stages/NN-name.jsonl (the runner writes them in the same order). Streams, so a report of
// a million documents holds one document at a time.
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** A line of a stage file (README, "Stage lines"). */
export interface StageLine {
  id: string;
  input?: string;
  decisions?: Decision[];
  error?: string;
  skipped?: string;
  [field: string]: unknown;
}

export interface Decision {
  rule: string | null;
  action: 'remove' | 'repair' | 'note';
  text: string;
  to?: string;
  note?: string;
  start?: number;
  end?: number;
}

export interface RunDocument {
  /** Its place in the run, from 0. */
  index: number;
  // biome-ignore lint: the record as written (CONTRACT.md); read loosely, the report shows what is there.
  record: Record<string, any>;
  stages: { name: string; line: StageLine }[];
}

export class OutputFolderError extends Error {}

/** The stage files of the run in `out`, in pipeline order: `{name, file}`. */
export function stageFiles(out: string): { name: string; file: string }[] {
  const dir = path.join(out, 'stages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => /^(\d\d)-([a-z]+)\.jsonl$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => ({ name: m[2] as string, file: path.join(dir, m[0]) }));
}

/** run.json of the folder; an error naming what is missing when it is not a finished run's folder. */
// biome-ignore lint: run.json as written by pipeline/run/stats.ts.
export function readRunSummary(out: string): Record<string, any> {
  const file = path.join(out, 'run.json');
  if (!existsSync(file)) {
    const shards = existsSync(out) && readdirSync(out).some((f) => /^run\.\d+-of-\d+\.json$/.test(f));
    throw new OutputFolderError(
      shards ? `${out} holds the shards of a run: join them first with --merge ${out}` : `${out} holds no run.json: it is not the output folder of a finished run`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

function lines(file: string): AsyncIterator<string> {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })[Symbol.asyncIterator]();
}

/** Every document of the run in `out`, in order, with its line of each stage file. */
export async function* readRun(out: string): AsyncGenerator<RunDocument> {
  const recordsFile = path.join(out, 'records.jsonl');
  if (!existsSync(recordsFile)) throw new OutputFolderError(`${out} holds no records.jsonl`);
  const stages = stageFiles(out);
  const records = lines(recordsFile);
  const stageLines = stages.map((s) => lines(s.file));
  for (let index = 0; ; index++) {
    const next = await records.next();
    if (next.done) return;
    if (next.value === '') continue;
    const record = JSON.parse(next.value);
    const own: RunDocument['stages'] = [];
    for (let i = 0; i < stages.length; i++) {
      const line = await (stageLines[i] as AsyncIterator<string>).next();
      if (line.done) throw new OutputFolderError(`${(stages[i] as { file: string }).file} ends before records.jsonl (at document ${index + 1})`);
      own.push({ name: (stages[i] as { name: string }).name, line: JSON.parse(line.value) });
    }
    yield { index, record, stages: own };
  }
}

/** The text each stage received: a line holds `input` only when the stage before changed the text. */
export function stageInputs(doc: RunDocument): (string | null)[] {
  let current: string | null = null;
  return doc.stages.map((s) => {
    if (typeof s.line.input === 'string') current = s.line.input;
    return current;
  });
}
