// The command line's flags (README.md, "Running it"), parsed into run options.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';
import { STAGE_NAMES } from './stages.ts';
import type { RunOptions } from './run.ts';

export const USAGE: string = `usage: newsnorm [INPUT...] [options]     (in the repository: npm start -- [INPUT...] [options])
       newsnorm report OUT | inspect OUT ID   (a finished run: its report, one document; report --help)

INPUT                      files or folders (.txt, .jsonl, .jsonl.gz, .html, .htm); default: samples/
--out DIR                  output folder (default: out)
--stages a,b,...           run only these stages, in pipeline order (${STAGE_NAMES.join(', ')})
--reference-date DATE      YYYY-MM-DD: anchors relative dates of documents whose own date is unknown
--concurrency N            documents in flight at once (default: 4, at least 2 per worker)
--workers N                worker threads processing documents, for all cores (default: 1)
--resume                   continue the earlier run in the output folder: keep its documents, process the rest
--overwrite                replace the earlier run's files in the output folder (without --resume or
                           --overwrite, an output folder that is not empty is refused)
--quiet                    no progress on stderr (only errors)
--no-stage-files           write no stages/NN-name.jsonl (records.jsonl and run.json only; faster)
--rank R --world-size N    process only shard R (0-based) of N; by default from a Slurm job array
                           (SLURM_ARRAY_TASK_ID/COUNT) or a Kubernetes Indexed Job
                           (JOB_COMPLETION_INDEX, with --world-size)
--merge [OUT]              join the shards in OUT (or --out) into records.jsonl, stages/NN-name.jsonl and
                           run.json (every rank must have finished)
--max-document-mb N        larger documents are recorded as failed (default: 32)
--document-timeout S       a document still in a stage after S seconds is stopped and recorded as
                           failed, and its worker thread replaced (default: 30 s + 30 s per MB;
                           0: no limit, and with --workers 1 the documents run in the main thread)
--gazetteer FILE           people to pin (JSON or CSV: name, aliases, id): their canonical names and ids
--accuracy best|fast       language detection of short blocks: best (default) or fast (less memory)
--heap-growth PERCENT      let V8's heap grow by PERCENT between full collections (default: 60;
                           0: V8's own policy, more memory)
--help                     this text`;

export { UsageError };

/** The run options, and what only the command line has: whether to show progress, or to merge shards. */
export interface CommandLine extends RunOptions {
  quiet: boolean;
  /** Join the shards in `out` instead of running. */
  merge: boolean;
}

function positiveInt(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} takes a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The shard a cluster scheduler gives this process, when --rank is not given: a Slurm job array
 * (SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN, of SLURM_ARRAY_TASK_COUNT tasks), or a
 * Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with --world-size given: Kubernetes does not say
 * how many completions there are).
 */
export function schedulerShard(env: NodeJS.ProcessEnv, worldSizeFlag: string | undefined): { rank?: string; worldSize?: string } {
  const slurmId = env.SLURM_ARRAY_TASK_ID;
  const slurmCount = env.SLURM_ARRAY_TASK_COUNT;
  if (slurmId !== undefined && slurmCount !== undefined && /^\d+$/.test(slurmId)) {
    const min = /^\d+$/.test(env.SLURM_ARRAY_TASK_MIN ?? '') ? Number(env.SLURM_ARRAY_TASK_MIN) : 0;
    return { rank: String(Number(slurmId) - min), worldSize: slurmCount };
  }
  const index = env.JOB_COMPLETION_INDEX;
  if (index !== undefined && worldSizeFlag !== undefined) return { rank: index };
  return {};
}

/** The flags parseArgs accepts; their meaning is in USAGE. */
const FLAGS = {
  out: { type: 'string' },
  stages: { type: 'string' },
  'reference-date': { type: 'string' },
  concurrency: { type: 'string' },
  workers: { type: 'string' },
  resume: { type: 'boolean' },
  overwrite: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'no-stage-files': { type: 'boolean' },
  merge: { type: 'boolean' },
  rank: { type: 'string' },
  'world-size': { type: 'string' },
  'max-document-mb': { type: 'string' },
  'document-timeout': { type: 'string' },
  gazetteer: { type: 'string' },
  accuracy: { type: 'string' },
  'heap-growth': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flags and positionals as given, before any is checked; a flag parseArgs rejects is a usage error. */
function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: FLAGS });
  } catch (e) {
    // Node's message goes on with advice about positionals starting with '-' (its quotes
    // unbalanced): its first sentence says what is wrong, and USAGE follows it.
    const message = (e as Error).message;
    const unknown = /^Unknown option '[^']*'/.exec(message);
    throw new UsageError(unknown ? `${unknown[0]} (see the flags below)` : message);
  }
}

type Flags = ReturnType<typeof readArgs>['values'];

/** Flags that cannot go together. */
function checkCombinations(v: Flags, positionals: string[]): void {
  if (v.merge && (positionals.length > 1 || (positionals.length === 1 && v.out !== undefined))) {
    throw new UsageError('--merge takes one folder: --merge OUT (or --merge --out OUT)');
  }
  if (v.resume && v.overwrite) throw new UsageError('--resume and --overwrite exclude each other: continue the earlier run, or replace it');
}

/** `--stages a,b`: the stages named, each a known one; null without the flag. */
function stagesOf(flag: string | undefined): string[] | null {
  const stages = flag === undefined ? null : flag.split(',').map((s) => s.trim()).filter(Boolean);
  if (stages !== null) {
    const unknown = stages.filter((n) => !STAGE_NAMES.includes(n));
    if (unknown.length > 0 || stages.length === 0) {
      throw new UsageError(`--stages: unknown stage "${unknown.join(', ')}"; the stages are ${STAGE_NAMES.join(', ')}`);
    }
  }
  return stages;
}

/** This process's share of the input: from --rank/--world-size, else from the scheduler's environment. */
function shardOf(v: Flags, env: NodeJS.ProcessEnv): { rank?: number; worldSize?: number } {
  const scheduled = schedulerShard(env, v['world-size']);
  const rank = positiveInt('rank', v.rank ?? scheduled.rank, 0);
  const worldSize = positiveInt('world-size', v['world-size'] ?? scheduled.worldSize, 1);
  if ((rank === undefined) !== (worldSize === undefined)) throw new UsageError('--rank and --world-size go together');
  if (rank !== undefined && worldSize !== undefined && rank >= worldSize) {
    throw new UsageError(`--rank must be below --world-size (${rank} >= ${worldSize})`);
  }
  return { rank, worldSize };
}

/** `--document-timeout SECONDS`, checked; undefined without the flag. */
function timeoutOf(seconds: string | undefined): string | undefined {
  if (seconds !== undefined && !/^\d+(\.\d+)?$/.test(seconds)) {
    throw new UsageError(`--document-timeout takes a number of seconds (0 for no limit), not "${seconds}"`);
  }
  return seconds;
}

/** Options the runner passes on to single stages (--gazetteer to names, --accuracy to language). */
function stageOptionsOf(v: Flags): Record<string, unknown> {
  if (v.gazetteer !== undefined && !existsSync(v.gazetteer)) throw new UsageError(`--gazetteer: no such file "${v.gazetteer}"`);
  if (v.accuracy !== undefined && v.accuracy !== 'best' && v.accuracy !== 'fast') {
    throw new UsageError(`--accuracy takes best or fast, not "${v.accuracy}"`);
  }
  const stageOptions: Record<string, unknown> = {};
  if (v.gazetteer !== undefined) stageOptions.names = { gazetteer: v.gazetteer };
  if (v.accuracy !== undefined) stageOptions.language = { accuracy: v.accuracy };
  return stageOptions;
}

/** Parses the command line into run options; throws UsageError on a bad flag. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): CommandLine | 'help' {
  const parsed = readArgs(argv);
  const v = parsed.values;
  if (v.help) return 'help';
  checkCombinations(v, parsed.positionals);
  const referenceDate = v['reference-date'];
  if (referenceDate !== undefined && !isValidDate(referenceDate)) {
    throw new UsageError(`--reference-date takes a date YYYY-MM-DD, not "${referenceDate}"`);
  }
  const stages = stagesOf(v.stages);
  const { rank, worldSize } = shardOf(v, env);
  const maxMb = positiveInt('max-document-mb', v['max-document-mb'], 1);
  const timeoutSeconds = timeoutOf(v['document-timeout']);
  const stageOptions = stageOptionsOf(v);
  return {
    inputs: parsed.positionals.length > 0 ? parsed.positionals : ['samples'],
    // `--merge OUT` names the folder as a positional, like `--out OUT`.
    out: (v.merge ? parsed.positionals[0] : undefined) ?? v.out ?? 'out',
    stages,
    referenceDate: referenceDate ?? null,
    concurrency: positiveInt('concurrency', v.concurrency, 1) ?? 4,
    workers: positiveInt('workers', v.workers, 1) ?? 1,
    resume: v.resume ?? false,
    overwrite: v.overwrite ?? false,
    quiet: v.quiet ?? false,
    stageFiles: v['no-stage-files'] !== true,
    merge: v.merge ?? false,
    rank: rank ?? 0,
    worldSize: worldSize ?? 1,
    maxDocumentBytes: maxMb === undefined ? undefined : maxMb * 1024 * 1024,
    // From the command line no stage can hold a run: documents run in worker threads under the
    // default limit unless --document-timeout 0 says otherwise.
    // Without the flag, undefined: the runner's default (heap.ts).
    heapGrowingPercent: positiveInt('heap-growth', v['heap-growth'], 0),
    documentTimeoutMs: timeoutSeconds === undefined ? 'per-mb' : Number(timeoutSeconds) === 0 ? null : Math.round(Number(timeoutSeconds) * 1000),
    ...(Object.keys(stageOptions).length === 0 ? {} : { stageOptions }),
  };
}
