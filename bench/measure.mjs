// The bench's measurement of one run of the pipeline: wall and CPU time, time to the first record,
// peak memory and the resident memory over the run. Plain JavaScript, so that `npm run bench --
// --built` can run it under plain Node against the built package (dist/), as an installed
// `newsnorm` runs: no tsx loader thread, no TypeScript compiled at start in every worker thread.
// `bench/run.ts` calls `measure` in its own process for the sources, or runs this file as a child
// process for the built package; either way it prints the figures.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs `runPipeline(options)` and measures it. The whole process's resident memory (worker
 * threads included) is sampled every half second with the documents written by then: a dump ten
 * times larger must not need more memory, so the highest resident size in each tenth of the run
 * is given, not only the peak.
 */
export async function measure(runPipeline, options) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let firstRecordMs = null;
  let writtenNow = 0;
  const samples = [];
  const sampler = setInterval(() => samples.push({ documents: writtenNow, mb: process.memoryUsage.rss() / 1048576 }), 500);
  const summary = await runPipeline({
    ...options,
    onDocument: (n) => {
      firstRecordMs ??= performance.now() - t0;
      writtenNow = n;
    },
  });
  clearInterval(sampler);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds,
    firstRecordMs: firstRecordMs ?? 0,
    cpuUserMs: cpu.user / 1e3,
    cpuSystemMs: cpu.system / 1e3,
    // maxRSS covers the whole process, worker threads included.
    peakMb: process.resourceUsage().maxRSS / 1024,
    tenths: byTenth(samples, summary.documents),
    documents: summary.documents,
    stageMs: summary.timings.stageMs,
  };
}

/** The highest sample in each tenth of the run, by documents written ('-' for a tenth without a sample). */
function byTenth(samples, documents) {
  const highest = new Array(10).fill(-1);
  for (const { documents: n, mb } of samples) {
    const tenth = Math.min(9, Math.floor((n / Math.max(1, documents)) * 10));
    highest[tenth] = Math.max(highest[tenth], mb);
  }
  return highest.map((mb) => (mb < 0 ? '-' : mb.toFixed(0)));
}

/** The line of a child's output that carries its figures. */
export const RESULT_PREFIX = 'newsnorm-bench-result ';

// As a script: `node bench/measure.mjs OPTIONS_JSON` runs the built package's `runPipeline` and
// prints the figures as one line of JSON after RESULT_PREFIX.
// (Compared as real paths: a checkout reached through a symbolic link names this file otherwise.)
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const { runPipeline } = await import(new URL('../dist/index.js', import.meta.url).href);
  const result = await measure(runPipeline, JSON.parse(process.argv[2]));
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}
