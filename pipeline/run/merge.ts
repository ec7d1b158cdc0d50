// `--merge`: joins the shards of a run (--rank R --world-size N, one folder) into the files of a
// single-process run: records.jsonl, stages/NN-name.jsonl (or, without stage files, the hidden
// file of decision counts) and run.json. Each rank read a run of
// consecutive parts of the input (parts.ts), so the shards in rank order are the input in order.
// Shards keep ids as given; the merge gives repeated ids their suffixes in input order, as one
// process does, so the result is byte for byte what one process would have written. Every shard
// must have finished.
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { UsageError } from './flags.ts';
import { IdRegistry } from './read.ts';
import type { NewsRecord } from '../core/record.ts';
import { MAX_LISTED, stagePlaces } from './run.ts';
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
    layouts.push(outputLayout(out, stageIndices(state), rank, worldSize, state.stageFiles !== false));
  }
  return { states, layouts };
}

const stageIndices = (state: RunState) => stagePlaces(state.stages);

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
export async function mergeShards(out: string, options: { overwrite?: boolean; onNotice?: (message: string) => void } = {}): Promise<RunSummary> {
  const { states, layouts } = await finishedShards(out);
  const first = states[0] as RunState;
  const merged = outputLayout(out, stageIndices(first), 0, 1, first.stageFiles !== false);
  if (existsSync(merged.records) && !options.overwrite) {
    throw new UsageError(`--merge: ${merged.records} exists already; add --overwrite to replace it`);
  }
  const files = (l: OutputLayout) => [l.records, ...l.beside];
  const writers = files(merged).map((f) => createWriteStream(f));
  const stats = new RunStats(first.stages);
  const ids = new IdRegistry((id, renamed) => options.onNotice?.(`the id "${id}" appears more than once in the input: this one is "${renamed}"`));
  let duplicateIds = 0;
  for (const [rank, layout] of layouts.entries()) {
    const readers = files(layout).map(lineReader);
    for (;;) {
      const lines = await Promise.all(readers.map((read) => read()));
      if (lines[0] === null) break;
      if (lines.some((l) => l === null)) throw new UsageError(`--merge: shard ${rank} has fewer stage lines than records`);
      const parsed = lines.map((l) => JSON.parse(l as string) as { id: string });
      const id = ids.claim(parsed[0]?.id as string);
      // A repeated id is renamed in the record and in every stage line; other lines are copied as they are.
      if (id !== parsed[0]?.id) duplicateIds++;
      for (let f = 0; f < writers.length; f++) {
        const line = id === parsed[f]?.id ? (lines[f] as string) : JSON.stringify({ ...parsed[f], id });
        await writeLine(writers[f] as WriteStream, line);
      }
      if (id !== parsed[0]?.id) for (const p of parsed) p.id = id;
      stats.addLines(parsed[0] as unknown as NewsRecord, parsed.slice(1), merged.counts !== null);
    }
    if ((await Promise.all(readers.slice(1).map((read) => read()))).some((l) => l !== null)) {
      throw new UsageError(`--merge: shard ${rank} has more stage lines than records`);
    }
  }
  await Promise.all(writers.map(close));
  const summaries = await Promise.all(layouts.map(async (l) => JSON.parse(await readFile(l.run, 'utf8')) as RunSummary));
  const sum = (pick: (s: RunSummary) => number) => summaries.reduce((a, s) => a + pick(s), 0);
  const summary: RunSummary = {
    ...stats.summary(Math.max(...summaries.map((s) => s.timings.totalMs)), sum((s) => s.timings.readMs)),
    // Each rank lists the files it skipped, in input order: together, the run's list.
    skipped: summaries.flatMap((s) => s.skipped ?? []).slice(0, MAX_LISTED),
    duplicateIds,
    resumed: null,
  };
  summary.timings.stageMs = Object.fromEntries(first.stages.map((n) => [n, sum((s) => s.timings.stageMs[n] ?? 0)]));
  await writeFile(merged.run, `${JSON.stringify({ ...summary, rank: 0, worldSize: 1, mergedFrom: layouts.length, inputs: first.inputs.map((i) => i.path) }, null, 2)}\n`);
  return summary;
}
