#!/usr/bin/env node
// The command line (README.md, "Running it"). Flags, messages, progress and signals only: the
// work is in run.ts.
//   npm start                      samples/ -> out/
//   npm start -- INPUT... [--out DIR] [--stages a,b] [--resume | --overwrite] [--quiet] ...
//   npm start -- --merge --out DIR    the shards of DIR joined into one run's files
//   npm start -- report OUT | inspect OUT ID    read a finished run (report/commands.ts)
// Exit codes: 0 when every document was processed or recorded as failed; 2 for bad flags, a
// missing input, a bad --gazetteer or an output folder that is not empty; 1 when the run itself
// could not go on (an unwritable output folder); 130 when interrupted (SIGINT, SIGTERM).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, USAGE, UsageError } from './flags.ts';
import { mergeShards } from './merge.ts';
import { createProgressReporter } from './progress.ts';
import { RunError, runPipeline } from './run.ts';
import { isRunCommand, runCommand } from '../../report/commands.ts';

/** How the user reruns this very command, for messages that suggest a flag. */
function rerunCommand(argv: string[]): string {
  const quoted = argv.map((a) => (/^[\w./@:=,+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  const viaNpm = process.env.npm_lifecycle_event === 'start';
  // Built, this file is the package's `newsnorm` command; from the sources it runs under tsx.
  const command = import.meta.url.endsWith('.js') ? 'newsnorm' : 'npx tsx pipeline/run/cli.ts';
  return [viaNpm ? 'npm start --' : command, ...quoted].join(' ');
}

/**
 * SIGINT/SIGTERM stop the run cleanly: no new documents are taken, those in flight are written,
 * run.json says `interrupted`. A second signal exits at once. `release` takes the handlers off
 * again once the run is over (main may run several times in one process: the tests).
 */
function stopOnSignals(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Notices (skipped files, duplicate ids) print up to a limit: run.json has the full account. */
function noticePrinter(limit = 20): (message: string) => void {
  let shown = 0;
  return (message) => {
    if (++shown <= limit) console.error(`newsnorm: ${message}`);
    else if (shown === limit + 1) console.error('newsnorm: further notices not shown (run.json lists the skipped files and counts duplicate ids)');
  };
}

/** --merge: the shards in OUT joined into the files of one run. */
async function merge(out: string, overwrite: boolean, quiet: boolean): Promise<number> {
  try {
    const summary = await mergeShards(out, { overwrite, onNotice: noticePrinter() });
    if (!quiet) console.error(`newsnorm: merged ${summary.documents} documents -> ${out}/records.jsonl`);
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`newsnorm: ${e.message}`);
    return 2;
  }
}

/** The command line on `argv` (the words after the command); the exit code. */
export async function main(argv: string[]): Promise<number> {
  // `report` and `inspect` read a run's output; they are runner-side and no stage imports them.
  if (isRunCommand(argv[0])) return runCommand(argv);
  let options;
  try {
    options = parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`newsnorm: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (options.merge) return merge(options.out, options.overwrite === true, options.quiet);
  const progress = createProgressReporter({ quiet: options.quiet, stream: process.stderr });
  const stop = stopOnSignals();
  try {
    const summary = await runPipeline({
      ...options,
      command: rerunCommand(argv),
      signal: stop.signal,
      onStart: (start) => {
        if (options.resume && !options.quiet) console.error(`newsnorm: kept ${start.kept}, processing ${start.remaining ?? 'the rest'}`);
        progress.start(start);
      },
      onProgress: (p) => progress.update(p),
      onNotice: noticePrinter(),
    });
    progress.stop();
    if (summary.interrupted) {
      console.error(`newsnorm: interrupted after ${summary.documents} documents; rerun with --resume`);
      return 130;
    }
    if (options.quiet) return 0;
    const failed = summary.failed > 0 ? `, ${summary.failed} recorded as failed` : '';
    console.error(`newsnorm: ${summary.documents} documents${failed} in ${(summary.timings.totalMs / 1000).toFixed(1)} s -> ${options.out}/`);
    return 0;
  } catch (e) {
    progress.stop();
    if (e instanceof UsageError) {
      console.error(`newsnorm: ${e.message}`);
      return 2;
    }
    if (e instanceof RunError) {
      console.error(`newsnorm: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    stop.release();
  }
}

/** Whether this module is the program (node cli.ts, npx newsnorm, npm start), not imported by one. */
function isProgram(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isProgram()) process.exitCode = await main(process.argv.slice(2));
