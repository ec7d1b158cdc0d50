// npm run bench [-- MB] [--workers N] [--accuracy best|fast] [--dump FILE] [--out DIR] [--no-stage-files] [--heap-growth PERCENT] [--built]
//
// Runs the whole pipeline over a realistic dump and prints throughput (MB/s, documents/s), peak
// memory and the resident memory over the run (flat or growing), the process's CPU time, time to
// the first record and milliseconds per MB for each stage (wall-clock time inside the stage;
// Node 20 has no per-thread CPU clock. CPU time is the figure to compare on a
// shared machine: the wall clock also counts other processes' turns). The dump is built by
// the development sets' generator (`$NEWSNORM_EVAL_DEV/perf/make-dump.mjs`, by default
// ../shared/eval-dev: half scraped pages, half articles in 75 languages wrapped in chrome), and
// kept in out/bench/ for the next run; without the development sets, from the samples.
// `--built` builds the package and measures dist/ in a child process under plain Node, as an
// installed `newsnorm` runs (measure.mjs); by default the sources are measured in this process.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type RunOptions, runPipeline } from '../pipeline/run/run.ts';
import { type Measured, measure, RESULT_PREFIX } from './measure.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { workers: { type: 'string' }, accuracy: { type: 'string' }, dump: { type: 'string' }, out: { type: 'string' }, 'no-stage-files': { type: 'boolean' }, 'heap-growth': { type: 'string' }, built: { type: 'boolean' } },
});
const targetMb = Number(positionals[0] ?? 100);
const workers = Number(values.workers ?? 1);
const accuracy = values.accuracy ?? 'best';
const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'out', 'bench');
mkdirSync(dir, { recursive: true });
const evalDev = path.resolve(process.env.NEWSNORM_EVAL_DEV ?? path.join(root, '..', 'shared', 'eval-dev'));
const generator = path.join(evalDev, 'perf', 'make-dump.mjs');

async function samplesDump(file: string): Promise<void> {
  // A small linear congruential generator: the same dump on every machine.
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const samples = readdirSync(path.join(root, 'samples')).map((f) => readFileSync(path.join(root, 'samples', f), 'utf8'));
  const paragraphs = samples.flatMap((s) => s.split(/\n+/).filter((p) => p.trim() !== ''));
  const out = createWriteStream(file);
  let bytes = 0;
  for (let n = 0; bytes < targetMb * 1e6; n++) {
    const parts = Array.from({ length: 5 + Math.floor(random() * 20) }, () => paragraphs[Math.floor(random() * paragraphs.length)]);
    const line = `${JSON.stringify({ id: `bench-${n}`, text: parts.join('\n\n'), date: '2026-01-27' })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

let dump = values.dump;
if (dump === undefined) {
  const fromDev = existsSync(generator);
  dump = path.join(dir, `${fromDev ? 'dev' : 'samples'}-${targetMb}mb.jsonl`);
  if (!existsSync(dump)) {
    if (fromDev) {
      const made = spawnSync(process.execPath, [generator, dump, String(targetMb)], { stdio: 'inherit' });
      if (made.status !== 0) throw new Error(`${generator} failed`);
    } else {
      console.log(`bench: no development sets at ${evalDev}; the dump is built from samples/ (short articles, one language each)`);
      await samplesDump(dump);
    }
  }
}

/** The dump's size in MB as the pipeline reads it: a .gz dump is counted uncompressed. */
async function textMb(file: string): Promise<number> {
  if (!file.endsWith('.gz')) return statSync(file).size / 1e6;
  let bytes = 0;
  for await (const chunk of createReadStream(file).pipe(createGunzip())) bytes += (chunk as Buffer).length;
  return bytes / 1e6;
}
const mb = await textMb(dump);
const compressed = dump.endsWith('.gz') ? `, ${(statSync(dump).size / 1e6).toFixed(1)} MB compressed` : '';
const options = {
  inputs: [dump],
  // A gigabyte's dump makes about nine of output: --out puts it elsewhere (a scratch disk).
  out: values.out ?? path.join(dir, 'out'),
  // Each bench replaces its own earlier output.
  overwrite: true,
  workers,
  stageFiles: values['no-stage-files'] !== true,
  heapGrowingPercent: values['heap-growth'] === undefined ? undefined : Number(values['heap-growth']),
  stageOptions: { language: { accuracy } },
} satisfies RunOptions;
const result: Measured = values.built === true ? measureBuilt(options) : await measure(runPipeline, options);
const { seconds, peakMb, documents } = result;
const cpuMs = result.cpuUserMs + result.cpuSystemMs;

/** Builds the package, then measures dist/'s `runPipeline` in a child process under plain Node. */
function measureBuilt(runOptions: typeof options): Measured {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('bench --built: the build failed');
  const child = spawnSync(process.execPath, [path.join(root, 'bench', 'measure.mjs'), JSON.stringify(runOptions)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout?.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (child.status !== 0 || line === undefined) {
    const why = child.error ? child.error.message : child.signal ? `killed by ${child.signal}` : child.status !== 0 ? `exit ${child.status}` : 'no result printed';
    throw new Error(`bench --built: the measuring process failed (${why})`);
  }
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as Measured;
}
const perStage = Object.entries(result.stageMs)
  .map(([stage, ms]) => `${stage} ${(ms / mb).toFixed(0)}`)
  .join(', ');
console.log(`dump: ${path.relative(root, dump)} (${mb.toFixed(1)} MB${compressed}, ${documents} documents), ${workers} worker(s), --accuracy ${accuracy}${values['no-stage-files'] ? ', no stage files' : ''}${values['heap-growth'] === undefined ? '' : `, --heap-growth ${values['heap-growth']}`}${values.built === true ? ', the built package (dist/) under plain Node' : ', the sources under tsx'}`);
console.log(`time: ${seconds.toFixed(1)} s; first record after ${(result.firstRecordMs / 1000).toFixed(2)} s`);
console.log(`stage time (wall clock), ms per MB (summed over workers): ${perStage}`);
console.log(`peak memory: ${peakMb.toFixed(0)} MB (${(peakMb / workers).toFixed(0)} MB per worker)`);
console.log(`memory over the run, highest resident MB in each tenth of the documents: ${result.tenths.join(' ')}`);
console.log(`CPU: ${(result.cpuUserMs / 1e3).toFixed(1)} s user, ${(result.cpuSystemMs / 1e3).toFixed(1)} s system (all threads), ${(cpuMs / mb).toFixed(0)} ms per MB`);
console.log(`throughput: ${(mb / seconds).toFixed(2)} MB/s, ${(documents / seconds).toFixed(0)} documents/s`);
