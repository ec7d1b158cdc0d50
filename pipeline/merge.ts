// `--merge`: joins the shards of a run (--rank R --world-size N, one folder) into the files of a
// single-process run: records.jsonl, stages/NN-name.jsonl and run.json. Document i of the input
// went to shard i mod N, so the merged files take one line from each shard in turn; the result is
// byte for byte what one process would have written. Every shard must have finished.
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { UsageError } from './flags.ts';
import type { NewsRecord } from './record.ts';
import { selectStages } from './run.ts';
import { type RunState, stateDifferences } from './state.ts';
import { RunStats, type RunSummary } from './stats.ts';
import { outputLayout, type OutputLayout } from './write.ts';

/** The shards' states, checked: one world size, every rank there and finished, the same run. */
async function finishedShards(out: string): Promise<{ states: RunState[]; layouts: OutputLayout[] }> {
  const names = await readdir(out).catch(() => [] as string[]);
  const sizes = new Set(names.map((n) => /^\.newsnorm-state\.\d+-of-(\d+)\.json$/.exec(n)?.[1]).filter((x): x is string => x !== undefined));
  if (sizes.size === 0) throw new UsageError(`--merge: ${out}/ holds no shards (.newsnorm-state.R-of-N.json)`);
  if (sizes.size > 1) throw new UsageError(`--merge: ${out}/ holds shards of several world sizes (${[...sizes].join(', ')})`);
  const worldSize = Number([...sizes][0]);
  const states: RunState[] = [];
  const layouts: OutputLayout[] = [];
  for (let rank = 0; rank < worldSize; rank++) {
    const suffix = `.${rank}-of-${worldSize}`;
    if (!existsSync(path.join(out, `.newsnorm-state${suffix}.json`))) throw new UsageError(`--merge: rank ${rank} of ${worldSize} is missing: run it before merging`);
    if (!existsSync(path.join(out, `.newsnorm-done${suffix}`))) throw new UsageError(`--merge: rank ${rank} of ${worldSize} has not finished: rerun it with --resume before merging`);
    const state = JSON.parse(await readFile(path.join(out, `.newsnorm-state${suffix}.json`), 'utf8')) as RunState;
    const differences = stateDifferences({ ...(states[0] ?? state), rank }, state);
    if (differences.length > 0) throw new UsageError(`--merge: rank ${rank} was run with other inputs or flags than rank 0:\n  ${differences.join('\n  ')}`);
    states.push(state);
    layouts.push(outputLayout(out, stageIndices(state), rank, worldSize));
  }
  return { states, layouts };
}

const stageIndices = (state: RunState) => selectStages(state.stages).map((s) => ({ index: s.index, name: s.stage.name }));

/** Lines of a file, one at a time, on demand. */
function lineReader(file: string): () => Promise<string | null> {
  const iterator = createInterface({ input: createReadStream(file), crlfDelay: Infinity })[Symbol.asyncIterator]();
  return async () => {
    const next = await iterator.next();
    return next.done ? null : (next.value as string);
  };
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

const close = (stream: WriteStream) => new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));

/**
 * Joins the shards in `out`. Refuses (UsageError) when a rank is missing or unfinished, when the
 * shards disagree, or when the merged files exist and `overwrite` is not set.
 */
export async function mergeShards(out: string, options: { overwrite?: boolean } = {}): Promise<RunSummary> {
  const { states, layouts } = await finishedShards(out);
  const first = states[0] as RunState;
  const merged = outputLayout(out, stageIndices(first), 0, 1);
  if (existsSync(merged.records) && !options.overwrite) {
    throw new UsageError(`--merge: ${merged.records} exists already; add --overwrite to replace it`);
  }
  const files = (l: OutputLayout) => [l.records, ...l.stages];
  const readers = layouts.map((l) => files(l).map(lineReader));
  const writers = files(merged).map((f) => createWriteStream(f));
  const stats = new RunStats(first.stages);
  let documents = 0;
  // Document i is line floor(i / N) of shard i mod N; the first shard to run out ends the input.
  for (;;) {
    const shard = readers[documents % layouts.length] as (() => Promise<string | null>)[];
    const lines = await Promise.all(shard.map((read) => read()));
    if (lines[0] === null) break;
    if (lines.some((l) => l === null)) throw new UsageError(`--merge: shard ${documents % layouts.length} has fewer stage lines than records`);
    for (let f = 0; f < writers.length; f++) await writeLine(writers[f] as WriteStream, lines[f] as string);
    stats.addDocument(JSON.parse(lines[0] as string) as NewsRecord, lines.slice(1).map((l) => JSON.parse(l as string)));
    documents++;
  }
  // The shards that did not run out must be done too: their share is ceil((total - r) / N).
  for (let r = 0; r < layouts.length; r++) {
    if ((await (readers[r]?.[0] as () => Promise<string | null>)()) !== null) throw new UsageError(`--merge: shard ${r} holds more documents than the input order allows`);
  }
  await Promise.all(writers.map(close));
  const summaries = await Promise.all(layouts.map(async (l) => JSON.parse(await readFile(l.run, 'utf8')) as RunSummary));
  const sum = (pick: (s: RunSummary) => number) => summaries.reduce((a, s) => a + pick(s), 0);
  const summary: RunSummary = {
    ...stats.summary(Math.max(...summaries.map((s) => s.timings.totalMs)), sum((s) => s.timings.readMs)),
    skipped: summaries[0]?.skipped ?? [],
    duplicateIds: summaries[0]?.duplicateIds ?? 0,
    resumed: null,
  };
  summary.timings.stageMs = Object.fromEntries(first.stages.map((n) => [n, sum((s) => s.timings.stageMs[n] ?? 0)]));
  await writeFile(merged.run, `${JSON.stringify({ ...summary, rank: 0, worldSize: 1, mergedFrom: layouts.length, inputs: first.inputs.map((i) => i.path) }, null, 2)}\n`);
  return summary;
}
