// What an output folder was made from, kept beside the output as `.newsnorm-state.json` (one per
// shard), so that `--resume` continues only the same run, and a folder holding an earlier run's
// output is never overwritten without `--overwrite`.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.ts';
import type { OutputLayout } from './write.ts';

/** Everything that decides the output's content: a resumed run must agree on all of it. */
export interface RunState {
  /** 2: learning windows restart at each part of the input (parts.ts). */
  version: 2;
  /** Each input as given, resolved; files with their size and modification time. */
  inputs: { path: string; size?: number; modified?: number }[];
  stages: string[];
  referenceDate: string | null;
  maxDocumentBytes: number | null;
  stageOptions: Record<string, unknown>;
  rank: number;
  worldSize: number;
  /** The size of the ranges a large dump is cut into (parts.ts): it decides the learning windows. */
  partBytes: number;
  /** Present (false) only when the run writes no stage files (--no-stage-files). */
  stageFiles?: false;
}

/** The inputs as the state records them; a folder by its path only (its mtime moves as files come and go). */
export async function describeInputs(inputs: string[]): Promise<RunState['inputs']> {
  return Promise.all(
    inputs.map(async (input) => {
      const info = await stat(input);
      const resolved = path.resolve(input);
      return info.isDirectory() ? { path: resolved } : { path: resolved, size: info.size, modified: Math.round(info.mtimeMs) };
    }),
  );
}

/** The fields of two states that differ, each with the earlier and the new value, for the message. */
export function stateDifferences(earlier: RunState, now: RunState): string[] {
  // Both states' fields: one that only one of them has (stageFiles) differs too.
  const keys = [...new Set([...Object.keys(now), ...Object.keys(earlier)])] as (keyof RunState)[];
  // A state without stageFiles wrote them: said as `true`, not `null`.
  const value = (state: RunState, k: keyof RunState) => (k === 'stageFiles' ? (state.stageFiles ?? true) : state[k]);
  const shown = (state: RunState, k: keyof RunState) => JSON.stringify(value(state, k) ?? null);
  return keys.flatMap((k) => {
    const [before, after] = [shown(earlier, k), shown(now, k)];
    return before === after ? [] : [`${k}: earlier ${before}, now ${after}`];
  });
}

/** This run's own files in the folder: every newsnorm file when not sharded, else this shard's. */
async function ownFiles(layout: OutputLayout, sharded: boolean): Promise<string[]> {
  const mine = sharded
    ? (name: string) => name.includes(layout.suffix)
    : (name: string) => /^(records(\.\d+-of-\d+)?\.jsonl|run(\.\d+-of-\d+)?\.json|\.newsnorm-state(\.\d+-of-\d+)?\.json|\.newsnorm-done(\.\d+-of-\d+)?|\.newsnorm-counts(\.\d+-of-\d+)?\.jsonl)$/.test(name);
  const top = (await readdir(layout.dir).catch(() => [] as string[])).filter((n) => mine(n) && !n.startsWith('stages'));
  const stages = (await readdir(path.join(layout.dir, 'stages')).catch(() => [] as string[]))
    .filter((n) => /^\d\d-[a-z]+(\.\d+-of-\d+)?\.jsonl$/.test(n) && (!sharded || n.includes(layout.suffix)));
  return [...top.map((n) => path.join(layout.dir, n)), ...stages.map((n) => path.join(layout.dir, 'stages', n))];
}

/**
 * What stands in the output folder before the run: nothing of note, or the files that an earlier
 * run left. A sharded run looks only at its own shard's files (the other shards write beside it).
 */
async function occupants(layout: OutputLayout, sharded: boolean): Promise<string[]> {
  if (sharded) return ownFiles(layout, true);
  // Files, and stages/ when it holds any: those a run could overwrite. Other sub-folders (out/eval,
  // out/bench) are never written into, so they do not make the folder "not empty".
  const entries = await readdir(layout.dir, { withFileTypes: true }).catch(() => []);
  const stages = await readdir(path.join(layout.dir, 'stages')).catch(() => [] as string[]);
  return entries
    .filter((e) => (e.isDirectory() ? e.name === 'stages' && stages.length > 0 : true))
    .map((e) => e.name)
    .sort();
}

export interface OutputMode {
  resume: boolean;
  overwrite: boolean;
  /** How to tell the user to rerun (`npm start --` or `newsnorm`), for the refusal message. */
  command: string;
}

/**
 * Checks the output folder against this run before anything is written. Returns whether the
 * earlier run's files are to be resumed. Refuses (UsageError) a folder that holds something
 * without --resume or --overwrite, and a --resume whose inputs or flags differ.
 */
export async function claimOutput(layout: OutputLayout, state: RunState, mode: OutputMode): Promise<boolean> {
  const sharded = state.worldSize > 1;
  const there = await occupants(layout, sharded);
  if (there.length === 0) return false;
  const shown = there.slice(0, 4).map((f) => path.basename(f)).join(', ') + (there.length > 4 ? ', …' : '');
  if (mode.overwrite) {
    for (const file of await ownFiles(layout, sharded)) await rm(file, { force: true });
    return false;
  }
  if (!mode.resume) {
    throw new UsageError(
      `the output folder ${layout.dir}/ is not empty (${shown}). Add --resume to continue the run that wrote it, ` +
        `or --overwrite to replace its newsnorm files (e.g. ${mode.command} --overwrite), or choose another --out.`,
    );
  }
  // Nothing of an earlier run here (only other files): nothing to resume, nothing to overwrite.
  if ((await ownFiles(layout, sharded)).length === 0) return false;
  const earlier = await readState(layout.state);
  if (earlier === null) {
    throw new UsageError(`--resume: ${layout.dir}/ holds ${shown} but no ${path.basename(layout.state)}, so it cannot be told to be the same run; use --overwrite or another --out`);
  }
  const differences = stateDifferences(earlier, state);
  if (differences.length > 0) {
    throw new UsageError(`--resume: ${layout.dir}/ was written by a run with other inputs or flags; rerun with the same ones, or use --overwrite:\n  ${differences.join('\n  ')}`);
  }
  return true;
}

async function readState(file: string): Promise<RunState | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RunState;
  } catch {
    return null;
  }
}

export async function writeState(layout: OutputLayout, state: RunState): Promise<void> {
  await writeFile(layout.state, `${JSON.stringify(state, null, 2)}\n`);
}
